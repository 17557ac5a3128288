import type { Role } from "../session/access.ts"

const P: Role = "province-officer"
const CO: Role = "commune-officer"
const EN: Role = "enterprise-officer"
const BANK: Role = "bank-officer"

/**
 * The lifecycle commands the worker page offers, each with the fields its API body takes (besides the date) and the
 * event it records (so a correction of that event offers the same fields, filled with what was recorded).
 */
export interface StepField {
  /** The body's field; a dotted name is a nested one (`monthlyWage.amount`). */
  readonly name: string
  readonly vi: string
  readonly en: string
  /** `enterprise`: the enterprise picker (GET /api/enterprises); `programme`: the programme picker. */
  readonly kind: "text" | "checkbox" | "select" | "number" | "enterprise" | "programme"
  readonly options?: ReadonlyArray<readonly [string, string, string]>
  /** Left out of the body when empty (the API gives it a value: a new loan id, the officer's own enterprise). */
  readonly optional?: boolean
}

export interface Step {
  readonly segment: string
  /** Who records it (the fact's `by` in packages/domain worker/facts.ts, as the API's route grants it). */
  readonly roles: ReadonlyArray<Role>
  /** The event type the command records. */
  readonly type: string
  readonly vi: string
  readonly en: string
  readonly fields: ReadonlyArray<StepField>
}

const provider: StepField = { name: "provider", vi: "Đơn vị thực hiện", en: "Provider", kind: "text" }
/** Optional: an enterprise officer's own is implied (the API names the field when another officer leaves it out). */
const enterprise: StepField = {
  name: "enterpriseId",
  vi: "Doanh nghiệp",
  en: "Enterprise",
  kind: "enterprise",
  optional: true,
}
const bank: StepField = { name: "bank", vi: "Ngân hàng", en: "Bank", kind: "text" }
const loanId: StepField = {
  name: "loanId",
  vi: "Mã khoản vay (để trống: mã mới)",
  en: "Loan id (empty: a new one)",
  kind: "text",
  optional: true,
}

/** The markets of the reference catalogue a contract names (ISO 3166-1 alpha-2). */
export const COUNTRIES: ReadonlyArray<readonly [string, string, string]> = [
  ["KR", "Hàn Quốc", "Korea"],
  ["JP", "Nhật Bản", "Japan"],
  ["TW", "Đài Loan (Trung Quốc)", "Taiwan (China)"],
  ["DE", "Đức", "Germany"],
  ["AU", "Úc", "Australia"],
  ["MY", "Malaysia", "Malaysia"],
  ["SG", "Singapore", "Singapore"],
  ["RO", "Rumani", "Romania"],
]

/** A market's name in the interface's language; a code outside the catalogue is shown as it is. */
export const countryName = (code: string, language: "vi" | "en"): string => {
  const country = COUNTRIES.find(([c]) => c === code)
  return country ? (language === "en" ? country[2] : country[1]) : code
}

/**
 * The programmes of the reference catalogue (packages/domain reference/programmes.ts; the API has no route listing
 * them yet): code, Vietnamese and English names, and the market each belongs to.
 */
export const PROGRAMMES: ReadonlyArray<readonly [string, string, string, string]> = [
  ["KR-EPS", "Chương trình EPS (cấp phép việc làm) đi làm việc tại Hàn Quốc", "Korea EPS", "KR"],
  ["KR-SEASONAL", "Lao động thời vụ tại Hàn Quốc (hợp tác giữa các địa phương)", "Korea seasonal work", "KR"],
  ["JP-TITP", "Thực tập sinh kỹ năng tại Nhật Bản", "Japan Technical Intern Training", "JP"],
  ["JP-IM", "Chương trình IM Japan", "IM Japan", "JP"],
  ["JP-NURSES", "Điều dưỡng viên, hộ lý đi làm việc tại Nhật Bản", "Japan nurses and care workers", "JP"],
  ["DE-NURSES", "Điều dưỡng viên đi học tập và làm việc tại CHLB Đức", "Germany nurses", "DE"],
  ["AU-AGRI", "Chương trình lao động nông nghiệp Úc", "Australian Agriculture Visa", "AU"],
  ["TW-CONTRACT", "Lao động hợp đồng tại Đài Loan (Trung Quốc)", "Taiwan contract work", "TW"],
]

const CURRENCIES: ReadonlyArray<readonly [string, string, string]> = ["USD", "KRW", "JPY", "TWD", "EUR", "AUD"].map(
  (c) => [c, c, c] as const,
)

export const STEPS: ReadonlyArray<Step> = [
  {
    segment: "counselling",
    roles: [P, CO],
    type: "WorkerCounselled",
    vi: "Tư vấn",
    en: "Counselling",
    fields: [provider],
  },
  {
    segment: "training",
    roles: [P, CO, EN],
    type: "WorkerTrainingCompleted",
    vi: "Hoàn thành đào tạo",
    en: "Training completed",
    fields: [
      {
        name: "kind",
        vi: "Loại đào tạo",
        en: "Kind",
        kind: "select",
        options: [
          ["language", "Ngoại ngữ", "Language"],
          ["vocational", "Nghề", "Vocational"],
          ["orientation", "Bồi dưỡng kiến thức cần thiết", "Orientation"],
        ],
      },
      provider,
    ],
  },
  {
    segment: "health-check",
    roles: [P, CO, EN],
    type: "WorkerHealthChecked",
    vi: "Khám sức khỏe",
    en: "Health check",
    fields: [provider, { name: "fit", vi: "Đủ sức khỏe", en: "Fit", kind: "checkbox" }],
  },
  {
    segment: "criminal-record-certificate",
    roles: [P, CO, EN],
    type: "WorkerCriminalRecordCertificateIssued",
    vi: "Phiếu lý lịch tư pháp",
    en: "Criminal record certificate",
    fields: [
      { name: "issuer", vi: "Cơ quan cấp", en: "Issuer", kind: "text" },
      { name: "hasConvictions", vi: "Có án tích", en: "Has convictions", kind: "checkbox" },
    ],
  },
  {
    segment: "dossier-confirmation",
    roles: [P, CO],
    type: "WorkerDossierConfirmed",
    vi: "Xác nhận hồ sơ",
    en: "Dossier confirmation",
    fields: [],
  },
  {
    segment: "selection",
    roles: [P, CO, EN],
    type: "WorkerSelectedByEnterprise",
    vi: "Doanh nghiệp tuyển chọn",
    en: "Selection by an enterprise",
    fields: [enterprise],
  },
  {
    segment: "contract",
    roles: [P, CO, EN],
    type: "WorkerContractSigned",
    vi: "Ký hợp đồng",
    en: "Contract signed",
    fields: [
      enterprise,
      { name: "programme", vi: "Chương trình", en: "Programme", kind: "programme" },
      { name: "country", vi: "Nước đến làm việc", en: "Country", kind: "select", options: COUNTRIES },
      { name: "occupation", vi: "Ngành nghề", en: "Occupation", kind: "text" },
      { name: "durationMonths", vi: "Thời hạn hợp đồng (tháng)", en: "Duration (months)", kind: "number" },
      { name: "monthlyWage.amount", vi: "Lương hằng tháng", en: "Monthly wage", kind: "number" },
      {
        name: "monthlyWage.currency",
        vi: "Đơn vị tiền lương",
        en: "Wage currency",
        kind: "select",
        options: CURRENCIES,
      },
      {
        name: "feesPaidByWorker",
        vi: "Chi phí người lao động đã nộp (đồng)",
        en: "Fees paid by the worker (VND)",
        kind: "number",
      },
    ],
  },
  {
    segment: "loan-file-confirmation",
    roles: [P, CO],
    type: "WorkerLoanFileConfirmed",
    vi: "Xác nhận hồ sơ vay vốn",
    en: "Loan file confirmation",
    fields: [loanId, bank],
  },
  {
    segment: "loans",
    roles: [P, CO, BANK],
    type: "WorkerLoanRecorded",
    vi: "Khoản vay",
    en: "Loan",
    fields: [
      loanId,
      bank,
      { name: "amount", vi: "Số tiền vay (đồng)", en: "Amount (VND)", kind: "number" },
      {
        name: "status",
        vi: "Trạng thái khoản vay",
        en: "Loan status",
        kind: "select",
        options: [
          ["applied", "Đã nộp hồ sơ vay", "Applied"],
          ["approved", "Đã được duyệt", "Approved"],
          ["disbursed", "Đã giải ngân", "Disbursed"],
          ["rejected", "Bị từ chối", "Rejected"],
          ["repaid", "Đã trả hết", "Repaid"],
        ],
      },
    ],
  },
  { segment: "departure", roles: [P, CO, EN], type: "WorkerDeparted", vi: "Xuất cảnh", en: "Departure", fields: [] },
  {
    segment: "withdrawal",
    roles: [P, CO, EN],
    type: "WorkerWithdrew",
    vi: "Rút hồ sơ",
    en: "Withdrawal",
    fields: [{ name: "reason", vi: "Lý do", en: "Reason", kind: "text" }],
  },
]

export const stepOfType = (type: string): Step | undefined => STEPS.find((s) => s.type === type)

export type StepValues = Readonly<Record<string, string | boolean>>

/** A field's first option (what a select shows before the officer picks). */
const defaultOf = (field: StepField): string | boolean =>
  field.kind === "checkbox" ? false : (field.options?.[0]?.[0] ?? "")

/**
 * The body of a step's route from what the officer typed: numbers as numbers (text that is not one is sent as typed,
 * so the API names the field), dotted names nested, empty optional fields left out.
 */
export function bodyOf(step: Step, occurredOn: string, values: StepValues): Record<string, unknown> {
  const body: Record<string, unknown> = { occurredOn }
  for (const field of step.fields) {
    const raw = values[field.name] ?? defaultOf(field)
    const text = typeof raw === "string" ? raw.trim() : raw
    if (field.optional && text === "") continue
    const number = typeof text === "string" ? Number(text.replace(/\./g, "").replace(",", ".")) : NaN
    const value = field.kind === "number" && text !== "" && Number.isFinite(number) ? number : text
    const path = field.name.split(".")
    let target = body
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>
    target[path.at(-1)!] = value
  }
  return body
}

/** The values a correction starts from: what the event recorded (sealed fields are not in it: typed again). */
export function valuesOf(step: Step, data: Readonly<Record<string, unknown>>): StepValues {
  const values: Record<string, string | boolean> = {}
  for (const field of step.fields) {
    const value = field.name.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], data)
    if (typeof value === "boolean") values[field.name] = value
    else if (typeof value === "number" || typeof value === "string") values[field.name] = String(value)
  }
  return values
}
