import { createHash } from "node:crypto"
import { createWriteStream } from "node:fs"
import { rename, rm } from "node:fs/promises"
import { once } from "node:events"
import { createGzip } from "node:zlib"
import { sql, type Kysely } from "kysely"
import type { Database } from "../backends/database.ts"
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  storeTables,
  type BackupHeader,
  type BackupProgress,
  type BackupTable,
} from "./format.ts"
import { appliedMigrations } from "./migrations-applied.ts"

const BATCH = 2000

export interface WriteBackupOptions {
  /** The caller's tables to carry besides the store's (the API's accounts and person keys, …). */
  readonly tables?: ReadonlyArray<BackupTable>
  readonly onProgress?: BackupProgress
  /** Stops between batches (Ctrl-C): the partial file is removed and the call rejects. */
  readonly signal?: AbortSignal
}

export interface BackupSummary {
  readonly file: string
  readonly header: BackupHeader
  readonly sha256: string
}

/**
 * Writes a backup of the log (and the caller's tables) from one consistent snapshot: a read-only REPEATABLE READ
 * transaction, which takes no transaction id and so holds no reader of the live application back (ADR 0003). The
 * file appears under its name only when complete (written to `<file>.partial`, then renamed).
 */
export async function writeBackup(
  database: Database,
  file: string,
  options: WriteBackupOptions = {},
): Promise<BackupSummary> {
  const tables = [...storeTables, ...(options.tables ?? [])]
  const partial = `${file}.partial`
  const gzip = createGzip()
  const out = createWriteStream(partial)
  gzip.pipe(out)
  const hash = createHash("sha256")
  let lines = 0
  const write = async (line: string) => {
    const text = `${line}\n`
    hash.update(text)
    lines++
    if (!gzip.write(text)) await once(gzip, "drain")
  }
  try {
    const header = await database.owner
      .transaction()
      .setIsolationLevel("repeatable read")
      .setAccessMode("read only")
      .execute(async (trx) => {
        const counts = await Promise.all(tables.map(async (t) => ({ table: t.table, rows: await countRows(trx, t) })))
        const { rows } = await sql<{
          max: string | null
        }>`SELECT max(transaction_id)::text AS max FROM es_events`.execute(trx)
        const head: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          backend: database.backend,
          migrations: await appliedMigrations(trx),
          maxTransactionId: rows[0]?.max ?? "0",
          tables: counts,
        }
        await write(JSON.stringify(head))
        const total = counts.reduce((sum, c) => sum + c.rows, 0)
        let done = 0
        for (const [index, table] of tables.entries()) {
          await write(JSON.stringify({ table: table.table, rows: counts[index]!.rows }))
          for await (const batch of rowBatches(trx, table)) {
            options.signal?.throwIfAborted()
            for (const line of batch) await write(line)
            done += batch.length
            options.onProgress?.("backup", done, total)
          }
        }
        return head
      })
    const sha256 = hash.digest("hex")
    const trailer = { end: true, sha256, rows: lines - 1 - header.tables.length }
    gzip.end(`${JSON.stringify(trailer)}\n`)
    await once(out, "close")
    await rename(partial, file)
    return { file, header, sha256 }
  } catch (error) {
    gzip.destroy()
    out.destroy()
    await rm(partial, { force: true })
    throw error
  }
}

const countRows = async (db: Kysely<any>, table: BackupTable) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table.table)}`.execute(db)).rows[0]!.n)

/** The table's rows as PostgreSQL renders them (`row_to_json`), in key order, a batch at a time. */
async function* rowBatches(db: Kysely<any>, table: BackupTable): AsyncGenerator<ReadonlyArray<string>> {
  const keys = sql.join(table.key.map((k) => sql.ref(k.column)))
  const keyTexts = sql.join(table.key.map((k, i) => sql`${sql.ref(k.column)}::text AS ${sql.ref(`k${i}`)}`))
  let after: ReadonlyArray<string> | undefined
  for (;;) {
    const where = after
      ? sql`WHERE (${keys}) > (${sql.join(table.key.map((k, i) => sql`${after![i]}::${sql.raw(k.type)}`))})`
      : sql``
    const { rows } = await sql<Record<string, string>>`SELECT row_to_json(t)::text AS line, ${keyTexts}
      FROM ${sql.table(table.table)} t ${where} ORDER BY ${keys} LIMIT ${BATCH}`.execute(db)
    if (rows.length === 0) return
    yield rows.map((r) => r.line!)
    const last = rows[rows.length - 1]!
    after = table.key.map((_, i) => last[`k${i}`]!)
    if (rows.length < BATCH) return
  }
}
