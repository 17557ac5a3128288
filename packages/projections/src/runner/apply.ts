import { sql, type Kysely } from "kysely"
import { compareCheckpoints, type EventLog, type RecordedEvent } from "@xkld/event-store"
import { appliedTable, checkpointName, positionOf, tableNames, type Projection } from "./projection.ts"

/*
 * Exactly once per generation, for inline projections.
 *
 * An inline apply happens inside the append's transaction, before the event commits, so the
 * asynchronous loop of that generation cannot have applied it yet. It records (stream_id,
 * stream_position) in the generation's applied set `rm_<name>_applied_g<gen>` in the same
 * transaction. When the loop later reaches the event it deletes that row (in the batch transaction
 * that also moves the checkpoint past the event) and skips the event. So an event is applied by the
 * inline apply or by the loop, never both, and the set only holds events the loop has not passed
 * yet. Handlers need not be idempotent. An inline apply of an event the checkpoint has already passed
 * (a caller replaying old events) is ignored.
 */

const splitKeys = (events: ReadonlyArray<RecordedEvent>) => ({
  streams: events.map((e) => e.streamId),
  positions: events.map((e) => e.streamPosition),
})

const keyOf = (streamId: string, position: number) => `${position}\u0000${streamId}`

/** The loop's side: handles the events the inline apply has not already handled. */
export async function applyFromLoop(
  log: EventLog,
  trx: Kysely<any>,
  projection: Projection,
  generation: number,
  events: ReadonlyArray<RecordedEvent>,
): Promise<void> {
  let pending = events
  if (projection.inline) {
    const { streams, positions } = splitKeys(events)
    const { rows } = await sql<any>`DELETE FROM ${sql.table(appliedTable(projection.name, generation))} AS a
      USING unnest(${streams}::text[], ${positions}::int8[]) AS k(stream_id, stream_position)
      WHERE a.stream_id = k.stream_id AND a.stream_position = k.stream_position
      RETURNING a.stream_id, a.stream_position`.execute(trx)
    if (rows.length > 0) {
      const done = new Set(rows.map((r) => keyOf(r.stream_id, Number(r.stream_position))))
      pending = events.filter((e) => !done.has(keyOf(e.streamId, e.streamPosition)))
    }
  }
  if (pending.length > 0) await projection.handle(trx, pending, tableNames(projection, generation), log)
}

/** The inline side: records and handles the events neither side has handled yet. */
export async function applyInlineTo(
  log: EventLog,
  trx: Kysely<any>,
  projection: Projection,
  generation: number,
  events: ReadonlyArray<RecordedEvent>,
): Promise<number> {
  const checkpoint = await log.loadCheckpoint(checkpointName(projection.name, generation), trx)
  const ahead = events.filter((e) => compareCheckpoints(positionOf(e), checkpoint) > 0)
  if (ahead.length === 0) return 0
  const { streams, positions } = splitKeys(ahead)
  const { rows } =
    await sql<any>`INSERT INTO ${sql.table(appliedTable(projection.name, generation))} (stream_id, stream_position)
    SELECT * FROM unnest(${streams}::text[], ${positions}::int8[])
    ON CONFLICT DO NOTHING
    RETURNING stream_id, stream_position`.execute(trx)
  const fresh = new Set(rows.map((r) => keyOf(r.stream_id, Number(r.stream_position))))
  const pending = ahead.filter((e) => fresh.has(keyOf(e.streamId, e.streamPosition)))
  if (pending.length > 0) await projection.handle(trx, pending, tableNames(projection, generation), log)
  return pending.length
}
