import { sql, type Kysely } from "kysely"
import { currentVersion, payloadOf, type AppendRequest } from "./append.ts"
import {
  IdempotencyConflict,
  StoreFailure,
  StreamTypeMismatch,
  WrongExpectedVersion,
  type AppendError,
} from "./errors.ts"
import type { AppendResult, ExpectedVersion } from "./types.ts"

export type AppendBatchOutcome =
  | { readonly ok: true; readonly results: ReadonlyArray<AppendResult> }
  /** Nothing of the batch was written; `index` is the first request that failed. */
  | { readonly ok: false; readonly index: number; readonly error: AppendError }

const expectedText = (expected: ExpectedVersion): string =>
  expected === "stream_exists" ? "exists" : typeof expected === "number" ? String(expected) : expected

/**
 * Several appends, to any streams, in one round trip (`es_append_batch`, migration 0008): each request is
 * checked as `append` checks it, against the stream as the requests before it leave it; all or nothing.
 * For bulk writes (the demo history, imports); a command's own append stays `append`.
 */
export async function appendBatch(
  db: Kysely<any>,
  requests: ReadonlyArray<AppendRequest>,
  allowRecordedAt: boolean,
): Promise<AppendBatchOutcome> {
  if (requests.length === 0) return { ok: true, results: [] }
  let payload: string
  try {
    payload = JSON.stringify(
      requests.map((request) => ({
        streamId: request.streamId,
        streamType: request.streamType,
        expected: expectedText(request.expectedVersion),
        recordedAt: allowRecordedAt && request.recordedAt ? request.recordedAt.toISOString() : null,
        events: payloadOf(request),
      })),
    )
  } catch (cause) {
    return { ok: false, index: 0, error: new StoreFailure({ operation: "append", cause }) }
  }
  let rows: Array<any>
  try {
    rows = (await sql<any>`SELECT * FROM es_append_batch(${payload}::jsonb)`.execute(db)).rows
  } catch (cause) {
    // e.g. the unique constraints' backstop (an event id twice in the batch, a race on a new stream)
    return { ok: false, index: 0, error: new StoreFailure({ operation: "append", cause }) }
  }
  const failed = rows.findIndex((row) => row.status !== "ok" && row.status !== "duplicate")
  if (failed >= 0) {
    const request = requests[failed]!
    const row = rows[failed]!
    const error: AppendError =
      row.status === "wrong_expected_version"
        ? new WrongExpectedVersion({
            streamId: request.streamId,
            expected: String(request.expectedVersion),
            actualVersion: Number(row.actual_version ?? (await currentVersion(db, request.streamId))),
          })
        : row.status === "stream_type_mismatch"
          ? new StreamTypeMismatch({
              streamId: request.streamId,
              expectedStreamType: request.streamType,
              actualStreamType: await streamTypeInBatch(db, requests, failed),
            })
          : new IdempotencyConflict({ streamId: request.streamId })
    return { ok: false, index: failed, error }
  }
  return {
    ok: true,
    results: rows.map((row, i) => ({
      streamId: requests[i]!.streamId,
      nextExpectedVersion: Number(row.actual_version),
      firstStreamPosition: Number(row.first_position),
      lastStreamPosition: Number(row.last_position),
      transactionId: BigInt(row.transaction_id),
      recordedAt: new Date(row.recorded_at),
      duplicate: row.status === "duplicate",
    })),
  }
}

/** The type the stream has: in the log, or given by the batch's first request to a new stream. */
async function streamTypeInBatch(
  db: Kysely<any>,
  requests: ReadonlyArray<AppendRequest>,
  index: number,
): Promise<string> {
  const { streamId } = requests[index]!
  const { rows } = await sql<{
    stream_type: string
  }>`SELECT stream_type FROM es_streams WHERE stream_id = ${streamId}`.execute(db)
  return rows[0]?.stream_type ?? requests.find((r) => r.streamId === streamId)!.streamType
}
