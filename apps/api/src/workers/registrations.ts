import { decodeEvent, Worker } from "@xkld/domain"
import { eventColumns, toRecordedEvent } from "@xkld/event-store"
import { Result } from "effect"
import { sql, type Kysely } from "kysely"

/**
 * The registrations in effect (corrections applied) of many workers in one query: what a list needs to decrypt
 * names. A registration voided is absent; so is a worker without one.
 */
export async function registrationsOf(
  db: Kysely<any>,
  workerIds: ReadonlyArray<string>,
): Promise<ReadonlyMap<string, Worker.WorkerRegistered>> {
  const found = new Map<string, Worker.WorkerRegistered>()
  if (workerIds.length === 0) return found
  const streamIds = workerIds.map(Worker.workerStreamId)
  const { rows } = await sql<any>`SELECT ${eventColumns} FROM es_events
    WHERE stream_id = ANY (${streamIds}::text[])
      AND event_type IN ('WorkerRegistered', 'WorkerFactCorrected', 'WorkerFactVoided')
    ORDER BY stream_id, stream_position`.execute(db)
  for (const row of rows) {
    const recorded = toRecordedEvent(row)
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
