import { Worker } from "@xkld/domain"
import { Result, type Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import { executeCommand, type CommandOptions, type CommandResult } from "../commands/execute.ts"
import { newEventId, type RequestContext } from "../commands/request.ts"
import { fail } from "../http/problem.ts"
import { defineRoute, type RouteSpec } from "../http/route.ts"
import { decodeInput } from "../http/validate.ts"
import type { AppServices } from "../services.ts"
import {
  authoriseAmend,
  authoriseWrite,
  canSee,
  recorderOf,
  scopeOfState,
  workerNotFound,
  writeRefusal,
} from "../access/workers.ts"
import { recordingActor, viewerOf } from "../access/jurisdiction.ts"
import * as B from "./bodies.ts"
import { erasePersonalData } from "./erasure.ts"
import {
  enterpriseStandingOf,
  factSpecByTag,
  splitUnitOf,
  factSpecs,
  REGISTRATION_RULE,
  type FactContext,
  type FactExtras,
  type FactSpec,
} from "./fact-specs.ts"
import { answerOf, correctRegistration, registerWorker, voidRegistration } from "./registration.ts"
import { todayIso } from "./units.ts"
import { asLoadedWorker, dateOfBirthOf, loadWorker, recordedBy, type LoadedWorker } from "./worker-record.ts"

const TAGS = ["Người lao động"]

/** The worker's unit now (the commune a commune officer records for). */
const unitOf = (state: Worker.WorkerState): string =>
  state.residence.at(-1)?.residenceUnitId ?? state.registration!.residenceUnitId

/** What the decider needs beyond the body: where the enterprise stood on the date (selection, contract). */
async function extrasOf(
  services: AppServices,
  spec: FactSpec,
  fields: object,
  loaded: LoadedWorker,
  occurredOn: string,
): Promise<FactExtras> {
  if (spec.needsSplitUnit) return { split: await splitUnitOf(services, loaded.state, occurredOn) }
  if (!spec.needsEnterpriseStanding) return {}
  const { enterpriseId } = fields as { enterpriseId: string }
  return {
    standing: await enterpriseStandingOf(services, enterpriseId, loaded.registration.provinceCode, occurredOn),
  }
}

/** A worker command through the pipeline: the worker's stream, its decider, events under their own ids. */
const workerCommand = (
  services: AppServices,
  request: RequestContext,
  workerId: string,
  options: {
    readonly loaded?: LoadedWorker
    readonly authorise?: CommandOptions<
      Worker.WorkerCommand,
      Worker.WorkerState,
      Worker.WorkerEvent,
      Worker.WorkerRejection
    >["authorise"]
    readonly command: (loaded: LoadedWorker) => Promise<Worker.WorkerCommand>
    readonly supply?: CommandOptions<
      Worker.WorkerCommand,
      Worker.WorkerState,
      Worker.WorkerEvent,
      Worker.WorkerRejection
    >["supply"]
  },
) =>
  executeCommand(services, request, {
    streamId: Worker.workerStreamId(workerId),
    streamType: Worker.WORKER_STREAM_TYPE,
    decider: Worker.workerDecider,
    loaded: options.loaded,
    authorise: options.authorise,
    command: (state, version) => options.command(asLoadedWorker(workerId, state, version)),
    supply: options.supply,
    recordAs: (state) => recordingActor(services, request.actor, unitOf(state)),
    eventIdOf: (event) => event.eventId,
  })

const answered = (workerId: string) => (result: CommandResult<Worker.WorkerState>) =>
  answerOf(workerId, result.version, result.events, result.state)

/** Records one fact: the stream read once, access checked on the state it decides on, then the fact decided. */
async function recordFact(services: AppServices, request: RequestContext, spec: FactSpec, workerId: string, body: any) {
  const { actor } = request
  const result = await workerCommand(services, request, workerId, {
    authorise: async (state) => {
      if (!state.registration) return Result.fail(workerNotFound(workerId))
      const refusal = writeRefusal(await viewerOf(services, actor), spec, state, workerId)
      return refusal ? Result.fail(refusal) : Result.succeed(undefined)
    },
    command: async (loaded) => {
      const ctx: FactContext = { services, actor, request, loaded }
      const fields = await spec.fields(body, ctx)
      const base = { eventId: newEventId(request, 0), workerId, occurredOn: body.occurredOn }
      return spec.command(base, fields, await extrasOf(services, spec, fields, loaded, body.occurredOn))
    },
    // Data minimisation: the date of birth is decrypted (and the read logged) only when the decider asks for it,
    // i.e. once every other rule has let the departure through.
    supply: async (rejection, command, state) =>
      rejection._tag === "DateOfBirthRequired" && command._tag === "RecordDeparture"
        ? new Worker.RecordDeparture({
            ...command,
            dateOfBirth: await dateOfBirthOf(
              services,
              actor,
              asLoadedWorker(workerId, state, 0),
              "departure-age-check",
            ),
          })
        : undefined,
  })
  return Result.map(result, answered(workerId))
}

/**
 * Corrections and voids name a fact: only for workers the actor can see (404 otherwise, nothing revealed), by the
 * organisation that recorded the fact (from its event's metadata) or the province officer (403 otherwise), within
 * the rule of the fact's kind. Returns the fact and its kind.
 */
async function authoriseAmendment(
  services: AppServices,
  actor: Actor,
  loaded: LoadedWorker,
  eventId: string,
): Promise<{ readonly target: Worker.WorkerFact; readonly spec: FactSpec | undefined }> {
  const viewer = await viewerOf(services, actor)
  const scope = scopeOfState(loaded.state)
  if (!scope || !canSee(viewer, scope)) throw workerNotFound(loaded.workerId)
  const { fact: target, spec } = targetOf(loaded, eventId)
  authoriseWrite(viewer, spec ?? REGISTRATION_RULE, loaded.state, loaded.workerId)
  if (viewer.role !== "province-officer") {
    const recorder = await recordedBy(services, loaded.workerId, target.eventId)
    authoriseAmend(viewer, recorder ? recorderOf(recorder) : { kind: "agency", role: "unknown" })
  }
  return { target, spec }
}

/** The fact a correction or voiding names (the domain says why there is none), with the rule of its kind. */
function targetOf(
  loaded: LoadedWorker,
  eventId: string,
): { readonly fact: Worker.WorkerFact; readonly spec: FactSpec | undefined } {
  const found = Worker.findTarget(loaded.state, eventId)
  if (Result.isFailure(found)) throw found.failure
  return { fact: found.success, spec: factSpecByTag.get(found.success._tag) }
}

async function correctFact(
  services: AppServices,
  request: RequestContext,
  workerId: string,
  body: typeof B.CorrectionBody.Type,
) {
  const { actor } = request
  const loaded = await loadWorker(services, workerId)
  const { target, spec } = await authoriseAmendment(services, actor, loaded, body.correctsEventId)
  const occurredOn = body.occurredOn ?? todayIso()
  if (target._tag === "WorkerRegistered") return correctRegistration(services, request, loaded, { ...body, occurredOn })
  if (!spec) throw fail("rejected", "Không sửa được loại bản ghi này.", "This kind of fact cannot be corrected.")
  const result = await workerCommand(services, request, workerId, {
    loaded,
    command: async () => {
      const replacementBody = decodeInput(spec.body, body.replacement, "body.replacement" as "body") as {
        occurredOn: string
      }
      const ctx: FactContext = { services, actor, request, loaded }
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
      return new Worker.CorrectWorkerFact({
        eventId: newEventId(request, 0),
        workerId,
        occurredOn,
        correctsEventId: body.correctsEventId,
        reason: body.reason,
        replacement,
        ...(dateOfBirth ? { dateOfBirth } : {}),
        ...(standing ? { standing } : {}),
      })
    },
  })
  return Result.map(result, answered(workerId))
}

async function voidFact(
  services: AppServices,
  request: RequestContext,
  workerId: string,
  body: typeof B.VoidBody.Type,
) {
  const loaded = await loadWorker(services, workerId)
  const { target } = await authoriseAmendment(services, request.actor, loaded, body.correctsEventId)
  const command = new Worker.VoidWorkerFact({
    eventId: newEventId(request, 0),
    workerId,
    occurredOn: body.occurredOn ?? todayIso(),
    correctsEventId: body.correctsEventId,
    reason: body.reason,
  })
  if (target._tag === "WorkerRegistered") return voidRegistration(services, request, loaded, command)
  return Result.map(
    await workerCommand(services, request, workerId, { loaded, command: async () => command }),
    answered(workerId),
  )
}

/** A correction or voiding route: for whoever recorded the fact (or the province), checked in the handler. */
const amendmentRoute = <B>(
  segment: string,
  summary: string,
  summaryEn: string,
  body: Schema.Codec<B, any>,
  amend: (services: AppServices, request: RequestContext, workerId: string, body: B) => Promise<unknown>,
): RouteSpec =>
  defineRoute({
    method: "post",
    path: `/api/workers/:id/${segment}`,
    summary,
    summaryEn,
    tags: TAGS,
    access: ["province-officer", "commune-officer", "enterprise-officer", "bank-officer"],
    params: B.WorkerIdParams,
    body,
    response: B.WriteAnswer,
    successStatus: 201,
    write: true,
    idempotent: true,
    etag: true,
    handler: ({ params, body, request, services }) => amend(services, request, params.id, body as B),
  })

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
    idempotent: true,
    etag: true,
    handler: ({ body, request, services }) => registerWorker(services, request, body),
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
      idempotent: true,
      etag: true,
      handler: ({ params, body, request, services }) => recordFact(services, request, spec, params.id, body),
    }),
  ),
  amendmentRoute(
    "corrections",
    "Sửa một bản ghi đã có (bản gốc vẫn được lưu)",
    "Correct a recorded fact (the original stays in the log)",
    B.CorrectionBody,
    correctFact,
  ),
  amendmentRoute(
    "voids",
    "Hủy một bản ghi ghi nhầm (bản gốc vẫn được lưu)",
    "Void a fact recorded by mistake (the original stays in the log)",
    B.VoidBody,
    voidFact,
  ),
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
    handler: async ({ params, body, actor, request, services }) => {
      const loaded = await loadWorker(services, params.id)
      const scope = scopeOfState(loaded.state)
      if (!scope || !canSee(actor, scope)) throw workerNotFound(params.id)
      return erasePersonalData(services, request, loaded, body)
    },
  }),
]
