import { sql, type Kysely } from "kysely"
import type { Checkpoint, RecordedEvent } from "@xkld/event-store"
import type { Projection } from "./projection.ts"

/*
 * Reads that must run on a given connection (inside a transaction), which the store's EventLog
 * cannot do: its reads use its own pool, and on PGlite a read outside an open transaction would wait
 * for it forever. Same columns and mapping as the store's rows.ts.
 */

const columns = sql.raw(`global_position, transaction_id::text AS transaction_text, stream_id, stream_type,
  stream_position, event_id::text AS event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at,
  encode(hash, 'hex') AS hash`)

const toRecordedEvent = (row: any): RecordedEvent => ({
  globalPosition: Number(row.global_position),
  transactionId: BigInt(row.transaction_text),
  streamId: row.stream_id,
  streamType: row.stream_type,
  streamPosition: Number(row.stream_position),
  eventId: row.event_id,
  type: row.event_type,
  schemaVersion: Number(row.schema_version),
  data: row.data,
  metadata: row.metadata,
  occurredAt: new Date(row.occurred_at),
  recordedAt: new Date(row.recorded_at),
  hash: row.hash,
})

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
