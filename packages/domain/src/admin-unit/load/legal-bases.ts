import type { LegalBasis } from "../../shared/values.ts"

/**
 * The decisions behind the reorganisation of 1 July 2025 that the bundled CSV names only by number.
 * Dates and issuers are public facts (the National Assembly Standing Committee adopted resolutions 1654–1687 on
 * 16 June 2025; the National Assembly adopted Resolution 202/2025/QH15 on 12 June 2025 and the Law on the
 * Organisation of Local Government 72/2025/QH15 on 16 June 2025). They are not in the CSV: check against the
 * official gazette, and correct by a cited event if wrong.
 */
const communeResolution = (number: string, province: string): LegalBasis => ({
  number,
  date: "2025-06-16",
  issuer: "Ủy ban Thường vụ Quốc hội",
  title: `Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh ${province} năm 2025`,
})

export const communeResolutions: Readonly<Record<string, LegalBasis>> = {
  "1670/NQ-UBTVQH15": communeResolution("1670/NQ-UBTVQH15", "Lai Châu"),
  "1673/NQ-UBTVQH15": communeResolution("1673/NQ-UBTVQH15", "Lào Cai"),
  "1681/NQ-UBTVQH15": communeResolution("1681/NQ-UBTVQH15", "Sơn La"),
}

/** Province-level arrangement (old Lào Cai and Yên Bái into the new Lào Cai; Lai Châu, Sơn La kept). */
export const provinceResolution: LegalBasis = {
  number: "202/2025/QH15",
  date: "2025-06-12",
  issuer: "Quốc hội",
  title: "Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh",
}

/** Two-level local government from 1 July 2025: the district level ends. */
export const localGovernmentLaw: LegalBasis = {
  number: "72/2025/QH15",
  date: "2025-06-16",
  issuer: "Quốc hội",
  title: "Luật Tổ chức chính quyền địa phương",
}

/** Where units whose establishment is not recorded are taken from. */
export const adminUnitDataSource =
  "dvhcvn/20250701 (MIT), từ danh mục của cơ quan thống kê (Công văn 915/CTK-CSCL, 1027/CTK-CSCL) " +
  "và các Nghị quyết 1654–1687/NQ-UBTVQH15"

/** First day of the new units; the old ones were in force until the day before. */
export const reorganisationDate = "2025-07-01"
