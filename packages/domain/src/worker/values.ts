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
])
export type PriorityGroup = typeof PriorityGroup.Type

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
