import ExcelJS from "exceljs"
import { quotaColumns } from "./quota-rows.ts"
import { MAX_IMPORT_ROWS } from "./row-errors.ts"
import { stageColumns, stageLabel, stageSpecs } from "./stage-columns.ts"
import { XLSX_MEDIA_TYPE, type TemplateColumn } from "./spreadsheet.ts"
import { priorityGroupLabels, workerColumns } from "./worker-columns.ts"

/** A unit offered in the template's catalogue sheet. */
export interface TemplateUnit {
  readonly code: string
  readonly name: string
}

export const WORKERS_SHEET = "Danh sách người lao động"
export const QUOTA_SHEET = "Bảng giao chỉ tiêu"
export const STAGES_SHEET = "Quá trình của người lao động"
export const NOTES_SHEET = "Hướng dẫn"
export const UNITS_SHEET = "Danh mục xã, phường"
export const STAGE_LIST_SHEET = "Loại thông tin"

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } }
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
}

const styleHeader = (row: ExcelJS.Row, required?: (col: number) => boolean) => {
  row.height = 36
  row.eachCell((cell, col) => {
    cell.font = { bold: true, color: { argb: required?.(col) ? "FFC00000" : "FF000000" } }
    cell.fill = HEADER_FILL
    cell.border = THIN
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true }
  })
}

/** The data sheet: the header row (required columns in red), widths, text columns, drop-down lists. */
function dataSheet<K extends string>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: ReadonlyArray<TemplateColumn<K>>,
  unitColumn: K,
  unitCount: number,
  listSheet: string = UNITS_SHEET,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: "@" } } : {}),
  }))
  styleHeader(sheet.getRow(1), (col) => columns[col - 1]?.required ?? false)
  const last = MAX_IMPORT_ROWS + 1
  const validations = (
    sheet as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }
  ).dataValidations
  columns.forEach((c, i) => {
    const letter = sheet.getColumn(i + 1).letter
    const range = `${letter}2:${letter}${last}`
    if (c.choices)
      validations.add(range, {
        type: "list",
        allowBlank: true,
        formulae: [`"${c.choices.join(",")}"`],
        showErrorMessage: true,
        errorTitle: "Giá trị không hợp lệ",
        error: `Chọn một trong: ${c.choices.join(", ")}.`,
      })
    else if (c.key === unitColumn && unitCount > 0)
      validations.add(range, {
        type: "list",
        allowBlank: true,
        formulae: [`'${listSheet}'!$A$2:$A$${unitCount + 1}`],
        showErrorMessage: true,
        errorTitle: listSheet === UNITS_SHEET ? "Mã không có trong danh mục" : "Không có trong danh mục",
        error: listSheet === UNITS_SHEET ? `Chọn mã trong trang “${UNITS_SHEET}”.` : `Chọn trong trang “${listSheet}”.`,
      })
    else if (/dd\/mm\/yyyy/.test(c.header))
      validations.add(range, {
        type: "textLength",
        operator: "between",
        allowBlank: true,
        formulae: [8, 10],
        showInputMessage: true,
        promptTitle: "Ngày tháng",
        prompt: "Ghi theo dạng ngày/tháng/năm, ví dụ 05/03/1999.",
      })
  })
  return sheet
}

/** The notes sheet: one line per column (required or not, how to write it, an example), then general rules. */
function notesSheet<K extends string>(
  workbook: ExcelJS.Workbook,
  title: string,
  dataSheetName: string,
  columns: ReadonlyArray<TemplateColumn<K>>,
  rules: ReadonlyArray<string>,
) {
  const sheet = workbook.addWorksheet(NOTES_SHEET)
  sheet.columns = [{ width: 28 }, { width: 12 }, { width: 80 }, { width: 24 }]
  sheet.addRow([title]).font = { bold: true, size: 14 }
  sheet.addRow([
    `Nhập dữ liệu vào trang “${dataSheetName}”, mỗi dòng một đơn vị dữ liệu, bắt đầu từ dòng 2; không đổi tên các cột.`,
  ])
  sheet.addRow([])
  const header = sheet.addRow(["Cột", "Bắt buộc", "Cách ghi", "Ví dụ"])
  styleHeader(header)
  for (const c of columns) {
    const row = sheet.addRow([c.header, c.required ? "Có" : "Không", c.note, c.example === "" ? "" : String(c.example)])
    row.alignment = { vertical: "top", wrapText: true }
    row.eachCell((cell) => (cell.border = THIN))
  }
  sheet.addRow([])
  sheet.addRow(["Lưu ý"]).font = { bold: true }
  for (const rule of rules) sheet.addRow(["", "", rule]).alignment = { wrapText: true, vertical: "top" }
  return sheet
}

function unitsSheet(workbook: ExcelJS.Workbook, units: ReadonlyArray<TemplateUnit>) {
  const sheet = workbook.addWorksheet(UNITS_SHEET)
  sheet.columns = [
    { header: "Mã", key: "code", width: 10, style: { numFmt: "@" } },
    { header: "Tên xã, phường", key: "name", width: 32 },
  ]
  styleHeader(sheet.getRow(1))
  for (const u of units) sheet.addRow({ code: u.code, name: u.name })
}

const COMMON_RULES = [
  "Hệ thống kiểm tra TẤT CẢ các dòng trước khi ghi: chỉ cần một dòng sai thì không dòng nào được ghi, và hệ thống trả về danh sách lỗi theo từng dòng, từng cột.",
  `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS.toLocaleString("vi-VN")} dòng dữ liệu; danh sách dài hơn hãy chia thành nhiều tệp.`,
  "Nhập lại đúng tệp đã nhập sẽ không tạo thêm bản ghi mới. Tên tệp, mã băm SHA-256 của tệp và số dòng được lưu làm nguồn của từng bản ghi.",
  "Ngày tháng ghi theo dạng ngày/tháng/năm (dd/mm/yyyy); có thể dùng ô định dạng ngày của Excel.",
]

const finish = async (workbook: ExcelJS.Workbook): Promise<Uint8Array> => {
  workbook.creator = "Hệ thống quản lý người lao động đi làm việc ở nước ngoài"
  workbook.created = new Date()
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

/** The workers list template: data sheet, notes, and the units the officer may register workers in. */
export async function workersTemplate(units: ReadonlyArray<TemplateUnit>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  dataSheet(workbook, WORKERS_SHEET, workerColumns, "unitCode", units.length)
  notesSheet(
    workbook,
    "Hướng dẫn nhập danh sách người lao động đăng ký đi làm việc ở nước ngoài",
    WORKERS_SHEET,
    workerColumns,
    [
      ...COMMON_RULES,
      "Số CCCD phải đúng 12 chữ số và khớp với năm sinh, giới tính; mỗi người chỉ được đăng ký một lần trong tỉnh.",
      "Cán bộ UBND xã, phường chỉ nhập được người lao động cư trú tại xã, phường mình quản lý.",
      `Nhóm ưu tiên (ghi đúng tên, nhiều nhóm cách nhau bằng dấu chấm phẩy): ${priorityGroupLabels.map((p) => p.label).join("; ")}.`,
    ],
  )
  unitsSheet(workbook, units)
  return finish(workbook)
}

/** The quota table template: Mã ĐVHC, Tên xã, phường, Tỷ lệ (%), Chỉ tiêu (người); notes; the units of the province. */
export async function quotaTemplate(units: ReadonlyArray<TemplateUnit>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  dataSheet(workbook, QUOTA_SHEET, quotaColumns, "unitCode", units.length)
  notesSheet(
    workbook,
    "Hướng dẫn nhập bảng giao chỉ tiêu đưa người lao động đi làm việc ở nước ngoài",
    QUOTA_SHEET,
    quotaColumns,
    [
      ...COMMON_RULES,
      "Có thể thêm một dòng tổng cộng: để trống cột Mã ĐVHC, ghi “Tổng cộng” ở cột tên và tổng số người ở cột chỉ tiêu.",
      "Bảng được ghi đúng như bản in, kể cả khi tổng các dòng khác chỉ tiêu cả tỉnh hoặc tổng tỷ lệ khác 100%; hệ thống báo cáo các chênh lệch đó.",
      "Khi điều chỉnh một kế hoạch đã ban hành, chỉ ghi các đơn vị có thay đổi; các đơn vị phải có trong bảng giao chỉ tiêu của kế hoạch.",
    ],
  )
  unitsSheet(workbook, units)
  return finish(workbook)
}

/**
 * The lifecycle stages template: one row per fact of a registered worker, its kind in "Loại thông tin" (a
 * drop-down of every stage), the columns every stage's fields; notes say which columns each stage takes.
 */
export async function stagesTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const columns = stageColumns.map((c) => (c.key === "stage" ? { ...c, choices: stageSpecs.map(stageLabel) } : c))
  // The stage list is longer than an inline list allows (255 characters): the drop-down reads the stages sheet.
  dataSheet(
    workbook,
    STAGES_SHEET,
    columns.map((c) => (c.key === "stage" ? { ...c, choices: undefined } : c)),
    "stage",
    stageSpecs.length,
    STAGE_LIST_SHEET,
  )
  notesSheet(
    workbook,
    "Hướng dẫn nhập quá trình của người lao động (tư vấn, đào tạo, khám sức khỏe, hợp đồng, xuất cảnh, về nước…)",
    STAGES_SHEET,
    columns,
    [
      ...COMMON_RULES,
      "Mỗi dòng ghi một thông tin của một người lao động đã đăng ký; các dòng của cùng một người được ghi theo thứ tự trong tệp (ví dụ: ký hợp đồng trước, xuất cảnh sau).",
      "Người lao động được xác định bằng mã người lao động hoặc số CCCD; cán bộ UBND xã, phường chỉ ghi nhận cho người lao động của xã, phường mình.",
      "Chỉ ghi các cột mà loại thông tin của dòng sử dụng (xem trang “Loại thông tin”); các cột khác để trống.",
    ],
  )
  const list = workbook.addWorksheet(STAGE_LIST_SHEET)
  list.columns = [
    { header: "Loại thông tin", key: "label", width: 36 },
    { header: "Các cột cần ghi", key: "fields", width: 90 },
  ]
  styleHeader(list.getRow(1))
  for (const spec of stageSpecs) {
    const fields = Object.entries((spec.body as unknown as { fields: Record<string, { ast: unknown }> }).fields)
      .filter(([name]) => name !== "occurredOn")
      .map(([name, schema]) => {
        const header = stageColumns.find((c) => c.key === `field:${name}`)?.header ?? name
        const optional = (schema.ast as { context?: { isOptional?: boolean } }).context?.isOptional === true
        return optional ? `${header} (không bắt buộc)` : `${header} (bắt buộc)`
      })
    list.addRow({ label: stageLabel(spec), fields: fields.join("; ") || "(chỉ cần ngày)" })
  }
  return finish(workbook)
}

/** A file download: the xlsx media type and a file name (ASCII, plus the UTF-8 form). */
export const xlsxResponse = (bytes: Uint8Array, fileName: string): Response =>
  new Response(bytes as unknown as ConstructorParameters<typeof Response>[0], {
    status: 200,
    headers: {
      "content-type": XLSX_MEDIA_TYPE,
      "content-disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  })
