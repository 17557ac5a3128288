import { type Programme, programmeByCode, programmes } from "./programmes.ts"
import type { SeedSource } from "./source.ts"

/**
 * "Thị trường có thu nhập cao và ổn định" is a classification each province sets in its own documents.
 * Only what a seed says is recorded; a market a province has not classified is "unclassified", not "not high-income".
 */
export interface HighIncomeClassification {
  readonly provinceCode: string
  readonly marketCode: string
  readonly source: SeedSource
}

const laiChau: SeedSource = {
  seed: "004",
  quote:
    "Khai thác có hiệu quả thị trường xuất khẩu lao động truyền thống, đặc biệt là thị trường có thu nhập cao và ổn định như: Nhật Bản, Hàn Quốc, Đài Loan, Singapore, Úc, Đức, Rumani...",
}

export const highIncomeClassifications: ReadonlyArray<HighIncomeClassification> = [
  "JP",
  "KR",
  "TW",
  "SG",
  "AU",
  "DE",
  "RO",
].map((marketCode) => ({ provinceCode: "12", marketCode, source: laiChau }))

export type IncomeClass = "high-income" | "unclassified"

/** The province's classification of a market. */
export const marketIncomeClass = (
  provinceCode: string,
  marketCode: string,
  classifications: ReadonlyArray<HighIncomeClassification> = highIncomeClassifications,
): IncomeClass =>
  classifications.some((c) => c.provinceCode === provinceCode && c.marketCode === marketCode)
    ? "high-income"
    : "unclassified"

/** A programme is high-income for a province when the province classifies the programme's market so. */
export const programmeHighIncome = (
  provinceCode: string,
  programmeCode: string,
  classifications: ReadonlyArray<HighIncomeClassification> = highIncomeClassifications,
): IncomeClass => {
  const programme = programmeByCode(programmeCode)
  return programme === undefined
    ? "unclassified"
    : marketIncomeClass(provinceCode, programme.marketCode, classifications)
}

/** Every programme with the province's classification of it, e.g. for a report's "high-income" column. */
export const programmesClassifiedFor = (
  provinceCode: string,
  classifications: ReadonlyArray<HighIncomeClassification> = highIncomeClassifications,
): ReadonlyArray<{ readonly programme: Programme; readonly highIncome: IncomeClass }> =>
  programmes.map((programme) => ({
    programme,
    highIncome: marketIncomeClass(provinceCode, programme.marketCode, classifications),
  }))
