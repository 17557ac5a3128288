import { Worker, type LegalBasis } from "@xkld/domain"
import { Result } from "effect"
import { appendDecided, decideCommand } from "../commands/execute.ts"
import { newEventId, type RequestContext } from "../commands/request.ts"
import { erasePersonKey } from "../personal-data/erasure.ts"
import type { AppServices } from "../services.ts"
import { personClaimStep } from "./person-claim.ts"
import { todayIso } from "./units.ts"
import type { LoadedWorker } from "./worker-record.ts"

/**
 * When no legal basis is named: the data subject's right to have their data erased under the Personal Data
 * Protection Law (in force since 1 January 2026).
 */
export const DEFAULT_ERASURE_BASIS: LegalBasis = {
  number: "91/2025/QH15",
  date: "2025-06-26",
  issuer: "Quốc hội",
  title: "Luật Bảo vệ dữ liệu cá nhân (quyền xóa dữ liệu của chủ thể dữ liệu)",
}

export interface ErasureAnswer {
  readonly id: string
  readonly erased: true
  readonly alreadyErased: boolean
  readonly erasedAt: string
  readonly reason: string
  readonly eventId: string | null
  readonly legalBasis: LegalBasis
}

/**
 * Erases a worker's personal data through the command pipeline: `WorkerPersonalDataErased` (who: the recording
 * actor; when: its recording time; on what legal basis) and the release of the person's registration claim, in one
 * transaction; then the person key is deleted (crypto-shredding, ADR 0007). No figure changes: the clear fields
 * stay. Erasing again records nothing and deletes the key again, in case an earlier attempt stopped in between.
 */
export async function erasePersonalData(
  services: AppServices,
  request: RequestContext,
  loaded: LoadedWorker,
  body: { readonly reason: string; readonly legalBasis?: LegalBasis | undefined },
) {
  const registration = loaded.registration
  const keyId = registration.identity.keyId
  const legalBasis = body.legalBasis ?? DEFAULT_ERASURE_BASIS
  const erasure = loaded.state.erasure
  if (erasure !== undefined) {
    const { record } = await erasePersonKey(services, request.actor, keyId, body.reason)
    return Result.succeed(answer(loaded.workerId, record, true, erasure.eventId, erasure.legalBasis))
  }
  const occurredOn = todayIso()
  const worker = await decideCommand(services, request, {
    streamId: Worker.workerStreamId(loaded.workerId),
    streamType: Worker.WORKER_STREAM_TYPE,
    decider: Worker.workerDecider,
    loaded: { state: loaded.state, version: loaded.version },
    command: new Worker.ErasePersonalData({
      eventId: newEventId(request, 0),
      workerId: loaded.workerId,
      occurredOn,
      keyId,
      legalBasis,
      reason: body.reason,
    }),
    checkIfMatch: false,
    legalBasis,
    eventIdOf: (event) => event.eventId,
  })
  if (Result.isFailure(worker)) return worker
  const release = await personClaimStep(
    services,
    request,
    new Worker.ReleasePersonRegistration({
      provinceCode: registration.provinceCode,
      blindIndex: registration.blindIndex,
      workerId: loaded.workerId,
      occurredOn,
      reason: `Xóa dữ liệu cá nhân: ${body.reason}`,
    }),
    1,
  )
  if (Result.isFailure(release)) return release
  const appended = await appendDecided(services, [worker.success, release.success])
  if (Result.isFailure(appended)) return appended
  const { record, alreadyErased } = await erasePersonKey(services, request.actor, keyId, body.reason)
  return Result.succeed(
    answer(loaded.workerId, record, alreadyErased, worker.success.append.events[0]!.eventId, legalBasis),
  )
}

const answer = (
  id: string,
  record: { readonly erasedAt: string; readonly reason: string },
  alreadyErased: boolean,
  eventId: string | null,
  legalBasis: LegalBasis,
): ErasureAnswer => ({
  id,
  erased: true,
  alreadyErased,
  erasedAt: record.erasedAt,
  reason: record.reason,
  eventId,
  legalBasis,
})
