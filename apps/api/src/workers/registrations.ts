import { decodeEvent, Worker } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
import type { Kysely } from "kysely"
import { Result } from "effect"

/**
 * The registrations in effect (corrections applied) of many workers in one query: what a list needs to decrypt
 * names. A registration voided is absent; so is a worker without one.
 */
export async function registrationsOf(
  log: EventLog,
  workerIds: ReadonlyArray<string>,
  on?: Kysely<any>,
): Promise<ReadonlyMap<string, Worker.WorkerRegistered>> {
  const found = new Map<string, Worker.WorkerRegistered>()
  if (workerIds.length === 0) return found
  const streamIds = workerIds.map(Worker.workerStreamId)
  const events = await log.readStreams(
    streamIds,
    { eventTypes: ["WorkerRegistered", "WorkerFactCorrected", "WorkerFactVoided"] },
    on,
  )
  for (const recorded of events) {
    const decoded = decodeEvent(recorded.type, recorded.schemaVersion, recorded.data)
    if (Result.isFailure(decoded)) continue
    const event = decoded.success as Worker.WorkerEvent
    const current = found.get(event.workerId)
    if (event._tag === "WorkerRegistered") found.set(event.workerId, event)
    else if (
      event._tag === "WorkerFactCorrected" &&
      event.replacement._tag === "WorkerRegistered" &&
      current?.eventId === event.correctsEventId
    )
      found.set(event.workerId, event.replacement)
    else if (event._tag === "WorkerFactVoided" && current?.eventId === event.correctsEventId)
      found.delete(event.workerId)
  }
  return found
}
