import { AdminUnit } from "@xkld/domain"

/** Demo mode only: every account has the password `demo` (see README). */
export const DEMO_PASSWORD = "demo"

/**
 * The province code of a national account (Bộ Nội vụ): no province of its own. Every province's aggregates are its
 * jurisdiction; it names the province it reads in each request.
 */
export const NATIONAL_PROVINCE_CODE = "00"

/** An account of the demo provinces, in the shape the API's users take. */
export interface DemoAccount {
  readonly username: string
  readonly displayName: string
  readonly role:
    | "province-officer"
    | "national-officer"
    | "commune-officer"
    | "enterprise-officer"
    | "bank-officer"
    | "leader"
    | "auditor"
    | "administrator"
  readonly provinceCode: string
  readonly unitIds?: ReadonlyArray<string>
  readonly enterpriseId?: string
  readonly agency?: string
  readonly password: string
}

export const demoAccounts = (catalogue: AdminUnit.Catalogue, enterpriseId: string): ReadonlyArray<DemoAccount> => {
  const unit = (code: string) => AdminUnit.unitOn(catalogue, code, "2026-01-01")[0]?.unitId ?? `code:${code}`
  const base = { provinceCode: "14", password: DEMO_PASSWORD }
  return [
    {
      ...base,
      username: "so-noi-vu",
      displayName: "Cán bộ Sở Nội vụ tỉnh Sơn La",
      role: "province-officer",
      agency: "SNV",
    },
    {
      ...base,
      username: "to-hieu",
      displayName: "Cán bộ UBND phường Tô Hiệu",
      role: "commune-officer",
      unitIds: [unit("03646")],
    },
    {
      ...base,
      username: "chieng-an",
      displayName: "Cán bộ UBND phường Chiềng An",
      role: "commune-officer",
      unitIds: [unit("03664")],
    },
    {
      ...base,
      username: "doanh-nghiep",
      displayName: "Cán bộ doanh nghiệp dịch vụ",
      role: "enterprise-officer",
      enterpriseId,
    },
    {
      ...base,
      username: "ngan-hang",
      displayName: "Cán bộ Chi nhánh NHCSXH tỉnh Sơn La",
      role: "bank-officer",
      agency: "NHCSXH",
    },
    { ...base, username: "lanh-dao", displayName: "Lãnh đạo UBND tỉnh Sơn La", role: "leader" },
    { ...base, username: "kiem-toan", displayName: "Kiểm toán viên", role: "auditor" },
    { ...base, username: "quan-tri", displayName: "Quản trị hệ thống", role: "administrator" },
    {
      ...base,
      provinceCode: "15",
      username: "lao-cai",
      displayName: "Cán bộ Sở Nội vụ tỉnh Lào Cai",
      role: "province-officer",
      agency: "SNV",
    },
    {
      ...base,
      provinceCode: "12",
      username: "lai-chau",
      displayName: "Cán bộ Sở Nội vụ tỉnh Lai Châu",
      role: "province-officer",
      agency: "SNV",
    },
    {
      ...base,
      provinceCode: NATIONAL_PROVINCE_CODE,
      username: "bo-noi-vu",
      displayName: "Cán bộ Bộ Nội vụ (Cục Quản lý lao động ngoài nước)",
      role: "national-officer",
    },
  ]
}
