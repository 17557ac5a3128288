import ExcelJS from "exceljs"
import { fail } from "../http/problem.ts"

/** The media type of an Excel workbook (.xlsx). */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/** A cell's value reduced to what an import reads: text (trimmed, NFC), a number, a boolean or a date. */
export type Plain = string | number | boolean | Date | undefined

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] // Excel 97–2003 (.xls)
const startsWith = (bytes: Uint8Array, magic: ReadonlyArray<number>) => magic.every((b, i) => bytes[i] === b)

/**
 * Opens an uploaded workbook. Anything that is not an .xlsx is refused as a client error (415 or 400), never
 * as a 500: an old .xls, a CSV or a picture, a truncated or corrupted file.
 */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw fail("validation", "Tệp tải lên rỗng.", "The uploaded file is empty.")
  if (startsWith(bytes, OLE_MAGIC))
    throw fail(
      "unsupported-media-type",
      "Tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy mở tệp bằng Excel và lưu lại dạng .xlsx.",
      "Excel 97–2003 (.xls) files are not supported; save the file as .xlsx.",
    )
  if (!startsWith(bytes, ZIP_MAGIC))
    throw fail(
      "unsupported-media-type",
      "Tệp tải lên không phải tệp Excel (.xlsx). Hãy dùng tệp mẫu tải về từ hệ thống.",
      "The uploaded file is not an Excel workbook (.xlsx).",
    )
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never)
  } catch {
    throw fail(
      "validation",
      "Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.",
      "The Excel file cannot be read: it is corrupted or not a valid .xlsx.",
    )
  }
  if (workbook.worksheets.length === 0)
    throw fail("validation", "Tệp Excel không có trang tính nào.", "The workbook has no worksheet.")
  return workbook
}

/** Reduces an ExcelJS cell value (rich text, formula result, hyperlink…) to a plain value. */
export const plainValue = (value: ExcelJS.CellValue | unknown): Plain => {
  if (value === null || value === undefined) return undefined
  if (typeof value === "string") {
    const text = value.normalize("NFC").replace(/\s+/g, " ").trim()
    return text === "" ? undefined : text
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined
  if (typeof value === "boolean" || value instanceof Date) return value
  if (typeof value === "object") {
    const v = value as {
      richText?: ReadonlyArray<{ text: string }>
      result?: unknown
      formula?: unknown
      sharedFormula?: unknown
      text?: unknown
      error?: unknown
    }
    if (v.richText) return plainValue(v.richText.map((r) => r.text).join(""))
    if ("formula" in v || "sharedFormula" in v) return plainValue(v.result)
    if (v.text !== undefined) return plainValue(v.text)
    if (v.error !== undefined) return String(v.error)
  }
  return undefined
}

/** The text of a plain value, as a user would read it in the cell. */
export const textOf = (value: Plain): string | undefined => {
  if (value === undefined) return undefined
  if (value instanceof Date) return value.toISOString().slice(0, 10).split("-").reverse().join("/")
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE"
  return String(value)
}

/**
 * A comparison key for headers and choices: lower case, no diacritics ("đ" → "d"), no parenthesised hints,
 * no asterisks, single spaces. "Ngày sinh (dd/mm/yyyy) *" and "ngay sinh" give the same key.
 */
export const looseKey = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[*:]/g, " ")
    .replace(/\s+/g, " ")
    .trim()

/** A column an import reads: its header as in the template and other headers accepted for it. */
export interface ColumnSpec<K extends string = string> {
  readonly key: K
  readonly header: string
  readonly aliases: ReadonlyArray<string>
  readonly required: boolean
}

/** A column as a template shows it: width, what the notes sheet says, an example, a drop-down list. */
export interface TemplateColumn<K extends string> extends ColumnSpec<K> {
  readonly width: number
  /** What to type, in Vietnamese (the notes sheet). */
  readonly note: string
  readonly example: string | number
  /** Kept as text in the template (codes and numbers with leading zeros). */
  readonly text?: boolean
  /** A drop-down list in the template. */
  readonly choices?: ReadonlyArray<string>
}

/** One data row: its Excel row number and the plain value of each known column. */
export interface SheetRow<K extends string> {
  readonly row: number
  readonly cells: Readonly<Partial<Record<K, Plain>>>
}

export interface SheetTable<K extends string> {
  readonly sheetName: string
  readonly headerRow: number
  /** Excel column letter of each recognised column. */
  readonly columns: Readonly<Partial<Record<K, string>>>
  readonly rows: ReadonlyArray<SheetRow<K>>
}

const HEADER_SCAN_ROWS = 20

/**
 * Finds the table in a workbook: the first sheet with a row (among its first 20) that holds every required
 * header; reads the rows below it, skipping blank ones. Undefined when no sheet has the headers.
 */
export function readTable<K extends string>(
  workbook: ExcelJS.Workbook,
  columns: ReadonlyArray<ColumnSpec<K>>,
): SheetTable<K> | { readonly missing: ReadonlyArray<ColumnSpec<K>> } {
  let best: { missing: ReadonlyArray<ColumnSpec<K>> } = { missing: columns.filter((c) => c.required) }
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount); r++) {
      const found = new Map<K, number>()
      sheet.getRow(r).eachCell((cell, col) => {
        const text = textOf(plainValue(cell.value))
        if (text === undefined) return
        const key = looseKey(text)
        const column = columns.find(
          (c) => !found.has(c.key) && [c.header, ...c.aliases].some((h) => looseKey(h) === key),
        )
        if (column) found.set(column.key, col)
      })
      const missing = columns.filter((c) => c.required && !found.has(c.key))
      if (missing.length === 0) return tableBelow(sheet, r, found)
      if (found.size > 0 && missing.length < best.missing.length) best = { missing }
    }
  }
  return best
}

function tableBelow<K extends string>(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  found: Map<K, number>,
): SheetTable<K> {
  const rows: Array<SheetRow<K>> = []
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n <= headerRow) return
    const cells: Partial<Record<K, Plain>> = {}
    let any = false
    for (const [key, col] of found) {
      const value = plainValue(row.getCell(col).value)
      if (value !== undefined) {
        cells[key] = value
        any = true
      }
    }
    if (any) rows.push({ row: n, cells })
  })
  const columns: Partial<Record<K, string>> = {}
  for (const [key, col] of found) columns[key] = sheet.getColumn(col).letter
  return { sheetName: sheet.name, headerRow, columns, rows }
}

// ---- cell readers: a value or a Vietnamese message -----------------------------------------------------------

export type Read<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly message: string; readonly messageEn: string }
export const readOk = <A>(value: A): Read<A> => ({ ok: true, value })
export const readFail = (message: string, messageEn: string): Read<never> => ({ ok: false, message, messageEn })

const pad = (n: number, width = 2) => String(n).padStart(width, "0")
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

const isoOfParts = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    year < 1900 ||
    year > 2200 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return undefined
  return `${year}-${pad(month)}-${pad(day)}`
}

/**
 * A date as typed in Vietnam (dd/mm/yyyy, also dd-mm-yyyy and dd.mm.yyyy), an ISO date, or a date cell
 * (Excel stores those as day numbers; ExcelJS gives them as UTC dates).
 */
export const readDate = (value: Plain): Read<string> => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return readFail("Ô ngày tháng không đọc được.", "Unreadable date cell.")
    const iso = isoOfParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
    return iso ? readOk(iso) : readFail("Ngày nằm ngoài khoảng cho phép.", "Date out of range.")
  }
  if (typeof value === "number") {
    if (value < 1 || value > 2_958_465)
      return readFail(`“${value}” không phải ngày tháng (dd/mm/yyyy).`, `"${value}" is not a date.`)
    const date = new Date(EXCEL_EPOCH + Math.floor(value) * 86_400_000)
    return readDate(date)
  }
  const text = textOf(value) ?? ""
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  const parts = vn
    ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : undefined
  if (!parts) return readFail(`“${text}” không đúng dạng ngày dd/mm/yyyy.`, `"${text}" is not a dd/mm/yyyy date.`)
  const result = isoOfParts(parts[0]!, parts[1]!, parts[2]!)
  return result
    ? readOk(result)
    : readFail(`Ngày “${text}” không có thật trên lịch.`, `"${text}" is not a calendar date.`)
}

/**
 * A string of digits (codes, ID numbers, phone numbers). A number cell lost its leading zeros: they are put
 * back up to `width`. Spaces, dots and dashes typed inside the number are dropped.
 */
export const readDigits = (value: Plain, width: number): string => {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return String(value).padStart(width, "0")
  return (textOf(value) ?? "").replace(/[\s.-]/g, "")
}

/** dd/mm/yyyy from yyyy-mm-dd, for messages. */
export const dateVi = (iso: string): string => iso.split("-").reverse().join("/")
