import { EARLIEST_YEAR, LATEST_YEAR } from "@xkld/domain"
import { fail, ProblemError } from "../http/problem.ts"
import { emptyTable, importInvalid, MAX_IMPORT_ROWS, tooManyRows, type RowError } from "./row-errors.ts"
import {
  cellProblem,
  isCellProblem,
  readWorkbookParts,
  sheetEvents,
  type CellProblem,
  type RawCell,
  type SheetRef,
  type WorkbookParts,
} from "./xlsx.ts"
import { openZip, ZIP_LIMITS, ZipRefusal, type ZipArchive } from "./zip.ts"

/** The media type of an Excel workbook (.xlsx). */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/** A cell's value reduced to what an import reads: text (trimmed, NFC), a number, a boolean or a date. */
export type Plain = string | number | boolean | Date | undefined

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] // Excel 97–2003 (.xls)
const startsWith = (bytes: Uint8Array, magic: ReadonlyArray<number>) => magic.every((b, i) => bytes[i] === b)

const unreadable = () =>
  fail(
    "validation",
    "Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.",
    "The Excel file cannot be read: it is corrupted or not a valid .xlsx.",
  )

/** The problem an archive refusal becomes: 413 for what is over the limits, 400 for a broken or odd file. */
const refusalProblem = (fileName: string, refusal: ZipRefusal): ProblemError => {
  const mib = (n: number) => `${Math.round(n / (1024 * 1024))} MB`
  switch (refusal.kind) {
    case "too-many-entries":
      return fail(
        "payload-too-large",
        `Tệp “${fileName}” gồm ${Number(refusal.detail["entries"]).toLocaleString("vi-VN")} tệp con, vượt quá giới hạn ${ZIP_LIMITS.maxEntries.toLocaleString("vi-VN")} của một tệp Excel; hệ thống không mở tệp này.`,
        `File "${fileName}" holds ${refusal.detail["entries"]} entries, more than the ${ZIP_LIMITS.maxEntries} allowed.`,
        { limit: ZIP_LIMITS.maxEntries, entries: refusal.detail["entries"] },
      )
    case "too-large": {
      const limit = Number(refusal.detail["limit"] ?? ZIP_LIMITS.maxTotalBytes)
      return fail(
        "payload-too-large",
        `Tệp “${fileName}” khi giải nén vượt quá ${mib(limit)}, lớn bất thường với một danh sách tối đa ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")} dòng; hệ thống không mở tệp này. Hãy xóa các trang tính, hình ảnh không cần thiết hoặc chia thành nhiều tệp.`,
        `File "${fileName}" decompresses to more than ${limit} bytes; refused.`,
        {
          limitBytes: limit,
          // Refused from the sizes the archive declares (nothing inflated), or while inflating.
          ...(refusal.detail["declared"] === undefined ? {} : { declaredBytes: refusal.detail["declared"] }),
        },
      )
    }
    case "unsupported":
    case "corrupt":
      return unreadable()
  }
}

/** The sheets of an upload, read as a stream; what the container or the XML cannot support is a client error. */
async function withWorkbook<A>(
  bytes: Uint8Array,
  fileName: string,
  use: (archive: ZipArchive, parts: WorkbookParts) => Promise<A>,
): Promise<A> {
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
  try {
    const archive = openZip(bytes)
    const parts = await readWorkbookParts(archive)
    if (parts.sheets.length === 0)
      throw fail("validation", "Tệp Excel không có trang tính nào.", "The workbook has no worksheet.")
    return await use(archive, parts)
  } catch (error) {
    if (error instanceof ZipRefusal) throw refusalProblem(fileName, error)
    if (error instanceof ProblemError) throw error
    throw unreadable()
  }
}

/**
 * A cell as an import reads it. Text is NFC with single spaces, trimmed; control characters (NUL…), which no
 * record may hold, make the cell a problem.
 */
const plainOf = (cell: RawCell): Plain | CellProblem => {
  if (typeof cell !== "string") return cell
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(cell)
  if (control)
    return cellProblem(
      `Ô chứa ký tự điều khiển không in được (mã U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}); hãy xóa ký tự đó rồi nhập lại.`,
      "The cell holds a control character.",
    )
  const text = cell.normalize("NFC").replace(/\s+/g, " ").trim()
  return text === "" ? undefined : text
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
  /**
   * Cells of recognised columns that hold no usable value (a formula error or no computed result, a number
   * that is not finite, a control character, a merged range): each is a row error, and the cell is left out
   * of `cells`. Merge them with the validators' errors by `withCellErrors`.
   */
  readonly cellErrors: ReadonlyArray<RowError>
}

const HEADER_SCAN_ROWS = 20

const letterOf = (column: number): string => {
  let letters = ""
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/**
 * Finds the table in a workbook: the first sheet with a row (among its first 20) that holds every required
 * header; reads the rows below it, skipping blank ones. The sheets are read as streams and the row limit is
 * enforced while reading: a sheet without the headers is left after its 20th row, and a table is refused at
 * its 5,001st data row, before any further row is inflated. `missing` when no sheet has the headers.
 */
export async function readTable<K extends string>(
  bytes: Uint8Array,
  columns: ReadonlyArray<ColumnSpec<K>>,
  fileName: string,
): Promise<SheetTable<K> | { readonly missing: ReadonlyArray<ColumnSpec<K>> }> {
  return withWorkbook(bytes, fileName, async (archive, parts) => {
    let best: { missing: ReadonlyArray<ColumnSpec<K>> } = { missing: columns.filter((c) => c.required) }
    for (const sheet of parts.sheets) {
      const found = await tableIn(archive, parts, sheet, columns, fileName)
      if (!("missing" in found)) return found
      if (found.missing.length < best.missing.length) best = found
    }
    return best
  })
}

/**
 * The table of an import's upload: `readTable`, with the file's problems as the imports answer them — a required
 * column missing from the header row (a row error of row 1 per column), no data row below it.
 */
export async function readImportTable<K extends string>(
  bytes: Uint8Array,
  columns: ReadonlyArray<ColumnSpec<K>>,
  fileName: string,
): Promise<SheetTable<K>> {
  const table = await readTable(bytes, columns, fileName)
  if ("missing" in table)
    throw importInvalid(
      fileName,
      table.missing.map((col) => ({
        row: 1,
        field: col.header,
        message: `Không tìm thấy cột “${col.header}” trong dòng tiêu đề; hãy dùng tệp mẫu của hệ thống.`,
        messageEn: `Column "${col.header}" not found in the header row.`,
      })),
    )
  if (table.rows.length === 0) throw emptyTable(fileName)
  return table
}

/** The "STT" column every template begins with: a row number the officer may keep, never recorded. */
export const INDEX_COLUMN = {
  key: "index",
  header: "STT",
  aliases: ["Số thứ tự", "TT"],
  required: false,
  width: 6,
  note: "Số thứ tự (không bắt buộc, không được ghi vào hồ sơ).",
  example: 1,
} as const satisfies TemplateColumn<"index">

async function tableIn<K extends string>(
  archive: ZipArchive,
  parts: WorkbookParts,
  sheet: SheetRef,
  columns: ReadonlyArray<ColumnSpec<K>>,
  fileName: string,
): Promise<SheetTable<K> | { missing: ReadonlyArray<ColumnSpec<K>> }> {
  let best: { missing: ReadonlyArray<ColumnSpec<K>> } = { missing: columns.filter((c) => c.required) }
  let header: { row: number; found: Map<K, number> } | undefined
  const rows: Array<SheetRow<K>> = []
  const dataRows = new Set<number>()
  const cellErrors: Array<RowError> = []
  const errorAt = new Set<string>()
  const addError = (row: number, key: K, col: number, problem: { message: string; messageEn: string }) => {
    const at = `${row}:${key}`
    if (errorAt.has(at)) return
    errorAt.add(at)
    const spec = columns.find((c) => c.key === key)!
    cellErrors.push({
      row,
      field: spec.header,
      column: letterOf(col),
      message: problem.message,
      messageEn: problem.messageEn,
    })
  }

  for await (const event of sheetEvents(archive, sheet, parts)) {
    if (event.kind === "merge") {
      if (!header) continue
      const { range } = event
      for (const [key, col] of header.found) {
        if (col < range.left || col > range.right) continue
        for (let r = Math.max(range.top, header.row + 1); r <= range.bottom; r++)
          if (dataRows.has(r))
            addError(r, key, col, {
              message: `Ô nằm trong vùng ô gộp ${range.ref}; hãy bỏ gộp ô (Merge) và ghi giá trị vào từng dòng.`,
              messageEn: `The cell is part of the merged range ${range.ref}; unmerge and fill every row.`,
            })
      }
      continue
    }
    const { row, cells } = event
    if (!header) {
      if (row > HEADER_SCAN_ROWS) break
      const found = new Map<K, number>()
      for (const [col, raw] of [...cells].toSorted((a, b) => a[0] - b[0])) {
        const value = plainOf(raw)
        const text = isCellProblem(value) ? undefined : textOf(value)
        if (text === undefined) continue
        const key = looseKey(text)
        const column = columns.find(
          (c) => !found.has(c.key) && [c.header, ...c.aliases].some((h) => looseKey(h) === key),
        )
        if (column) found.set(column.key, col)
      }
      const missing = columns.filter((c) => c.required && !found.has(c.key))
      if (missing.length === 0) header = { row, found }
      else if (found.size > 0 && missing.length < best.missing.length) best = { missing }
      continue
    }
    if (row <= header.row) continue
    const values: Partial<Record<K, Plain>> = {}
    let any = false
    for (const [key, col] of header.found) {
      const raw = cells.get(col)
      if (raw === undefined) continue
      const value = plainOf(raw)
      if (value === undefined) continue
      any = true
      if (isCellProblem(value)) addError(row, key, col, value)
      else values[key] = value
    }
    if (!any) continue
    if (rows.length >= MAX_IMPORT_ROWS) throw tooManyRows(fileName, rows.length + 1)
    rows.push({ row, cells: values })
    dataRows.add(row)
  }
  if (!header) return best
  const letters: Partial<Record<K, string>> = {}
  for (const [key, col] of header.found) letters[key] = letterOf(col)
  return { sheetName: sheet.name, headerRow: header.row, columns: letters, rows, cellErrors }
}

// ---- cell readers: a value or a Vietnamese message -----------------------------------------------------------

export type Read<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly message: string; readonly messageEn: string }
export const readOk = <A>(value: A): Read<A> => ({ ok: true, value })
export const readFail = (message: string, messageEn: string): Read<never> => ({ ok: false, message, messageEn })

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

// Dates in a file: real calendar days in the years the domain accepts (EARLIEST_YEAR–LATEST_YEAR, docs/dates.md).
const isoOfParts = (year: number, month: number, day: number): Read<string> => {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return readFail("", "")
  if (year < EARLIEST_YEAR || year > LATEST_YEAR)
    return readFail(
      `Ngày ${pad(day)}/${pad(month)}/${pad(year, 4)} nằm ngoài khoảng năm ${EARLIEST_YEAR}–${LATEST_YEAR}; hãy kiểm tra năm.`,
      `Date out of range (${EARLIEST_YEAR}–${LATEST_YEAR}).`,
    )
  return readOk(`${year}-${pad(month)}-${pad(day)}`)
}

/**
 * A date as typed in Vietnam (dd/mm/yyyy, also dd-mm-yyyy and dd.mm.yyyy), an ISO date, or a date cell (a
 * number formatted as a date, read as a UTC date). A bare number is refused: the officer sees “45000”, not a day.
 */
export const readDate = (value: Plain): Read<string> => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return readFail("Ô ngày tháng không đọc được.", "Unreadable date cell.")
    const read = isoOfParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
    return read.ok || read.message !== "" ? read : readFail("Ô ngày tháng không đọc được.", "Unreadable date cell.")
  }
  if (typeof value === "number")
    return readFail(
      `“${value}” là một số, không phải ngày tháng; hãy ghi ngày dạng dd/mm/yyyy.`,
      `"${value}" is a number, not a date (dd/mm/yyyy).`,
    )
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
  return result.ok || result.message !== ""
    ? result
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
