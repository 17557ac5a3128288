import { sql } from "kysely"
import type { RecordedEvent } from "./types.ts"

/** The columns every read selects, in a form both drivers return alike. */
export const eventColumns = sql.raw(`global_position, transaction_id::text AS transaction_text, stream_id, stream_type,
  stream_position, event_id::text AS event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at,
  encode(hash, 'hex') AS hash`)

export const toRecordedEvent = (row: any): RecordedEvent => ({
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
