import type { Column, ReportContent, Table } from "../content/model.ts"
import { formatNumber, numberLine, placeDateLine } from "../text.ts"

/** Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait, margins in millimetres, sizes in points. */
export const PAGE = { widthMm: 210, heightMm: 297, topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 } as const
export const FONT_SIZES = {
  body: 14,
  heading: 14,
  agency: 13,
  motto: 12,
  table: 12,
  recipientsTitle: 12,
  recipients: 11,
} as const
export const MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
export const MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"

/** The reference column every table ends with: the code of the row's figures in the lineage appendix. */
export const REF_COLUMN: Column = { label: "Mã", kind: "text", width: 8 }

/** A table's cells as text, the reference last: what DOCX and PDF print. */
export function printedRows(table: Table): ReadonlyArray<{ cells: ReadonlyArray<string>; total: boolean }> {
  return table.rows.map((row) => ({
    cells: [
      ...row.cells.map((cell, i) => {
        const column = table.columns[i]!
        if (column.kind === "text") return cell === null ? "" : String(cell)
        return formatNumber(typeof cell === "number" ? cell : null, column.kind === "percent" ? "percent" : "count")
      }),
      row.ref,
    ],
    total: row.total === true,
  }))
}

export const columnsWithRef = (table: Table): ReadonlyArray<Column> => [...table.columns, REF_COLUMN]

/** The header lines both documents print, in order. */
export function headingLines(content: ReportContent) {
  return {
    parentAgency: content.heading.parentAgency,
    agency: content.heading.agency,
    number: numberLine(content.heading.number, content.heading.agencyCode),
    placeDate: placeDateLine(content.heading.place, content.heading.date),
  }
}

/** The lineage appendix: each row with departures, its reference and the query listing its events. */
export function lineageRows(content: ReportContent) {
  return content.sections.flatMap((s) =>
    s.tables.flatMap((t) =>
      t.rows.filter((r) => r.lineage !== null).map((r) => ({ ref: r.ref, label: r.key, lineage: r.lineage! })),
    ),
  )
}

export const APPENDIX_TITLE = "PHỤ LỤC. MÃ SỐ LIỆU VÀ NGUỒN GỐC"
export const APPENDIX_NOTE =
  "Mỗi mã dưới đây là mã in ở cột “Mã” của các bảng; truy vấn bên cạnh (GET /api/lineage) liệt kê các sự kiện và văn bản pháp lý tạo nên số người đã xuất cảnh của dòng đó, như được ghi nhận tại thời điểm báo cáo."
