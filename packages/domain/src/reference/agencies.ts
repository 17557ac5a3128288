import type { SeedSource } from "./source.ts"

export type AgencyKind =
  | "people-committee"
  | "department"
  | "party"
  | "front"
  | "police"
  | "military"
  | "bank"
  | "public-service"
  | "school"
  | "media"
  | "enterprise"
  | "group"

/**
 * An agency (cơ quan, đơn vị) named in the seeds, by role: every province has its own "Sở Nội vụ";
 * the province comes from the document that names it. `code` is a short stable code of the role.
 * `group` agencies stand for a class the documents address collectively ("Các sở, ban, ngành").
 */
export interface Agency {
  readonly code: string
  readonly kind: AgencyKind
  readonly nameVi: string
  readonly nameEn: string
  /** Other printed names ("UBND cấp xã", "UBND các xã, phường"). */
  readonly aliasesVi: ReadonlyArray<string>
  /** Seeds that name it. */
  readonly seeds: ReadonlyArray<SeedSource["seed"]>
  /** For agencies that no longer exist under this name: what took over their functions, and when. */
  readonly succeededBy?: { readonly code: string; readonly on: string; readonly note: string }
}

const a = (
  code: string,
  kind: AgencyKind,
  nameVi: string,
  nameEn: string,
  seeds: Agency["seeds"],
  aliasesVi: ReadonlyArray<string> = [],
  succeededBy?: Agency["succeededBy"],
): Agency =>
  succeededBy
    ? { code, kind, nameVi, nameEn, aliasesVi, seeds, succeededBy }
    : { code, kind, nameVi, nameEn, aliasesVi, seeds }

export const agencies: ReadonlyArray<Agency> = [
  a(
    "UBND-TINH",
    "people-committee",
    "Ủy ban nhân dân tỉnh",
    "Provincial People's Committee",
    ["000", "001", "002", "003"],
    ["UBND tỉnh"],
  ),
  a(
    "VP-UBND",
    "people-committee",
    "Văn phòng Ủy ban nhân dân tỉnh",
    "Office of the Provincial People's Committee",
    ["000", "001"],
    ["Văn phòng UBND tỉnh"],
  ),
  a(
    "UBND-XA",
    "people-committee",
    "Ủy ban nhân dân cấp xã",
    "Commune/ward People's Committee",
    ["000", "001"],
    ["UBND cấp xã", "UBND các xã, phường", "UBND các cấp xã", "UBND xã, phường"],
  ),
  a(
    "UBND-HUYEN",
    "people-committee",
    "Ủy ban nhân dân cấp huyện",
    "District People's Committee (abolished 1 July 2025)",
    ["002", "003"],
    ["Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thành phố"],
  ),
  a("SNV", "department", "Sở Nội vụ", "Department of Home Affairs", ["000", "001"]),
  a(
    "SLDTBXH",
    "department",
    "Sở Lao động - Thương binh và Xã hội",
    "Department of Labour, Invalids and Social Affairs",
    ["002", "003"],
    [],
    {
      code: "SNV",
      on: "2025-03-01",
      note: "chức năng quản lý lao động ngoài nước chuyển về Sở Nội vụ khi sắp xếp bộ máy năm 2025",
    },
  ),
  a("STC", "department", "Sở Tài chính", "Department of Finance", ["000", "001", "002", "003"]),
  a("SKHDT", "department", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment", ["003"], [], {
    code: "STC",
    on: "2025-03-01",
    note: "hợp nhất vào Sở Tài chính khi sắp xếp bộ máy năm 2025",
  }),
  a("SYT", "department", "Sở Y tế", "Department of Health", ["000", "001", "003"]),
  a("STP", "department", "Sở Tư pháp", "Department of Justice", ["000", "002", "003"]),
  a("SNGV", "department", "Sở Ngoại vụ", "Department of Foreign Affairs", ["001", "002", "003"]),
  a("SDTTG", "department", "Sở Dân tộc và Tôn giáo", "Department of Ethnic Minorities and Religion", ["000", "001"]),
  a("BDT", "department", "Ban Dân tộc tỉnh", "Provincial Committee for Ethnic Minorities", ["002"], [], {
    code: "SDTTG",
    on: "2025-03-01",
    note: "nay là Sở Dân tộc và Tôn giáo",
  }),
  a("SGDDT", "department", "Sở Giáo dục và Đào tạo", "Department of Education and Training", ["000", "001", "002"]),
  a(
    "SVHTTDL",
    "department",
    "Sở Văn hoá, Thể thao và Du lịch",
    "Department of Culture, Sports and Tourism",
    ["000", "001"],
    ["Sở Văn hóa, Thể thao và Du lịch"],
  ),
  a("STTTT", "department", "Sở Thông tin và Truyền thông", "Department of Information and Communications", ["002"]),
  a("SNNMT", "department", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", ["001"]),
  a("CA-TINH", "police", "Công an tỉnh", "Provincial Police", ["000", "001", "002", "003"]),
  a(
    "BCH-QS",
    "military",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Provincial Military Command",
    ["000", "001"],
    ["Bộ Chỉ huy quân sự tỉnh"],
  ),
  a("BCH-BP", "military", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Provincial Border Guard Command", ["002"]),
  a(
    "NHCSXH",
    "bank",
    "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
    "Vietnam Bank for Social Policies, provincial branch",
    ["000", "001", "002", "003"],
    ["Chi nhánh Ngân hàng chính sách xã hội tỉnh Sơn La", "Ngân hàng Chính sách xã hội - Chi nhánh tỉnh Lào Cai"],
  ),
  a("NHNN", "bank", "Ngân hàng Nhà nước - Chi nhánh tỉnh", "State Bank of Vietnam, provincial branch", ["002"]),
  a(
    "TTDVVL",
    "public-service",
    "Trung tâm Dịch vụ việc làm",
    "Employment Service Centre",
    ["001", "002"],
    ["Trung tâm Dịch vụ việc làm, Sở Nội vụ", "Trung tâm Dịch vụ việc làm tỉnh"],
  ),
  a("BTC-TU", "party", "Ban Tổ chức Tỉnh ủy", "Provincial Party Organisation Commission", ["001", "002"]),
  a("BTG-TU", "party", "Ban Tuyên giáo Tỉnh ủy", "Provincial Party Propaganda Commission", ["002"]),
  a("BTV-TU", "party", "Ban Thường vụ Tỉnh ủy", "Provincial Party Standing Committee", ["001", "003", "004"]),
  a(
    "CAP-UY",
    "party",
    "Các ban đảng, ban cán sự đảng, đảng đoàn, các cấp ủy trực thuộc",
    "The Party's commissions, Party delegations and subordinate Party committees",
    ["004"],
    ["Các ban đảng, ban cán sự đảng, đảng đoàn, Ban Thường vụ Tỉnh đoàn, các huyện ủy, thành ủy, đảng ủy trực thuộc"],
  ),
  a(
    "MTTQ",
    "front",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh",
    "Provincial Fatherland Front and socio-political organisations",
    ["000", "001", "002", "003", "004"],
    ["Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh"],
  ),
  a(
    "BAO-PTTH",
    "media",
    "Báo và Phát thanh, Truyền hình tỉnh",
    "Provincial newspaper, radio and television",
    ["000", "001"],
    ["Báo và Phát thanh - Truyền hình tỉnh"],
  ),
  a(
    "BAO-DAI",
    "media",
    "Báo tỉnh, Đài Phát thanh - Truyền hình tỉnh",
    "Provincial newspaper and radio-television station",
    ["002", "003"],
    ["Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh", "Báo Sơn La, Đài Phát thanh - Truyền hình tỉnh"],
  ),
  a("DHTB", "school", "Trường Đại học Tây Bắc", "Tay Bac University", ["000", "001"], ["Đại học Tây Bắc"]),
  a("CDSL", "school", "Trường Cao đẳng Sơn La", "Son La College", ["000", "001"], ["Cao đẳng Sơn La"]),
  a("CDYTSL", "school", "Trường Cao đẳng Y tế Sơn La", "Son La Medical College", ["000", "001"], ["Cao đẳng Y tế"]),
  a(
    "CDKTCNSL",
    "school",
    "Trường Cao đẳng Kỹ thuật công nghệ Sơn La",
    "Son La College of Technology",
    ["000", "001"],
    ["Cao đẳng Kỹ thuật công nghệ Sơn La"],
  ),
  a("CDLC", "school", "Trường Cao đẳng Lào Cai", "Lao Cai College", ["002"]),
  a(
    "DN-DV",
    "enterprise",
    "Doanh nghiệp hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài theo hợp đồng",
    "Licensed recruitment enterprises",
    ["000", "001", "002", "003"],
  ),
  a(
    "SO-NGANH",
    "group",
    "Các sở, ban, ngành",
    "Provincial departments and agencies",
    ["000", "001", "002", "003"],
    ["Các sở, ban, ngành tỉnh", "Các Sở, ban, ngành của tỉnh"],
  ),
  a(
    "LIEN-QUAN",
    "group",
    "Các cơ quan, đơn vị có liên quan",
    "Other agencies concerned",
    ["001"],
    ["Các cơ quan đơn vị có liên quan"],
  ),
]

export const agencyByCode = (code: string): Agency | undefined => agencies.find((x) => x.code === code)

const normalise = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("vi")

/** Finds an agency by its Vietnamese name or a printed alias. */
export const agencyByVietnameseName = (name: string): Agency | undefined =>
  agencies.find((x) => [x.nameVi, ...x.aliasesVi].some((n) => normalise(n) === normalise(name)))
