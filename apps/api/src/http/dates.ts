import { IsoDate } from "@xkld/domain"
import { Schema } from "effect"
import { today } from "../clock.ts"

const vi = (date: string) => date.split("-").toReversed().join("/")

const notAfterToday = (what: string, whatEn: string) =>
  Schema.makeFilter((date: string) => {
    const now = today()
    return date <= now
      ? undefined
      : `${what} không thể sau hôm nay (${vi(now)}) / ${whatEn} cannot be after today (${now})`
  })

/**
 * The date something happened (a registration, a departure, a report submitted): a real day from 1900 to today in
 * Vietnam. A later date is refused (400): the log keeps every event forever, so a typing error must not enter it.
 */
export const EventDate = IsoDate.check(notAfterToday("Ngày xảy ra", "The date"))

/** A date of birth: a real day from 1900 to today; the registration checks it precedes the event (domain). */
export const BirthDate = IsoDate.check(notAfterToday("Ngày sinh", "The date of birth"))
