import { Schema } from "effect"
import { isCalendarDate } from "./dates.ts"

/**
 * A calendar date `yyyy-mm-dd` (business dates: departures, decisions, deadlines) that exists — no 30 February —
 * in the years the system accepts (`EARLIEST_YEAR`–`LATEST_YEAR`, docs/dates.md).
 */
export const IsoDate = Schema.String.check(
  Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: "Ngày phải có dạng yyyy-mm-dd / date must be yyyy-mm-dd",
  }),
)
  .check(
    Schema.makeFilter(
      (text: string) =>
        isCalendarDate(text)
          ? undefined
          : "Ngày không tồn tại hoặc ngoài khoảng năm 1900–2100 / no such date (1900–2100)",
      { expected: "a day that exists, 1900–2100" },
    ),
  )
  .annotate({ identifier: "IsoDate", description: "Calendar date yyyy-mm-dd, years 1900–2100" })
export type IsoDate = typeof IsoDate.Type

/** Non-negative whole number (head-counts, amounts in VND). */
export const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * The legal document a change executes (quyết định, kế hoạch, nghị quyết…).
 * Every plan, allocation and administrative change cites one.
 */
export const LegalBasis = Schema.Struct({
  number: Schema.String, // e.g. "2553/ĐA-UBND"
  date: IsoDate,
  issuer: Schema.String, // e.g. "UBND tỉnh Sơn La"
  title: Schema.optional(Schema.String),
})
export type LegalBasis = typeof LegalBasis.Type
