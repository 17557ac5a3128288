import { sql, type Kysely } from "kysely"
import { eventColumns, toRecordedEvent, type Checkpoint, type RecordedEvent } from "@xkld/event-store"
import type { Projection } from "./projection.ts"

/*
 * Reads that must run on a given connection (inside a transaction), which the store's EventLog
 * cannot do: its reads use its own pool, and on PGlite a read outside an open transaction would wait
 * for it forever. Same columns and mapping as the store's own reads.
 */
const columns = eventColumns

/** Events a just-finished append wrote (visible to its own transaction). */
export async function readAppended(
  trx: Kysely<any>,
  streamId: string,
  fromPosition: number,
  toPosition: number,
): Promise<ReadonlyArray<RecordedEvent>> {
  const { rows } = await sql<any>`SELECT ${columns} FROM es_events
    WHERE stream_id = ${streamId} AND stream_position BETWEEN ${fromPosition} AND ${toPosition}
    ORDER BY stream_position`.execute(trx)
  return rows.map(toRecordedEvent)
}

/**
 * One batch after a checkpoint in commit order. `guarded` applies the store's ordering guard (only
 * transactions older than the oldest running one); unguarded it returns every committed event, which
 * only an exactly-once apply (the applied set) may use, never to move a checkpoint.
 */
export async function readBatchOn(
  db: Kysely<any>,
  projection: Projection,
  after: Checkpoint,
  batchSize: number,
  guarded: boolean,
): Promise<ReadonlyArray<RecordedEvent>> {
  const { eventTypes, streamTypes } = projection.filter ?? {}
  const { rows } = await sql<any>`SELECT ${columns} FROM es_events
    WHERE (transaction_id, global_position) > (${after.transactionId.toString()}::xid8, ${after.globalPosition}::bigint)
      ${guarded ? sql`AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())` : sql``}
      ${eventTypes?.length ? sql`AND event_type = ANY (${[...eventTypes]}::text[])` : sql``}
      ${streamTypes?.length ? sql`AND stream_type = ANY (${[...streamTypes]}::text[])` : sql``}
    ORDER BY transaction_id, global_position
    LIMIT ${batchSize}`.execute(db)
  return rows.map(toRecordedEvent)
}

export const positionOf = (event: RecordedEvent): Checkpoint => ({
  transactionId: event.transactionId,
  globalPosition: event.globalPosition,
})
