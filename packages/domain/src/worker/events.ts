import { Schema } from "effect"
import { CorrectionFields } from "../shared/correction.ts"
import type { EventType } from "../shared/event-type.ts"
import { Count, IsoDate, LegalBasis } from "../shared/values.ts"
import { SealedPersonal } from "../personal-data/envelope.ts"
import { Sex } from "../personal-data/sex.ts"
import { personRegistrationEventTypes } from "./person-registration.ts"
import {
  CountryCode,
  DeathOrMissingStatus,
  LoanStatus,
  Money,
  NonEmptyString,
  AssessmentKind,
  AssessmentOutcome,
  PriorityGroup,
  ProtectionCaseCategory,
  ReemploymentKind,
  ReintegrationOutcome,
  ReturneeNoticeRecipient,
  ReturnKind,
  TrainingKind,
  ViolationCategory,
  WorkerStage,
} from "./values.ts"

export const WORKER_STREAM_TYPE = "Worker"
export const workerStreamId = (workerId: string): string => `worker-${workerId}`

/**
 * Every worker event carries its own `eventId` (the app stores it as the log's event id), so that a later
 * correction can name it, and `occurredOn`, the business date in the world.
 */
const base = {
  eventId: Schema.String,
  workerId: Schema.String,
  occurredOn: IsoDate,
}

const residence = {
  residenceUnitCode: Schema.String, // commune/ward code of the administrative unit
  residenceUnitId: Schema.String, // admin-unit identity (stable across code reuse)
}

export const registrationFields = {
  ...base,
  provinceCode: Schema.String, // province that registers (uniqueness scope of the blind index)
  ...residence,
  sex: Sex,
  birthYear: Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2200 })),
  ethnicMinority: Schema.Boolean,
  priorityGroups: Schema.Array(PriorityGroup),
  blindIndex: Schema.String,
  identity: SealedPersonal,
  sensitive: Schema.optional(SealedPersonal),
  /** Nguyện vọng: the market (`Reference.markets` code) and occupation the person wishes for; added in v2, optional. */
  wish: Schema.optional(
    Schema.Struct({ marketCode: Schema.optional(Schema.String), occupation: Schema.optional(NonEmptyString) }),
  ),
}
export const residenceChangeFields = { ...base, ...residence }
/**
 * Gán nơi cư trú: a resident of a commune split on 1 July 2025 assigned by the province to one of its successors,
 * from `occurredOn` (the split's date), with the reason; until then their figures are not attributable.
 */
export const residenceAssignmentFields = { ...base, ...residence, reason: NonEmptyString }
export const counsellingFields = { ...base, provider: NonEmptyString }
export const trainingFields = { ...base, kind: TrainingKind, provider: NonEmptyString }
export const healthCheckFields = { ...base, provider: NonEmptyString, sensitive: SealedPersonal }
export const criminalRecordFields = { ...base, issuer: NonEmptyString, sensitive: SealedPersonal }
/** Xác nhận hồ sơ: the commune of residence (or the province) confirms the dossier; enterprises may then recruit. */
export const dossierConfirmationFields = { ...base }
export const selectionFields = { ...base, enterpriseId: Schema.String }
export const contractFields = {
  ...base,
  enterpriseId: Schema.String,
  country: CountryCode,
  programme: NonEmptyString, // e.g. "EPS", "Thực tập sinh kỹ năng"
  occupation: NonEmptyString,
  durationMonths: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  monthlyWage: Money,
  feesPaidByWorker: Count, // VND
}
export const loanFields = { ...base, loanId: Schema.String, bank: NonEmptyString, amount: Count, status: LoanStatus }
export const subsidyFields = {
  ...base,
  policy: NonEmptyString, // e.g. "CTMTQG 1719", "Nghị quyết HĐND tỉnh"
  amount: Count,
  legalBasis: Schema.optional(LegalBasis),
}
export const contractEndedEarlyFields = { ...base, reason: NonEmptyString }
export const returnFields = { ...base, kind: ReturnKind, reason: Schema.optional(Schema.String) }
export const overstayFields = { ...base, source: Schema.optional(Schema.String) }
export const violationFields = { ...base, category: ViolationCategory, sensitive: Schema.optional(SealedPersonal) }
export const reemploymentFields = { ...base, kind: ReemploymentKind, provider: NonEmptyString }
/** Tư vấn pháp luật: its own kind, apart from the general counselling (the "trained before departure" target). */
export const legalCounsellingFields = { ...base, provider: NonEmptyString }
/** Xác nhận hồ sơ vay vốn: the commune confirms a loan file for the bank; the bank's loan records use `loanId`. */
export const loanFileConfirmationFields = { ...base, loanId: Schema.String, bank: NonEmptyString }
export const assessmentFields = {
  ...base,
  assessment: AssessmentKind,
  outcome: AssessmentOutcome,
  organiser: NonEmptyString,
}
/** Hộ chiếu: the passport's number is personal (sealed); its expiry in clear for the exit checks. */
export const passportFields = { ...base, validUntil: IsoDate, sensitive: SealedPersonal }
/** Thị thực: for the country of the worker's contract. */
export const visaFields = { ...base, country: CountryCode, validUntil: IsoDate }
/** Thẩm định hỗ trợ: a policy of `Reference.supportPolicies`, one of its funding sources, the amount proposed. */
export const subsidyAppraisalFields = {
  ...base,
  subsidyId: Schema.String,
  policyCode: Schema.String,
  fundingSourceCode: Schema.String,
  amount: Count,
}
/** Quyết định hỗ trợ: approved (with the amount decided) or refused (amount 0, reason). */
export const subsidyDecisionFields = {
  ...base,
  subsidyId: Schema.String,
  approved: Schema.Boolean,
  amount: Count,
  decisionNumber: NonEmptyString,
  reason: Schema.optional(Schema.String),
}
/** Chi trả hỗ trợ: one payment of a decided subsidy (several payments may add up to the amount decided). */
export const subsidyPaymentFields = { ...base, subsidyId: Schema.String, amount: Count }
/** Bảo hộ công dân: a case abroad; the description may be health or criminal data (sealed). */
export const protectionCaseOpeningFields = {
  ...base,
  caseId: Schema.String,
  category: ProtectionCaseCategory,
  sensitive: Schema.optional(SealedPersonal),
}
export const protectionCaseResolutionFields = { ...base, caseId: Schema.String, resolution: NonEmptyString }
/**
 * Tử vong, mất tích ở nước ngoài: the date of the death or of the disappearance (as reported), the country, who
 * reported it (an embassy, the enterprise, the family, the police) and optionally the citizen-protection case that
 * handles it (`protectionCaseId`, one of the worker's cases). The note may tell of health or of a crime: sealed.
 */
export const deathOrMissingFields = {
  ...base,
  status: DeathOrMissingStatus,
  country: CountryCode,
  source: NonEmptyString,
  protectionCaseId: Schema.optional(Schema.String),
  sensitive: Schema.optional(SealedPersonal),
}
export const returneeNoticeFields = { ...base, recipient: ReturneeNoticeRecipient }
export const reintegrationFields = { ...base, outcome: ReintegrationOutcome }

/** Registered wish to work abroad, listed by the commune (v2: with priority groups). */
export class WorkerRegistered extends Schema.TaggedClass<WorkerRegistered>()("WorkerRegistered", registrationFields) {}
/** Moved to another commune/ward: departures count for the commune of residence on the departure date. */
export class WorkerResidenceChanged extends Schema.TaggedClass<WorkerResidenceChanged>()(
  "WorkerResidenceChanged",
  residenceChangeFields,
) {}
export class WorkerResidenceAssigned extends Schema.TaggedClass<WorkerResidenceAssigned>()(
  "WorkerResidenceAssigned",
  residenceAssignmentFields,
) {}
export class WorkerCounselled extends Schema.TaggedClass<WorkerCounselled>()("WorkerCounselled", counsellingFields) {}
export class WorkerTrainingCompleted extends Schema.TaggedClass<WorkerTrainingCompleted>()(
  "WorkerTrainingCompleted",
  trainingFields,
) {}
export class WorkerHealthChecked extends Schema.TaggedClass<WorkerHealthChecked>()(
  "WorkerHealthChecked",
  healthCheckFields,
) {}
export class WorkerCriminalRecordCertificateIssued extends Schema.TaggedClass<WorkerCriminalRecordCertificateIssued>()(
  "WorkerCriminalRecordCertificateIssued",
  criminalRecordFields,
) {}
/** The commune confirmed the worker's dossier for recruitment (xác nhận hồ sơ): selection needs it. */
export class WorkerDossierConfirmed extends Schema.TaggedClass<WorkerDossierConfirmed>()(
  "WorkerDossierConfirmed",
  dossierConfirmationFields,
) {}
export class WorkerSelectedByEnterprise extends Schema.TaggedClass<WorkerSelectedByEnterprise>()(
  "WorkerSelectedByEnterprise",
  selectionFields,
) {}
export class WorkerContractSigned extends Schema.TaggedClass<WorkerContractSigned>()(
  "WorkerContractSigned",
  contractFields,
) {}
/** Loan from the Social Policy Bank; recording the same `loanId` again updates its status. */
export class WorkerLoanRecorded extends Schema.TaggedClass<WorkerLoanRecorded>()("WorkerLoanRecorded", loanFields) {}
export class WorkerSupportSubsidyGranted extends Schema.TaggedClass<WorkerSupportSubsidyGranted>()(
  "WorkerSupportSubsidyGranted",
  subsidyFields,
) {}
/**
 * Xuất cảnh: what counts against a quota. It names the contract it departs under; the country, programme and
 * enterprise come from that contract, and the commune it counts for is the residence on `occurredOn`, both
 * derived in the state, so a later correction of the contract or of a move is reflected without rewriting this.
 */
export class WorkerDeparted extends Schema.TaggedClass<WorkerDeparted>()("WorkerDeparted", {
  ...base,
  contractEventId: Schema.String,
}) {}
export class WorkerContractEndedEarly extends Schema.TaggedClass<WorkerContractEndedEarly>()(
  "WorkerContractEndedEarly",
  contractEndedEarlyFields,
) {}
export class WorkerReturned extends Schema.TaggedClass<WorkerReturned>()("WorkerReturned", returnFields) {}
/** Stayed abroad illegally after the contract (cư trú bất hợp pháp). */
export class WorkerOverstayed extends Schema.TaggedClass<WorkerOverstayed>()("WorkerOverstayed", overstayFields) {}
export class WorkerViolationRecorded extends Schema.TaggedClass<WorkerViolationRecorded>()(
  "WorkerViolationRecorded",
  violationFields,
) {}
export class WorkerReemploymentSupported extends Schema.TaggedClass<WorkerReemploymentSupported>()(
  "WorkerReemploymentSupported",
  reemploymentFields,
) {}
export class WorkerLegalCounselled extends Schema.TaggedClass<WorkerLegalCounselled>()(
  "WorkerLegalCounselled",
  legalCounsellingFields,
) {}
export class WorkerLoanFileConfirmed extends Schema.TaggedClass<WorkerLoanFileConfirmed>()(
  "WorkerLoanFileConfirmed",
  loanFileConfirmationFields,
) {}
/** An interview, an exam or the EPS Korean test: sat (result pending), passed or failed. */
export class WorkerAssessed extends Schema.TaggedClass<WorkerAssessed>()("WorkerAssessed", assessmentFields) {}
export class WorkerPassportIssued extends Schema.TaggedClass<WorkerPassportIssued>()(
  "WorkerPassportIssued",
  passportFields,
) {}
export class WorkerVisaIssued extends Schema.TaggedClass<WorkerVisaIssued>()("WorkerVisaIssued", visaFields) {}
export class WorkerSubsidyAppraised extends Schema.TaggedClass<WorkerSubsidyAppraised>()(
  "WorkerSubsidyAppraised",
  subsidyAppraisalFields,
) {}
export class WorkerSubsidyDecided extends Schema.TaggedClass<WorkerSubsidyDecided>()(
  "WorkerSubsidyDecided",
  subsidyDecisionFields,
) {}
export class WorkerSubsidyPaid extends Schema.TaggedClass<WorkerSubsidyPaid>()(
  "WorkerSubsidyPaid",
  subsidyPaymentFields,
) {}
export class WorkerProtectionCaseOpened extends Schema.TaggedClass<WorkerProtectionCaseOpened>()(
  "WorkerProtectionCaseOpened",
  protectionCaseOpeningFields,
) {}
export class WorkerProtectionCaseResolved extends Schema.TaggedClass<WorkerProtectionCaseResolved>()(
  "WorkerProtectionCaseResolved",
  protectionCaseResolutionFields,
) {}
export class WorkerReturneeNotified extends Schema.TaggedClass<WorkerReturneeNotified>()(
  "WorkerReturneeNotified",
  returneeNoticeFields,
) {}
/** Social reintegration (tái hòa nhập xã hội) of a returnee, as an outcome. */
export class WorkerReintegrationAssessed extends Schema.TaggedClass<WorkerReintegrationAssessed>()(
  "WorkerReintegrationAssessed",
  reintegrationFields,
) {}
/** Reported dead or missing abroad (a missing worker may later be reported dead, or return). */
export class WorkerDeathOrMissingReported extends Schema.TaggedClass<WorkerDeathOrMissingReported>()(
  "WorkerDeathOrMissingReported",
  deathOrMissingFields,
) {}
/** Dropped out; `stage` is the stage the worker was at. */
export class WorkerWithdrew extends Schema.TaggedClass<WorkerWithdrew>()("WorkerWithdrew", {
  ...base,
  stage: WorkerStage,
  reason: NonEmptyString,
}) {}

/** The facts a correction can replace or void. */
export const WorkerFact = Schema.Union([
  WorkerRegistered,
  WorkerResidenceChanged,
  WorkerCounselled,
  WorkerTrainingCompleted,
  WorkerHealthChecked,
  WorkerCriminalRecordCertificateIssued,
  WorkerDossierConfirmed,
  WorkerSelectedByEnterprise,
  WorkerContractSigned,
  WorkerLoanRecorded,
  WorkerSupportSubsidyGranted,
  WorkerDeparted,
  WorkerContractEndedEarly,
  WorkerReturned,
  WorkerOverstayed,
  WorkerViolationRecorded,
  WorkerReemploymentSupported,
  WorkerWithdrew,
  WorkerLegalCounselled,
  WorkerLoanFileConfirmed,
  WorkerAssessed,
  WorkerPassportIssued,
  WorkerVisaIssued,
  WorkerSubsidyAppraised,
  WorkerSubsidyDecided,
  WorkerSubsidyPaid,
  WorkerProtectionCaseOpened,
  WorkerProtectionCaseResolved,
  WorkerReturneeNotified,
  WorkerReintegrationAssessed,
  WorkerResidenceAssigned,
  WorkerDeathOrMissingReported,
])
export type WorkerFact = typeof WorkerFact.Type

/** Replaces a recorded fact (same type, same event id); the original stays in the log. */
export class WorkerFactCorrected extends Schema.TaggedClass<WorkerFactCorrected>()("WorkerFactCorrected", {
  ...base,
  ...CorrectionFields,
  replacement: WorkerFact,
}) {}

/** Declares a recorded fact void (it never happened); the original stays in the log. */
export class WorkerFactVoided extends Schema.TaggedClass<WorkerFactVoided>()("WorkerFactVoided", {
  ...base,
  ...CorrectionFields,
}) {}

/**
 * Xóa dữ liệu cá nhân: the person's key (`keyId`) is deleted, so every sealed field of this worker is unreadable
 * for good; who erased is the event's recording actor, when is its recording time, `legalBasis` why it was lawful
 * (and required). Not a fact: it cannot be corrected or voided, and it changes no figure (the clear statistical
 * fields stay). The person's registration claim is released in the same transaction.
 */
export class WorkerPersonalDataErased extends Schema.TaggedClass<WorkerPersonalDataErased>()(
  "WorkerPersonalDataErased",
  { ...base, keyId: Schema.String, legalBasis: LegalBasis, reason: NonEmptyString },
) {}

export const WorkerEvent = Schema.Union([WorkerFact, WorkerFactCorrected, WorkerFactVoided, WorkerPersonalDataErased])
export type WorkerEvent = WorkerFact | WorkerFactCorrected | WorkerFactVoided | WorkerPersonalDataErased

/** v1 → v2: version 1 had no priority groups. */
export const upcastWorkerRegisteredV1 = (data: unknown): unknown => {
  const v1 = data as Record<string, unknown>
  return { ...v1, priorityGroups: v1["priorityGroups"] ?? [] }
}

const entry = (
  schema: Schema.Top,
  type: string,
  description: string,
  personalFields: ReadonlyArray<string> = [],
  version = 1,
  upcasters?: EventType["upcasters"],
): EventType => ({
  type,
  version,
  streamType: WORKER_STREAM_TYPE,
  description,
  personalFields,
  schema,
  ...(upcasters ? { upcasters } : {}),
})

export const eventTypes: ReadonlyArray<EventType> = [
  entry(
    WorkerRegistered,
    "WorkerRegistered",
    "A commune registered a person's wish to work abroad, with residence, statistics, priority groups and the wished market and occupation (optional)",
    ["identity", "sensitive"],
    2,
    { 1: upcastWorkerRegisteredV1 },
  ),
  entry(WorkerResidenceChanged, "WorkerResidenceChanged", "The worker's commune of residence changed"),
  entry(WorkerCounselled, "WorkerCounselled", "The worker received counselling"),
  entry(
    WorkerTrainingCompleted,
    "WorkerTrainingCompleted",
    "The worker completed language, vocational or orientation training",
  ),
  entry(WorkerHealthChecked, "WorkerHealthChecked", "The worker had a health check (result encrypted)", ["sensitive"]),
  entry(
    WorkerCriminalRecordCertificateIssued,
    "WorkerCriminalRecordCertificateIssued",
    "A criminal-record certificate was issued (content encrypted)",
    ["sensitive"],
  ),
  entry(
    WorkerDossierConfirmed,
    "WorkerDossierConfirmed",
    "The commune (or the province) confirmed the worker's dossier for recruitment; enterprises may then select",
  ),
  entry(
    WorkerSelectedByEnterprise,
    "WorkerSelectedByEnterprise",
    "A recruitment enterprise (licensed, vetted, not suspended) selected a worker whose dossier was confirmed",
  ),
  entry(WorkerContractSigned, "WorkerContractSigned", "The worker signed a contract to work abroad"),
  entry(WorkerLoanRecorded, "WorkerLoanRecorded", "A bank loan for departure was recorded or its status changed"),
  entry(WorkerSupportSubsidyGranted, "WorkerSupportSubsidyGranted", "A support subsidy was granted under a policy"),
  entry(WorkerDeparted, "WorkerDeparted", "The worker left the country under a contract; counts against the quota"),
  entry(WorkerContractEndedEarly, "WorkerContractEndedEarly", "The contract abroad ended before its term"),
  entry(WorkerReturned, "WorkerReturned", "The worker returned home (on time, early or late)"),
  entry(WorkerOverstayed, "WorkerOverstayed", "The worker stayed abroad illegally"),
  entry(
    WorkerViolationRecorded,
    "WorkerViolationRecorded",
    "A violation by the worker was recorded (details encrypted)",
    ["sensitive"],
  ),
  entry(WorkerReemploymentSupported, "WorkerReemploymentSupported", "A returnee was supported into work"),
  entry(WorkerWithdrew, "WorkerWithdrew", "The worker dropped out of the programme, at a stage, with a reason"),
  entry(
    WorkerLegalCounselled,
    "WorkerLegalCounselled",
    "The worker received legal counselling (tư vấn pháp luật) before departure",
  ),
  entry(
    WorkerLoanFileConfirmed,
    "WorkerLoanFileConfirmed",
    "The commune (or the province) confirmed the worker's loan file for the Social Policy Bank",
  ),
  entry(
    WorkerAssessed,
    "WorkerAssessed",
    "The worker sat, passed or failed an interview, an exam or the EPS Korean test",
  ),
  entry(
    WorkerPassportIssued,
    "WorkerPassportIssued",
    "A passport was issued to the worker (number encrypted, expiry in clear)",
    ["sensitive"],
  ),
  entry(WorkerVisaIssued, "WorkerVisaIssued", "A visa for the country of the worker's contract was issued"),
  entry(
    WorkerSubsidyAppraised,
    "WorkerSubsidyAppraised",
    "The commune appraised a support subsidy under a catalogued policy and funding source",
  ),
  entry(WorkerSubsidyDecided, "WorkerSubsidyDecided", "An appraised support subsidy was approved or refused"),
  entry(WorkerSubsidyPaid, "WorkerSubsidyPaid", "A payment of an approved support subsidy was made"),
  entry(
    WorkerProtectionCaseOpened,
    "WorkerProtectionCaseOpened",
    "A citizen-protection case abroad was opened for the worker (description encrypted)",
    ["sensitive"],
  ),
  entry(WorkerProtectionCaseResolved, "WorkerProtectionCaseResolved", "A citizen-protection case was resolved"),
  entry(
    WorkerReturneeNotified,
    "WorkerReturneeNotified",
    "The commune of residence or the police was notified of the returnee",
  ),
  entry(
    WorkerReintegrationAssessed,
    "WorkerReintegrationAssessed",
    "A returnee's social reintegration was assessed (an outcome)",
  ),
  entry(
    WorkerResidenceAssigned,
    "WorkerResidenceAssigned",
    "A resident of a split commune was assigned to one of its successors by the province, with a reason",
  ),
  entry(
    WorkerDeathOrMissingReported,
    "WorkerDeathOrMissingReported",
    "The worker was reported dead or missing abroad: date, country, who reported it, the protection case (note encrypted)",
    ["sensitive"],
  ),
  entry(WorkerFactCorrected, "WorkerFactCorrected", "A recorded worker fact was corrected; the original stays", [
    "replacement.identity",
    "replacement.sensitive",
  ]),
  entry(WorkerFactVoided, "WorkerFactVoided", "A recorded worker fact was declared void; the original stays"),
  entry(
    WorkerPersonalDataErased,
    "WorkerPersonalDataErased",
    "The worker's personal data was erased (the person key deleted) on a legal basis; figures unchanged, the claim released",
  ),
  ...personRegistrationEventTypes,
]
