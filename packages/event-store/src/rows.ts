import { sql } from "kysely"
import type { RecordedEvent } from "./types.ts"

/** The columns every read selects, in a form both drivers return alike. */
export const eventColumns = sql.raw(`global_position, transaction_id::text AS transaction_text, stream_id, stream_type,
  stream_position, event_id::text AS event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at,
  encode(hash, 'hex') AS hash`)

/** pg gives timestamps as fresh `Date`s, one per row: used as they are (a copy per row showed in replay's profile). */
const dateOf = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string))

const eventOf = (row: any, transactionId: bigint): RecordedEvent => ({
  globalPosition: Number(row.global_position),
  transactionId,
  streamId: row.stream_id,
  streamType: row.stream_type,
  streamPosition: Number(row.stream_position),
  eventId: row.event_id,
  type: row.event_type,
  schemaVersion: Number(row.schema_version),
  data: row.data,
  metadata: row.metadata,
  occurredAt: dateOf(row.occurred_at),
  recordedAt: dateOf(row.recorded_at),
  hash: row.hash,
})

/**
 * Rows of one read as events. The events of one transaction come together in commit order and share its id,
 * which is parsed once for them (a batch load writes a thousand events per transaction).
 */
export const toRecordedEvents = (rows: ReadonlyArray<any>): RecordedEvent[] => {
  let text: string | undefined
  let id = 0n
  return rows.map((row) => {
    if (row.transaction_text !== text) {
      text = row.transaction_text
      id = BigInt(row.transaction_text)
    }
    return eventOf(row, id)
  })
}
