import type { PlanTask } from "@xkld/domain"
import type { FunnelStage } from "@xkld/projections"

/** The labels every report builder prints (content/build.ts, content/department.ts). */

export const STAGE_LABELS: Record<FunnelStage, string> = {
  registered: "Đăng ký",
  counselled: "Được tư vấn",
  trained: "Được đào tạo, bồi dưỡng",
  healthChecked: "Khám sức khỏe",
  recordCertificate: "Có phiếu lý lịch tư pháp",
  contracted: "Ký hợp đồng",
  departed: "Xuất cảnh",
}
export const SEX_LABELS: Record<string, string> = { male: "Nam", female: "Nữ" }
export const TASK_STATUS: Record<PlanTask.TaskStatus, string> = {
  ongoing: "Thường xuyên",
  open: "Đang thực hiện, trong hạn",
  overdue: "Quá hạn",
  "completed-on-time": "Hoàn thành đúng hạn",
  "completed-late": "Hoàn thành trễ hạn",
}
export const OBLIGATION_STATUS: Record<string, string> = {
  pending: "Chưa đến hạn",
  overdue: "Quá hạn, chưa nộp",
  "on-time": "Nộp đúng hạn",
  late: "Nộp trễ hạn",
}
