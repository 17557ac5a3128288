import { Schema } from "effect"
import { Count, IsoDate } from "../shared/values.ts"

/**
 * Priority groups the plans and reports count (đối tượng ưu tiên). Ethnic minority is a separate
 * yes/no attribute on the registration, because the exact ethnic group is sensitive data (ADR 0007).
 */
export const PriorityGroup = Schema.Literals([
  "poorHousehold", // hộ nghèo
  "nearPoorHousehold", // hộ cận nghèo
  "demobilisedSoldier", // bộ đội xuất ngũ
  "formerPoliceService", // hoàn thành nghĩa vụ công an
  "postDrugRehabilitation", // sau cai nghiện ma túy
  "landRevoked", // hộ bị thu hồi đất
  "youth", // thanh niên
  "ruralWorker", // lao động nông thôn
  "jobLoss", // lao động bị mất việc làm
  "student", // học sinh, sinh viên
  "policyBeneficiary", // người thuộc đối tượng chính sách
  "especiallyDifficultArea", // người ở vùng sâu, vùng xa, vùng đặc biệt khó khăn
])
export type PriorityGroup = typeof PriorityGroup.Type

/** The reference catalogue's code of each priority group (`Reference.priorityGroups`), ethnic minority included. */
export const priorityGroupReferenceCode: Record<PriorityGroup | "ethnicMinority", string> = {
  poorHousehold: "poor-household",
  nearPoorHousehold: "near-poor-household",
  demobilisedSoldier: "demobilised-soldier",
  formerPoliceService: "completed-police-service",
  postDrugRehabilitation: "after-drug-rehabilitation",
  landRevoked: "land-revoked-household",
  youth: "youth",
  ruralWorker: "rural-worker",
  jobLoss: "job-loss",
  student: "student",
  policyBeneficiary: "policy-beneficiary",
  especiallyDifficultArea: "especially-difficult-area",
  ethnicMinority: "ethnic-minority",
}

/** Language, vocational, or pre-departure orientation (giáo dục định hướng). */
export const TrainingKind = Schema.Literals(["language", "vocational", "orientation"])
export type TrainingKind = typeof TrainingKind.Type

export const LoanStatus = Schema.Literals(["applied", "approved", "disbursed", "rejected", "repaid"])
export type LoanStatus = typeof LoanStatus.Type

/** On time, early (before the contract term), or late (after a period of overstay). */
export const ReturnKind = Schema.Literals(["onTime", "early", "late"])
export type ReturnKind = typeof ReturnKind.Type

export const ViolationCategory = Schema.Literals([
  "leftWorkplace", // bỏ trốn khỏi nơi làm việc
  "contractBreach", // vi phạm hợp đồng
  "lawOfHostCountry", // vi phạm pháp luật nước sở tại
  "other",
])
export type ViolationCategory = typeof ViolationCategory.Type

export const ReemploymentKind = Schema.Literals([
  "domesticJob",
  "workAbroadAgain",
  "vocationalTraining",
  "startBusiness",
])
export type ReemploymentKind = typeof ReemploymentKind.Type

/** Phỏng vấn, thi tuyển, kỳ thi tiếng Hàn (EPS-TOPIK) of the EPS programme. */
export const AssessmentKind = Schema.Literals(["interview", "exam", "epsKoreanTest"])
export type AssessmentKind = typeof AssessmentKind.Type

/** Sat (the result not known yet), passed or failed. */
export const AssessmentOutcome = Schema.Literals(["sat", "passed", "failed"])
export type AssessmentOutcome = typeof AssessmentOutcome.Type

/** What a citizen-protection case abroad (bảo hộ công dân) is about. */
export const ProtectionCaseCategory = Schema.Literals([
  "wageDispute", // tranh chấp tiền lương, chế độ
  "workAccident", // tai nạn lao động
  "illness", // ốm đau, bệnh tật
  "abuse", // bị ngược đãi, quấy rối
  "detention", // bị bắt giữ, tạm giam
  "death", // tử vong
  "other",
])
export type ProtectionCaseCategory = typeof ProtectionCaseCategory.Type

/** A worker reported dead (tử vong) or missing (mất tích) abroad; a missing worker may later be reported dead or return. */
export const DeathOrMissingStatus = Schema.Literals(["deceased", "missing"])
export type DeathOrMissingStatus = typeof DeathOrMissingStatus.Type

/** Who is notified of a returnee (thông báo người lao động về nước): the commune of residence, the police. */
export const ReturneeNoticeRecipient = Schema.Literals(["commune", "police"])
export type ReturneeNoticeRecipient = typeof ReturneeNoticeRecipient.Type

/** Tái hòa nhập xã hội: where a returnee stands after coming home, as the commune assesses it. */
export const ReintegrationOutcome = Schema.Literals([
  "employedDomestically", // có việc làm trong nước
  "selfEmployed", // tự tạo việc làm, khởi nghiệp
  "workingAbroadAgain", // tiếp tục đi làm việc ở nước ngoài
  "inTraining", // đang học nghề, học tập
  "notYetReintegrated", // chưa ổn định, cần hỗ trợ
])
export type ReintegrationOutcome = typeof ReintegrationOutcome.Type

/**
 * What the app read of the catalogue for a residence assignment: the unit the worker lived in on the date, its
 * successors, and whether it was split among them. Checked, never stored.
 */
export const SplitUnit = Schema.Struct({
  unitId: Schema.String,
  successorIds: Schema.Array(Schema.String),
  split: Schema.Boolean,
})
export type SplitUnit = typeof SplitUnit.Type

/** Where a worker is in the programme. Pre-departure stages only move forward until the next departure. */
export const WorkerStage = Schema.Literals([
  "registered",
  "counselled",
  "training",
  "healthChecked",
  "criminalRecordChecked",
  "dossierConfirmed",
  "selected",
  "contracted",
  "departed",
  "contractEndedEarly",
  "overstayed",
  "returned",
  "withdrawn",
])
export type WorkerStage = typeof WorkerStage.Type

export const stageLabelVi: Record<WorkerStage, string> = {
  registered: "đã đăng ký",
  counselled: "đã được tư vấn",
  training: "đang đào tạo",
  healthChecked: "đã khám sức khỏe",
  criminalRecordChecked: "đã có phiếu lý lịch tư pháp",
  dossierConfirmed: "đã được xã, phường xác nhận hồ sơ",
  selected: "đã được doanh nghiệp tuyển chọn",
  contracted: "đã ký hợp đồng",
  departed: "đã xuất cảnh",
  contractEndedEarly: "chấm dứt hợp đồng trước hạn",
  overstayed: "cư trú bất hợp pháp",
  returned: "đã về nước",
  withdrawn: "đã rút khỏi chương trình",
}

/** ISO 3166-1 alpha-2 destination country, e.g. "KR", "JP", "TW", "DE". */
export const CountryCode = Schema.String.check(
  Schema.isPattern(/^[A-Z]{2}$/, {
    message: "Mã nước phải gồm 2 chữ in hoa (ISO 3166-1) / country must be ISO alpha-2",
  }),
)

export const Money = Schema.Struct({
  amount: Count,
  currency: Schema.String.check(Schema.isPattern(/^[A-Z]{3}$/)),
})
export type Money = typeof Money.Type

export const NonEmptyString = Schema.String.check(Schema.isMinLength(1))

/**
 * Where an enterprise stood on a date in a province (licensed, on the province's vetted list, suspended), as the
 * app read it from the enterprise's history (`Enterprise.standingOn`). A selection or contract command carries it
 * so that the worker decider can refuse an enterprise that may not recruit; it is checked, never stored.
 */
export const EnterpriseStanding = Schema.Struct({
  enterpriseId: Schema.String,
  provinceCode: Schema.String,
  on: IsoDate,
  licensed: Schema.Boolean,
  vetted: Schema.Boolean,
  suspended: Schema.Boolean,
})
export type EnterpriseStanding = typeof EnterpriseStanding.Type
