import { PersonalData, Worker, type IsoDate } from "@xkld/domain"
import type { Actor } from "../access/actor.ts"
import { loadAggregate } from "../commands/execute.ts"
import { fail } from "../http/problem.ts"
import { recordAccess, type AccessPurpose } from "../personal-data/access-log.ts"
import { openIdentity } from "../personal-data/identity.ts"
import type { AppServices } from "../services.ts"
import { workerNotFound } from "../access/workers.ts"

export interface LoadedWorker {
  readonly workerId: string
  readonly state: Worker.WorkerState
  readonly version: number
  readonly registration: Worker.WorkerRegistered
}

/** A registered worker's state and stream version; 404 if there is none (or its registration was voided). */
export async function loadWorker(services: AppServices, workerId: string): Promise<LoadedWorker> {
  const { state, version } = await loadAggregate(services, Worker.workerStreamId(workerId), Worker.workerDecider)
  return asLoadedWorker(workerId, state, version)
}

/** The worker stream as loaded, as a registered worker; 404 if there is none (or its registration was voided). */
export function asLoadedWorker(workerId: string, state: Worker.WorkerState, version: number): LoadedWorker {
  if (!state.registration) throw workerNotFound(workerId)
  return { workerId, state, version, registration: state.registration }
}

const erased = () =>
  fail(
    "rejected",
    "Dữ liệu cá nhân của người này đã bị xóa theo yêu cầu; không thể ghi nhận thông tin cần mã hóa hoặc cần đọc dữ liệu cá nhân.",
    "This person's personal data was erased; facts that need it can no longer be recorded.",
    { rejection: "PersonalDataErased" },
  )

/** The person key of a worker (to seal sensitive facts); a 422 if it was erased. */
export async function personKeyOf(
  services: AppServices,
  registration: Worker.WorkerRegistered,
): Promise<PersonalData.PersonKey> {
  const key = await services.keyRing.get(registration.identity.keyId)
  if (!key) throw erased()
  return key
}

/**
 * Decrypts the identity to read the full date of birth (the age check at departure), and records the read in
 * pd_access_log with its purpose. A 422 if the identity was erased.
 */
export async function dateOfBirthOf(
  services: AppServices,
  actor: Actor,
  loaded: LoadedWorker,
  purpose: AccessPurpose,
): Promise<IsoDate> {
  const view = openIdentity(
    await services.keyRing.get(loaded.registration.identity.keyId),
    loaded.registration.identity,
  )
  if (view.status !== "shown") throw erased()
  await recordAccess(services.log.database.db, actor, [loaded.workerId], purpose)
  return view.identity.dateOfBirth
}

/** Who recorded a worker's fact: the actor in the metadata of the event with that id (undefined if none). */
export async function recordedBy(
  services: AppServices,
  workerId: string,
  eventId: string,
): Promise<{ readonly role: string; readonly unit?: string | undefined } | undefined> {
  const events = await services.log.readStream(Worker.workerStreamId(workerId))
  return events.find((event) => event.eventId === eventId)?.metadata.actor
}
