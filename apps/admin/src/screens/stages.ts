import type { paths } from "../api/openapi.gen.ts"

export type WorkerStage = NonNullable<NonNullable<paths["/api/workers"]["get"]["parameters"]["query"]>["stage"]>

/** A worker's stages, in lifecycle order, Vietnamese and English (the API's `stageLabel` is Vietnamese only). */
export const STAGES: ReadonlyArray<readonly [WorkerStage, string, string]> = [
  ["registered", "đã đăng ký", "registered"],
  ["counselled", "đã được tư vấn", "counselled"],
  ["training", "đang đào tạo", "in training"],
  ["healthChecked", "đã khám sức khỏe", "health checked"],
  ["criminalRecordChecked", "đã có phiếu lý lịch tư pháp", "criminal record checked"],
  ["dossierConfirmed", "hồ sơ đã xác nhận", "dossier confirmed"],
  ["selected", "đã được tuyển chọn", "selected"],
  ["contracted", "đã ký hợp đồng", "contracted"],
  ["departed", "đã xuất cảnh", "departed"],
  ["contractEndedEarly", "chấm dứt hợp đồng trước hạn", "contract ended early"],
  ["overstayed", "ở lại quá hạn", "overstayed"],
  ["returned", "đã về nước", "returned"],
  ["withdrawn", "đã rút hồ sơ", "withdrawn"],
]

export const stageLabel = (stage: string, language: "vi" | "en") => {
  const row = STAGES.find(([s]) => s === stage)
  return row ? (language === "en" ? row[2] : row[1]) : stage
}
