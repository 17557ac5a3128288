import { AdminUnit, QuotaPlan } from "@xkld/domain"
import type { RowError } from "./row-errors.ts"
import { looseKey, readDigits, textOf, type Plain, type SheetTable, type TemplateColumn } from "./spreadsheet.ts"

export type QuotaColumnKey = "index" | "unitCode" | "unitName" | "sharePercent" | "headCount" | "note"

export const quotaColumns: ReadonlyArray<TemplateColumn<QuotaColumnKey>> = [
  {
    key: "index",
    header: "STT",
    aliases: ["TT", "Số thứ tự"],
    required: false,
    width: 6,
    note: "Số thứ tự (không bắt buộc).",
    example: 1,
  },
  {
    key: "unitCode",
    header: "Mã ĐVHC",
    aliases: ["Mã xã/phường", "Mã xã, phường", "Mã đơn vị hành chính", "Mã đơn vị"],
    required: true,
    width: 10,
    text: true,
    note: "Mã đơn vị hành chính cấp xã (5 chữ số). Dòng tổng cộng để trống mã và ghi “Tổng cộng” ở cột tên.",
    example: "03646",
  },
  {
    key: "unitName",
    header: "Tên xã, phường",
    aliases: ["Tên xã/phường", "Tên đơn vị", "Đơn vị", "Xã, phường"],
    required: true,
    width: 26,
    note: "Tên xã, phường như in trong văn bản.",
    example: "Phường Tô Hiệu",
  },
  {
    key: "sharePercent",
    header: "Tỷ lệ (%)",
    aliases: ["Tỷ lệ", "Tỷ lệ %"],
    required: true,
    width: 10,
    text: true,
    note: "Tỷ lệ phần trăm như in trong văn bản, dấu phẩy thập phân, ví dụ 3,46.",
    example: "3,46",
  },
  {
    key: "headCount",
    header: "Chỉ tiêu (người)",
    aliases: ["Chỉ tiêu", "Số người", "Số lao động"],
    required: true,
    width: 12,
    note: "Số người được giao (số nguyên không âm).",
    example: 24,
  },
  { key: "note", header: "Ghi chú", aliases: [], required: false, width: 24, note: "Không bắt buộc.", example: "" },
]

const headerOf = new Map(quotaColumns.map((c) => [c.key, c.header]))
/** Text kept in the plan's events as printed: a unit's name, a row's note. */
const MAX_NAME = 200
const MAX_NOTE = 500

export interface QuotaRowsContext {
  readonly catalogue: AdminUnit.Catalogue
  readonly provinceCode: string
  /** Dates on which a unit code must be in force in the province (any of them). */
  readonly onDates: ReadonlyArray<string>
  /** For an amendment: the units the plan allocates (only those may change). */
  readonly planUnits?: ReadonlyMap<string, string> | undefined
}

export interface QuotaRows {
  readonly allocations: ReadonlyArray<QuotaPlan.Allocation>
  /** The total row as printed ("Tổng cộng"), null when the table has none. */
  readonly printedTotal: number | null
  readonly errors: ReadonlyArray<RowError>
  /** Not errors: e.g. a printed name that differs from the catalogue's. */
  readonly warnings: ReadonlyArray<RowError>
}

/**
 * Validates a quota table: unit codes (5 digits, in the province's catalogue or, for an amendment, in the
 * plan), printed shares and head-counts, units listed twice. A row with no code whose name starts with
 * “Tổng” is the printed total. Sums that do not add up are not errors: the plan's consistency report says so.
 */
export function validateQuotaRows(table: SheetTable<QuotaColumnKey>, context: QuotaRowsContext): QuotaRows {
  const allocations: Array<QuotaPlan.Allocation> = []
  const errors: Array<RowError> = []
  const warnings: Array<RowError> = []
  let printedTotal: number | null = null
  let totalRow: number | undefined
  const seen = new Map<string, number>()
  const unitsOn = context.onDates.map(
    (date) => new Map(AdminUnit.unitsOf(context.catalogue, context.provinceCode, date).map((u) => [u.code, u])),
  )

  for (const { row, cells } of table.rows) {
    const before = errors.length
    const at = (key: QuotaColumnKey) => ({ row, field: headerOf.get(key) ?? key, column: table.columns[key] })
    const err = (key: QuotaColumnKey, message: string, messageEn: string) =>
      errors.push({ ...at(key), message, messageEn })
    const name = textOf(cells.unitName)
    const headCount = readCount(cells.headCount)

    if (cells.unitCode === undefined && name !== undefined && looseKey(name).startsWith("tong")) {
      if (totalRow !== undefined)
        err("unitName", `Bảng có hai dòng tổng cộng (dòng ${totalRow} và dòng ${row}).`, "Two total rows.")
      else if (headCount === undefined)
        err(
          "headCount",
          `Dòng tổng cộng phải ghi tổng số người (số nguyên từ 0 đến ${MAX_HEAD_COUNT.toLocaleString("vi-VN")}).`,
          "The total row needs a whole number.",
        )
      else {
        totalRow = row
        printedTotal = headCount
      }
      continue
    }

    const code = cells.unitCode === undefined ? "" : readDigits(cells.unitCode, 5)
    if (code === "") err("unitCode", "Thiếu mã ĐVHC.", "Missing unit code.")
    else if (!/^\d{5}$/.test(code))
      err("unitCode", `Mã ĐVHC “${code}” phải gồm 5 chữ số.`, "Unit code must have 5 digits.")
    else if (seen.has(code))
      err(
        "unitCode",
        `Mã ĐVHC ${code} đã có ở dòng ${seen.get(code)}; mỗi đơn vị chỉ một dòng.`,
        `Unit ${code} listed twice.`,
      )
    else {
      seen.set(code, row)
      if (context.planUnits) {
        if (!context.planUnits.has(code))
          err(
            "unitCode",
            `Đơn vị mã ${code} không có trong bảng giao chỉ tiêu của kế hoạch; chỉ điều chỉnh được các đơn vị đã được giao.`,
            `Unit ${code} is not allocated in this plan.`,
          )
      } else {
        const unit = unitsOn.map((m) => m.get(code)).find((u) => u !== undefined)
        if (!unit)
          err(
            "unitCode",
            `Mã ĐVHC ${code} không thuộc danh mục xã, phường của tỉnh vào thời điểm của kế hoạch.`,
            `Unit ${code} not in the province's catalogue.`,
          )
        else if (
          name !== undefined &&
          !AdminUnit.unitOn(context.catalogue, name, context.onDates[0]!).some((u) => u.unitId === unit.unitId)
        )
          warnings.push({
            ...at("unitName"),
            message: `Tên “${name}” khác tên trong danh mục (${unit.name}); vẫn ghi theo bản in.`,
            messageEn: "Name differs from the catalogue.",
          })
      }
    }
    if (name === undefined) err("unitName", "Thiếu tên xã, phường.", "Missing unit name.")
    else if (name.length > MAX_NAME)
      err("unitName", `Tên quá dài (tối đa ${MAX_NAME} ký tự).`, `Name too long (max ${MAX_NAME}).`)
    const noteText = textOf(cells.note)
    if (noteText !== undefined && noteText.length > MAX_NOTE)
      err("note", `Ghi chú quá dài (tối đa ${MAX_NOTE} ký tự).`, `Note too long (max ${MAX_NOTE}).`)

    const printed = sharePrinted(cells.sharePercent)
    if (printed === undefined) err("sharePercent", "Thiếu tỷ lệ (%).", "Missing share.")
    else {
      const parsed = QuotaPlan.parsePrintedDecimal(printed)
      if (parsed === undefined)
        err(
          "sharePercent",
          `Tỷ lệ “${printed}” không đọc được; ghi số thập phân với dấu phẩy, ví dụ 3,46.`,
          "Unreadable share.",
        )
      else if (Number(parsed.scaled) / 10 ** parsed.scale > 100)
        err("sharePercent", `Tỷ lệ ${printed}% vượt quá 100%.`, "Share above 100%.")
    }
    if (cells.headCount === undefined) err("headCount", "Thiếu chỉ tiêu (người).", "Missing head-count.")
    else if (headCount === undefined)
      err(
        "headCount",
        `Chỉ tiêu “${textOf(cells.headCount)}” phải là số nguyên từ 0 đến ${MAX_HEAD_COUNT.toLocaleString("vi-VN")}.`,
        `Head-count must be a whole number from 0 to ${MAX_HEAD_COUNT}.`,
      )

    if (errors.length === before) {
      const a = QuotaPlan.allocation(code, name!, printed!, headCount!)
      const note = textOf(cells.note)
      const problem = QuotaPlan.allocationProblem(a)
      if (problem) err("sharePercent", problem, "Invalid allocation row.")
      else allocations.push(note === undefined ? a : { ...a, note })
    }
  }
  return { allocations, printedTotal, errors, warnings }
}

/** The share as printed: a typed "3,46" (or "3,46%") as is; a number cell 3.46 as "3,46". */
const sharePrinted = (value: Plain): string | undefined => {
  if (value === undefined) return undefined
  if (typeof value === "number") return String(value).replace(".", ",")
  return (textOf(value) ?? "").replace(/%$/, "").trim()
}

/** The most people one figure of a quota table (or a plan's target) may count: far above any province's year. */
export const MAX_HEAD_COUNT = 1_000_000

/** A whole number from 0 to `MAX_HEAD_COUNT`; "1.042" (Vietnamese thousands) is 1042. */
const readCount = (value: Plain): number | undefined => {
  const inRange = (n: number) => (Number.isSafeInteger(n) && n >= 0 && n <= MAX_HEAD_COUNT ? n : undefined)
  if (typeof value === "number") return inRange(value)
  const text = textOf(value)
  if (text === undefined) return undefined
  if (/^\d+$/.test(text) || /^\d{1,3}([.,\s]\d{3})+$/.test(text)) return inRange(Number(text.replace(/[.,\s]/g, "")))
  return undefined
}
