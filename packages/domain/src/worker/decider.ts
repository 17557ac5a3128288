import { Result, Schema } from "effect"
import type { Decider } from "../shared/decider.ts"
import { knownEventGuard } from "../shared/unknown-stream-event.ts"
import type { CorrectWorkerFact, ErasePersonalData, VoidWorkerFact, WorkerCommand } from "./commands.ts"
import {
  WorkerFact,
  WorkerFactCorrected,
  WorkerFactVoided,
  WorkerPersonalDataErased,
  WORKER_STREAM_TYPE,
  eventTypes as workerEventTypes,
  type WorkerEvent,
} from "./events.ts"
import { dateVi, factLabelVi } from "./messages.ts"
import {
  CorrectionTypeMismatch,
  FactAlreadyVoided,
  FactInUse,
  PersonalDataErased,
  RegistrationHasLaterFacts,
  UnknownEvent,
  WorkerNotRegistered,
  type WorkerRejection,
} from "./rejections.ts"
import { candidateOf } from "./facts.ts"
import { admitFact, type AdmitContext, type FactCandidate } from "./rules.ts"
import { initialWorkerState, projectFact, projectFacts, type WorkerState } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<WorkerEvent>, WorkerRejection>

/** The fact in effect that a correction or voiding names, or the rejection saying why there is none. */
export const findTarget = (state: WorkerState, eventId: string): Result.Result<WorkerFact, WorkerRejection> => {
  if (state.voidedEventIds.includes(eventId)) {
    return Result.fail(
      new FactAlreadyVoided({
        message: "Bản ghi này đã bị hủy trước đó; không thể sửa hoặc hủy lại.",
        messageEn: `Event ${eventId} was already voided`,
      }),
    )
  }
  const target = state.facts.find((fact) => fact.eventId === eventId)
  return target === undefined
    ? Result.fail(
        new UnknownEvent({
          message:
            "Không tìm thấy bản ghi cần sửa trong hồ sơ người lao động này (chỉ sửa được bản ghi gốc, không sửa bản đính chính).",
          messageEn: `No fact ${eventId} in this worker's history`,
        }),
      )
    : Result.succeed(target)
}

/** Facts an ordering rule of ADR 0026 rests a later fact on, and the rejections of those rules. */
const orderPrerequisites = new Set<WorkerFact["_tag"]>([
  "WorkerVisaIssued",
  "WorkerLoanFileConfirmed",
  "WorkerAssessed",
])
const orderRejections = new Set<string>(["VisaRequired", "LoanFileNotConfirmed", "EpsTestNotPassed", "DatesOutOfOrder"])

/**
 * Re-checks the whole history in effect with one fact replaced (or removed): a correction is accepted only if
 * the corrected history obeys the same rules as new facts. Returns the replacement as it will be recorded.
 */
const replay = (
  facts: ReadonlyArray<WorkerFact>,
  targetId: string,
  replacement: FactCandidate | undefined,
  context: AdmitContext,
): Result.Result<WorkerFact | undefined, WorkerRejection> => {
  let state = initialWorkerState
  let admittedReplacement: WorkerFact | undefined
  // Facts admitted earlier are not re-checked for what was read then (age, enterprise standing), but they may not
  // lose the dossier confirmation they rest on.
  const dossierTarget = facts.some((fact) => fact.eventId === targetId && fact._tag === "WorkerDossierConfirmed")
  // Nor the visa, loan file or EPS test an ordering rule rests them on (ADR 0026); other corrections leave histories
  // recorded before those rules as they are.
  const orderTarget = facts.some((fact) => fact.eventId === targetId && orderPrerequisites.has(fact._tag))
  const earlier: AdmitContext = {
    checkAge: false,
    checkEnterprise: false,
    checkDossier: dossierTarget,
    checkOrder: orderTarget,
  }
  for (const fact of facts) {
    const isTarget = fact.eventId === targetId
    if (isTarget && replacement === undefined) continue
    const admitted = admitFact(state, isTarget ? replacement! : fact, isTarget ? context : earlier)
    if (Result.isFailure(admitted)) {
      // A selection or contract rests on the confirmation being corrected or voided: say which one.
      if (
        dossierTarget &&
        !isTarget &&
        (fact._tag === "WorkerSelectedByEnterprise" || fact._tag === "WorkerContractSigned")
      )
        return Result.fail(
          new FactInUse({
            message: `Việc ${factLabelVi[fact._tag]} ngày ${dateVi(fact.occurredOn)} dựa trên xác nhận hồ sơ này; hãy sửa hoặc hủy bản ghi đó trước.`,
            messageEn: `${fact._tag} ${fact.eventId} on ${fact.occurredOn} rests on this dossier confirmation; correct or void it first`,
          }),
        )
      if (orderTarget && !isTarget && orderRejections.has(admitted.failure._tag))
        return Result.fail(
          new FactInUse({
            message: `Việc ${factLabelVi[fact._tag]} ngày ${dateVi(fact.occurredOn)} dựa trên bản ghi này; hãy sửa hoặc hủy bản ghi đó trước.`,
            messageEn: `${fact._tag} ${fact.eventId} on ${fact.occurredOn} rests on this fact; correct or void it first`,
          }),
        )
      return Result.fail(admitted.failure)
    }
    // A departure names its contract: history may not be rewritten under it to a different one.
    if (
      !isTarget &&
      fact._tag === "WorkerDeparted" &&
      admitted.success._tag === "WorkerDeparted" &&
      admitted.success.contractEventId !== fact.contractEventId
    ) {
      return Result.fail(
        new FactInUse({
          message: `Lần xuất cảnh ngày ${dateVi(fact.occurredOn)} dựa trên hợp đồng này; hãy sửa hoặc hủy lần xuất cảnh đó trước.`,
          messageEn: `Departure ${fact.eventId} departs under contract ${fact.contractEventId}; correct or void it first`,
        }),
      )
    }
    // Facts other than the target keep exactly what was recorded; only the target is re-derived.
    const recorded = isTarget ? admitted.success : fact
    if (isTarget) admittedReplacement = recorded
    state = projectFact(state, recorded)
  }
  return Result.succeed(admittedReplacement)
}

/** Rebuilds a fact with the identity of the one it replaces (class instance, so events compare equal). */
const withIdentity = (replacement: WorkerFact, target: WorkerFact): WorkerFact =>
  Schema.decodeUnknownSync(WorkerFact)({
    ...Schema.encodeSync(WorkerFact)(replacement),
    eventId: target.eventId,
    workerId: target.workerId,
  })

const asCandidate = (fact: WorkerFact): FactCandidate =>
  fact._tag === "WorkerDeparted"
    ? { _tag: fact._tag, eventId: fact.eventId, workerId: fact.workerId, occurredOn: fact.occurredOn }
    : fact._tag === "WorkerWithdrew"
      ? {
          _tag: fact._tag,
          eventId: fact.eventId,
          workerId: fact.workerId,
          occurredOn: fact.occurredOn,
          reason: fact.reason,
        }
      : fact

const correct = (command: CorrectWorkerFact, state: WorkerState): Decision => {
  const found = findTarget(state, command.correctsEventId)
  if (Result.isFailure(found)) return Result.fail(found.failure)
  const target = found.success
  if (command.replacement._tag !== target._tag) {
    return Result.fail(
      new CorrectionTypeMismatch({
        message: `Bản sửa phải cùng loại với bản ghi gốc (${factLabelVi[target._tag]}), không thể thay bằng ${
          factLabelVi[command.replacement._tag]
        }.`,
        messageEn: `Replacement ${command.replacement._tag} does not match corrected ${target._tag}`,
      }),
    )
  }
  const sealed = target._tag === "WorkerRegistered" || (command.replacement as { sensitive?: unknown }).sensitive
  if (state.erasure !== undefined && sealed !== undefined) {
    return Result.fail(
      new PersonalDataErased({
        message: `Dữ liệu cá nhân của người lao động đã được xóa ngày ${dateVi(state.erasure.on)}; không thể sửa bản ghi có nội dung được mã hóa.`,
        messageEn: `Personal data erased on ${state.erasure.on}; a fact with sealed content cannot be corrected`,
      }),
    )
  }
  const replacement = withIdentity(command.replacement, target)
  const replayed = replay(state.facts, target.eventId, asCandidate(replacement), {
    checkAge: true,
    dateOfBirth: command.dateOfBirth,
    standing: command.standing,
  })
  if (Result.isFailure(replayed)) return Result.fail(replayed.failure)
  return Result.succeed([
    new WorkerFactCorrected({
      eventId: command.eventId,
      workerId: command.workerId,
      occurredOn: command.occurredOn,
      correctsEventId: command.correctsEventId,
      reason: command.reason,
      replacement: replayed.success!,
    }),
  ])
}

const voidFact = (command: VoidWorkerFact, state: WorkerState): Decision => {
  const found = findTarget(state, command.correctsEventId)
  if (Result.isFailure(found)) return Result.fail(found.failure)
  if (found.success._tag === "WorkerRegistered" && state.facts.length > 1) {
    return Result.fail(
      new RegistrationHasLaterFacts({
        message: "Không thể hủy bản đăng ký khi hồ sơ còn các bản ghi khác; hãy hủy các bản ghi đó trước.",
        messageEn: "Void the later facts before voiding the registration",
      }),
    )
  }
  const replayed = replay(state.facts, command.correctsEventId, undefined, { checkAge: false })
  if (Result.isFailure(replayed)) return Result.fail(replayed.failure)
  return Result.succeed([
    new WorkerFactVoided({
      eventId: command.eventId,
      workerId: command.workerId,
      occurredOn: command.occurredOn,
      correctsEventId: command.correctsEventId,
      reason: command.reason,
    }),
  ])
}

/** Once, for a registered worker; the app deletes the key and releases the claim with it. */
const erase = (command: ErasePersonalData, state: WorkerState): Decision => {
  if (state.registration === undefined) {
    return Result.fail(
      new WorkerNotRegistered({
        message: "Người lao động chưa được đăng ký; không có dữ liệu cá nhân để xóa.",
        messageEn: "Worker is not registered",
      }),
    )
  }
  if (state.erasure !== undefined) {
    return Result.fail(
      new PersonalDataErased({
        message: `Dữ liệu cá nhân của người lao động đã được xóa ngày ${dateVi(state.erasure.on)}.`,
        messageEn: `Personal data already erased on ${state.erasure.on}`,
      }),
    )
  }
  const { _tag, ...fields } = command
  return Result.succeed([new WorkerPersonalDataErased(fields)])
}

const decide = (command: WorkerCommand, state: WorkerState): Decision => {
  switch (command._tag) {
    case "CorrectWorkerFact":
      return correct(command, state)
    case "VoidWorkerFact":
      return voidFact(command, state)
    case "ErasePersonalData":
      return erase(command, state)
    default: {
      const context: AdmitContext =
        command._tag === "RecordDeparture"
          ? { checkAge: true, dateOfBirth: command.dateOfBirth }
          : command._tag === "RecordSelection" || command._tag === "RecordContract"
            ? { checkAge: false, standing: command.standing }
            : command._tag === "AssignResidence"
              ? { checkAge: false, split: command.split }
              : { checkAge: false }
      const admitted = admitFact(state, candidateOf(command)!, context)
      return Result.isFailure(admitted) ? Result.fail(admitted.failure) : Result.succeed([admitted.success])
    }
  }
}

const known = knownEventGuard(WORKER_STREAM_TYPE, workerEventTypes)

const evolve = (state: WorkerState, event: WorkerEvent): WorkerState => {
  known(event)
  switch (event._tag) {
    case "WorkerFactCorrected":
      return projectFacts(
        state.facts.map((fact) => (fact.eventId === event.correctsEventId ? event.replacement : fact)),
        {
          voidedEventIds: state.voidedEventIds,
          erasure: state.erasure,
          corrections: [
            ...state.corrections,
            { eventId: event.eventId, correctsEventId: event.correctsEventId, reason: event.reason, kind: "corrected" },
          ],
        },
      )
    case "WorkerFactVoided":
      return projectFacts(
        state.facts.filter((fact) => fact.eventId !== event.correctsEventId),
        {
          voidedEventIds: [...state.voidedEventIds, event.correctsEventId],
          erasure: state.erasure,
          corrections: [
            ...state.corrections,
            { eventId: event.eventId, correctsEventId: event.correctsEventId, reason: event.reason, kind: "voided" },
          ],
        },
      )
    case "WorkerPersonalDataErased":
      return { ...state, erasure: { eventId: event.eventId, on: event.occurredOn, legalBasis: event.legalBasis } }
    default:
      return projectFact(state, event)
  }
}

export const workerDecider: Decider<WorkerCommand, WorkerState, WorkerEvent, WorkerRejection> = {
  initialState: initialWorkerState,
  decide,
  evolve,
}
