import { Reference, type Worker } from "@xkld/domain"
import { INDEX_COLUMN, looseKey, type TemplateColumn } from "./spreadsheet.ts"

export type WorkerColumnKey =
  | "index"
  | "fullName"
  | "citizenId"
  | "dateOfBirth"
  | "sex"
  | "unitCode"
  | "unitName"
  | "ethnicMinority"
  | "ethnicGroup"
  | "priorityGroups"
  | "registeredOn"
  | "phone"
  | "address"
  | "passportNumber"
  | "wishMarket"
  | "wishOccupation"

export const SEX_CHOICES = ["Nam", "Nữ"] as const
export const YES_NO_CHOICES = ["Có", "Không"] as const

/** Priority groups as officers write them (Vietnamese), with other accepted spellings. */
export const priorityGroupLabels: ReadonlyArray<{
  readonly group: Worker.PriorityGroup
  readonly label: string
  readonly aliases: ReadonlyArray<string>
}> = [
  { group: "poorHousehold", label: "Hộ nghèo", aliases: ["Lao động thuộc hộ nghèo"] },
  { group: "nearPoorHousehold", label: "Hộ cận nghèo", aliases: ["Lao động thuộc hộ cận nghèo"] },
  {
    group: "demobilisedSoldier",
    label: "Bộ đội xuất ngũ",
    aliases: ["Quân nhân xuất ngũ", "Quân nhân, bộ đội xuất ngũ"],
  },
  {
    group: "formerPoliceService",
    label: "Hoàn thành nghĩa vụ công an",
    aliases: ["Người hoàn thành nghĩa vụ công an nhân dân", "Hoàn thành nghĩa vụ công an nhân dân"],
  },
  {
    group: "postDrugRehabilitation",
    label: "Sau cai nghiện ma túy",
    aliases: ["Sau cai nghiện", "Người nghiện ma túy sau cai nghiện"],
  },
  { group: "landRevoked", label: "Hộ bị thu hồi đất", aliases: ["Thu hồi đất", "Lao động thuộc hộ bị thu hồi đất"] },
  { group: "youth", label: "Thanh niên", aliases: [] },
  { group: "ruralWorker", label: "Lao động nông thôn", aliases: [] },
  { group: "jobLoss", label: "Mất việc làm", aliases: ["Lao động bị mất việc làm", "Lao động mất việc làm"] },
  { group: "student", label: "Học sinh, sinh viên", aliases: ["Học sinh", "Sinh viên", "Học sinh sinh viên"] },
  {
    group: "policyBeneficiary",
    label: "Người thuộc đối tượng chính sách",
    aliases: ["Đối tượng chính sách", "Gia đình chính sách", "Thân nhân người có công"],
  },
  {
    group: "especiallyDifficultArea",
    label: "Vùng đặc biệt khó khăn",
    aliases: ["Vùng sâu, vùng xa", "Địa bàn đặc biệt khó khăn", "Vùng sâu vùng xa, vùng đặc biệt khó khăn"],
  },
]

const groupByKey = new Map(
  priorityGroupLabels.flatMap(({ group, label, aliases }) =>
    [label, ...aliases, group].map((text) => [looseKey(text), group] as const),
  ),
)

/** The priority group a label names, or undefined. */
export const priorityGroupOf = (text: string): Worker.PriorityGroup | undefined => groupByKey.get(looseKey(text))

export const workerColumns: ReadonlyArray<TemplateColumn<WorkerColumnKey>> = [
  INDEX_COLUMN,
  {
    key: "fullName",
    header: "Họ và tên",
    aliases: ["Họ tên", "Họ và tên người lao động"],
    required: true,
    width: 26,
    note: "Họ và tên đầy đủ, có dấu, như trên thẻ căn cước.",
    example: "Lò Văn Minh",
  },
  {
    key: "citizenId",
    header: "Số CCCD",
    aliases: ["CCCD", "Số căn cước", "Số căn cước công dân", "Số định danh cá nhân", "Số CCCD/định danh"],
    required: true,
    width: 16,
    text: true,
    note: "Số căn cước (số định danh cá nhân) gồm 12 chữ số; phải khớp với năm sinh và giới tính. Nhập dạng văn bản để giữ số 0 ở đầu.",
    example: "014099001234",
  },
  {
    key: "dateOfBirth",
    header: "Ngày sinh (dd/mm/yyyy)",
    aliases: ["Ngày sinh", "Ngày, tháng, năm sinh"],
    required: true,
    width: 14,
    text: true,
    note: "Ngày sinh theo dạng ngày/tháng/năm, ví dụ 05/03/1999.",
    example: "05/03/1999",
  },
  {
    key: "sex",
    header: "Giới tính (Nam/Nữ)",
    aliases: ["Giới tính"],
    required: true,
    width: 12,
    choices: SEX_CHOICES,
    note: "Ghi “Nam” hoặc “Nữ”.",
    example: "Nam",
  },
  {
    key: "unitCode",
    header: "Mã xã/phường",
    aliases: ["Mã xã", "Mã xã, phường", "Mã ĐVHC", "Mã đơn vị hành chính"],
    required: true,
    width: 12,
    text: true,
    note: "Mã đơn vị hành chính cấp xã (5 chữ số) nơi người lao động cư trú, theo danh mục ở trang “Danh mục xã, phường”. Cán bộ xã, phường chỉ nhập người lao động của đơn vị mình.",
    example: "03646",
  },
  {
    key: "unitName",
    header: "Tên xã/phường",
    aliases: ["Tên xã, phường", "Xã/phường", "Xã, phường"],
    required: false,
    width: 22,
    note: "Tên xã, phường (không bắt buộc); nếu ghi, phải khớp với mã xã/phường.",
    example: "Phường Tô Hiệu",
  },
  {
    key: "ethnicMinority",
    header: "Dân tộc thiểu số (Có/Không)",
    aliases: ["Dân tộc thiểu số", "Người dân tộc thiểu số"],
    required: true,
    width: 14,
    choices: YES_NO_CHOICES,
    note: "Ghi “Có” nếu là người dân tộc thiểu số, “Không” nếu không.",
    example: "Có",
  },
  {
    key: "ethnicGroup",
    header: "Dân tộc",
    aliases: ["Tên dân tộc"],
    required: false,
    width: 12,
    note: "Tên dân tộc, ví dụ Thái, Mông, Kinh (không bắt buộc; là dữ liệu cá nhân nhạy cảm, được mã hóa).",
    example: "Thái",
  },
  {
    key: "priorityGroups",
    header: "Nhóm ưu tiên",
    aliases: ["Đối tượng ưu tiên", "Đối tượng chính sách"],
    required: false,
    width: 28,
    note: `Không bắt buộc; nhiều nhóm cách nhau bằng dấu chấm phẩy. Các nhóm: ${priorityGroupLabels.map((p) => p.label).join("; ")}.`,
    example: "Hộ nghèo; Thanh niên",
  },
  {
    key: "registeredOn",
    header: "Ngày đăng ký (dd/mm/yyyy)",
    aliases: ["Ngày đăng ký"],
    required: true,
    width: 14,
    text: true,
    note: "Ngày người lao động đăng ký tại xã, phường (không sau ngày nhập).",
    example: "15/01/2026",
  },
  {
    key: "phone",
    header: "Số điện thoại",
    aliases: ["Điện thoại", "SĐT"],
    required: false,
    width: 14,
    text: true,
    note: "Không bắt buộc; 10 chữ số bắt đầu bằng 0.",
    example: "0912345678",
  },
  {
    key: "address",
    header: "Địa chỉ",
    aliases: ["Địa chỉ thường trú", "Nơi ở hiện nay", "Thôn, bản, tổ"],
    required: false,
    width: 30,
    note: "Không bắt buộc; thôn, bản, tổ dân phố.",
    example: "Tổ 5, phường Tô Hiệu",
  },
  {
    key: "passportNumber",
    header: "Số hộ chiếu",
    aliases: ["Hộ chiếu"],
    required: false,
    width: 14,
    text: true,
    note: "Không bắt buộc.",
    example: "",
  },
  {
    key: "wishMarket",
    header: "Thị trường mong muốn",
    aliases: ["Nguyện vọng thị trường", "Nước mong muốn đi làm việc", "Thị trường"],
    required: false,
    width: 18,
    note: `Không bắt buộc; nước hoặc thị trường người lao động mong muốn đi làm việc: ${Reference.marketsInVietnameseOrder()
      .map((m) => m.nameVi)
      .join("; ")}.`,
    example: "Hàn Quốc",
  },
  {
    key: "wishOccupation",
    header: "Nghề mong muốn",
    aliases: ["Nguyện vọng ngành nghề", "Ngành nghề mong muốn"],
    required: false,
    width: 20,
    note: "Không bắt buộc; ngành nghề người lao động mong muốn làm ở nước ngoài.",
    example: "Sản xuất chế tạo",
  },
]
