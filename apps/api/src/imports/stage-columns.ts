import { Worker } from "@xkld/domain"
import { factSpecs, type FactSpec } from "../workers/fact-specs.ts"
import { fieldOf } from "./stage-cells.ts"
import { INDEX_COLUMN, looseKey, type TemplateColumn } from "./spreadsheet.ts"

/**
 * The columns of a stages file (one sheet, one row per fact, a "Loại thông tin" column naming the stage): who
 * (worker id or citizen ID), what, when, then one column per field any stage takes. The stages and their fields are
 * the API's fact routes (`factSpecs`, from the domain's `Worker.workerFacts`): a stage added there is importable
 * with no change here, its columns under their field names until a Vietnamese header is given below.
 */

export const FIXED_KEYS = ["index", "workerId", "citizenId", "stage", "occurredOn"] as const
export type FixedKey = (typeof FIXED_KEYS)[number]

/** Vietnamese headers and notes of the facts' input fields (by field name, as the write routes take them). */
const FIELD_TEXT: Readonly<
  Record<string, { readonly header: string; readonly note: string; readonly example?: string }>
> = {
  residenceUnit: { header: "Mã xã/phường", note: "Chuyển nơi cư trú, gán nơi cư trú: mã xã, phường (5 chữ số)." },
  provider: {
    header: "Đơn vị thực hiện",
    note: "Tư vấn, tư vấn pháp luật, đào tạo: đơn vị tư vấn, cơ sở đào tạo, cơ sở khám bệnh.",
    example: "Trung tâm Dịch vụ việc làm tỉnh",
  },
  kind: {
    header: "Hình thức",
    note: "Đào tạo: Ngoại ngữ, Nghề, Giáo dục định hướng. Về nước: Đúng hạn, Trước hạn, Quá hạn. Hỗ trợ việc làm: Việc làm trong nước, Đi làm việc ở nước ngoài lần nữa, Học nghề, Khởi nghiệp.",
  },
  assessment: {
    header: "Hình thức kiểm tra",
    note: "Phỏng vấn, thi tuyển: Phỏng vấn, Thi tuyển, Kỳ thi tiếng Hàn (EPS).",
  },
  outcome: {
    header: "Kết quả",
    note: "Phỏng vấn, thi tuyển: Đã dự thi, Đạt, Không đạt. Tái hòa nhập: Có việc làm trong nước, Tự tạo việc làm, khởi nghiệp, Tiếp tục đi làm việc ở nước ngoài, Đang học nghề, học tập, Chưa ổn định, cần hỗ trợ.",
  },
  organiser: { header: "Đơn vị tổ chức", note: "Phỏng vấn, thi tuyển: đơn vị tổ chức." },
  fit: { header: "Đủ sức khỏe (Có/Không)", note: "Khám sức khỏe: Có hoặc Không (được mã hóa)." },
  summary: { header: "Tóm tắt kết quả khám", note: "Khám sức khỏe, không bắt buộc (được mã hóa)." },
  issuer: { header: "Cơ quan cấp", note: "Phiếu lý lịch tư pháp: cơ quan cấp." },
  hasConvictions: { header: "Có án tích (Có/Không)", note: "Phiếu lý lịch tư pháp (được mã hóa)." },
  content: { header: "Nội dung phiếu", note: "Phiếu lý lịch tư pháp, không bắt buộc (được mã hóa)." },
  enterpriseId: { header: "Mã doanh nghiệp", note: "Tuyển chọn, hợp đồng: mã doanh nghiệp trong danh sách của tỉnh." },
  country: {
    header: "Mã nước",
    note: "Hợp đồng, thị thực, báo tử vong, mất tích: mã nước 2 chữ cái (ISO), ví dụ KR, JP, TW.",
  },
  programme: { header: "Chương trình", note: "Hợp đồng: chương trình, ví dụ EPS." },
  occupation: { header: "Ngành nghề", note: "Hợp đồng: ngành nghề làm việc." },
  durationMonths: { header: "Thời hạn (tháng)", note: "Hợp đồng: số tháng, từ 1 đến 120." },
  monthlyWage: { header: "Lương tháng", note: "Hợp đồng: số tiền và mã tiền tệ, ví dụ “1.500 USD” (chỉ số: đồng)." },
  feesPaidByWorker: { header: "Chi phí người lao động trả (đồng)", note: "Hợp đồng: số đồng." },
  passportNumber: { header: "Số hộ chiếu", note: "Hộ chiếu: số hộ chiếu (được mã hóa)." },
  validUntil: { header: "Có giá trị đến (dd/mm/yyyy)", note: "Hộ chiếu, thị thực: ngày hết hạn." },
  loanId: {
    header: "Mã khoản vay",
    note: "Xác nhận hồ sơ vay, khoản vay: không bắt buộc; để trống thì hệ thống cấp mã.",
  },
  bank: { header: "Ngân hàng", note: "Xác nhận hồ sơ vay, khoản vay: ngân hàng cho vay." },
  amount: { header: "Số tiền (đồng)", note: "Khoản vay, hỗ trợ (thẩm định, quyết định, chi trả): số đồng." },
  status: {
    header: "Trạng thái",
    note: "Khoản vay: Đã nộp hồ sơ, Đã phê duyệt, Đã giải ngân, Bị từ chối, Đã trả nợ. Báo tử vong, mất tích: Tử vong, Mất tích.",
  },
  protectionCaseId: {
    header: "Mã vụ việc bảo hộ",
    note: "Báo tử vong, mất tích: không bắt buộc; mã vụ việc bảo hộ công dân đã mở.",
  },
  note: { header: "Ghi chú", note: "Báo tử vong, mất tích: không bắt buộc (được mã hóa)." },
  policy: { header: "Chính sách (ghi tự do)", note: "Khoản hỗ trợ theo cách ghi cũ: tên chính sách." },
  subsidyId: {
    header: "Mã hồ sơ hỗ trợ",
    note: "Thẩm định: không bắt buộc (để trống thì hệ thống cấp mã); quyết định, chi trả: mã của hồ sơ đã thẩm định.",
  },
  policyCode: { header: "Mã chính sách hỗ trợ", note: "Thẩm định hỗ trợ: mã chính sách trong danh mục." },
  fundingSourceCode: { header: "Mã nguồn kinh phí", note: "Thẩm định hỗ trợ: mã nguồn kinh phí của chính sách." },
  approved: { header: "Phê duyệt (Có/Không)", note: "Quyết định hỗ trợ: Có hoặc Không." },
  decisionNumber: { header: "Số quyết định", note: "Quyết định hỗ trợ: số quyết định." },
  reason: {
    header: "Lý do",
    note: "Gán nơi cư trú, chấm dứt hợp đồng, rút khỏi chương trình: bắt buộc; về nước, quyết định: không bắt buộc.",
  },
  source: { header: "Nguồn tin", note: "Cư trú bất hợp pháp: không bắt buộc. Báo tử vong, mất tích: bắt buộc." },
  category: {
    header: "Phân loại",
    note: "Vi phạm: Bỏ trốn khỏi nơi làm việc, Vi phạm hợp đồng, Vi phạm pháp luật nước sở tại, Khác. Bảo hộ công dân: Tranh chấp tiền lương, chế độ, Tai nạn lao động, Ốm đau, bệnh tật, Bị ngược đãi, quấy rối, Bị bắt giữ, tạm giam, Tử vong, Khác.",
  },
  description: { header: "Mô tả", note: "Vi phạm, bảo hộ công dân: không bắt buộc (được mã hóa)." },
  caseId: {
    header: "Mã vụ việc",
    note: "Mở vụ việc: không bắt buộc (để trống thì hệ thống cấp mã); giải quyết: mã vụ việc đã mở.",
  },
  resolution: { header: "Kết quả giải quyết", note: "Giải quyết vụ việc bảo hộ công dân." },
  recipient: { header: "Nơi nhận thông báo", note: "Thông báo người về nước: UBND xã, phường hoặc Công an." },
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1)

/** The stage kind as officers write it: the fact's Vietnamese label ("Tư vấn pháp luật"). */
export const stageLabel = (spec: FactSpec): string =>
  capitalise((Worker.factLabelVi as Readonly<Record<string, string>>)[spec.tag] ?? spec.segment)

/** The stages an import records: every fact an officer of the province or a commune records through the API. */
export const stageSpecs: ReadonlyArray<FactSpec> = factSpecs.filter(
  (s) => s.roles.includes("province-officer") || s.roles.includes("commune-officer"),
)

const stageByKey = new Map(
  stageSpecs.flatMap((s) => [stageLabel(s), s.segment, s.tag].map((text) => [looseKey(text), s] as const)),
)

/** The stage a cell names: its Vietnamese label, or the route's segment ("legal-counselling"), or the event type. */
export const stageOf = (text: string): FactSpec | undefined => stageByKey.get(looseKey(text))

/** The fields of a fact route's body, with their schemas. */
export const bodyFields = (spec: FactSpec) =>
  (spec.body as unknown as { fields: Record<string, Parameters<typeof fieldOf>[0]> }).fields

/** A fact's input fields besides the date, by name (from the route's body). */
export const inputFieldsOf = (spec: FactSpec): ReadonlyArray<string> =>
  Object.keys(bodyFields(spec)).filter((n) => n !== "occurredOn")

/**
 * The field columns: every input field of any stage that a cell can hold (not a nested value, such as an old
 * subsidy's legal basis), in the order the stages declare them.
 */
export const fieldNames: ReadonlyArray<string> = [
  ...new Set(
    stageSpecs.flatMap((spec) =>
      inputFieldsOf(spec).filter((name) => fieldOf(bodyFields(spec)[name]!).kind !== "unsupported"),
    ),
  ),
]

const fixedColumns: ReadonlyArray<TemplateColumn<string>> = [
  INDEX_COLUMN,
  {
    key: "workerId",
    header: "Mã người lao động",
    aliases: ["Mã NLĐ", "Mã hồ sơ người lao động"],
    required: false,
    width: 38,
    text: true,
    note: "Mã hồ sơ người lao động trong hệ thống; ghi mã này hoặc số CCCD (hoặc cả hai, phải khớp nhau).",
    example: "",
  },
  {
    key: "citizenId",
    header: "Số CCCD",
    aliases: ["CCCD", "Số căn cước", "Số căn cước công dân", "Số định danh cá nhân"],
    required: false,
    width: 16,
    text: true,
    note: "Số căn cước (12 chữ số) của người lao động đã đăng ký trong tỉnh. Nhập dạng văn bản để giữ số 0 ở đầu.",
    example: "014099001234",
  },
  {
    key: "stage",
    header: "Loại thông tin",
    aliases: ["Giai đoạn", "Loại giai đoạn", "Nội dung ghi nhận"],
    required: true,
    width: 28,
    note: `Bắt buộc; một trong: ${stageSpecs.map(stageLabel).join("; ")}.`,
    example: "Tư vấn pháp luật",
  },
  {
    key: "occurredOn",
    header: "Ngày (dd/mm/yyyy)",
    aliases: ["Ngày", "Ngày thực hiện", "Ngày ghi nhận"],
    required: true,
    width: 14,
    text: true,
    note: "Ngày diễn ra (tư vấn, hoàn thành đào tạo, khám, ký hợp đồng, xuất cảnh…); không sau ngày nhập.",
    example: "15/01/2026",
  },
]

/** The header of a field's column: its Vietnamese header, else its name. */
export const fieldHeader = (name: string): string => FIELD_TEXT[name]?.header ?? name

export const stageColumns: ReadonlyArray<TemplateColumn<string>> = [
  ...fixedColumns,
  ...fieldNames.map((name) => ({
    key: `field:${name}`,
    header: fieldHeader(name),
    aliases: [name],
    required: false,
    width: Math.max(12, Math.min(30, fieldHeader(name).length + 2)),
    text: true,
    note: FIELD_TEXT[name]?.note ?? "",
    example: FIELD_TEXT[name]?.example ?? "",
  })),
]
