import { sql, type Kysely, type RawBuilder } from "kysely"
import { eventColumns, toRecordedEvents } from "./rows.ts"
import type { Checkpoint, RecordedEvent } from "./types.ts"

export interface ReadStreamOptions {
  readonly direction?: "forward" | "backward"
  /** Inclusive stream positions. */
  readonly fromVersion?: number
  readonly toVersion?: number
  readonly maxCount?: number
  /** Only what the system had recorded by then (transaction time). */
  readonly recordedUpTo?: Date
}

export async function readStream(
  db: Kysely<any>,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<ReadonlyArray<RecordedEvent>> {
  const backward = options.direction === "backward"
  const { rows } = await sql<any>`SELECT ${eventColumns} FROM es_events
    WHERE stream_id = ${streamId}
      AND stream_position >= ${options.fromVersion ?? 1}
      AND stream_position <= ${options.toVersion ?? Number.MAX_SAFE_INTEGER}
      ${options.recordedUpTo ? sql`AND recorded_at <= ${options.recordedUpTo.toISOString()}::timestamptz` : sql``}
    ORDER BY stream_position ${sql.raw(backward ? "DESC" : "ASC")}
    LIMIT ${options.maxCount ?? 1_000_000}`.execute(db)
  return toRecordedEvents(rows)
}

export interface ReadAllOptions {
  readonly after?: Checkpoint
  readonly batchSize?: number
  readonly eventTypes?: ReadonlyArray<string>
  readonly streamTypes?: ReadonlyArray<string>
  readonly recordedUpTo?: Date
  /**
   * Also the committed events the ordering guard holds back (ADR 0003). Only for an exactly-once apply that
   * keeps its own record of what it applied (the projection runner's switch); never to move a checkpoint.
   */
  readonly includeHeldBack?: boolean
}

/**
 * A filter on one of the typed columns. One value is an equality, so the (type, transaction_id,
 * global_position) index yields the commit order itself: with `= ANY (…)` PostgreSQL cannot use the index's
 * order and sorts every matching row after the checkpoint for each batch (a quadratic rebuild).
 */
const oneOf = (column: RawBuilder<unknown>, values: ReadonlyArray<string> | undefined) =>
  !values?.length
    ? sql``
    : values.length === 1
      ? sql`AND ${column} = ${values[0]}`
      : sql`AND ${column} = ANY (${[...values]}::text[])`

/**
 * One batch of the log in commit order after a checkpoint. Only transactions older than the oldest
 * still-running one are visible, so an event that commits late is never skipped (ADR 0003).
 */
export async function readAllBatch(
  db: Kysely<any>,
  options: ReadAllOptions = {},
): Promise<ReadonlyArray<RecordedEvent>> {
  const after = options.after ?? { transactionId: 0n, globalPosition: 0 }
  const byType = oneOf(sql`event_type`, options.eventTypes)
  const byStreamType = oneOf(sql`stream_type`, options.streamTypes)
  const upTo = options.recordedUpTo ? sql`AND recorded_at <= ${options.recordedUpTo.toISOString()}::timestamptz` : sql``
  const { rows } = await sql<any>`SELECT ${eventColumns} FROM es_events
    WHERE (transaction_id, global_position) > (${after.transactionId.toString()}::xid8, ${after.globalPosition}::bigint)
      ${options.includeHeldBack ? sql`` : sql`AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`}
      ${byType} ${byStreamType} ${upTo}
    ORDER BY transaction_id, global_position
    LIMIT ${options.batchSize ?? 1000}`.execute(db)
  return toRecordedEvents(rows)
}

/** Reads the whole log (or a filtered part of it) in batches, in commit order. */
export async function* readAll(
  db: Kysely<any>,
  options: ReadAllOptions = {},
): AsyncGenerator<ReadonlyArray<RecordedEvent>> {
  // The next batch is asked for before this one is handed over, so the database reads it while the caller works
  // (replay of 10^6 events: the database and Node took turns, each idle while the other worked).
  const batchAfter = (after: ReadAllOptions["after"]) => readAllBatch(db, { ...options, ...(after ? { after } : {}) })
  let next = batchAfter(options.after)
  try {
    for (;;) {
      const batch = await next
      if (batch.length === 0) return
      const last = batch[batch.length - 1]!
      next = batchAfter({ transactionId: last.transactionId, globalPosition: last.globalPosition })
      yield batch
    }
  } finally {
    // a caller that stops early leaves one read in flight: its failure is nobody's to handle
    next.catch(() => undefined)
  }
}

export interface ReadStreamsOptions {
  readonly eventTypes?: ReadonlyArray<string>
  /**
   * Each stream only up to this version (inclusive), one per stream id, in the same order: a catch-up that
   * lost several streams' folded states reads all their prefixes in one query (projections, issue 12).
   */
  readonly toVersions?: ReadonlyArray<number>
}

/** The events of several streams in one query, stream by stream (by id), each in stream order. */
export async function readStreams(
  db: Kysely<any>,
  streamIds: ReadonlyArray<string>,
  options: ReadStreamsOptions = {},
): Promise<ReadonlyArray<RecordedEvent>> {
  if (streamIds.length === 0) return []
  const byType = options.eventTypes?.length ? sql`AND event_type = ANY (${[...options.eventTypes]}::text[])` : sql``
  const { toVersions } = options
  if (toVersions === undefined) {
    const { rows } = await sql<any>`SELECT ${eventColumns} FROM es_events
      WHERE stream_id = ANY (${[...streamIds]}::text[]) ${byType}
      ORDER BY stream_id, stream_position`.execute(db)
    return toRecordedEvents(rows)
  }
  if (toVersions.length !== streamIds.length || new Set(streamIds).size !== streamIds.length)
    throw new Error(`readStreams: give one version for each of ${streamIds.length} distinct streams`)
  const { rows } = await sql<any>`SELECT ${eventColumns} FROM es_events
    JOIN unnest(${[...streamIds]}::text[], ${[...toVersions]}::int8[]) AS upto(stream, version)
      ON stream_id = upto.stream AND stream_position <= upto.version
    WHERE true ${byType}
    ORDER BY stream_id, stream_position`.execute(db)
  return toRecordedEvents(rows)
}

export interface ReadEventsOptions {
  /** Only what the system had recorded by then (transaction time). */
  readonly recordedUpTo?: Date | undefined
}

/** Events by their ids (uuids), in the order they were recorded. */
export async function readEvents(
  db: Kysely<any>,
  eventIds: ReadonlyArray<string>,
  options: ReadEventsOptions = {},
): Promise<ReadonlyArray<RecordedEvent>> {
  if (eventIds.length === 0) return []
  const upTo = options.recordedUpTo ? sql`AND recorded_at <= ${options.recordedUpTo.toISOString()}::timestamptz` : sql``
  const { rows } = await sql<any>`SELECT ${eventColumns} FROM es_events
    WHERE event_id = ANY (${[...eventIds]}::uuid[]) ${upTo}
    ORDER BY recorded_at, global_position`.execute(db)
  return toRecordedEvents(rows)
}

export async function countEvents(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int8 AS n FROM es_events`.execute(db)
  return Number(rows[0]?.n ?? 0)
}
