import type { paths } from "../api/openapi.gen.ts"

/** The priority groups GET /api/workers filters by (packages/domain worker/values.ts PriorityGroup). */
export type PriorityGroup = NonNullable<
  NonNullable<paths["/api/workers"]["get"]["parameters"]["query"]>["priorityGroup"]
>

/** Each priority group in Vietnamese and English. */
export const PRIORITY_GROUPS: ReadonlyArray<readonly [PriorityGroup, string, string]> = [
  ["poorHousehold", "Lao động thuộc hộ nghèo", "Poor households"],
  ["nearPoorHousehold", "Lao động thuộc hộ cận nghèo", "Near-poor households"],
  ["demobilisedSoldier", "Quân nhân, bộ đội xuất ngũ", "Demobilised soldiers"],
  ["formerPoliceService", "Hoàn thành nghĩa vụ công an nhân dân", "Completed police service"],
  ["postDrugRehabilitation", "Người sau cai nghiện ma túy", "After drug rehabilitation"],
  ["landRevoked", "Lao động thuộc hộ bị thu hồi đất", "Households whose land was revoked"],
  ["youth", "Thanh niên", "Youth"],
  ["ruralWorker", "Lao động nông thôn", "Rural workers"],
  ["jobLoss", "Lao động bị mất việc làm", "Lost their jobs"],
  ["student", "Học sinh, sinh viên", "Students and graduates"],
  ["policyBeneficiary", "Người thuộc đối tượng chính sách", "Policy beneficiaries"],
  ["especiallyDifficultArea", "Người ở vùng đặc biệt khó khăn", "Especially difficult areas"],
]
