import { Worker } from "@xkld/domain"
import { Schema } from "effect"

/**
 * What GET /api/workers/{id} answers (`summaryOf` and `historyOf` of read-model.ts, the identity if allowed): the
 * declared response the admin app's generated client is typed from. Nothing personal in clear but `identity`.
 */
const S = Schema.String
// Finite: the answer is JSON, where a number is never NaN or Infinity (Schema.Number would tell the client it may be).
const N = Schema.Finite
const NullS = Schema.NullOr(S)

const Residence = Schema.Struct({ from: S, unitId: S, unitCode: S, unitName: NullS })

const Contract = Schema.Struct({
  eventId: S,
  signedOn: S,
  enterpriseId: S,
  country: S,
  programme: S,
  occupation: S,
  durationMonths: N,
  monthlyWage: Schema.Struct({ amount: N, currency: S }),
  feesPaidByWorker: N,
  usedByDeparture: Schema.Boolean,
})

const Departure = Schema.Struct({
  eventId: S,
  date: S,
  residenceUnitCode: S,
  residenceUnitId: S,
  country: S,
  programme: S,
  enterpriseId: S,
  contractEventId: S,
  counted: Schema.Boolean,
})

const HistoryEntry = Schema.Struct({
  eventId: S,
  version: N,
  type: S,
  label: S,
  occurredOn: S,
  recordedAt: S,
  /** Who recorded it (the event's metadata: the account's id, its role, its unit). */
  actor: Schema.Struct({ userId: S, role: S, unit: Schema.optional(S) }),
  legalBasis: Schema.optional(Schema.Struct({ number: S, date: S, issuer: S, title: Schema.optional(S) })),
  inEffect: Schema.Boolean,
  corrects: Schema.optional(
    Schema.Struct({ eventId: S, type: Schema.optional(S), kind: Schema.Literals(["corrected", "voided"]), reason: S }),
  ),
  correctedBy: Schema.Array(S),
  voidedBy: NullS,
  /** The event's data without its personal fields (`identitySealed: true` says one was there). */
  data: Schema.Record(S, Schema.Unknown),
})

export const WorkerDetail = Schema.Struct({
  id: S,
  provinceCode: S,
  unitId: S,
  unitCode: S,
  unitName: NullS,
  stage: S,
  stageLabel: S,
  registeredOn: S,
  sex: S,
  birthYear: N,
  ethnicMinority: Schema.Boolean,
  priorityGroups: Schema.Array(S),
  residence: Schema.Array(Residence),
  counselledOn: NullS,
  trainings: Schema.Array(Schema.Struct({ kind: S, provider: S, completedOn: S })),
  healthCheckedOn: NullS,
  criminalRecordCertificateOn: NullS,
  selectedBy: Schema.NullOr(Schema.Struct({ enterpriseId: S, on: S })),
  contract: Schema.NullOr(Contract),
  loans: Schema.Array(Schema.Struct({ loanId: S, bank: S, amount: N, status: S, on: S })),
  subsidies: Schema.Array(Schema.Struct({ policy: S, amount: N, on: S })),
  departure: Schema.NullOr(Departure),
  abroad: Schema.Boolean,
  contractEndedEarly: Schema.NullOr(Schema.Struct({ on: S, reason: S })),
  overstayed: Schema.Boolean,
  lastReturn: Schema.NullOr(Schema.Struct({ on: S, kind: S })),
  violations: Schema.Array(Schema.Struct({ on: S, category: S })),
  reemployment: Schema.Array(Schema.Struct({ on: S, kind: S, provider: S })),
  withdrawal: Schema.NullOr(Schema.Struct({ on: S, stage: S, reason: S })),
  countedDepartures: Schema.Array(Schema.Struct({ eventId: S, year: N, date: S, unitId: S })),
  /** The stream version (also the ETag), for If-Match on the next command. */
  version: N,
  identityStatus: Schema.Literals(["shown", "erased", "unreadable", "hidden"]),
  /** The identity when shown; why not (message, messageEn) when erased or unreadable; null when hidden. */
  identity: Schema.NullOr(Schema.Union([Worker.WorkerIdentity, Schema.Struct({ message: S, messageEn: S })])),
  history: Schema.Array(HistoryEntry),
})
