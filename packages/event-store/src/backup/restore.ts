import { createHash } from "node:crypto"
import { sql, type Kysely } from "kysely"
import type { Database } from "../backends/database.ts"
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  storeTables,
  type BackupHeader,
  type BackupProgress,
  type BackupTable,
  type TrailerLine,
} from "./format.ts"
import { appliedMigrations } from "./migrations-applied.ts"
import { readBackupLines } from "./read.ts"
import { advanceTransactionIdsPast, currentTransactionId } from "./transaction-ids.ts"

const BATCH = 1000

export interface RestoreOptions {
  /** The caller's tables the backup carries besides the store's; they must be empty too. */
  readonly tables?: ReadonlyArray<BackupTable>
  readonly onProgress?: BackupProgress
  readonly signal?: AbortSignal
  /** How many transaction ids the restore may consume to pass the backup's largest (see transaction-ids.ts). */
  readonly advanceLimit?: bigint
}

export interface RestoreSummary {
  readonly header: BackupHeader
  readonly rows: number
  /** Transaction ids consumed to move this server's counter past the backup's. */
  readonly advancedBy: bigint
}

const unreadable = (file: string, why: string, whyEn: string) =>
  new BackupError(
    `Tệp sao lưu ${file} không dùng được: ${why}. Chưa ghi gì.`,
    `Backup ${file} unusable: ${whyEn}. Nothing was written.`,
  )

/** First pass: the checksum, the header and the sections' counts, before anything is written. */
export async function checkBackup(file: string, onProgress?: BackupProgress): Promise<BackupHeader> {
  const hash = createHash("sha256")
  let header: BackupHeader | undefined
  let trailer: TrailerLine | undefined
  let rows = 0
  try {
    for await (const line of readBackupLines(file)) {
      if (line.kind === "trailer") {
        trailer = line.trailer
        continue
      }
      hash.update(`${line.text}\n`)
      if (line.kind === "header") {
        header = line.header
        if (header.format !== BACKUP_FORMAT) throw unreadable(file, "không phải tệp sao lưu XKLĐ", "not an XKLĐ backup")
        if (header.version !== BACKUP_VERSION)
          throw unreadable(file, `phiên bản ${header.version} không hỗ trợ`, `version ${header.version} unsupported`)
      } else if (line.kind === "row") {
        rows++
        if (onProgress && rows % 2000 === 0)
          onProgress(
            "check",
            rows,
            header!.tables.reduce((sum, t) => sum + t.rows, 0),
          )
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw unreadable(
      file,
      `không đọc được (${(error as Error).message})`,
      `cannot be read (${(error as Error).message})`,
    )
  }
  if (!header) throw unreadable(file, "tệp rỗng", "empty file")
  if (!trailer) throw unreadable(file, "thiếu dòng kết thúc (tệp bị cắt?)", "no trailer (truncated?)")
  if (trailer.sha256 !== hash.digest("hex") || trailer.rows !== rows)
    throw unreadable(file, "mã kiểm tra sha256 không khớp (tệp hỏng)", "sha256 checksum differs (corrupt file)")
  return header
}

/**
 * Restores a backup into an empty database: checks the file whole, moves the server's transaction counter past the
 * backup's (transaction-ids.ts), then inserts every row in ONE transaction — interrupted, nothing is left — keeping
 * positions, transaction ids, times and hashes exactly, so `verify` and the seals hold. Read models are not in the
 * backup: they rebuild from the log when the application starts.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const tables = [...storeTables, ...(options.tables ?? [])]
  const byName = new Map(tables.map((t) => [t.table, t]))
  const header = await checkBackup(file, options.onProgress)
  const owner = database.owner
  const here = new Set(await appliedMigrations(owner))
  // a migration is missing when its migrator is here but has not run it (another package's tables are not carried)
  const migrators = new Set([...here].map((m) => m.split(":")[0]))
  const missing = header.migrations.filter((m) => !here.has(m) && migrators.has(m.split(":")[0]))
  if (missing.length > 0)
    throw new BackupError(
      `Bản sao lưu từ phiên bản mới hơn (thiếu ${missing.join(", ")}): hãy cập nhật phần mềm trước. Chưa ghi gì.`,
      `The backup comes from a newer version (missing ${missing.join(", ")}): upgrade first. Nothing was written.`,
    )
  const unknown = header.tables.filter((t) => !byName.has(t.table))
  if (unknown.length > 0)
    throw new BackupError(
      `Bản sao lưu có bảng không biết: ${unknown.map((t) => t.table).join(", ")}. Chưa ghi gì.`,
      `The backup has unknown tables: ${unknown.map((t) => t.table).join(", ")}. Nothing was written.`,
    )
  await assertEmpty(owner, tables)
  const target = BigInt(header.maxTransactionId)
  const advancedBy = await advanceTransactionIdsPast(owner, target, {
    ...(options.advanceLimit !== undefined ? { limit: options.advanceLimit } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  const total = header.tables.reduce((sum, t) => sum + t.rows, 0)
  let done = 0
  await owner.transaction().execute(async (trx) => {
    // the guard of ADR 0003 needs this transaction, and every later one, above the restored ids
    if ((await currentTransactionId(trx)) <= target)
      throw new BackupError(
        "Bộ đếm giao dịch chưa vượt bản sao lưu.",
        "The transaction counter is not past the backup.",
      )
    await assertEmpty(trx, tables)
    let table: BackupTable | undefined
    let batch: string[] = []
    const flush = async () => {
      if (batch.length === 0 || !table) return
      options.signal?.throwIfAborted()
      await sql`INSERT INTO ${sql.table(table.table)} ${table.identity ? sql`OVERRIDING SYSTEM VALUE` : sql``}
        SELECT * FROM jsonb_populate_recordset(NULL::${sql.table(table.table)}, ${`[${batch.join(",")}]`}::jsonb)`.execute(
        trx,
      )
      done += batch.length
      batch = []
      options.onProgress?.("restore", done, total)
    }
    for await (const line of readBackupLines(file)) {
      if (line.kind === "section") {
        await flush()
        table = byName.get(line.section.table)
      } else if (line.kind === "row") {
        batch.push(line.text)
        if (batch.length >= BATCH) await flush()
      }
    }
    await flush()
    for (const t of tables)
      if (t.identity)
        await sql`SELECT setval(pg_get_serial_sequence(${t.table}, ${t.identity}),
            greatest((SELECT max(${sql.ref(t.identity)}) FROM ${sql.table(t.table)}), 1),
            (SELECT count(*) > 0 FROM ${sql.table(t.table)}))`.execute(trx)
  })
  return { header, rows: done, advancedBy }
}

async function assertEmpty(db: Kysely<any>, tables: ReadonlyArray<BackupTable>) {
  for (const t of tables) {
    const { rows } = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(t.table)}) AS any`.execute(db)
    if (rows[0]!.any)
      throw new BackupError(
        `Chỉ khôi phục vào cơ sở dữ liệu trống: bảng ${t.table} đã có dữ liệu. Chưa ghi gì.`,
        `Restore only into an empty database: table ${t.table} has data. Nothing was written.`,
      )
  }
}
