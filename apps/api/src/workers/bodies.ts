import { IsoDate, LegalBasis, PersonalData, Worker } from "@xkld/domain"
import { Schema } from "effect"
import { BirthDate, EventDate } from "../http/dates.ts"

/** Free text typed by an officer: not empty, not a novel (the domain's limit of what an officer may type). */
export const Text = Worker.OfficerInput.Text

/** Commune or ward of the province: its code ("03646") or its id ("au/14/03646/2025-07-01"). */
export const UnitRef = Worker.OfficerInput.UnitRef

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
  /** Nguyện vọng: the market (a code of the markets catalogue, e.g. "KR") and the occupation wished for. */
  wish: Schema.optional(
    Schema.Struct({
      marketCode: Schema.optional(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(10))),
      occupation: Schema.optional(Text),
    }),
  ),
})
export type RegisterBody = typeof RegisterBody.Type

/*
 * The body of each fact's own route (`POST /api/workers/{id}/<segment>`) is the date and the `input` the domain
 * declares for the fact (`Worker.workerFacts`, with the limits of what an officer may type): see `fact-specs.ts`.
 */

/** A correction names the fact it replaces and carries the replacement as the fact's own route takes it. */
export const CorrectionBody = Schema.Struct({
  correctsEventId: Text,
  reason: Text,
  occurredOn: Schema.optional(EventDate),
  replacement: Schema.Record(Schema.String, Schema.Unknown),
})
export const VoidBody = Schema.Struct({ correctsEventId: Text, reason: Text, occurredOn: Schema.optional(EventDate) })
/** Why, and on what legal basis (the data subject's right under Law 91/2025/QH15 when none is named). */
export const ErasureBody = Schema.Struct({ reason: Text, legalBasis: Schema.optional(LegalBasis) })

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
  /** The `WorkerPersonalDataErased` event (null for an erasure made before erasures were events). */
  eventId: Schema.NullOr(Schema.String),
  legalBasis: LegalBasis,
})
