import { sql, type Kysely } from "kysely"
import {
  IdempotencyConflict,
  StoreFailure,
  StreamTypeMismatch,
  WrongExpectedVersion,
  type AppendError,
} from "./errors.ts"
import type { AppendResult, ExpectedVersion, NewEvent } from "./types.ts"

export interface AppendRequest {
  readonly streamId: string
  readonly streamType: string
  readonly expectedVersion: ExpectedVersion
  readonly events: ReadonlyArray<NewEvent>
  /** Only honoured when the store allows it (demo history); otherwise the database's clock decides. */
  readonly recordedAt?: Date | undefined
}

export type AppendOutcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: AppendError }

const expectedText = (expected: ExpectedVersion): string =>
  expected === "stream_exists" ? "exists" : typeof expected === "number" ? String(expected) : expected

/** The events as es_append and es_append_batch read them. */
export const payloadOf = (request: AppendRequest) =>
  request.events.map((e) => ({
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    occurredAt: e.occurredAt.toISOString(),
  }))

/** One round trip: `es_append` checks, numbers, chains and inserts (migrations 0002, 0005, 0006). */
export async function append(
  db: Kysely<any>,
  request: AppendRequest,
  allowRecordedAt: boolean,
): Promise<AppendOutcome> {
  let payload: string
  try {
    payload = JSON.stringify(payloadOf(request))
  } catch (cause) {
    return { ok: false, error: new StoreFailure({ operation: "append", cause }) }
  }
  const recordedAt = allowRecordedAt && request.recordedAt ? request.recordedAt.toISOString() : null
  const expected = expectedText(request.expectedVersion)
  for (let attempt = 0; ; attempt++) {
    try {
      const { rows } = await sql<any>`SELECT * FROM es_append(${request.streamId}, ${request.streamType}, ${expected},
        ${payload}::jsonb, ${recordedAt}::timestamptz)`.execute(db)
      const row = rows[0]
      switch (row.status) {
        case "ok":
        case "duplicate":
          return {
            ok: true,
            result: {
              streamId: request.streamId,
              nextExpectedVersion: Number(row.actual_version),
              firstStreamPosition: Number(row.first_position),
              lastStreamPosition: Number(row.last_position),
              transactionId: BigInt(row.transaction_id),
              recordedAt: new Date(row.recorded_at),
              duplicate: row.status === "duplicate",
            },
          }
        case "wrong_expected_version":
          return { ok: false, error: wrongVersion(request, Number(row.actual_version)) }
        case "stream_type_mismatch":
          return {
            ok: false,
            error: new StreamTypeMismatch({
              streamId: request.streamId,
              expectedStreamType: request.streamType,
              actualStreamType: await streamTypeOf(db, request.streamId),
            }),
          }
        default:
          return { ok: false, error: new IdempotencyConflict({ streamId: request.streamId }) }
      }
    } catch (cause: any) {
      // Backstops for races the function's own checks cannot see (two identical retries at once,
      // two first appends to a new stream): the unique constraints decide.
      if (cause?.code === "23505" && attempt === 0 && String(cause.constraint ?? cause.message).includes("event_id"))
        continue
      if (cause?.code === "23505" && String(cause.constraint ?? cause.message).includes("stream_position")) {
        const actual = await currentVersion(db, request.streamId)
        return { ok: false, error: wrongVersion(request, actual) }
      }
      return { ok: false, error: new StoreFailure({ operation: "append", cause }) }
    }
  }
}

const wrongVersion = (request: AppendRequest, actualVersion: number) =>
  new WrongExpectedVersion({ streamId: request.streamId, expected: String(request.expectedVersion), actualVersion })

export async function currentVersion(db: Kysely<any>, streamId: string): Promise<number> {
  const { rows } = await sql<{ version: number }>`SELECT version FROM es_streams WHERE stream_id = ${streamId}`.execute(
    db,
  )
  return rows[0] ? Number(rows[0].version) : 0
}

/** A stream's type, read only to explain a refused append (it never changes once the stream exists). */
async function streamTypeOf(db: Kysely<any>, streamId: string): Promise<string> {
  const { rows } = await sql<{
    stream_type: string
  }>`SELECT stream_type FROM es_streams WHERE stream_id = ${streamId}`.execute(db)
  return rows[0]?.stream_type ?? ""
}
