import { Worker } from "@xkld/domain"
import { Result } from "effect"
import type { Context } from "hono"
import type { Actor } from "../access/actor.ts"
import { executeCommand, expectedVersionFrom, idempotent } from "../commands/execute.ts"
import { fail } from "../http/problem.ts"
import { defineRoute, type RouteSpec } from "../http/route.ts"
import { decodeInput } from "../http/validate.ts"
import { erasePersonKey } from "../personal-data/erasure.ts"
import type { AppServices } from "../services.ts"
import { authoriseAmend, authoriseWrite, canSee, recorderOf, scopeOfState, workerNotFound } from "./access.ts"
import { newEventId } from "./append.ts"
import { recordingActor, viewerOf } from "./jurisdiction.ts"
import * as B from "./bodies.ts"
import {
  enterpriseStandingOf,
  factSpecByTag,
  factSpecs,
  REGISTRATION_RULE,
  type FactContext,
  type FactExtras,
  type FactSpec,
} from "./fact-specs.ts"
import { answerOf, correctRegistration, registerWorker, voidRegistration } from "./registration.ts"
import { todayIso } from "./units.ts"
import { dateOfBirthOf, loadWorker, personKeyOf, recordedBy, wrongVersion, type LoadedWorker } from "./worker-record.ts"

const TAGS = ["Người lao động"]

/**
 * Checks the client's `If-Match` against the worker as loaded. Called only once the actor is authorised for the
 * worker (a 409 carries the current version: it must not tell an outsider that a worker exists), and before
 * anything is decrypted or decided.
 */
function checkVersion(c: Context, loaded: LoadedWorker): void {
  const expected = expectedVersionFrom(c)
  if (expected !== undefined && expected !== loaded.version)
    throw wrongVersion(loaded.version, Worker.workerStreamId(loaded.workerId))
}

/** The worker's unit now (the commune a commune officer records for). */
const unitOf = (loaded: LoadedWorker): string =>
  loaded.state.residence.at(-1)?.residenceUnitId ?? loaded.registration.residenceUnitId

/** What the decider needs beyond the body: where the enterprise stood on the date (selection, contract). */
async function extrasOf(
  services: AppServices,
  spec: FactSpec,
  fields: object,
  loaded: LoadedWorker,
  occurredOn: string,
): Promise<FactExtras> {
  if (!spec.needsEnterpriseStanding) return {}
  const { enterpriseId } = fields as { enterpriseId: string }
  return {
    standing: await enterpriseStandingOf(services, enterpriseId, loaded.registration.provinceCode, occurredOn),
  }
}

/** The answer to a write; the new version is also the ETag for the next `If-Match`. */
const respond = (c: Context, answer: { readonly version: number }) => {
  c.header("ETag", `"${answer.version}"`)
  return answer
}

/** Records one fact through `executeCommand`: access checked on the state it decides on, event id as the log's. */
async function recordFact(
  services: AppServices,
  actor: Actor,
  c: Context,
  spec: FactSpec,
  workerId: string,
  body: any,
) {
  const loaded = await loadWorker(services, workerId)
  const viewer = await viewerOf(services, actor)
  authoriseWrite(viewer, spec, loaded.state, workerId)
  checkVersion(c, loaded)
  const ctx: FactContext = { services, actor, c, loaded }
  const fields = await spec.fields(body, ctx)
  const base = { eventId: newEventId(actor, c, 0), workerId, occurredOn: body.occurredOn }
  let extras = await extrasOf(services, spec, fields, loaded, body.occurredOn)
  if (spec.needsDateOfBirth) {
    // Data minimisation: decrypt (and log) the date of birth only once every other rule has let the fact through.
    const admitted = Worker.admitFact(loaded.state, { _tag: "WorkerDeparted", ...base }, { checkAge: false })
    if (Result.isFailure(admitted)) throw admitted.failure
    extras = { ...extras, dateOfBirth: await dateOfBirthOf(services, actor, loaded, "departure-age-check") }
  }
  const command = spec.command(base, fields, extras)
  const result = await executeCommand(services, await recordingActor(services, actor, unitOf(loaded)), c, {
    streamId: Worker.workerStreamId(workerId),
    streamType: Worker.WORKER_STREAM_TYPE,
    decider: Worker.workerDecider,
    command,
    authorise: (state) => authoriseWrite(viewer, spec, state, workerId),
    expectedVersion: loaded.version,
    eventIdOf: (event) => event.eventId,
  })
  return answerOf(workerId, result.version, result.events, result.state)
}

/** Corrections and voids name events: only for workers the actor can see (404 otherwise, nothing revealed). */
function mustSee(actor: Actor, loaded: LoadedWorker): void {
  const scope = scopeOfState(loaded.state)
  if (!scope || !canSee(actor, scope)) throw workerNotFound(loaded.workerId)
}

/**
 * Corrections and voids are for the organisation that recorded the fact (from its event's metadata) or the
 * province officer: another enterprise, or another commune, may not rewrite it (403).
 */
async function mustHaveRecorded(
  services: AppServices,
  viewer: Actor,
  loaded: LoadedWorker,
  target: Worker.WorkerFact,
): Promise<void> {
  if (viewer.role === "province-officer") return
  const actor = await recordedBy(services, loaded.workerId, target.eventId)
  authoriseAmend(viewer, actor ? recorderOf(actor) : { kind: "agency", role: "unknown" })
}

/** The fact a correction or voiding names, with the rule of its kind (who may record it). */
function targetOf(
  loaded: LoadedWorker,
  eventId: string,
): { readonly fact: Worker.WorkerFact; readonly spec: FactSpec | undefined } {
  const fact = loaded.state.facts.find((f) => f.eventId === eventId)
  if (fact) return { fact, spec: factSpecByTag.get(fact._tag) }
  // Let the domain say why (already voided, unknown, a correction rather than a fact): same words as the rules.
  throw loaded.state.voidedEventIds.includes(eventId)
    ? new Worker.FactAlreadyVoided({
        message: "Bản ghi này đã bị hủy trước đó; không thể sửa hoặc hủy lại.",
        messageEn: `Event ${eventId} was already voided`,
      })
    : new Worker.UnknownEvent({
        message:
          "Không tìm thấy bản ghi cần sửa trong hồ sơ người lao động này (chỉ sửa được bản ghi gốc, không sửa bản đính chính).",
        messageEn: `No fact ${eventId} in this worker's history`,
      })
}

async function correctFact(
  services: AppServices,
  actor: Actor,
  c: Context,
  workerId: string,
  body: typeof B.CorrectionBody.Type,
) {
  const loaded = await loadWorker(services, workerId)
  const viewer = await viewerOf(services, actor)
  mustSee(viewer, loaded)
  const { fact: target, spec } = targetOf(loaded, body.correctsEventId)
  authoriseWrite(viewer, spec ?? REGISTRATION_RULE, loaded.state, workerId)
  await mustHaveRecorded(services, viewer, loaded, target)
  checkVersion(c, loaded)
  const occurredOn = body.occurredOn ?? todayIso()
  if (target._tag === "WorkerRegistered") {
    const replacement = decodeInput(B.RegisterBody, body.replacement, "body.replacement" as "body")
    const personKey = await personKeyOf(services, loaded.registration)
    const { results, worker } = await correctRegistration(
      services,
      actor,
      c,
      loaded,
      { ...body, occurredOn },
      replacement,
      personKey,
    )
    return answerOf(workerId, results.at(-1)!.nextExpectedVersion, worker.events, worker.state)
  }
  if (!spec) throw fail("rejected", "Không sửa được loại bản ghi này.", "This kind of fact cannot be corrected.")
  const replacementBody = decodeInput(spec.body, body.replacement, "body.replacement" as "body") as {
    occurredOn: string
  }
  const ctx: FactContext = { services, actor, c, loaded }
  const fields = await spec.fields(replacementBody, ctx)
  const replacement = spec.fact(
    { eventId: target.eventId, workerId, occurredOn: replacementBody.occurredOn },
    fields,
    target,
  )
  const { standing } = await extrasOf(services, spec, fields, loaded, replacementBody.occurredOn)
  const dateOfBirth = spec.needsDateOfBirth
    ? await dateOfBirthOf(services, actor, loaded, "departure-age-check")
    : undefined
  const result = await executeCommand(services, await recordingActor(services, actor, unitOf(loaded)), c, {
    streamId: Worker.workerStreamId(workerId),
    streamType: Worker.WORKER_STREAM_TYPE,
    decider: Worker.workerDecider,
    command: new Worker.CorrectWorkerFact({
      eventId: newEventId(actor, c, 0),
      workerId,
      occurredOn,
      correctsEventId: body.correctsEventId,
      reason: body.reason,
      replacement,
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(standing ? { standing } : {}),
    }),
    authorise: (state) => authoriseWrite(viewer, spec, state, workerId),
    expectedVersion: loaded.version,
    eventIdOf: (event) => event.eventId,
  })
  return answerOf(workerId, result.version, result.events, result.state)
}

async function voidFact(
  services: AppServices,
  actor: Actor,
  c: Context,
  workerId: string,
  body: typeof B.VoidBody.Type,
) {
  const loaded = await loadWorker(services, workerId)
  const viewer = await viewerOf(services, actor)
  mustSee(viewer, loaded)
  const { fact: target, spec } = targetOf(loaded, body.correctsEventId)
  const rule = spec ?? REGISTRATION_RULE
  authoriseWrite(viewer, rule, loaded.state, workerId)
  await mustHaveRecorded(services, viewer, loaded, target)
  checkVersion(c, loaded)
  const command = new Worker.VoidWorkerFact({
    eventId: newEventId(actor, c, 0),
    workerId,
    occurredOn: body.occurredOn ?? todayIso(),
    correctsEventId: body.correctsEventId,
    reason: body.reason,
  })
  if (target._tag === "WorkerRegistered") {
    const { results, worker } = await voidRegistration(services, actor, c, loaded, command)
    return answerOf(workerId, results[0]!.nextExpectedVersion, worker.events, worker.state)
  }
  const result = await executeCommand(services, await recordingActor(services, actor, unitOf(loaded)), c, {
    streamId: Worker.workerStreamId(workerId),
    streamType: Worker.WORKER_STREAM_TYPE,
    decider: Worker.workerDecider,
    command,
    authorise: (state) => authoriseWrite(viewer, rule, state, workerId),
    expectedVersion: loaded.version,
    eventIdOf: (event) => event.eventId,
  })
  return answerOf(workerId, result.version, result.events, result.state)
}

export const workerWriteRoutes: ReadonlyArray<RouteSpec> = [
  defineRoute({
    method: "post",
    path: "/api/workers",
    summary: "Đăng ký người lao động có nguyện vọng đi làm việc ở nước ngoài",
    summaryEn: "Register a person who wishes to work abroad",
    tags: TAGS,
    access: REGISTRATION_RULE.roles,
    body: B.RegisterBody,
    response: B.RegisterAnswer,
    successStatus: 201,
    write: true,
    handler: async ({ body, actor, services, c }) =>
      respond(c, await idempotent(services, actor, c, body, () => registerWorker(services, actor, c, body))),
  }),
  ...factSpecs.map((spec) =>
    defineRoute({
      method: "post",
      path: `/api/workers/:id/${spec.segment}`,
      summary: spec.summary,
      summaryEn: spec.summaryEn,
      tags: TAGS,
      access: spec.roles,
      params: B.WorkerIdParams,
      body: spec.body,
      response: B.WriteAnswer,
      successStatus: 201,
      write: true,
      handler: async ({ params, body, actor, services, c }) =>
        respond(
          c,
          await idempotent(services, actor, c, body, () => recordFact(services, actor, c, spec, params.id, body)),
        ),
    }),
  ),
  defineRoute({
    method: "post",
    path: "/api/workers/:id/corrections",
    summary: "Sửa một bản ghi đã có (bản gốc vẫn được lưu)",
    summaryEn: "Correct a recorded fact (the original stays in the log)",
    tags: TAGS,
    access: ["province-officer", "commune-officer", "enterprise-officer", "bank-officer"],
    params: B.WorkerIdParams,
    body: B.CorrectionBody,
    response: B.WriteAnswer,
    successStatus: 201,
    write: true,
    handler: async ({ params, body, actor, services, c }) =>
      respond(c, await idempotent(services, actor, c, body, () => correctFact(services, actor, c, params.id, body))),
  }),
  defineRoute({
    method: "post",
    path: "/api/workers/:id/voids",
    summary: "Hủy một bản ghi ghi nhầm (bản gốc vẫn được lưu)",
    summaryEn: "Void a fact recorded by mistake (the original stays in the log)",
    tags: TAGS,
    access: ["province-officer", "commune-officer", "enterprise-officer", "bank-officer"],
    params: B.WorkerIdParams,
    body: B.VoidBody,
    response: B.WriteAnswer,
    successStatus: 201,
    write: true,
    handler: async ({ params, body, actor, services, c }) =>
      respond(c, await idempotent(services, actor, c, body, () => voidFact(services, actor, c, params.id, body))),
  }),
  defineRoute({
    method: "delete",
    path: "/api/workers/:id/personal-data",
    summary: "Xóa dữ liệu cá nhân của người lao động (không thể khôi phục; số liệu thống kê giữ nguyên)",
    summaryEn: "Erase a worker's personal data (irreversible; statistics unchanged)",
    tags: TAGS,
    access: ["province-officer"],
    params: B.WorkerIdParams,
    body: B.ErasureBody,
    response: B.ErasureAnswer,
    write: true,
    handler: async ({ params, body, actor, services }) => {
      const loaded = await loadWorker(services, params.id)
      const scope = scopeOfState(loaded.state)
      if (!scope || !canSee(actor, scope)) throw workerNotFound(params.id)
      const { record, alreadyErased } = await erasePersonKey(
        services,
        actor,
        loaded.registration.identity.keyId,
        body.reason,
      )
      return { id: params.id, erased: true, alreadyErased, erasedAt: record.erasedAt, reason: record.reason }
    },
  }),
]
