import { randomBytes, randomUUID } from "node:crypto"
import type { EventMetadata, NewEvent } from "../src/index.ts"

/**
 * The events every scenario writes: a realistic small payload (a worker registered in a province,
 * Vietnamese text included) and full metadata, about 400 bytes of JSON per event. Ours and the
 * baseline write the very same objects.
 */
const metadata: EventMetadata = {
  actor: { userId: "can-bo-01", role: "officer", unit: "so-ldtbxh-nghe-an" },
  commandId: "6f1c1c7e-0a9e-4c55-9f59-2f3d2b0a6c11",
  correlationId: "0d7f7a4e-5b7b-4c36-8d0b-3c1c5c1c2f22",
  source: { kind: "api", requestId: "bench" },
}

const occurredAt = new Date("2026-01-15T00:00:00Z")

export const benchEvent = (sequence: number): NewEvent => ({
  eventId: randomUUID(),
  type: "WorkerRegistered",
  schemaVersion: 1,
  data: {
    workerId: `w-${sequence}`,
    fullName: "Nguyễn Thị Hồng Nhung",
    birthDate: "1998-04-12",
    province: "Nghệ An",
    commune: "Xã Diễn Châu",
    destination: "JP",
    occupation: "Điều dưỡng",
    contractMonths: 36,
  },
  metadata,
  occurredAt,
})

export const benchEvents = (count: number, firstSequence = 0): ReadonlyArray<NewEvent> =>
  Array.from({ length: count }, (_, i) => benchEvent(firstSequence + i))

/** The baseline supplies a ready-made 32-byte value where ours computes the chained hash. */
export const baselineHashHex = randomBytes(32).toString("hex")

export const STREAM_TYPE = "Worker"

/** Same columns, defaults, identity and indexes as es_events; no function, no trigger, no stream table. */
export const createBaselineTable = "CREATE TABLE bench_raw_events (LIKE es_events INCLUDING ALL)"

const columns = `stream_id, stream_type, stream_position, event_id, event_type, schema_version, data, metadata,
  occurred_at, recorded_at, hash`

/** The raw single-row INSERT: one statement, one transaction. */
export const rawInsertOne = `INSERT INTO bench_raw_events (${columns})
  VALUES ($1, $2, $3, $4::uuid, $5, $6, $7::jsonb, $8::jsonb, $9::timestamptz, now(), decode($10, 'hex'))`

export const rawInsertOneParams = (streamId: string, position: number, e: NewEvent): unknown[] => [
  streamId,
  STREAM_TYPE,
  position,
  e.eventId,
  e.type,
  e.schemaVersion,
  JSON.stringify(e.data),
  JSON.stringify(e.metadata),
  e.occurredAt.toISOString(),
  baselineHashHex,
]

/** The raw batch INSERT … SELECT unnest(…): one statement, one transaction. */
export const rawInsertMany = `INSERT INTO bench_raw_events (${columns})
  SELECT s, t, p, e, ty, v, d, m, o, now(), decode(h, 'hex')
    FROM unnest($1::text[], $2::text[], $3::int8[], $4::uuid[], $5::text[], $6::int4[], $7::jsonb[], $8::jsonb[],
                $9::timestamptz[], $10::text[]) AS u(s, t, p, e, ty, v, d, m, o, h)`

export const rawInsertManyParams = (
  streamId: string,
  firstPosition: number,
  events: ReadonlyArray<NewEvent>,
): unknown[] => [
  events.map(() => streamId),
  events.map(() => STREAM_TYPE),
  events.map((_, i) => firstPosition + i),
  events.map((e) => e.eventId),
  events.map((e) => e.type),
  events.map((e) => e.schemaVersion),
  events.map((e) => JSON.stringify(e.data)),
  events.map((e) => JSON.stringify(e.metadata)),
  events.map((e) => e.occurredAt.toISOString()),
  events.map(() => baselineHashHex),
]

/** The columns a log read selects (src/rows.ts), so the keyset baseline transfers and parses the same. */
export const readColumns = `global_position, transaction_id::text AS transaction_text, stream_id, stream_type,
  stream_position, event_id::text AS event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at,
  encode(hash, 'hex') AS hash`

/** The bare keyset scan: primary-key order, no visibility filter, rows discarded. */
export const keysetScan = `SELECT ${readColumns} FROM es_events WHERE global_position > $1
  ORDER BY global_position LIMIT $2`

/** Diagnostic: the log's own commit-order query (src/read.ts) run bare, rows discarded, no mapping. */
export const commitOrderScan = `SELECT ${readColumns} FROM es_events
  WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY transaction_id, global_position LIMIT $3`

/** Diagnostic: the store's append function called with a bare client (the payload src/append.ts sends). */
export const bareAppend = "SELECT * FROM es_append($1, $2, $3, $4::jsonb, NULL::timestamptz)"

export const appendPayload = (events: ReadonlyArray<NewEvent>): string =>
  JSON.stringify(
    events.map((e) => ({
      eventId: e.eventId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
      occurredAt: e.occurredAt.toISOString(),
    })),
  )
