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
  WorkerLegalCounselled: "tư vấn pháp luật",
  WorkerLoanFileConfirmed: "xác nhận hồ sơ vay vốn",
  WorkerAssessed: "phỏng vấn, thi tuyển",
  WorkerPassportIssued: "cấp hộ chiếu",
  WorkerVisaIssued: "cấp thị thực",
  WorkerSubsidyAppraised: "thẩm định hỗ trợ",
  WorkerSubsidyDecided: "quyết định hỗ trợ",
  WorkerSubsidyPaid: "chi trả hỗ trợ",
  WorkerProtectionCaseOpened: "mở vụ việc bảo hộ công dân",
  WorkerProtectionCaseResolved: "giải quyết vụ việc bảo hộ công dân",
  WorkerReturneeNotified: "thông báo người lao động về nước",
  WorkerReintegrationAssessed: "đánh giá tái hòa nhập xã hội",
  WorkerResidenceAssigned: "gán nơi cư trú (xã bị chia tách)",
  WorkerDeathOrMissingReported: "báo tử vong, mất tích ở nước ngoài",
}
