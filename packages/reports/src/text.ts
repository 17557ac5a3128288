/**
 * Text as a report prints it: NFC (a name typed with combining marks prints like one typed precomposed, and the
 * same figures always give the same bytes), numbers and dates the Vietnamese way.
 */

export const nfc = (text: string): string => text.normalize("NFC")

const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 })

/** 1234 → "1.234"; 12.5 → "12,5"; null → "–". */
export const formatNumber = (value: number | null, kind: "count" | "percent" | "amount" = "count"): string => {
  if (value === null) return "–"
  if (kind === "percent") return `${decimal.format(value)}%`
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value)
}

const pad = (n: number) => String(n).padStart(2, "0")

/** "2026-06-05" → "05/06/2026". */
export const formatDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`

/** The place and date line of an administrative document: "Sơn La, ngày 05 tháng 06 năm 2026" (NĐ 30/2020). */
export const placeDateLine = (place: string, date: string): string =>
  nfc(`${place}, ngày ${pad(Number(date.slice(8, 10)))} tháng ${pad(Number(date.slice(5, 7)))} năm ${date.slice(0, 4)}`)

/** "05/BC-SNV": the number and code of a report, numbers below 10 padded (NĐ 30/2020). */
export const documentCode = (number: string, code: string): string =>
  nfc(`${/^\d$/.test(number) ? `0${number}` : number}/BC-${code}`)

/** "Số: 05/BC-SNV"; without a number yet, the blank an office fills in: "Số:      /BC-SNV". */
export const numberLine = (number: string | null, code: string): string =>
  number === null ? nfc(`Số:      /BC-${code}`) : `Số: ${documentCode(number, code)}`

/** An instant as dd/mm/yyyy hh:mm in Vietnam (UTC+7 all year). */
export const formatInstantVi = (iso: string): string => {
  const t = new Date(Date.parse(iso) + 7 * 3600_000)
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}
