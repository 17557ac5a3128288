/**
 * Dates, numbers and name order as Vietnamese officers read them, whatever the interface language: dates
 * dd/mm/yyyy, numbers 1.234,5, names in Vietnamese alphabetical order (Đ after D, Ư after U…).
 */
const TIME_ZONE = "Asia/Ho_Chi_Minh"

const numberFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 })
const dateFormat = new Intl.DateTimeFormat("vi-VN", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: TIME_ZONE,
})
const timeFormat = new Intl.DateTimeFormat("vi-VN", {
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: TIME_ZONE,
})

export const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true })

/** The API writes non-finite numbers as strings ("NaN"): those are shown as "—". */
type Numeric = number | string | null | undefined

export const formatNumber = (value: Numeric): string =>
  value === null || value === undefined || !Number.isFinite(Number(value)) ? "—" : numberFormat.format(Number(value))

export const formatPercent = (value: Numeric): string =>
  value === null || value === undefined || !Number.isFinite(Number(value))
    ? "—"
    : `${numberFormat.format(Number(value))} %`

/** `2026-03-02` (a calendar date) or an ISO instant → `02/03/2026`. Calendar dates are not shifted by time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—"
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (calendar) return `${calendar[3]}/${calendar[2]}/${calendar[1]}`
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date)
}

/** An instant → `02/03/2026 14:05` (Vietnam time). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—"
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : `${dateFormat.format(date)} ${timeFormat.format(date)}`
}

/** `dd/mm/yyyy` typed by an officer → `yyyy-mm-dd`, or undefined when it is not a real date. */
export function parseDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text)
  if (!match) return undefined
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
}

/**
 * A legal document's number as printed. The seeds record an unsigned copy's placeholder as printed ("/QĐ-UBND",
 * the number left blank): shown as "…/QĐ-UBND (chưa ghi số)" so nobody reads it as a number.
 */
export function formatDocumentNumber(number: string | null | undefined, language: "vi" | "en" = "vi"): string {
  if (!number) return "—"
  const trimmed = number.trim()
  if (!trimmed.startsWith("/")) return trimmed
  return `…${trimmed} ${language === "en" ? "(not numbered)" : "(chưa ghi số)"}`
}

export const sortByName = <T>(items: ReadonlyArray<T>, name: (item: T) => string): T[] =>
  [...items].sort((a, b) => collator.compare(name(a), name(b)))

/**
 * `dd/mm/yyyy` or `dd/mm/yyyy hh:mm` in Vietnam time → an ISO instant. A date alone means the end of that day
 * ("tính đến ngày 15/06/2026" includes the 15th).
 */
export function parseInstant(text: string): string | undefined {
  const match = /^\s*(\d{1,2}\/\d{1,2}\/\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(text)
  if (!match) return undefined
  const day = parseDate(match[1]!)
  if (!day) return undefined
  if (match[2] === undefined) return new Date(`${day}T23:59:59.999+07:00`).toISOString()
  const [hours, minutes] = [Number(match[2]), Number(match[3])]
  if (hours > 23 || minutes > 59) return undefined
  return new Date(`${day}T${String(hours).padStart(2, "0")}:${match[3]}:00+07:00`).toISOString()
}
