import { sql, type Kysely } from "kysely"
import type { Actor } from "../access/actor.ts"

/** Why identifying data was decrypted; stored as is in `pd_access_log.purpose`. */
export type AccessPurpose = "list" | "detail" | "departure-age-check"

interface AccessRow {
  readonly userId: string
  readonly role: string
  readonly workerId: string
  readonly purpose: AccessPurpose
}

interface Waiting {
  readonly rows: ReadonlyArray<AccessRow>
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

/**
 * Group commit of access records (ADR 0024): the rows of every request that arrives while one insert is being
 * committed go together in the next insert, one commit for all of them. Each caller's promise settles only when
 * its own rows are committed (or failed), and the answer that shows the names waits for it: a process killed at
 * any point has shown no name whose read is not in the log. What batching saves is commit flushes, not records.
 */
export class AccessLogWriter {
  readonly #db: Kysely<any>
  #queue: Waiting[] = []
  #flushing: Promise<void> | undefined
  /** Commits made, and rows written (for the tests and the bench's notes). */
  commits = 0
  rows = 0

  constructor(db: Kysely<any>) {
    this.#db = db
  }

  readonly record = (rows: ReadonlyArray<AccessRow>): Promise<void> => {
    if (rows.length === 0) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ rows, resolve, reject })
      if (!this.#flushing) this.#flushing = this.#drain()
    })
  }

  async #drain(): Promise<void> {
    // Let the requests already running on this tick join the first insert.
    await new Promise<void>((resolve) => setImmediate(resolve))
    while (this.#queue.length > 0) {
      const batch = this.#queue
      this.#queue = []
      const rows = batch.flatMap((w) => w.rows)
      try {
        // One statement, one commit: four array parameters whatever the number of rows.
        await insertRows(this.#db, rows)
        this.commits++
        this.rows += rows.length
        for (const w of batch) w.resolve()
      } catch (error) {
        for (const w of batch) w.reject(error)
      }
    }
    this.#flushing = undefined
  }
}

const insertRows = (db: Kysely<any>, rows: ReadonlyArray<AccessRow>) =>
  sql`INSERT INTO pd_access_log (user_id, role, worker_id, purpose)
    SELECT * FROM unnest(${rows.map((r) => r.userId)}::text[], ${rows.map((r) => r.role)}::text[],
      ${rows.map((r) => r.workerId)}::text[], ${rows.map((r) => r.purpose)}::text[])`.execute(db)

const writers = new WeakMap<Kysely<any>, AccessLogWriter>()

/** The one writer of a database connection (shared by every route of the process). */
export const accessLogOf = (db: Kysely<any>): AccessLogWriter => {
  let writer = writers.get(db)
  if (!writer) writers.set(db, (writer = new AccessLogWriter(db)))
  return writer
}

/**
 * Records reads of identifying data: one row per worker whose identity was decrypted for this actor
 * (who, whose, when, why). The table is append-only (a trigger refuses updates and deletes). Resolves once the
 * rows are committed, grouped with other requests' rows (`AccessLogWriter`).
 */
export async function recordAccess(
  db: Kysely<any>,
  actor: Pick<Actor, "userId" | "role">,
  workerIds: ReadonlyArray<string>,
  purpose: AccessPurpose,
): Promise<void> {
  await accessLogOf(db).record(
    workerIds.map((workerId) => ({ userId: actor.userId, role: actor.role, workerId, purpose })),
  )
}
