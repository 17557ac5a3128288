import type { EventLog } from "@xkld/event-store"
import type { PersonalData } from "@xkld/domain"
import type { Kysely } from "kysely"
import { openIdentity } from "../identity.ts"
import { personKeysOf } from "../person-keys.ts"
import { registrationsOf } from "../../workers/registrations.ts"

export interface OpenedName {
  readonly workerId: string
  readonly provinceCode: string
  readonly keyId: string
  /** The registration's sealed identity, kept beside the position so a page reads its names with it. */
  readonly identity: PersonalData.SealedPersonal
  /** Undefined: no registration in effect, or its identity erased or unreadable. */
  readonly fullName: string | undefined
}

/**
 * The names of many workers, read in `trx`: registrations in effect from the log, keys locked FOR SHARE so that an
 * erasure deleting one waits for this transaction (and then deletes the position it wrote).
 */
export async function namesOf(
  log: EventLog,
  trx: Kysely<any>,
  master: PersonalData.MasterKey,
  workerIds: ReadonlyArray<string>,
): Promise<ReadonlyMap<string, OpenedName>> {
  const registrations = await registrationsOf(log, workerIds, trx)
  const keys = await personKeysOf(
    trx,
    master,
    [...registrations.values()].map((r) => r.identity.keyId),
    { lock: true },
  )
  const names = new Map<string, OpenedName>()
  for (const [workerId, registration] of registrations) {
    const view = openIdentity(keys.get(registration.identity.keyId), registration.identity)
    names.set(workerId, {
      workerId,
      provinceCode: registration.provinceCode,
      keyId: registration.identity.keyId,
      identity: registration.identity,
      fullName: view.status === "shown" ? view.identity.fullName : undefined,
    })
  }
  return names
}
