/** The roles of the registry (see README "Access"). */
export const ROLES = [
  "province-officer", // Sở Nội vụ: everything in the province
  "national-officer", // Bộ Nội vụ: every province's aggregates, the raw log (personal data removed) and lineage
  "commune-officer", // UBND xã/phường: only their units' workers and figures
  "enterprise-officer", // only the workers the enterprise recruits
  "bank-officer", // loans
  "department-officer", // its plan tasks and reports
  "leader", // aggregates only, no personal data
  "auditor", // reads everything incl. the raw log and lineage, writes nothing
  "administrator", // users and roles
] as const
export type Role = (typeof ROLES)[number]

export const roleLabelVi: Record<Role, string> = {
  "province-officer": "Cán bộ Sở Nội vụ",
  "national-officer": "Cán bộ Bộ Nội vụ (cấp quốc gia)",
  "commune-officer": "Cán bộ UBND xã, phường",
  "enterprise-officer": "Cán bộ doanh nghiệp",
  "bank-officer": "Cán bộ Ngân hàng Chính sách xã hội",
  "department-officer": "Cán bộ sở, ngành",
  leader: "Lãnh đạo",
  auditor: "Kiểm toán, thanh tra",
  administrator: "Quản trị hệ thống",
}
