import ExcelJS from "exceljs"
import type { ReportContent } from "../content/model.ts"
import { headingLines, MOTTO } from "./layout.ts"
import { pinZip } from "./zip.ts"

const NUMBER_FORMAT = { count: "#,##0", amount: "#,##0", percent: "0.0" } as const
const HEADER_ROW = 3

/**
 * The report's tables as a workbook: one sheet per table, real numbers (shown with the reader's separators:
 * 1.234 in Vietnamese Excel), the header row frozen, and each row's reference and lineage query beside it.
 * The first sheet says whose report it is and as of when.
 */
export async function renderXlsx(content: ReportContent): Promise<Uint8Array> {
  // stored, not deflated: `pinZip` deflates every part once (the entries' bytes are the same either way)
  const bytes = new Uint8Array(await xlsxWorkbook(content).xlsx.writeBuffer({ zip: { compression: "STORE" } }))
  return pinZip(bytes, new Date(content.asOf))
}

/** The report's workbook, before it is written. */
export function xlsxWorkbook(content: ReportContent): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook()
  const pinned = new Date(content.asOf)
  book.creator = content.heading.agency
  book.lastModifiedBy = content.heading.agency
  book.created = pinned
  book.modified = pinned
  book.title = `${content.title} ${content.summary}`

  const cover = book.addWorksheet("bao-cao")
  const lines = headingLines(content)
  cover.columns = [{ width: 28 }, { width: 90 }]
  const info: Array<[string, string]> = [
    ["Quốc hiệu", MOTTO],
    ["Cơ quan", [lines.parentAgency, lines.agency].filter(Boolean).join(" — ")],
    ["Số", lines.number],
    ["Địa danh, ngày", lines.placeDate],
    ["Báo cáo", content.summary],
    ["Đơn vị báo cáo", content.reporter.name],
    ["Kỳ báo cáo", `${content.period.label} (${content.period.code})`],
    ["Số liệu ghi nhận đến (UTC)", content.asOf],
  ]
  for (const [k, v] of info) cover.addRow([k, v])
  cover.getColumn(1).font = { bold: true }

  for (const section of content.sections)
    for (const table of section.tables) {
      const sheet = book.addWorksheet(table.id, { views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 1 }] })
      sheet.getCell(1, 1).value = table.title
      sheet.getCell(1, 1).font = { bold: true }
      if (table.note) sheet.getCell(2, 1).value = table.note
      const header = [...table.columns.map((c) => c.label), "Mã", "Nguồn gốc (GET)"]
      sheet.getRow(HEADER_ROW).values = header
      sheet.getRow(HEADER_ROW).font = { bold: true }
      table.columns.forEach((c, i) => {
        sheet.getColumn(i + 1).width = c.kind === "text" ? Math.max(12, c.width * 1.2) : 16
        if (c.kind !== "text") sheet.getColumn(i + 1).numFmt = NUMBER_FORMAT[c.kind]
      })
      sheet.getColumn(table.columns.length + 1).width = 8
      sheet.getColumn(table.columns.length + 2).width = 60
      for (const row of table.rows) {
        const added = sheet.addRow([...row.cells, row.ref, row.lineage ?? ""])
        if (row.total) added.font = { bold: true }
      }
    }
  return book
}
