import type { SeedSource } from "./source.ts"

/** Groups that plans prioritise and reports count (đối tượng ưu tiên). */
export interface PriorityGroup {
  readonly code: string
  readonly nameVi: string
  readonly nameEn: string
  /** Membership reveals sensitive personal data (ethnicity, health, criminal records: Decree 13/2023). */
  readonly sensitive: boolean
  readonly sources: ReadonlyArray<SeedSource>
}

const policyGroupsQuote =
  "gia tăng số lượng người lao động thuộc đối tượng chính sách, dân tộc thiểu số, hộ nghèo, vùng sâu, vùng xa, vùng đặc biệt khó khăn"

export const priorityGroups: ReadonlyArray<PriorityGroup> = [
  {
    code: "ethnic-minority",
    nameVi: "Người dân tộc thiểu số",
    nameEn: "Ethnic minorities",
    sensitive: true,
    sources: [{ seed: "003", quote: "ưu tiên quân nhân xuất ngũ, người dân tộc thiểu số, hộ nghèo vùng sâu, vùng xa" }],
  },
  {
    code: "poor-household",
    nameVi: "Lao động thuộc hộ nghèo",
    nameEn: "Workers from poor households",
    sensitive: false,
    sources: [{ seed: "002", quote: "lao động thuộc hộ nghèo, hộ cận nghèo" }],
  },
  {
    code: "near-poor-household",
    nameVi: "Lao động thuộc hộ cận nghèo",
    nameEn: "Workers from near-poor households",
    sensitive: false,
    sources: [{ seed: "002", quote: "lao động thuộc hộ nghèo, hộ cận nghèo" }],
  },
  {
    code: "demobilised-soldier",
    nameVi: "Quân nhân, bộ đội xuất ngũ",
    nameEn: "Demobilised soldiers",
    sensitive: false,
    sources: [
      { seed: "001", quote: "rà soát tình hình bộ đội xuất ngũ" },
      { seed: "002", quote: "thanh niên hoàn thành nghĩa vụ quân sự" },
    ],
  },
  {
    code: "completed-police-service",
    nameVi: "Người hoàn thành nghĩa vụ công an nhân dân",
    nameEn: "People who completed police service",
    sensitive: false,
    sources: [{ seed: "001", quote: "vận động người hoàn thành nghĩa vụ công an nhân dân" }],
  },
  {
    code: "after-drug-rehabilitation",
    nameVi: "Người nghiện ma túy sau cai nghiện",
    nameEn: "People after drug rehabilitation",
    sensitive: true,
    sources: [{ seed: "001", quote: "người nghiện ma túy sau cai nghiện hoàn thành chương trình điều trị, phục hồi" }],
  },
  {
    code: "land-revoked-household",
    nameVi: "Lao động thuộc hộ bị thu hồi đất",
    nameEn: "Workers from households whose land was revoked",
    sensitive: false,
    sources: [{ seed: "002", quote: "lao động thuộc hộ bị thu hồi đất" }],
  },
  {
    code: "youth",
    nameVi: "Thanh niên",
    nameEn: "Youth",
    sensitive: false,
    sources: [{ seed: "002", quote: "các nhóm đối tượng: thanh niên, lao động nông thôn" }],
  },
  {
    code: "rural-worker",
    nameVi: "Lao động nông thôn",
    nameEn: "Rural workers",
    sensitive: false,
    sources: [{ seed: "002", quote: "các nhóm đối tượng: thanh niên, lao động nông thôn" }],
  },
  {
    code: "job-loss",
    nameVi: "Lao động bị mất việc làm",
    nameEn: "Workers who lost their jobs",
    sensitive: false,
    sources: [{ seed: "002", quote: "lao động bị mất việc làm" }],
  },
  {
    code: "student",
    nameVi: "Học sinh, sinh viên",
    nameEn: "Students and graduates",
    sensitive: false,
    sources: [
      {
        seed: "001",
        quote: "Tuyên truyền, định hướng cho học sinh, sinh viên về chủ trương, chính sách đưa người lao động",
      },
    ],
  },
  {
    code: "policy-beneficiary",
    nameVi: "Người thuộc đối tượng chính sách",
    nameEn: "Policy beneficiaries (families of people with merit and other policy groups)",
    sensitive: false,
    sources: [{ seed: "000", quote: policyGroupsQuote }],
  },
  {
    code: "especially-difficult-area",
    nameVi: "Người ở vùng sâu, vùng xa, địa bàn đặc biệt khó khăn",
    nameEn: "Residents of remote and especially difficult areas",
    sensitive: false,
    sources: [
      { seed: "000", quote: policyGroupsQuote },
      { seed: "002", quote: "nhất là lao động ở nông thôn, địa bàn đặc biệt khó khăn" },
    ],
  },
]

export const priorityGroupByCode = (code: string): PriorityGroup | undefined =>
  priorityGroups.find((g) => g.code === code)
