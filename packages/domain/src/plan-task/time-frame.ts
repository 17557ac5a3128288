import { Schema } from "effect"
import { isCalendarDate } from "../shared/dates.ts"
import { IsoDate } from "../shared/values.ts"

/**
 * When a plan task is due, as the appendix prints it:
 *   "Thường xuyên" → ongoing (no due date), "Năm 2026" → year, "Quý I/2026" → quarter, "Tháng 1/2026" → month,
 *   "Trước ngày 15/01/2026" → date (due 14/01/2026: the printed day is already late, as for reports).
 * A document that prints no time frame for a task is recorded as "Không ghi thời hạn": ongoing, never overdue,
 * rather than a deadline the document does not set.
 * `year` of an ongoing task is the plan year it belongs to.
 */
export const TimeFrame = Schema.Struct({
  kind: Schema.Literals(["ongoing", "year", "quarter", "month", "date"]),
  year: Schema.Int,
  quarter: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 4 }))),
  month: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 12 }))),
  /** kind "date": the last day the task may be done on (yyyy-mm-dd). */
  date: Schema.optional(IsoDate),
  label: Schema.String,
})
export type TimeFrame = typeof TimeFrame.Type

const romanQuarters: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4, "1": 1, "2": 2, "3": 3, "4": 4 }

/**
 * Parses a printed time frame (whitespace and line breaks of the PDF text are tolerated; "trong"/"hoàn thành
 * trong" prefixes are accepted). Returns undefined when the label is not one of the known shapes.
 */
export const parseTimeFrame = (printed: string, planYear: number): TimeFrame | undefined => {
  const label = printed.replace(/\s+/g, " ").trim()
  const text = label.replace(/^(hoàn thành )?trong /i, "").toLocaleLowerCase("vi")
  if (text === "thường xuyên" || text === "không ghi thời hạn") return { kind: "ongoing", year: planYear, label }
  const d = /^trước ngày (\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  if (d) {
    const day = `${d[3]}-${(d[2] ?? "").padStart(2, "0")}-${(d[1] ?? "").padStart(2, "0")}`
    if (!isCalendarDate(day)) return undefined
    const date = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10)
    return { kind: "date", year: Number(date.slice(0, 4)), date, label }
  }
  let m = /^năm (\d{4})$/.exec(text)
  if (m) return { kind: "year", year: Number(m[1]), label }
  m = /^quý (iv|iii|ii|i|[1-4]) ?\/ ?(\d{4})$/.exec(text)
  if (m) {
    const quarter = romanQuarters[(m[1] ?? "").toUpperCase()]
    return quarter === undefined ? undefined : { kind: "quarter", year: Number(m[2]), quarter, label }
  }
  m = /^tháng (\d{1,2}) ?\/ ?(\d{4})$/.exec(text)
  if (m) {
    const month = Number(m[1])
    return month >= 1 && month <= 12 ? { kind: "month", year: Number(m[2]), month, label } : undefined
  }
  return undefined
}

const lastDayOfMonth = (year: number, month: number): string => {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
}

/** The last day the task may be done on; null for ongoing tasks ("Thường xuyên" are never overdue). */
export const dueDate = (tf: TimeFrame): string | null => {
  switch (tf.kind) {
    case "ongoing":
      return null
    case "year":
      return `${tf.year}-12-31`
    case "quarter":
      return lastDayOfMonth(tf.year, (tf.quarter ?? 4) * 3)
    case "month":
      return lastDayOfMonth(tf.year, tf.month ?? 12)
    case "date":
      return tf.date ?? null
  }
}
