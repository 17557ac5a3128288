import { PersonalData, Worker } from "@xkld/domain"
import type { AppendRequest } from "@xkld/event-store"
import { Result } from "effect"
import type { Actor } from "../access/actor.ts"
import { fail } from "../http/problem.ts"
import type { AppServices } from "../services.ts"
import { requestRecords } from "../commands/execute.ts"
import { newEventId, type RequestContext } from "../commands/request.ts"
import { appendTogether } from "./append.ts"
import type { RegisterBody } from "./bodies.ts"
import { isClaimConflict, personAlreadyRegistered, personClaimAppend } from "./person-claim.ts"
import { resolveUnit, type ResolvedUnit } from "./units.ts"
import type { LoadedWorker } from "./worker-record.ts"

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

/** The worker stream's append for a command decided against the loaded state (a rejection is thrown). */
export function workerAppend(
  request: RequestContext,
  loaded: Pick<LoadedWorker, "workerId" | "state" | "version">,
  command: Worker.WorkerCommand,
): AppendRequest & { readonly state: Worker.WorkerState } {
  const decided = Worker.workerDecider.decide(command, loaded.state)
  if (Result.isFailure(decided)) throw decided.failure
  return {
    streamId: Worker.workerStreamId(loaded.workerId),
    streamType: Worker.WORKER_STREAM_TYPE,
    expectedVersion: loaded.version === 0 ? "no_stream" : loaded.version,
    events: requestRecords(request, decided.success, (e) => (e as Worker.WorkerEvent).eventId),
    state: decided.success.reduce(Worker.workerDecider.evolve, loaded.state),
  }
}

/** Appends together; a lost race for the person's claim is the duplicate-person conflict. */
async function appendClaimed(
  services: AppServices,
  requests: ReadonlyArray<AppendRequest>,
  before?: Parameters<typeof appendTogether>[2],
) {
  try {
    return await appendTogether(services, requests, before)
  } catch (error) {
    if (isClaimConflict(error)) throw personAlreadyRegistered()
    throw error
  }
}

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
 * province-wide claim on the person's blind index and `WorkerRegistered`, all or nothing.
 */
export async function registerWorker(services: AppServices, request: RequestContext, body: RegisterBody) {
  const actor = request.actor
  const unit = await registrationUnit(services, actor, body, "body.residenceUnit")
  const personKey = PersonalData.generatePersonKey()
  const ids = { eventId: newEventId(request, 0), workerId: newEventId(request, 90) }
  const command = registrationCommand(services, actor, body, unit, ids, personKey, "body.identity.citizenId")
  const fresh = { workerId: ids.workerId, state: Worker.workerDecider.initialState, version: 0 }
  const worker = workerAppend(request, fresh, command)
  const claim = await personClaimAppend(
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
  const results = await appendClaimed(services, [claim, worker], (trx) => services.keyRing.put(personKey, trx))
  return {
    ...answerOf(ids.workerId, results.at(-1)?.nextExpectedVersion ?? 1, worker.events, worker.state),
    unitId: unit.unitId,
    unitCode: unit.code,
    unitName: unit.name,
    registeredOn: command.occurredOn,
  }
}

/**
 * Corrects a registration (identity, residence, statistics): sealed again with the same person key. A corrected
 * citizen ID moves the person's claim: the new one is claimed and the old one released, in the same transaction.
 */
export async function correctRegistration(
  services: AppServices,
  request: RequestContext,
  loaded: LoadedWorker,
  correction: { readonly correctsEventId: string; readonly reason: string; readonly occurredOn: string },
  body: RegisterBody,
  personKey: PersonalData.PersonKey,
) {
  const actor = request.actor
  const unit = await registrationUnit(services, actor, body, "body.replacement.residenceUnit")
  const target = loaded.registration
  const prepared = registrationCommand(
    services,
    actor,
    body,
    unit,
    { eventId: target.eventId, workerId: target.workerId },
    personKey,
    "body.replacement.identity.citizenId",
  )
  const { _tag, ...fields } = prepared
  const command = new Worker.CorrectWorkerFact({
    eventId: newEventId(request, 0),
    workerId: loaded.workerId,
    occurredOn: correction.occurredOn,
    correctsEventId: correction.correctsEventId,
    reason: correction.reason,
    replacement: new Worker.WorkerRegistered(fields),
  })
  const worker = workerAppend(request, loaded, command)
  const moves =
    prepared.blindIndex === target.blindIndex
      ? []
      : [
          await personClaimAppend(
            services,
            request,
            new Worker.ClaimPersonRegistration({
              provinceCode: target.provinceCode,
              blindIndex: prepared.blindIndex,
              workerId: loaded.workerId,
              occurredOn: correction.occurredOn,
            }),
            1,
          ),
          await personClaimAppend(
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
          ),
        ]
  const results = await appendClaimed(services, [...moves, worker])
  return { results, worker }
}

/** Voids a registration recorded by mistake (only when nothing else was recorded) and frees the person's claim. */
export async function voidRegistration(
  services: AppServices,
  request: RequestContext,
  loaded: LoadedWorker,
  command: Worker.VoidWorkerFact,
) {
  const worker = workerAppend(request, loaded, command)
  const target = loaded.registration
  const release = await personClaimAppend(
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
  const results = await appendTogether(services, [worker, release])
  return { results, worker }
}
