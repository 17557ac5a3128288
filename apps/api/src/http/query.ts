import {
  EARLIEST_PLAN_YEAR,
  endOfVietnamDay,
  isCalendarDate,
  isPlanYear,
  LATEST_PLAN_YEAR,
  vietnamDateOf,
} from "@xkld/domain"
import { parsePeriod, type Period } from "@xkld/projections"
import { Schema } from "effect"
import { now } from "../clock.ts"
import { fail } from "./problem.ts"

/** Query-string building blocks shared by the read routes (every value arrives as a string). */
export const ProvinceCode = Schema.String.check(Schema.isPattern(/^\d{2}$/, { message: "Mã tỉnh gồm 2 chữ số" }))
const PLAN_YEARS = `${EARLIEST_PLAN_YEAR}–${LATEST_PLAN_YEAR}`
/** A plan or reporting year the system knows: "0251" passes the shape but is refused, never read as the year 251. */
const planYearFilter = Schema.makeFilter((text: string) =>
  isPlanYear(Number(text.slice(0, 4)))
    ? undefined
    : `Năm phải trong khoảng ${PLAN_YEARS} / the year must be within ${PLAN_YEARS}`,
)
export const YearText = Schema.String.check(
  Schema.isPattern(/^\d{4}$/, { message: "Năm gồm 4 chữ số, ví dụ 2026" }),
).check(planYearFilter)
export const UnitCode = Schema.String.check(Schema.isPattern(/^\d{5}$/, { message: "Mã ĐVHC gồm 5 chữ số" }))
export const PeriodText = Schema.String.check(
  Schema.isPattern(/^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: "Kỳ: 2026, 2026-H1, 2026-Q1 hoặc 2026-05" }),
).check(planYearFilter)
/** A recorded time: ISO date-time ("2026-06-15T08:00:00Z") or a date (the end of that day in Vietnam, UTC+7). */
export const AsOfText = Schema.String.check(
  Schema.isPattern(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, {
    message: "Thời điểm theo ISO 8601, ví dụ 2026-06-15 hoặc 2026-06-15T08:00:00Z",
  }),
)
export const LimitText = Schema.String.check(Schema.isPattern(/^\d{1,4}$/, { message: "Số nguyên từ 1 đến 500" }))
export const OffsetText = Schema.String.check(Schema.isPattern(/^\d{1,9}$/, { message: "Số nguyên ≥ 0" }))

/** Filters every read-model list accepts: province, unit, period, asOf, limit, offset. */
export const listQueryFields = {
  province: Schema.optional(ProvinceCode),
  unit: Schema.optional(UnitCode),
  period: Schema.optional(PeriodText),
  asOf: Schema.optional(AsOfText),
  limit: Schema.optional(LimitText),
  offset: Schema.optional(OffsetText),
}

export interface ListQuery {
  readonly province?: string | undefined
  readonly unit?: string | undefined
  readonly period?: string | undefined
  readonly asOf?: string | undefined
  readonly limit?: string | undefined
  readonly offset?: string | undefined
}

const invalid = (path: string, message: string, messageEn: string) =>
  fail("validation", `${path}: ${message}`, `${path}: ${messageEn}`, { fields: [{ path, message, messageEn }] })

/**
 * `asOf` as a Date; undefined means "now, the current versions". A bare date means the end of that day in Vietnam
 * (`asOf=2026-06-15` is 23:59:59.999 on 15/6 in Sơn La, 16:59:59.999Z), as an officer means "as of 15/6".
 */
export const parseAsOf = (text: string | undefined, path = "query.asOf"): Date | undefined => {
  if (text === undefined) return undefined
  const day = text.slice(0, 10)
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? endOfVietnamDay(text) : new Date(text)
  // "2026-02-30" would roll over to March, "0000-01-01" is a year the database has not: the day must exist (1900–2100)
  if (Number.isNaN(date.getTime()) || !isCalendarDate(day) || !isCalendarDate(vietnamDateOf(date)))
    throw invalid(path, "Thời điểm không tồn tại", "Not a valid time")
  return date
}

/** The business date a status is computed for: the Vietnamese date of `asOf`, or today in Vietnam. */
export const businessDateOf = (asOf: Date | undefined): string => vietnamDateOf(asOf ?? now())

export const parseYear = (text: string | undefined, path = "query.year"): number | undefined => {
  if (text === undefined) return undefined
  const year = Number(text)
  if (!isPlanYear(year)) throw invalid(path, `Năm phải trong khoảng ${PLAN_YEARS}`, `Year must be within ${PLAN_YEARS}`)
  return year
}

export const requireYear = (text: string | undefined, path = "query.year"): number => {
  const year = parseYear(text, path)
  if (year === undefined) throw invalid(path, "Thiếu trường bắt buộc", "Missing key")
  return year
}

/**
 * The query of one province's figures for a year as known at a recorded time (targets, attainment, lineage):
 * `province` (the actor's when absent, see `provinceOf`), `year`, `asOf`. A route that needs the year states
 * `year: YearText` over these fields.
 */
export const ProvinceYearAsOfFields = {
  province: Schema.optional(ProvinceCode),
  year: Schema.optional(YearText),
  asOf: Schema.optional(AsOfText),
}
export const ProvinceYearAsOfQuery = Schema.Struct(ProvinceYearAsOfFields)

/** `year` and `asOf` of that query: the year asked for, else `defaultYear()` (required when there is none). */
export const parseYearAsOf = (
  query: { readonly year?: string | undefined; readonly asOf?: string | undefined },
  defaultYear?: () => number,
): { readonly year: number; readonly asOf: Date | undefined } => {
  const asOf = parseAsOf(query.asOf)
  const year = defaultYear ? (parseYear(query.year) ?? defaultYear()) : requireYear(query.year)
  return { year, asOf }
}

export const parsePeriodText = (text: string | undefined): Period | undefined => {
  if (text === undefined) return undefined
  const period = parsePeriod(text)
  if (!period) throw invalid("query.period", "Kỳ không hợp lệ", "Invalid period")
  return period
}

export interface Page {
  readonly limit: number
  readonly offset: number
}

export const pageOf = (query: { limit?: string | undefined; offset?: string | undefined }): Page => {
  const limit = query.limit === undefined ? 50 : Number(query.limit)
  if (limit < 1 || limit > 500) throw invalid("query.limit", "Số nguyên từ 1 đến 500", "An integer from 1 to 500")
  return { limit, offset: query.offset === undefined ? 0 : Number(query.offset) }
}

/** `{ items, total, limit, offset }` of an already sorted list. */
export const paginate = <T>(items: ReadonlyArray<T>, page: Page) => ({
  items: items.slice(page.offset, page.offset + page.limit),
  total: items.length,
  limit: page.limit,
  offset: page.offset,
})

/** The answer `paginate` gives, for a route's declared response. */
export const PageBody = <S extends Schema.Top>(item: S) =>
  Schema.Struct({ items: Schema.Array(item), total: Schema.Int, limit: Schema.Int, offset: Schema.Int })

/**
 * A page of a list whose items have a status on a business date (tasks, reporting obligations): when it was
 * asked for, the date the statuses are computed for, how many items of the whole filtered list have each status,
 * and the page itself.
 */
export const statusPage = <T extends { readonly status: string }>(
  items: ReadonlyArray<T>,
  at: { readonly asOf: Date | undefined; readonly on: string; readonly page: Page },
) => {
  const byStatus: Record<string, number> = {}
  for (const item of items) byStatus[item.status] = (byStatus[item.status] ?? 0) + 1
  return {
    asOf: (at.asOf ?? new Date()).toISOString(),
    statusOn: at.on,
    byStatus,
    ...paginate(items, at.page),
  }
}

/** The answer `statusPage` gives, for a route's declared response (`status` the item's status literals). */
export const StatusPageBody = <S extends Schema.Top, L extends Schema.Literals<ReadonlyArray<string>>>(
  item: S,
  status: L,
) =>
  Schema.Struct({
    asOf: Schema.String,
    statusOn: Schema.String,
    byStatus: Schema.Record(status, Schema.optional(Schema.Int)),
    ...PageBody(item).fields,
  })

export const collator = new Intl.Collator("vi")
