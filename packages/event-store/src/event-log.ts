import { sql, type Kysely } from "kysely"
import { append, type AppendOutcome, type AppendRequest } from "./append.ts"
import type { Database } from "./backends/database.ts"
import { countEvents, readAll, readAllBatch, readStream, type ReadAllOptions, type ReadStreamOptions } from "./read.ts"
import { startCatchUp, type CatchUpOptions, type Subscription } from "./subscription/catch-up.ts"
import { NOTIFY_CHANNEL, WakeUp } from "./subscription/wake-up.ts"
import { sealLog, type Seal } from "./tamper/seal.ts"
import { verifyLog, type VerifyReport } from "./tamper/verify.ts"
import type { RecordedEvent } from "./types.ts"

export interface EventLogOptions {
  /** Demo history only: lets an append set its recorded time. Never on in production. */
  readonly allowRecordedAt?: boolean
  readonly notifyIntervalMs?: number
}

/**
 * The append-only event log over one database (PGlite or PostgreSQL): the same SQL on both.
 * Promise-based core; `EventStore` (service.ts) is its Effect face.
 */
export interface EventLog {
  readonly backend: Database["backend"]
  readonly database: Database
  /** Appends in the log's own transaction, or in the caller's (`trx`) for read-your-writes projections. */
  readonly append: (request: AppendRequest, trx?: Kysely<any>) => Promise<AppendOutcome>
  readonly readStream: (streamId: string, options?: ReadStreamOptions) => Promise<ReadonlyArray<RecordedEvent>>
  readonly readAllBatch: (options?: ReadAllOptions) => Promise<ReadonlyArray<RecordedEvent>>
  readonly readAll: (options?: ReadAllOptions) => AsyncGenerator<ReadonlyArray<RecordedEvent>>
  readonly subscribe: (options: CatchUpOptions) => Subscription
  readonly count: () => Promise<number>
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
    readStream: (streamId, readOptions) => readStream(db, streamId, readOptions),
    readAllBatch: (readOptions) => readAllBatch(db, readOptions),
    readAll: (readOptions) => readAll(db, readOptions),
    subscribe: (subscribeOptions) => {
      const subscription = startCatchUp(db, wakeUp, subscribeOptions)
      subscriptions.add(subscription)
      return subscription
    },
    count: () => countEvents(db),
    seal: () => sealLog(db),
    verify: () => verifyLog(db),
    close: async () => {
      await Promise.all([...subscriptions].map((s) => s.stop()))
      await unlisten()
      await database.close()
    },
  }
}
