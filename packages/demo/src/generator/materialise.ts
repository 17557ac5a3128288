import { Result, Schema } from "effect"
import { DeterministicSealer, type GeneratorCrypto } from "./keys.ts"
import { recordingUnit, type ProvincePlaces } from "./places.ts"
import { isoOf } from "./random.ts"
import type { GeneratedAppend, GeneratedActor, GeneratedEvent } from "./types.ts"
import type { Step, WorkerPlan } from "./worker-plan.ts"
import { Worker, type LegalBasis } from "@xkld/domain"
const {
  CorrectWorkerFact,
  workerDecider,
  WORKER_STREAM_TYPE,
  WorkerContractSigned,
  WorkerDeparted,
  WorkerLoanRecorded,
  WorkerRegistered,
  eventTypes: workerEventTypes,
  workerStreamId,
  PERSON_REGISTRATION_STREAM_TYPE,
  PersonRegistrationClaimed,
  personRegistrationStreamId,
} = Worker
type WorkerRegistered = Worker.WorkerRegistered
type WorkerContractSigned = Worker.WorkerContractSigned
type WorkerDeparted = Worker.WorkerDeparted
type WorkerLoanRecorded = Worker.WorkerLoanRecorded
type RecordContract = Worker.RecordContract
type RecordContractEndedEarly = Worker.RecordContractEndedEarly
type ConfirmDossier = Worker.ConfirmDossier
type RecordCounselling = Worker.RecordCounselling
type RecordLegalCounselling = Worker.RecordLegalCounselling
type RecordAssessment = Worker.RecordAssessment
type RecordPassport = Worker.RecordPassport
type RecordVisa = Worker.RecordVisa
type ConfirmLoanFile = Worker.ConfirmLoanFile
type AppraiseSubsidy = Worker.AppraiseSubsidy
type DecideSubsidy = Worker.DecideSubsidy
type RecordSubsidyPayment = Worker.RecordSubsidyPayment
type OpenProtectionCase = Worker.OpenProtectionCase
type ResolveProtectionCase = Worker.ResolveProtectionCase
type ReportDeathOrMissing = Worker.ReportDeathOrMissing
type RecordReturneeNotice = Worker.RecordReturneeNotice
type RecordReintegration = Worker.RecordReintegration
type RecordCriminalRecordCertificate = Worker.RecordCriminalRecordCertificate
type RecordDeparture = Worker.RecordDeparture
type RecordHealthCheck = Worker.RecordHealthCheck
type RecordLoan = Worker.RecordLoan
type RecordOverstay = Worker.RecordOverstay
type RecordReemploymentSupport = Worker.RecordReemploymentSupport
type RecordResidenceChange = Worker.RecordResidenceChange
type RecordReturn = Worker.RecordReturn
type RecordSelection = Worker.RecordSelection
type RecordSupportSubsidy = Worker.RecordSupportSubsidy
type RecordTraining = Worker.RecordTraining
type RecordViolation = Worker.RecordViolation
type RecordWithdrawal = Worker.RecordWithdrawal
type RegisterWorker = Worker.RegisterWorker
type VoidWorkerFact = Worker.VoidWorkerFact
type WorkerCommand = Worker.WorkerCommand
type WorkerEvent = Worker.WorkerEvent
type WorkerFact = Worker.WorkerFact
type WorkerState = Worker.WorkerState
type EnterpriseStanding = Worker.EnterpriseStanding

/** Encoders and current versions of the worker and person-registration events, by type. */
const codecs = new Map(
  workerEventTypes.map((t) => [
    t.type,
    { version: t.version, encode: Schema.encodeSync(t.schema as Schema.Codec<unknown, unknown>) },
  ]),
)

/** Encodes a decided event for the log: JSON-safe data, the registry's version, business time at 00:00 UTC. */
export const encodeEvent = (
  eventId: string,
  event: { readonly _tag: string; readonly occurredOn: string },
): GeneratedEvent => {
  const codec = codecs.get(event._tag)
  if (codec === undefined) throw new Error(`no event type registered for ${event._tag}`)
  return {
    eventId,
    type: event._tag,
    schemaVersion: codec.version,
    data: codec.encode(event),
    occurredAt: `${event.occurredOn}T00:00:00.000Z`,
  }
}

/**
 * A command as the app would hand it to the decider, without validating it on construction: the decider
 * builds (and so validates) every event from it, and the generator builds thousands per second.
 */
const command = <C extends { readonly _tag: string }>(tag: C["_tag"], fields: Omit<C, "_tag">): C =>
  ({ _tag: tag, ...fields }) as unknown as C

const fieldsOf = <T extends { readonly _tag: string }>(value: T): Omit<T, "_tag"> => {
  const { _tag, ...fields } = value
  return fields
}

const ctmtqg1719: LegalBasis = {
  number: "1719/QĐ-TTg",
  date: "2021-10-14",
  issuer: "Thủ tướng Chính phủ",
  title:
    "Phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030",
}
const ctmtqg90: LegalBasis = {
  number: "90/QĐ-TTg",
  date: "2022-01-18",
  issuer: "Thủ tướng Chính phủ",
  title: "Phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025",
}

export interface MaterialiseContext {
  readonly places: ProvincePlaces
  readonly unitCodes: ReadonlyMap<string, string>
  readonly crypto: GeneratorCrypto
  /** Where an enterprise stood in this province on a date, from the generated enterprise history. */
  readonly standingOf: (enterpriseId: string, on: string) => EnterpriseStanding
}

const labourDeptUntil = "2025-03-01"

const actorOf = (context: MaterialiseContext, step: Step, recordedDate: string): GeneratedActor => {
  const province = context.places.provinceCode
  const desk = (step.eventId.charCodeAt(0) & 1) + 1
  switch (step.actor) {
    case "commune": {
      const unit = recordingUnit(context.places, step.unitId, recordedDate)
      return { userId: `ubnd-${context.unitCodes.get(unit) ?? unit}-cb${desk}`, role: "communeCommittee", unit }
    }
    case "employmentCentre":
      return {
        userId: `ttdvvl-${province}-${desk}`,
        role: "employmentServiceCentre",
        unit: context.places.provinceUnitId,
      }
    case "enterprise":
      return step.enterpriseId === undefined
        ? { userId: `snv-${province}-1`, role: "homeAffairsDept", unit: context.places.provinceUnitId }
        : { userId: `dn-${step.enterpriseId.slice(0, 8)}-${desk}`, role: "enterprise", unit: step.enterpriseId }
    case "bank":
      return { userId: `nhcsxh-${province}-${desk}`, role: "socialPolicyBank", unit: context.places.provinceUnitId }
    case "police":
      return { userId: `ca-${province}-1`, role: "provincialPolice", unit: context.places.provinceUnitId }
    case "department":
      return recordedDate < labourDeptUntil
        ? { userId: `sldtbxh-${province}-1`, role: "labourDept", unit: context.places.provinceUnitId }
        : { userId: `snv-${province}-1`, role: "homeAffairsDept", unit: context.places.provinceUnitId }
  }
}

const factById = (state: WorkerState, eventId: string): WorkerFact => {
  const fact = state.facts.find((f) => f.eventId === eventId)
  if (fact === undefined) throw new Error(`generated correction names unknown fact ${eventId}`)
  return fact
}

const commandOf = (
  step: Step,
  plan: WorkerPlan,
  state: WorkerState,
  sealer: DeterministicSealer,
  context: MaterialiseContext,
): WorkerCommand => {
  const { person } = plan
  const base = { eventId: step.eventId, workerId: person.workerId, occurredOn: isoOf(step.day) }
  const data = step.data
  switch (data.kind) {
    case "register":
      return command<RegisterWorker>("RegisterWorker", {
        ...base,
        provinceCode: person.provinceCode,
        residenceUnitCode: data.place.code,
        residenceUnitId: data.place.unitId,
        sex: person.sex,
        birthYear: Number(person.dateOfBirth.slice(0, 4)),
        ethnicMinority: person.ethnicGroup !== "Kinh",
        priorityGroups: [...data.priorityGroups],
        blindIndex: context.crypto.blindIndex(person.provinceCode, person.citizenId),
        identity: sealer.seal({
          fullName: person.fullName,
          citizenId: person.citizenId,
          dateOfBirth: person.dateOfBirth,
          phone: person.phone,
          address: person.address,
          ...(person.passportNumber === undefined ? {} : { passportNumber: person.passportNumber }),
        }),
        sensitive: sealer.seal({ ethnicGroup: person.ethnicGroup }),
      })
    case "move":
      return command<RecordResidenceChange>("RecordResidenceChange", {
        ...base,
        residenceUnitCode: data.place.code,
        residenceUnitId: data.place.unitId,
      })
    case "counsel":
      return command<RecordCounselling>("RecordCounselling", { ...base, provider: data.provider })
    case "legalCounsel":
      return command<RecordLegalCounselling>("RecordLegalCounselling", { ...base, provider: data.provider })
    case "train":
      return command<RecordTraining>("RecordTraining", { ...base, kind: data.training, provider: data.provider })
    case "health":
      return command<RecordHealthCheck>("RecordHealthCheck", {
        ...base,
        provider: data.provider,
        sensitive: sealer.seal(
          data.fit ? { fit: true } : { fit: false, summary: "Không đạt tiêu chuẩn sức khỏe theo quy định" },
        ),
      })
    case "record":
      return command<RecordCriminalRecordCertificate>("RecordCriminalRecordCertificate", {
        ...base,
        issuer: data.issuer,
        sensitive: sealer.seal({ hasConvictions: data.hasConvictions }),
      })
    case "confirmDossier":
      return command<ConfirmDossier>("ConfirmDossier", base)
    case "assess":
      return command<RecordAssessment>("RecordAssessment", {
        ...base,
        assessment: data.assessment,
        outcome: data.outcome,
        organiser: data.organiser,
      })
    case "passport":
      return command<RecordPassport>("RecordPassport", {
        ...base,
        validUntil: isoOf(data.validUntil),
        sensitive: sealer.seal({ passportNumber: data.passportNumber }),
      })
    case "visa":
      return command<RecordVisa>("RecordVisa", { ...base, country: data.country, validUntil: isoOf(data.validUntil) })
    case "loanFile":
      return command<ConfirmLoanFile>("ConfirmLoanFile", { ...base, loanId: data.loanId, bank: data.bank })
    case "appraiseSubsidy":
      return command<AppraiseSubsidy>("AppraiseSubsidy", {
        ...base,
        subsidyId: data.subsidyId,
        policyCode: data.policyCode,
        fundingSourceCode: data.fundingSourceCode,
        amount: data.amount,
      })
    case "decideSubsidy":
      return command<DecideSubsidy>("DecideSubsidy", {
        ...base,
        subsidyId: data.subsidyId,
        approved: data.approved,
        amount: data.amount,
        decisionNumber: data.decisionNumber,
        ...(data.reason === undefined ? {} : { reason: data.reason }),
      })
    case "paySubsidy":
      return command<RecordSubsidyPayment>("RecordSubsidyPayment", {
        ...base,
        subsidyId: data.subsidyId,
        amount: data.amount,
      })
    case "openCase":
      return command<OpenProtectionCase>("OpenProtectionCase", {
        ...base,
        caseId: data.caseId,
        category: data.category,
        sensitive: sealer.seal({ description: data.description }),
      })
    case "resolveCase":
      return command<ResolveProtectionCase>("ResolveProtectionCase", {
        ...base,
        caseId: data.caseId,
        resolution: data.resolution,
      })
    case "deathOrMissing":
      return command<ReportDeathOrMissing>("ReportDeathOrMissing", {
        ...base,
        status: data.status,
        country: data.country,
        source: data.source,
        ...(data.protectionCaseId === undefined ? {} : { protectionCaseId: data.protectionCaseId }),
        sensitive: sealer.seal({ note: data.note }),
      })
    case "returneeNotice":
      return command<RecordReturneeNotice>("RecordReturneeNotice", { ...base, recipient: data.recipient })
    case "reintegrate":
      return command<RecordReintegration>("RecordReintegration", { ...base, outcome: data.outcome })
    case "select":
      return command<RecordSelection>("RecordSelection", {
        ...base,
        enterpriseId: data.enterpriseId,
        standing: context.standingOf(data.enterpriseId, base.occurredOn),
      })
    case "contract": {
      const { eventId: _, ...contract } = data.contract
      return command<RecordContract>("RecordContract", {
        ...base,
        ...contract,
        standing: context.standingOf(contract.enterpriseId, base.occurredOn),
      })
    }
    case "loan":
      return command<RecordLoan>("RecordLoan", {
        ...base,
        loanId: data.loanId,
        bank: data.bank,
        amount: data.amount,
        status: data.status,
      })
    case "subsidy":
      return command<RecordSupportSubsidy>("RecordSupportSubsidy", {
        ...base,
        policy: data.policy,
        amount: data.amount,
        ...(data.national === "1719"
          ? { legalBasis: ctmtqg1719 }
          : data.national === "90"
            ? { legalBasis: ctmtqg90 }
            : {}),
      })
    case "depart":
      return command<RecordDeparture>("RecordDeparture", { ...base, dateOfBirth: person.dateOfBirth })
    case "endEarly":
      return command<RecordContractEndedEarly>("RecordContractEndedEarly", { ...base, reason: data.reason })
    case "return":
      return command<RecordReturn>("RecordReturn", {
        ...base,
        kind: data.returnKind,
        ...(data.reason === undefined ? {} : { reason: data.reason }),
      })
    case "overstay":
      return command<RecordOverstay>("RecordOverstay", { ...base, source: data.source })
    case "violation":
      return command<RecordViolation>("RecordViolation", {
        ...base,
        category: data.category,
        sensitive: sealer.seal({ description: data.description }),
      })
    case "reemploy":
      return command<RecordReemploymentSupport>("RecordReemploymentSupport", {
        ...base,
        kind: data.reemployment,
        provider: data.provider,
      })
    case "withdraw":
      return command<RecordWithdrawal>("RecordWithdrawal", { ...base, reason: data.reason })
    case "correctRegistration": {
      const target = factById(state, data.target) as WorkerRegistered
      return new CorrectWorkerFact({
        ...base,
        correctsEventId: data.target,
        reason: data.reason,
        replacement: new WorkerRegistered({
          ...fieldsOf(target),
          residenceUnitCode: data.place.code,
          residenceUnitId: data.place.unitId,
          priorityGroups: [...data.priorityGroups],
        }),
      })
    }
    case "correctContract": {
      const target = factById(state, data.target) as WorkerContractSigned
      const { eventId: _, ...contract } = data.contract
      return new CorrectWorkerFact({
        ...base,
        correctsEventId: data.target,
        reason: data.reason,
        replacement: new WorkerContractSigned({ ...fieldsOf(target), ...contract }),
        standing: context.standingOf(contract.enterpriseId, target.occurredOn),
      })
    }
    case "correctDeparture": {
      const target = factById(state, data.target) as WorkerDeparted
      return new CorrectWorkerFact({
        ...base,
        correctsEventId: data.target,
        reason: data.reason,
        replacement: new WorkerDeparted({ ...fieldsOf(target), occurredOn: isoOf(data.day) }),
        dateOfBirth: person.dateOfBirth,
      })
    }
    case "correctLoan": {
      const target = factById(state, data.target) as WorkerLoanRecorded
      return new CorrectWorkerFact({
        ...base,
        correctsEventId: data.target,
        reason: data.reason,
        replacement: new WorkerLoanRecorded({ ...fieldsOf(target), amount: data.amount }),
      })
    }
    case "void":
      return command<VoidWorkerFact>("VoidWorkerFact", { ...base, correctsEventId: data.target, reason: data.reason })
  }
}

export interface MaterialisedWorker {
  readonly appends: ReadonlyArray<GeneratedAppend>
  /** recordedAt of each append, in ms. */
  readonly times: ReadonlyArray<number>
  readonly eventCount: number
}

/**
 * Runs a plan through the worker decider: every command is decided against the state so far (a rejection is a
 * bug in the generator and throws), every event encoded with its schema. The registration comes with the claim
 * of the person's registration stream, as the app appends them (same command id, same instant).
 */
export const materialiseWorker = (
  plan: WorkerPlan,
  claimEventId: string,
  context: MaterialiseContext,
): MaterialisedWorker => {
  const { person } = plan
  const sealer = new DeterministicSealer(context.crypto.personKey(person.workerId))
  const streamId = workerStreamId(person.workerId)
  const appends: Array<GeneratedAppend> = []
  const times: Array<number> = []
  let state = workerDecider.initialState
  let version = 0
  let eventCount = 0
  for (const step of plan.steps) {
    const recordedAt = new Date(step.recordedAtMs).toISOString()
    const actor = actorOf(context, step, recordedAt.slice(0, 10))
    const command = commandOf(step, plan, state, sealer, context)
    const decided = workerDecider.decide(command, state)
    if (Result.isFailure(decided)) {
      throw new Error(
        `generated ${command._tag} for worker ${person.workerId} on ${command.occurredOn} rejected: ${decided.failure._tag} — ${decided.failure.messageEn}`,
      )
    }
    const events: Array<GeneratedEvent> = []
    for (const event of decided.success as ReadonlyArray<WorkerEvent>) {
      state = workerDecider.evolve(state, event)
      events.push(encodeEvent(event.eventId, event))
    }
    if (command._tag === "RegisterWorker") {
      const claim = new PersonRegistrationClaimed({
        provinceCode: command.provinceCode,
        blindIndex: command.blindIndex,
        workerId: person.workerId,
        occurredOn: command.occurredOn,
      })
      appends.push({
        streamId: personRegistrationStreamId(command.provinceCode, command.blindIndex),
        streamType: PERSON_REGISTRATION_STREAM_TYPE,
        expectedVersion: "no_stream",
        events: [encodeEvent(claimEventId, claim)],
        recordedAt,
        actor,
        commandId: step.eventId,
      })
      times.push(step.recordedAtMs)
      eventCount++
    }
    appends.push({
      streamId,
      streamType: WORKER_STREAM_TYPE,
      expectedVersion: version === 0 ? "no_stream" : version,
      events,
      recordedAt,
      actor,
      commandId: step.eventId,
    })
    times.push(step.recordedAtMs)
    version += events.length
    eventCount += events.length
  }
  return { appends, times, eventCount }
}
