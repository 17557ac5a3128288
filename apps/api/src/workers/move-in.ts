import { PersonalData, Worker } from "@xkld/domain"
import { Result, Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import { recordingActor, viewerOf } from "../access/jurisdiction.ts"
import { appendDecided, commandResult, decideCommand, loadAggregate } from "../commands/execute.ts"
import { newEventId, type RequestContext } from "../commands/request.ts"
import { EventDate } from "../http/dates.ts"
import { fail } from "../http/problem.ts"
import { defineRoute } from "../http/route.ts"
import type { AppServices } from "../services.ts"
import { UnitRef, WriteAnswer } from "./bodies.ts"
import { answerOf, invalidCitizenId } from "./registration.ts"
import { resolveUnit } from "./units.ts"

/**
 * Chuyển đến: the commune a person moved to records the move in. The person is found by the citizen ID the officer
 * reads from their card (the province's blind index, never a search by name), not by a record the receiving commune
 * could not see before; the move is into the officer's own commune only. The same fact as a move recorded by the
 * commune left (`WorkerResidenceChanged`), so every figure follows the residence on each date.
 */
export const MoveInBody = Schema.Struct({
  occurredOn: EventDate,
  citizenId: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(40)),
  residenceUnit: UnitRef,
})

const notFound = () =>
  fail(
    "not-found",
    "Không tìm thấy người lao động có số CCCD này đã đăng ký trong tỉnh.",
    "No worker registered in the province with this citizen ID.",
  )

/** The receiving unit: in the province on the date, and the commune officer's own. */
async function receivingUnit(services: AppServices, actor: Actor, body: typeof MoveInBody.Type) {
  const unit = resolveUnit(
    await services.models.catalogues.at(),
    actor.provinceCode,
    body.residenceUnit,
    body.occurredOn,
    "body.residenceUnit",
  )
  const viewer = await viewerOf(services, actor)
  if (viewer.role === "commune-officer" && !viewer.unitIds.includes(unit.unitId))
    throw fail(
      "forbidden",
      `Cán bộ xã, phường chỉ ghi nhận người chuyển đến xã, phường của mình (không phải ${unit.name}).`,
      `A commune officer records moves into their own units only (not ${unit.name}).`,
    )
  return unit
}

async function recordMoveIn(services: AppServices, request: RequestContext, body: typeof MoveInBody.Type) {
  const { actor } = request
  const unit = await receivingUnit(services, actor, body)
  const parsed = PersonalData.parseCitizenId(body.citizenId)
  if (Result.isFailure(parsed)) throw invalidCitizenId(parsed.failure, "body.citizenId")
  const blindIndex = PersonalData.blindIndex(services.indexKey, actor.provinceCode, parsed.success.citizenId)
  const { state: claim } = await loadAggregate(
    services,
    Worker.personRegistrationStreamId(actor.provinceCode, blindIndex),
    Worker.personRegistrationDecider,
  )
  const workerId = claim.workerId
  if (workerId === undefined) throw notFound()
  const decided = await decideCommand(services, request, {
    streamId: Worker.workerStreamId(workerId),
    streamType: Worker.WORKER_STREAM_TYPE,
    decider: Worker.workerDecider,
    command: new Worker.RecordResidenceChange({
      eventId: newEventId(request, 0),
      workerId,
      occurredOn: body.occurredOn,
      residenceUnitCode: unit.code,
      residenceUnitId: unit.unitId,
    }),
    // The receiving commune never saw the record, so it has no version to send.
    checkIfMatch: false,
    recordAs: () => recordingActor(services, actor, unit.unitId),
    eventIdOf: (event) => event.eventId,
  })
  if (Result.isFailure(decided)) return decided
  const appended = await appendDecided(services, [decided.success])
  return Result.map(appended, ([result]) => {
    const done = commandResult(decided.success, result)
    return answerOf(workerId, done.version, done.events, done.state)
  })
}

export const moveInRoute = defineRoute({
  method: "post",
  path: "/api/workers/move-ins",
  summary:
    "UBND xã, phường nơi đến ghi nhận người lao động chuyển đến (tìm theo số CCCD; số liệu theo nơi cư trú vào từng ngày)",
  summaryEn:
    "The receiving commune records a worker's move in (found by citizen ID; figures follow the residence on each date)",
  tags: ["Người lao động"],
  access: ["province-officer", "commune-officer"],
  body: MoveInBody,
  response: WriteAnswer,
  successStatus: 201,
  write: true,
  idempotent: true,
  handler: ({ body, request, services }) => recordMoveIn(services, request, body),
})
