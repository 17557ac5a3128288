import { Count, IsoDate, LegalBasis, PersonalData, Worker } from "@xkld/domain"
import { Schema } from "effect"
import { BirthDate, EventDate } from "../http/dates.ts"

/** Free text typed by an officer: not empty, not a novel. */
export const Text = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500))
const OptionalText = Schema.optional(Schema.String.check(Schema.isMaxLength(2000)))

/** Commune or ward of the province: its code ("03646") or its id ("au/14/03646/2025-07-01"). */
export const UnitRef = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100))

/** Registration as typed in by the commune: identity in clear (sealed before it is stored), statistics in clear. */
export const RegisterBody = Schema.Struct({
  occurredOn: EventDate,
  identity: Schema.Struct({
    fullName: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
    citizenId: Schema.String.check(Schema.isMaxLength(40)),
    dateOfBirth: BirthDate,
    sex: PersonalData.Sex,
    phone: Schema.optional(Schema.String.check(Schema.isMaxLength(40))),
    address: Schema.optional(Schema.String.check(Schema.isMaxLength(500))),
    passportNumber: Schema.optional(Schema.String.check(Schema.isMaxLength(40))),
  }),
  sensitive: Schema.optional(
    Schema.Struct({ ethnicGroup: Schema.optional(Schema.String.check(Schema.isMaxLength(100))) }),
  ),
  residenceUnit: UnitRef,
  ethnicMinority: Schema.Boolean,
  priorityGroups: Schema.optional(Schema.Array(Worker.PriorityGroup)),
})
export type RegisterBody = typeof RegisterBody.Type

const on = { occurredOn: EventDate }

export const ResidenceBody = Schema.Struct({ ...on, residenceUnit: UnitRef })
export const CounsellingBody = Schema.Struct({ ...on, provider: Text })
export const TrainingBody = Schema.Struct({ ...on, kind: Worker.TrainingKind, provider: Text })
/** The result is health data: sealed with the person's key. */
export const HealthCheckBody = Schema.Struct({ ...on, provider: Text, fit: Schema.Boolean, summary: OptionalText })
/** The content is sensitive: sealed with the person's key. */
export const CriminalRecordBody = Schema.Struct({
  ...on,
  issuer: Text,
  hasConvictions: Schema.Boolean,
  content: OptionalText,
})
/** Xác nhận hồ sơ: the date the commune confirmed the dossier. */
export const DossierConfirmationBody = Schema.Struct({ ...on })
/** An enterprise officer's own enterprise is implied; other officers name it. */
export const SelectionBody = Schema.Struct({ ...on, enterpriseId: Schema.optional(Text) })
export const ContractBody = Schema.Struct({
  ...on,
  enterpriseId: Schema.optional(Text),
  country: Worker.CountryCode,
  programme: Text,
  occupation: Text,
  durationMonths: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 120 })),
  monthlyWage: Worker.Money,
  feesPaidByWorker: Count,
})
/** Recording the same `loanId` again updates the loan's status. */
export const LoanBody = Schema.Struct({
  ...on,
  loanId: Schema.optional(Text),
  bank: Text,
  amount: Count,
  status: Worker.LoanStatus,
})
export const SubsidyBody = Schema.Struct({
  ...on,
  policy: Text,
  amount: Count,
  legalBasis: Schema.optional(LegalBasis),
})
/** The date of birth for the age check is read from the sealed identity, never sent. */
export const DepartureBody = Schema.Struct({ ...on })
export const ContractEndedEarlyBody = Schema.Struct({ ...on, reason: Text })
export const ReturnBody = Schema.Struct({ ...on, kind: Worker.ReturnKind, reason: OptionalText })
export const OverstayBody = Schema.Struct({ ...on, source: OptionalText })
/** The description may name offences: sealed with the person's key. */
export const ViolationBody = Schema.Struct({ ...on, category: Worker.ViolationCategory, description: OptionalText })
export const ReemploymentBody = Schema.Struct({ ...on, kind: Worker.ReemploymentKind, provider: Text })
export const WithdrawalBody = Schema.Struct({ ...on, reason: Text })

/** A correction names the fact it replaces and carries the replacement as the fact's own route takes it. */
export const CorrectionBody = Schema.Struct({
  correctsEventId: Text,
  reason: Text,
  occurredOn: Schema.optional(EventDate),
  replacement: Schema.Record(Schema.String, Schema.Unknown),
})
export const VoidBody = Schema.Struct({ correctsEventId: Text, reason: Text, occurredOn: Schema.optional(EventDate) })
export const ErasureBody = Schema.Struct({ reason: Text })

export const WorkerIdParams = Schema.Struct({ id: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)) })

const Event = Schema.Struct({ eventId: Schema.String, type: Schema.String })

/** What every worker command answers: the new version (send it back as If-Match) and the events written. */
export const WriteAnswer = Schema.Struct({
  id: Schema.String,
  version: Schema.Number,
  eventId: Schema.String,
  events: Schema.Array(Event),
  stage: Worker.WorkerStage,
  stageLabel: Schema.String,
})
export const RegisterAnswer = Schema.Struct({
  ...WriteAnswer.fields,
  unitId: Schema.String,
  unitCode: Schema.String,
  unitName: Schema.String,
  registeredOn: IsoDate,
})
export const ErasureAnswer = Schema.Struct({
  id: Schema.String,
  erased: Schema.Boolean,
  alreadyErased: Schema.Boolean,
  erasedAt: Schema.String,
  reason: Schema.String,
})
