import type { IsoDate } from "../shared/values.ts"
import type { WorkerFact } from "./events.ts"

/** dd/mm/yyyy, as Vietnamese users read dates. */
export const dateVi = (date: IsoDate): string => date.split("-").reverse().join("/")

export const factLabelVi: Record<WorkerFact["_tag"], string> = {
  WorkerRegistered: "đăng ký",
  WorkerResidenceChanged: "chuyển nơi cư trú",
  WorkerCounselled: "tư vấn",
  WorkerTrainingCompleted: "hoàn thành đào tạo",
  WorkerHealthChecked: "khám sức khỏe",
  WorkerCriminalRecordCertificateIssued: "cấp phiếu lý lịch tư pháp",
  WorkerDossierConfirmed: "xác nhận hồ sơ",
  WorkerSelectedByEnterprise: "doanh nghiệp tuyển chọn",
  WorkerContractSigned: "ký hợp đồng",
  WorkerLoanRecorded: "vay vốn",
  WorkerSupportSubsidyGranted: "nhận hỗ trợ",
  WorkerDeparted: "xuất cảnh",
  WorkerContractEndedEarly: "chấm dứt hợp đồng trước hạn",
  WorkerReturned: "về nước",
  WorkerOverstayed: "cư trú bất hợp pháp",
  WorkerViolationRecorded: "vi phạm",
  WorkerReemploymentSupported: "hỗ trợ việc làm sau khi về nước",
  WorkerWithdrew: "rút khỏi chương trình",
}
