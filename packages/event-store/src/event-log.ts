import { sql, type Kysely } from "kysely"
import { append, type AppendOutcome, type AppendRequest } from "./append.ts"
import { appendBatch, type AppendBatchOutcome } from "./append-batch.ts"
import type { Database } from "./backends/database.ts"
import {
  countEvents,
  readAll,
  readAllBatch,
  readEvents,
  readStream,
  readStreams,
  type ReadAllOptions,
  type ReadEventsOptions,
  type ReadStreamOptions,
  type ReadStreamsOptions,
} from "./read.ts"
import { startCatchUp, type CatchUpOptions, type Subscription } from "./subscription/catch-up.ts"
import {
  advanceCheckpoint,
  deleteCheckpoint,
  listCheckpoints,
  loadCheckpoint,
  resetCheckpoint,
} from "./subscription/checkpoint-store.ts"
import { NOTIFY_CHANNEL, WakeUp } from "./subscription/wake-up.ts"
import { sealLog, type Seal } from "./tamper/seal.ts"
import { verifyLog, type VerifyReport } from "./tamper/verify.ts"
import type { Checkpoint, RecordedEvent } from "./types.ts"

export interface EventLogOptions {
  /** Demo history only: lets an append set its recorded time. Never on in production. */
  readonly allowRecordedAt?: boolean
  readonly notifyIntervalMs?: number
}

/**
 * The append-only event log over one database (PGlite or PostgreSQL): the same SQL on both. The store's one
 * face (ADR 0014): no other package names the store's tables.
 *
 * Every read and checkpoint operation runs on the log's own connection, or on the caller's (`on`: a connection
 * or an open transaction), so a projection reads what its own transaction sees and its checkpoint commits with
 * its writes. On PGlite a read outside a transaction that is open would wait for it: pass the transaction.
 */
export interface EventLog {
  readonly backend: Database["backend"]
  readonly database: Database
  /** Appends in the log's own transaction, or in the caller's (`trx`) for read-your-writes projections. */
  readonly append: (request: AppendRequest, trx?: Kysely<any>) => Promise<AppendOutcome>
  /**
   * Several appends (any streams) in one round trip and one transaction (the caller's, when given), each
   * checked as `append` checks it, in order; all or nothing. For bulk writes: history loads, imports.
   */
  readonly appendBatch: (requests: ReadonlyArray<AppendRequest>, trx?: Kysely<any>) => Promise<AppendBatchOutcome>
  readonly readStream: (
    streamId: string,
    options?: ReadStreamOptions,
    on?: Kysely<any>,
  ) => Promise<ReadonlyArray<RecordedEvent>>
  /** Several streams in one query, stream by stream (by id), each in stream order. */
  readonly readStreams: (
    streamIds: ReadonlyArray<string>,
    options?: ReadStreamsOptions,
    on?: Kysely<any>,
  ) => Promise<ReadonlyArray<RecordedEvent>>
  /** Events by id, in recorded order. */
  readonly readEvents: (
    eventIds: ReadonlyArray<string>,
    options?: ReadEventsOptions,
    on?: Kysely<any>,
  ) => Promise<ReadonlyArray<RecordedEvent>>
  readonly readAllBatch: (options?: ReadAllOptions, on?: Kysely<any>) => Promise<ReadonlyArray<RecordedEvent>>
  readonly readAll: (options?: ReadAllOptions, on?: Kysely<any>) => AsyncGenerator<ReadonlyArray<RecordedEvent>>
  readonly subscribe: (options: CatchUpOptions) => Subscription
  readonly count: (on?: Kysely<any>) => Promise<number>
  /** A subscriber's checkpoint (created at the start of the log when missing). */
  readonly loadCheckpoint: (subscriber: string, on?: Kysely<any>) => Promise<Checkpoint>
  /**
   * Compare-and-set inside the caller's transaction: moves the checkpoint from `from` to `to` or throws
   * `CheckpointConflict`, so the subscriber's writes and its checkpoint commit together or not at all.
   */
  readonly advanceCheckpoint: (subscriber: string, from: Checkpoint, to: Checkpoint, trx: Kysely<any>) => Promise<void>
  /** Creates the checkpoint at the start of the log, or moves an existing one back there. */
  readonly resetCheckpoint: (subscriber: string, on?: Kysely<any>) => Promise<void>
  readonly deleteCheckpoint: (subscriber: string, on?: Kysely<any>) => Promise<void>
  /** The checkpoints of the subscribers whose name starts with `prefix`. */
  readonly listCheckpoints: (prefix: string, on?: Kysely<any>) => Promise<ReadonlyMap<string, Checkpoint>>
  /**
   * Refreshes the planner's statistics of the log (ANALYZE, as its owner) after a bulk write such as a history
   * load: without them PostgreSQL guesses a type filter matches a few rows and sorts every later event of the
   * type for each batch a reader takes, instead of walking the index in commit order.
   */
  readonly refreshStatistics: () => Promise<void>
  readonly seal: () => Promise<Seal | undefined>
  readonly verify: () => Promise<VerifyReport>
  readonly close: () => Promise<void>
}

export async function openEventLog(database: Database, options: EventLogOptions = {}): Promise<EventLog> {
  const { db } = database
  const wakeUp = new WakeUp(
    async () => void (await sql`SELECT pg_notify(${NOTIFY_CHANNEL}, '')`.execute(db)),
    options.notifyIntervalMs,
  )
  const unlisten = await database.listen(NOTIFY_CHANNEL, () => wakeUp.notified())
  const subscriptions = new Set<Subscription>()
  return {
    backend: database.backend,
    database,
    append: async (request, trx) => {
      const outcome = await append(trx ?? db, request, options.allowRecordedAt ?? false)
      if (outcome.ok && !outcome.result.duplicate && !trx) wakeUp.appended()
      return outcome
    },
    appendBatch: async (requests, trx) => {
      const outcome = await appendBatch(trx ?? db, requests, options.allowRecordedAt ?? false)
      if (outcome.ok && !trx && outcome.results.some((r) => !r.duplicate)) wakeUp.appended()
      return outcome
    },
    readStream: (streamId, readOptions, on) => readStream(on ?? db, streamId, readOptions),
    readStreams: (streamIds, readOptions, on) => readStreams(on ?? db, streamIds, readOptions),
    readEvents: (eventIds, readOptions, on) => readEvents(on ?? db, eventIds, readOptions),
    readAllBatch: (readOptions, on) => readAllBatch(on ?? db, readOptions),
    readAll: (readOptions, on) => readAll(on ?? db, readOptions),
    subscribe: (subscribeOptions) => {
      const subscription = startCatchUp(db, wakeUp, subscribeOptions)
      subscriptions.add(subscription)
      return subscription
    },
    count: (on) => countEvents(on ?? db),
    loadCheckpoint: (subscriber, on) => loadCheckpoint(on ?? db, subscriber),
    advanceCheckpoint: (subscriber, from, to, trx) => advanceCheckpoint(trx, subscriber, from, to),
    resetCheckpoint: (subscriber, on) => resetCheckpoint(on ?? db, subscriber),
    deleteCheckpoint: (subscriber, on) => deleteCheckpoint(on ?? db, subscriber),
    listCheckpoints: (prefix, on) => listCheckpoints(on ?? db, prefix),
    refreshStatistics: async () => void (await sql`ANALYZE es_events, es_streams`.execute(database.owner)),
    seal: () => sealLog(db),
    verify: () => verifyLog(db),
    close: async () => {
      await Promise.all([...subscriptions].map((s) => s.stop()))
      await unlisten()
      await database.close()
    },
  }
}
