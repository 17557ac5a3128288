import { Schema } from "effect"
import { Count } from "../shared/values.ts"
import { parsePrintedDecimal, toNumber } from "./printed-decimal.ts"

/** Official 5-digit code of a commune-level unit (mã ĐVHC), e.g. "03646". */
const UnitCode = Schema.String.check(Schema.isPattern(/^\d{5}$/, { message: "Mã ĐVHC gồm 5 chữ số" }))

/**
 * One row of an allocation table (e.g. Phụ lục 01), as printed.
 * The unit is referred to by its official code and the name as printed; the admin-unit catalogue resolves codes.
 * The share is kept both as the printed decimal string ("3,46") and as a number (3.46).
 */
export const Allocation = Schema.Struct({
  unitCode: UnitCode,
  unitName: Schema.String,
  sharePercentPrinted: Schema.String,
  sharePercent: Schema.Finite,
  headCount: Count,
  note: Schema.optional(Schema.String),
})
export type Allocation = typeof Allocation.Type

/** Builds an allocation row from the printed share; the number is derived from the string. */
export const allocation = (
  unitCode: string,
  unitName: string,
  sharePercentPrinted: string,
  headCount: number,
): Allocation => {
  const parsed = parsePrintedDecimal(sharePercentPrinted)
  return { unitCode, unitName, sharePercentPrinted, sharePercent: parsed ? toNumber(parsed) : Number.NaN, headCount }
}

/** Why an allocation row is invalid (Vietnamese), or undefined. */
export const allocationProblem = (a: Allocation): string | undefined => {
  if (!/^\d{5}$/.test(a.unitCode)) return `Mã ĐVHC "${a.unitCode}" không hợp lệ (cần 5 chữ số)`
  const parsed = parsePrintedDecimal(a.sharePercentPrinted)
  if (parsed === undefined) return `Tỷ lệ "${a.sharePercentPrinted}" của ${a.unitName} không đọc được`
  if (toNumber(parsed) !== a.sharePercent)
    return `Tỷ lệ ${a.sharePercent} của ${a.unitName} không khớp với bản in "${a.sharePercentPrinted}"`
  if (toNumber(parsed) > 100) return `Tỷ lệ của ${a.unitName} vượt quá 100%`
  if (!Number.isInteger(a.headCount) || a.headCount < 0) return `Chỉ tiêu của ${a.unitName} phải là số nguyên không âm`
  return undefined
}
