import { PersonalData, Worker } from "@xkld/domain"
import type { AppendResult } from "@xkld/event-store"
import { Result } from "effect"
import type { Kysely } from "kysely"
import type { Actor } from "../access/actor.ts"
import { fail } from "../http/problem.ts"
import type { AppServices } from "../services.ts"
import {
  appendDecided,
  commandResult,
  decideCommand,
  type CommandFailure,
  type DecidedCommand,
} from "../commands/execute.ts"
import { newEventId, type RequestContext } from "../commands/request.ts"
import { decodeInput } from "../http/validate.ts"
import { RegisterBody } from "./bodies.ts"
import { isClaimConflict, personAlreadyRegistered, personClaimStep } from "./person-claim.ts"
import { resolveUnit, type ResolvedUnit } from "./units.ts"
import { personKeyOf, type LoadedWorker } from "./worker-record.ts"

/** A citizen ID that is malformed or disagrees with date of birth and sex: 400, the field and each problem named. */
export const invalidCitizenId = (error: PersonalData.InvalidCitizenId, path: string) =>
  fail("validation", error.message, error.messageEn, {
    fields: [{ path, message: error.problems.map((p) => p.message).join(" "), messageEn: error.messageEn }],
    problems: error.problems.map((p) => p.code),
  })

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T

/** The residence unit of a registration, checked against the actor: commune officers register in their units only. */
export async function registrationUnit(
  services: AppServices,
  actor: Actor,
  body: RegisterBody,
  field: string,
): Promise<ResolvedUnit> {
  const unit = resolveUnit(
    await services.models.catalogues.at(),
    actor.provinceCode,
    body.residenceUnit,
    body.occurredOn,
    field,
  )
  if (actor.role === "commune-officer" && !actor.unitIds.includes(unit.unitId))
    throw fail(
      "forbidden",
      `Cán bộ xã, phường chỉ đăng ký người cư trú tại xã, phường của mình (không phải ${unit.name}).`,
      `A commune officer registers residents of their own units only (not ${unit.name}).`,
    )
  return unit
}

/** Validates the citizen ID and seals identity and sensitive data with the person's key. */
export function registrationCommand(
  services: AppServices,
  actor: Actor,
  body: RegisterBody,
  unit: ResolvedUnit,
  ids: { readonly eventId: string; readonly workerId: string },
  personKey: PersonalData.PersonKey,
  field: string,
): Worker.RegisterWorker {
  const { sex, ...identity } = body.identity
  const prepared = Worker.prepareRegistration(
    {
      ...ids,
      occurredOn: body.occurredOn,
      provinceCode: actor.provinceCode,
      residenceUnitCode: unit.code,
      residenceUnitId: unit.unitId,
      sex,
      ethnicMinority: body.ethnicMinority,
      priorityGroups: body.priorityGroups ?? [],
      identity: withoutUndefined(identity),
      ...(body.sensitive ? { sensitive: withoutUndefined(body.sensitive) } : {}),
      ...(body.wish ? { wish: withoutUndefined(body.wish) } : {}),
    },
    { personKey, indexKey: services.indexKey },
  )
  if (Result.isFailure(prepared)) {
    const failure = prepared.failure
    if (failure._tag === "DatesOutOfOrder") throw bornAfterEvent(failure, field.replace(/citizenId$/, "dateOfBirth"))
    throw invalidCitizenId(failure, field)
  }
  return prepared.success
}

/** A date of birth after the registration: a field error on the date of birth, the domain's reason. */
export const bornAfterEvent = (error: Worker.DatesOutOfOrder, path: string) =>
  fail("validation", error.message, error.messageEn, {
    fields: [{ path, message: error.message, messageEn: error.messageEn }],
  })

/** A worker command decided by the pipeline against the loaded state (records as the request's actor). */
const workerStep = (
  services: AppServices,
  request: RequestContext,
  loaded: Pick<LoadedWorker, "workerId" | "state" | "version">,
  command: Worker.WorkerCommand | (() => Promise<Worker.WorkerCommand>),
  checkIfMatch: boolean,
) =>
  decideCommand(services, request, {
    streamId: Worker.workerStreamId(loaded.workerId),
    streamType: Worker.WORKER_STREAM_TYPE,
    decider: Worker.workerDecider,
    loaded: { state: loaded.state, version: loaded.version },
    command,
    checkIfMatch,
    eventIdOf: (event) => event.eventId,
  })

/** Appends the steps together (all or nothing); a lost race for the person's claim is the duplicate-person conflict. */
async function appendClaimed(
  services: AppServices,
  steps: ReadonlyArray<DecidedCommand<unknown>>,
  before?: (trx: Kysely<any>) => Promise<void>,
) {
  const appended = await appendDecided(services, steps, { before })
  return Result.isFailure(appended) && isClaimConflict(appended.failure)
    ? Result.fail(personAlreadyRegistered())
    : appended
}

/** The worker's answer once its step (and the claim's) is appended. */
const answered = (
  workerId: string,
  worker: DecidedCommand<Worker.WorkerState>,
  appended: Result.Result<ReadonlyArray<AppendResult | undefined>, CommandFailure>,
  at: number,
) =>
  Result.map(appended, (results) => {
    const done = commandResult(worker, results[at])
    return answerOf(workerId, done.version, done.events, done.state)
  })

export interface WriteAnswer {
  readonly id: string
  readonly version: number
  readonly eventId: string
  readonly events: ReadonlyArray<{ readonly eventId: string; readonly type: string }>
  readonly stage: string
  readonly stageLabel: string
}

export const answerOf = (
  workerId: string,
  version: number,
  events: ReadonlyArray<{ readonly eventId: string; readonly type: string }>,
  state: Worker.WorkerState,
): WriteAnswer => {
  const stage = state.stage ?? "registered"
  return {
    id: workerId,
    version,
    eventId: events[0]?.eventId ?? "",
    events: events.map((e) => ({ eventId: e.eventId, type: e.type })),
    stage,
    stageLabel: Worker.stageLabelVi[stage],
  }
}

/**
 * Registers a person: a new person key (stored in the same transaction), identity sealed with it, the
 * province-wide claim on the person's blind index and `WorkerRegistered`, all or nothing (no `If-Match`: the
 * record is new).
 */
export async function registerWorker(services: AppServices, request: RequestContext, body: RegisterBody) {
  const actor = request.actor
  const unit = await registrationUnit(services, actor, body, "body.residenceUnit")
  const personKey = PersonalData.generatePersonKey()
  const ids = { eventId: newEventId(request, 0), workerId: newEventId(request, 90) }
  const command = registrationCommand(services, actor, body, unit, ids, personKey, "body.identity.citizenId")
  const fresh = { workerId: ids.workerId, state: Worker.workerDecider.initialState, version: 0 }
  const worker = await workerStep(services, request, fresh, command, false)
  if (Result.isFailure(worker)) return worker
  const claim = await personClaimStep(
    services,
    request,
    new Worker.ClaimPersonRegistration({
      provinceCode: command.provinceCode,
      blindIndex: command.blindIndex,
      workerId: ids.workerId,
      occurredOn: command.occurredOn,
    }),
    1,
  )
  if (Result.isFailure(claim)) return claim
  const appended = await appendClaimed(services, [claim.success, worker.success], (trx) =>
    services.keyRing.put(personKey, trx),
  )
  return Result.map(answered(ids.workerId, worker.success, appended, 1), (answer) => ({
    ...answer,
    unitId: unit.unitId,
    unitCode: unit.code,
    unitName: unit.name,
    registeredOn: command.occurredOn,
  }))
}

/**
 * Corrects a registration (identity, residence, statistics): sealed again with the same person key. A corrected
 * citizen ID moves the person's claim: the new one is claimed and the old one released, in the same transaction.
 * `If-Match` is checked on the worker's stream before the replacement is read.
 */
export async function correctRegistration(
  services: AppServices,
  request: RequestContext,
  loaded: LoadedWorker,
  correction: {
    readonly correctsEventId: string
    readonly reason: string
    readonly occurredOn: string
    readonly replacement: unknown
  },
) {
  const actor = request.actor
  const target = loaded.registration
  let prepared: Worker.RegisterWorker | undefined
  const worker = await workerStep(
    services,
    request,
    loaded,
    async () => {
      const body = decodeInput(RegisterBody, correction.replacement, "body.replacement" as "body")
      const personKey = await personKeyOf(services, target)
      const unit = await registrationUnit(services, actor, body, "body.replacement.residenceUnit")
      prepared = registrationCommand(
        services,
        actor,
        body,
        unit,
        { eventId: target.eventId, workerId: target.workerId },
        personKey,
        "body.replacement.identity.citizenId",
      )
      const { _tag, ...fields } = prepared
      return new Worker.CorrectWorkerFact({
        eventId: newEventId(request, 0),
        workerId: loaded.workerId,
        occurredOn: correction.occurredOn,
        correctsEventId: correction.correctsEventId,
        reason: correction.reason,
        replacement: new Worker.WorkerRegistered(fields),
      })
    },
    true,
  )
  if (Result.isFailure(worker)) return worker
  const moves: Array<DecidedCommand<unknown>> = []
  if (prepared!.blindIndex !== target.blindIndex) {
    const claim = await personClaimStep(
      services,
      request,
      new Worker.ClaimPersonRegistration({
        provinceCode: target.provinceCode,
        blindIndex: prepared!.blindIndex,
        workerId: loaded.workerId,
        occurredOn: correction.occurredOn,
      }),
      1,
    )
    if (Result.isFailure(claim)) return claim
    const release = await personClaimStep(
      services,
      request,
      new Worker.ReleasePersonRegistration({
        provinceCode: target.provinceCode,
        blindIndex: target.blindIndex,
        workerId: loaded.workerId,
        occurredOn: correction.occurredOn,
        reason: correction.reason,
      }),
      2,
    )
    if (Result.isFailure(release)) return release
    moves.push(claim.success, release.success)
  }
  const appended = await appendClaimed(services, [...moves, worker.success])
  return answered(loaded.workerId, worker.success, appended, moves.length)
}

/**
 * Voids a registration recorded by mistake (only when nothing else was recorded) and frees the person's claim;
 * `If-Match` is checked on the worker's stream.
 */
export async function voidRegistration(
  services: AppServices,
  request: RequestContext,
  loaded: LoadedWorker,
  command: Worker.VoidWorkerFact,
) {
  const worker = await workerStep(services, request, loaded, command, true)
  if (Result.isFailure(worker)) return worker
  const target = loaded.registration
  const release = await personClaimStep(
    services,
    request,
    new Worker.ReleasePersonRegistration({
      provinceCode: target.provinceCode,
      blindIndex: target.blindIndex,
      workerId: loaded.workerId,
      occurredOn: command.occurredOn,
      reason: command.reason,
    }),
    1,
  )
  if (Result.isFailure(release)) return release
  const appended = await appendDecided(services, [worker.success, release.success])
  return answered(loaded.workerId, worker.success, appended, 0)
}
