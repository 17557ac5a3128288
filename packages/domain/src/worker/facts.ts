import { Schema } from "effect"
import { Count, IsoDate, LegalBasis } from "../shared/values.ts"
import * as C from "./commands.ts"
import * as E from "./events.ts"
import * as I from "./officer-input.ts"
import type { FactCandidate } from "./rules.ts"
import {
  AssessmentKind,
  AssessmentOutcome,
  CountryCode,
  DeathOrMissingStatus,
  LoanStatus,
  Money,
  ProtectionCaseCategory,
  ReemploymentKind,
  ReintegrationOutcome,
  ReturneeNoticeRecipient,
  ReturnKind,
  TrainingKind,
  ViolationCategory,
} from "./values.ts"

/** The organisations whose officers record a fact (the province and the commune record every fact). */
export type Recorder = "province" | "commune" | "enterprise" | "bank"

/**
 * How an officer records a fact: `POST /api/workers/{id}/<segment>`, its summaries (Vietnamese, English), the
 * organisations whose officers may record it, and what the officer sends besides the date (`input`: the fact's
 * fields as typed, with the HTTP contract's limits, stricter than the event's). The API builds the event's fields
 * from the input generically: `sealed` fields are sealed together with the person's key as `sensitive`; a
 * `residenceUnit` is resolved to the unit's code and id; an `enterpriseId` is the enterprise officer's own (or a
 * known enterprise); a `loanId` not sent is a new id.
 */
export interface FactRecording {
  readonly segment: string
  readonly summary: string
  readonly summaryEn: string
  readonly by: ReadonlyArray<Recorder>
  readonly input: Schema.Struct.Fields
  readonly sealed?: ReadonlyArray<string>
}

const P = "province"
const CO = "commune"
const EN = "enterprise"
const BANK = "bank"

/**
 * Each worker fact, declared once: the command an officer sends and the event it is recorded as. The decider
 * builds a command's candidate fact from it, the API derives a route's command and a correction's replacement
 * from it. `derived`: fields the rules derive (a departure's contract, a withdrawal's stage) — not sent with the
 * command, kept from the original when a correction replaces the fact. `checked`: what a command carries for a
 * rule only (the enterprise's standing, the date of birth), never recorded. `recording`: how an officer records it
 * (its route, summaries, who records it, what they type): the API derives the route from it.
 */
export const workerFacts = {
  WorkerResidenceChanged: {
    command: C.RecordResidenceChange,
    event: E.WorkerResidenceChanged,
    recording: {
      segment: "residence",
      summary: "Ghi nhận chuyển nơi cư trú sang xã, phường khác",
      summaryEn: "Record a move to another commune or ward",
      by: [P, CO],
      input: { residenceUnit: I.UnitRef },
    },
  },
  WorkerResidenceAssigned: {
    command: C.AssignResidence,
    event: E.WorkerResidenceAssigned,
    checked: ["split"],
    recording: {
      segment: "residence-assignment",
      summary:
        "Sở Nội vụ gán người cư trú tại xã bị chia tách (01/07/2025) cho một xã, phường kế thừa, có lý do; ngày là ngày chia tách",
      summaryEn:
        "The province assigns a resident of a commune split on 1 July 2025 to one successor, with a reason; the date is the split's",
      by: [P],
      input: { residenceUnit: I.UnitRef, reason: I.Text },
    },
  },
  WorkerCounselled: {
    command: C.RecordCounselling,
    event: E.WorkerCounselled,
    recording: {
      segment: "counselling",
      summary: "Ghi nhận tư vấn cho người lao động",
      summaryEn: "Record counselling",
      by: [P, CO],
      input: { provider: I.Text },
    },
  },
  WorkerLegalCounselled: {
    command: C.RecordLegalCounselling,
    event: E.WorkerLegalCounselled,
    recording: {
      segment: "legal-counselling",
      summary: "Ghi nhận tư vấn pháp luật cho người lao động trước khi xuất cảnh",
      summaryEn: "Record legal counselling before departure",
      by: [P, CO, EN],
      input: { provider: I.Text },
    },
  },
  WorkerTrainingCompleted: {
    command: C.RecordTraining,
    event: E.WorkerTrainingCompleted,
    recording: {
      segment: "training",
      summary: "Ghi nhận hoàn thành đào tạo (ngoại ngữ, nghề, định hướng)",
      summaryEn: "Record completed language, vocational or orientation training",
      by: [P, CO, EN],
      input: { kind: TrainingKind, provider: I.Text },
    },
  },
  WorkerAssessed: {
    command: C.RecordAssessment,
    event: E.WorkerAssessed,
    recording: {
      segment: "assessments",
      summary: "Ghi nhận phỏng vấn, thi tuyển hoặc kỳ thi tiếng Hàn (EPS): đã dự thi, đạt, không đạt",
      summaryEn: "Record an interview, an exam or the EPS Korean test: sat, passed, failed",
      by: [P, CO, EN],
      input: { assessment: AssessmentKind, outcome: AssessmentOutcome, organiser: I.Text },
    },
  },
  WorkerHealthChecked: {
    command: C.RecordHealthCheck,
    event: E.WorkerHealthChecked,
    recording: {
      segment: "health-check",
      summary: "Ghi nhận khám sức khỏe (kết quả được mã hóa)",
      summaryEn: "Record a health check (result encrypted)",
      by: [P, CO, EN],
      /** The result is health data: sealed with the person's key. */
      input: { provider: I.Text, fit: Schema.Boolean, summary: I.OptionalText },
      sealed: ["fit", "summary"],
    },
  },
  WorkerCriminalRecordCertificateIssued: {
    command: C.RecordCriminalRecordCertificate,
    event: E.WorkerCriminalRecordCertificateIssued,
    recording: {
      segment: "criminal-record-certificate",
      summary: "Ghi nhận cấp phiếu lý lịch tư pháp (nội dung được mã hóa)",
      summaryEn: "Record a criminal-record certificate (content encrypted)",
      by: [P, CO, EN],
      /** The content is sensitive: sealed with the person's key. */
      input: { issuer: I.Text, hasConvictions: Schema.Boolean, content: I.OptionalText },
      sealed: ["hasConvictions", "content"],
    },
  },
  WorkerDossierConfirmed: {
    command: C.ConfirmDossier,
    event: E.WorkerDossierConfirmed,
    recording: {
      segment: "dossier-confirmation",
      summary:
        "UBND xã, phường nơi cư trú (hoặc Sở Nội vụ) xác nhận hồ sơ người lao động; sau đó doanh nghiệp mới được tuyển chọn",
      summaryEn:
        "The commune of residence (or the province) confirms the worker's dossier; enterprises may then select",
      by: [P, CO],
      /** Xác nhận hồ sơ: the date the commune confirmed the dossier. */
      input: {},
    },
  },
  WorkerSelectedByEnterprise: {
    command: C.RecordSelection,
    event: E.WorkerSelectedByEnterprise,
    checked: ["standing"],
    recording: {
      segment: "selection",
      summary:
        "Ghi nhận doanh nghiệp tuyển chọn người lao động (doanh nghiệp có giấy phép, trong danh sách của tỉnh, không bị đình chỉ; hồ sơ đã được xã xác nhận)",
      summaryEn:
        "Record selection by an enterprise (licensed, vetted by the province, not suspended; dossier confirmed by the commune)",
      by: [P, CO, EN],
      /** An enterprise officer's own enterprise is implied; other officers name it. */
      input: { enterpriseId: Schema.optional(I.Text) },
    },
  },
  WorkerContractSigned: {
    command: C.RecordContract,
    event: E.WorkerContractSigned,
    checked: ["standing"],
    recording: {
      segment: "contract",
      summary: "Ghi nhận ký hợp đồng đi làm việc ở nước ngoài (cùng điều kiện về doanh nghiệp và hồ sơ như tuyển chọn)",
      summaryEn: "Record a signed contract to work abroad (same conditions on the enterprise and dossier as selection)",
      by: [P, CO, EN],
      input: {
        enterpriseId: Schema.optional(I.Text),
        country: CountryCode,
        programme: I.Text,
        occupation: I.Text,
        durationMonths: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 120 })),
        monthlyWage: Money,
        feesPaidByWorker: Count,
      },
    },
  },
  WorkerPassportIssued: {
    command: C.RecordPassport,
    event: E.WorkerPassportIssued,
    recording: {
      segment: "passport",
      summary: "Ghi nhận cấp hộ chiếu (số hộ chiếu được mã hóa)",
      summaryEn: "Record a passport issued (number encrypted)",
      by: [P, CO, EN],
      /** The passport number identifies the person: sealed with the person's key. */
      input: { passportNumber: I.DocumentNumber, validUntil: IsoDate },
      sealed: ["passportNumber"],
    },
  },
  WorkerVisaIssued: {
    command: C.RecordVisa,
    event: E.WorkerVisaIssued,
    recording: {
      segment: "visa",
      summary: "Ghi nhận cấp thị thực cho nước của hợp đồng (cần hộ chiếu và hợp đồng)",
      summaryEn: "Record a visa for the contract's country (needs a passport and a contract)",
      by: [P, CO, EN],
      input: { country: CountryCode, validUntil: IsoDate },
    },
  },
  WorkerLoanFileConfirmed: {
    command: C.ConfirmLoanFile,
    event: E.WorkerLoanFileConfirmed,
    recording: {
      segment: "loan-file-confirmation",
      summary: "UBND xã, phường xác nhận hồ sơ vay vốn Ngân hàng Chính sách xã hội của người lao động",
      summaryEn: "The commune confirms the worker's Social Policy Bank loan file",
      by: [P, CO],
      /** The bank records the loan under the same `loanId`; without one, the file gets a new id. */
      input: { loanId: Schema.optional(I.Text), bank: I.Text },
    },
  },
  WorkerLoanRecorded: {
    command: C.RecordLoan,
    event: E.WorkerLoanRecorded,
    recording: {
      segment: "loans",
      summary: "Ghi nhận khoản vay Ngân hàng Chính sách xã hội (hoặc thay đổi trạng thái khoản vay)",
      summaryEn: "Record a Social Policy Bank loan or a change of its status",
      by: [P, CO, BANK],
      /** Recording the same `loanId` again updates the loan's status; without one, the loan gets a new id. */
      input: { loanId: Schema.optional(I.Text), bank: I.Text, amount: Count, status: LoanStatus },
    },
  },
  WorkerSupportSubsidyGranted: {
    command: C.RecordSupportSubsidy,
    event: E.WorkerSupportSubsidyGranted,
    recording: {
      segment: "subsidies",
      // Kept for the histories that record a subsidy this way (free-text policy); new subsidies go through the
      // catalogued appraisal → decision → payment below.
      summary:
        "Ghi nhận khoản hỗ trợ đã nhận (cách ghi cũ, chính sách ghi tự do); hỗ trợ mới: thẩm định → quyết định → chi trả theo danh mục chính sách",
      summaryEn:
        "Record a subsidy received (the old way, free-text policy); new subsidies: appraisal → decision → payment under a catalogued policy",
      by: [P, CO],
      input: { policy: I.Text, amount: Count, legalBasis: Schema.optional(LegalBasis) },
    },
  },
  WorkerSubsidyAppraised: {
    command: C.AppraiseSubsidy,
    event: E.WorkerSubsidyAppraised,
    recording: {
      segment: "subsidy-appraisals",
      summary:
        "Thẩm định hỗ trợ theo chính sách trong danh mục (chính sách, nguồn kinh phí, số tiền); người lao động phải thuộc đối tượng của chính sách",
      summaryEn:
        "Appraise a support subsidy under a catalogued policy (policy, funding source, amount); the worker must be in one of its groups",
      by: [P, CO],
      /** Without a `subsidyId`, the appraisal gets a new one: the decision and payments name it. */
      input: {
        subsidyId: Schema.optional(I.Text),
        policyCode: I.Text,
        fundingSourceCode: I.Text,
        amount: Count,
      },
    },
  },
  WorkerSubsidyDecided: {
    command: C.DecideSubsidy,
    event: E.WorkerSubsidyDecided,
    recording: {
      segment: "subsidy-decisions",
      summary: "Ghi nhận quyết định hỗ trợ (phê duyệt hoặc không) cho một hồ sơ đã thẩm định",
      summaryEn: "Record the decision (approved or refused) on an appraised subsidy",
      by: [P, CO],
      input: {
        subsidyId: I.Text,
        approved: Schema.Boolean,
        amount: Count,
        decisionNumber: I.Text,
        reason: I.OptionalText,
      },
    },
  },
  WorkerSubsidyPaid: {
    command: C.RecordSubsidyPayment,
    event: E.WorkerSubsidyPaid,
    recording: {
      segment: "subsidy-payments",
      summary: "Ghi nhận chi trả tiền hỗ trợ đã được quyết định (không vượt số tiền quyết định)",
      summaryEn: "Record a payment of a decided subsidy (not above the amount decided)",
      by: [P, CO],
      input: { subsidyId: I.Text, amount: Count },
    },
  },
  WorkerDeparted: {
    command: C.RecordDeparture,
    event: E.WorkerDeparted,
    checked: ["dateOfBirth"],
    derived: ["contractEventId"],
    recording: {
      segment: "departure",
      summary: "Ghi nhận xuất cảnh theo hợp đồng (kiểm tra đủ 18 tuổi)",
      summaryEn: "Record a departure under the contract (checks the age of 18)",
      by: [P, CO, EN],
      /** The date of birth for the age check is read from the sealed identity, never sent. */
      input: {},
    },
  },
  WorkerContractEndedEarly: {
    command: C.RecordContractEndedEarly,
    event: E.WorkerContractEndedEarly,
    recording: {
      segment: "contract-ended-early",
      summary: "Ghi nhận chấm dứt hợp đồng trước hạn",
      summaryEn: "Record that the contract ended early",
      by: [P, CO, EN],
      input: { reason: I.Text },
    },
  },
  WorkerReturned: {
    command: C.RecordReturn,
    event: E.WorkerReturned,
    recording: {
      segment: "return",
      summary: "Ghi nhận về nước (đúng hạn, trước hạn, quá hạn)",
      summaryEn: "Record a return home (on time, early, late)",
      by: [P, CO, EN],
      input: { kind: ReturnKind, reason: I.OptionalText },
    },
  },
  WorkerOverstayed: {
    command: C.RecordOverstay,
    event: E.WorkerOverstayed,
    recording: {
      segment: "overstay",
      summary: "Ghi nhận cư trú bất hợp pháp ở nước ngoài",
      summaryEn: "Record an overstay abroad",
      by: [P, CO, EN],
      input: { source: I.OptionalText },
    },
  },
  WorkerViolationRecorded: {
    command: C.RecordViolation,
    event: E.WorkerViolationRecorded,
    recording: {
      segment: "violations",
      summary: "Ghi nhận vi phạm (nội dung được mã hóa)",
      summaryEn: "Record a violation (details encrypted)",
      by: [P, CO, EN],
      /** The description may name offences: sealed with the person's key. */
      input: { category: ViolationCategory, description: I.OptionalText },
      sealed: ["description"],
    },
  },
  WorkerProtectionCaseOpened: {
    command: C.OpenProtectionCase,
    event: E.WorkerProtectionCaseOpened,
    recording: {
      segment: "protection-cases",
      summary: "Mở vụ việc bảo hộ công dân ở nước ngoài (mô tả được mã hóa)",
      summaryEn: "Open a citizen-protection case abroad (description encrypted)",
      by: [P, CO, EN],
      /** The description may tell of health or of an arrest: sealed with the person's key. */
      input: { caseId: Schema.optional(I.Text), category: ProtectionCaseCategory, description: I.OptionalText },
      sealed: ["description"],
    },
  },
  WorkerProtectionCaseResolved: {
    command: C.ResolveProtectionCase,
    event: E.WorkerProtectionCaseResolved,
    recording: {
      segment: "protection-case-resolutions",
      summary: "Ghi nhận đã giải quyết vụ việc bảo hộ công dân",
      summaryEn: "Record that a citizen-protection case was resolved",
      by: [P, CO, EN],
      input: { caseId: I.Text, resolution: I.Text },
    },
  },
  WorkerDeathOrMissingReported: {
    command: C.ReportDeathOrMissing,
    event: E.WorkerDeathOrMissingReported,
    recording: {
      segment: "deaths-or-missing",
      summary:
        "Ghi nhận người lao động tử vong hoặc mất tích ở nước ngoài (ngày, nước, nguồn tin, vụ việc bảo hộ công dân; ghi chú được mã hóa)",
      summaryEn:
        "Record that a worker died or went missing abroad (date, country, source, the protection case; note encrypted)",
      by: [P, CO, EN],
      /**
       * `protectionCaseId` names one of the worker's protection cases (not a new one: a case is opened on its own
       * route). The note may tell of health or of a crime: sealed with the person's key.
       */
      input: {
        status: DeathOrMissingStatus,
        country: CountryCode,
        source: I.Text,
        protectionCaseId: Schema.optional(I.Text),
        note: I.OptionalText,
      },
      sealed: ["note"],
    },
  },
  WorkerReemploymentSupported: {
    command: C.RecordReemploymentSupport,
    event: E.WorkerReemploymentSupported,
    recording: {
      segment: "reemployment",
      summary: "Ghi nhận hỗ trợ việc làm sau khi về nước",
      summaryEn: "Record re-employment support after return",
      by: [P, CO],
      input: { kind: ReemploymentKind, provider: I.Text },
    },
  },
  WorkerReturneeNotified: {
    command: C.RecordReturneeNotice,
    event: E.WorkerReturneeNotified,
    recording: {
      segment: "returnee-notices",
      summary: "Ghi nhận đã thông báo người lao động về nước cho UBND xã, phường nơi cư trú hoặc cơ quan công an",
      summaryEn: "Record the notice of a returnee to the commune of residence or to the police",
      by: [P, CO, EN],
      input: { recipient: ReturneeNoticeRecipient },
    },
  },
  WorkerReintegrationAssessed: {
    command: C.RecordReintegration,
    event: E.WorkerReintegrationAssessed,
    recording: {
      segment: "reintegration",
      summary: "Ghi nhận kết quả tái hòa nhập xã hội của người lao động về nước",
      summaryEn: "Record a returnee's social reintegration outcome",
      by: [P, CO],
      input: { outcome: ReintegrationOutcome },
    },
  },
  WorkerWithdrew: {
    command: C.RecordWithdrawal,
    event: E.WorkerWithdrew,
    derived: ["stage"],
    recording: {
      segment: "withdrawal",
      summary: "Ghi nhận người lao động rút khỏi chương trình",
      summaryEn: "Record a withdrawal from the programme",
      by: [P, CO, EN],
      input: { reason: I.Text },
    },
  },
} as const satisfies Record<
  Exclude<E.WorkerFact["_tag"], "WorkerRegistered">,
  {
    readonly command: new (fields: any) => C.WorkerCommand
    readonly event: new (fields: any) => E.WorkerFact
    readonly checked?: ReadonlyArray<string>
    readonly derived?: ReadonlyArray<string>
    readonly recording: FactRecording
  }
>

/** A fact recorded after registration, by its event's tag. */
export type RecordedFactTag = keyof typeof workerFacts

interface Declaration {
  readonly command: (new (fields: any) => C.WorkerCommand) & { readonly identifier: string }
  readonly event: new (fields: any) => E.WorkerFact
  readonly checked?: ReadonlyArray<string>
  readonly derived?: ReadonlyArray<string>
  readonly recording: FactRecording
}

const declarations = workerFacts as Readonly<Record<RecordedFactTag, Declaration>>
const byCommand: ReadonlyMap<string, readonly [RecordedFactTag, Declaration]> = new Map(
  Object.entries(declarations).map(([tag, d]) => [d.command.identifier, [tag as RecordedFactTag, d]] as const),
)

const without = (fields: object, names: ReadonlyArray<string>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([name]) => name !== "_tag" && !names.includes(name)))

/** The command for a fact, from its fields (and what a rule checks with it, e.g. the enterprise's standing). */
export const commandFor = (tag: RecordedFactTag, fields: object): C.WorkerCommand =>
  new declarations[tag].command(fields)

/** A correction's replacement: the fact from its fields, with what the rules derived kept from the original. */
export const replacementFor = (tag: RecordedFactTag, fields: object, original: E.WorkerFact): E.WorkerFact => {
  const kept = (declarations[tag].derived ?? []).map((name) => [name, (original as any)[name]])
  return new declarations[tag].event({ ...Object.fromEntries(kept), ...fields })
}

/**
 * The fact a command asks to record, as the rules check it: the command's fields without those only checked;
 * a fact whose fields the rules derive is a request (a plain value) until the rules complete it.
 */
export const candidateOf = (command: C.WorkerCommand): FactCandidate | undefined => {
  if (command._tag === "RegisterWorker") return new E.WorkerRegistered(without(command, []) as any)
  const found = byCommand.get(command._tag)
  if (found === undefined) return undefined
  const [tag, declaration] = found
  const fields = without(command, declaration.checked ?? [])
  return (declaration.derived ? { _tag: tag, ...fields } : new declaration.event(fields)) as FactCandidate
}
