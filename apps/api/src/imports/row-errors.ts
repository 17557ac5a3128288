import { fail, type ProblemError } from "../http/problem.ts"

/** One problem in one row of an import: the Excel row number, the column (header as in the template), Vietnamese first. */
export interface RowError {
  readonly row: number
  readonly field: string
  /** Excel column letter, when the column is in the file. */
  readonly column?: string | undefined
  readonly message: string
  readonly messageEn: string
}

const byRow = (a: RowError, b: RowError) => a.row - b.row || (a.column ?? "").localeCompare(b.column ?? "")

/**
 * The 422 problem of an import with invalid rows: every row error, in row order. Nothing was written.
 * `detail` names the first rows so a user reading only the message knows where to look.
 */
export const importInvalid = (fileName: string, errors: ReadonlyArray<RowError>): ProblemError => {
  const rows = [...errors].sort(byRow)
  const rowNumbers = [...new Set(rows.map((e) => e.row))]
  const shown = rows
    .slice(0, 5)
    .map((e) => `dòng ${e.row}, cột “${e.field}”: ${e.message}`)
    .join("; ")
  const more = rows.length > 5 ? `; và ${rows.length - 5} lỗi khác` : ""
  return fail(
    "import-invalid",
    `Tệp “${fileName}” có ${rows.length} lỗi ở ${rowNumbers.length} dòng; chưa dữ liệu nào được ghi. ${shown}${more}.`,
    `File "${fileName}" has ${rows.length} error(s) in ${rowNumbers.length} row(s); nothing was written.`,
    { fileName, invalidRows: rowNumbers.length, rows },
  )
}

/** The most rows one import accepts; a larger list is split into several files. */
export const MAX_IMPORT_ROWS = 5000

/** The sheet is read no further than the first row over the limit: `count` is that row's number among the data. */
export const tooManyRows = (fileName: string, count: number): ProblemError =>
  fail(
    "validation",
    `Tệp “${fileName}” có từ ${count.toLocaleString("vi-VN")} dòng dữ liệu trở lên, vượt quá giới hạn ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")} dòng mỗi lần nhập; hãy chia thành nhiều tệp.`,
    `File "${fileName}" has ${count} or more data rows, more than the ${MAX_IMPORT_ROWS} allowed per import; split it.`,
    { limit: MAX_IMPORT_ROWS, rowCount: count },
  )

export const emptyTable = (fileName: string): ProblemError =>
  fail(
    "validation",
    `Tệp “${fileName}” không có dòng dữ liệu nào dưới dòng tiêu đề.`,
    `File "${fileName}" has no data rows below the header.`,
  )

/**
 * The errors of an import: the unreadable cells the sheet reader found, and the validators' errors except those
 * for a cell already reported as unreadable (a validator sees such a cell as empty and would say it is missing).
 */
export const withCellErrors = (
  cellErrors: ReadonlyArray<RowError>,
  errors: ReadonlyArray<RowError>,
): ReadonlyArray<RowError> => {
  const unreadable = new Set(cellErrors.map((e) => `${e.row}\u0000${e.field}`))
  return [...cellErrors, ...errors.filter((e) => !unreadable.has(`${e.row}\u0000${e.field}`))]
}
