/**
 * The portable backup file (ADR 0016): gzip-compressed lines of JSON.
 *
 *   {"format":"xkld-backup","version":1,...header}          the header (backend, time, migrations, max transaction id)
 *   {"table":"es_events","rows":N}                           a section: N row lines follow
 *   {...row_to_json of one row...}                           rows, byte-exact as PostgreSQL rendered them
 *   {"end":true,"sha256":"…","rows":T}                       the trailer: sha256 over every line before it
 *
 * Row lines are never parsed and re-serialised in JavaScript: jsonb numbers (1.0, 1e400) and the digest of each event
 * depend on their exact text, so they go back to the database as they came out.
 */
export const BACKUP_FORMAT = "xkld-backup"
export const BACKUP_VERSION = 1

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT
  readonly version: number
  readonly createdAt: string
  readonly backend: string
  /** Migrations applied on the source (event store's and the caller's tables'): a restore needs them all. */
  readonly migrations: ReadonlyArray<string>
  /** The largest transaction id in the log (xid8, decimal): the restoring server must be past it (ADR 0016). */
  readonly maxTransactionId: string
  readonly tables: ReadonlyArray<{ readonly table: string; readonly rows: number }>
}

export interface SectionLine {
  readonly table: string
  readonly rows: number
}

export interface TrailerLine {
  readonly end: true
  readonly sha256: string
  readonly rows: number
}

/** A table a backup carries, and the key it is read in batches by (keyset pagination, typed for the index). */
export interface BackupTable {
  readonly table: string
  readonly key: ReadonlyArray<{ readonly column: string; readonly type: string }>
  /** Its identity column, if any: the sequence is moved past the restored values. */
  readonly identity?: string
}

/** The event store's own tables: the log, its streams and seals. Checkpoints and read models are rebuilt. */
export const storeTables: ReadonlyArray<BackupTable> = [
  { table: "es_streams", key: [{ column: "stream_id", type: "text" }] },
  { table: "es_events", key: [{ column: "global_position", type: "bigint" }], identity: "global_position" },
  { table: "es_seals", key: [{ column: "seal_number", type: "bigint" }] },
]

export class BackupError extends Error {
  readonly messageEn: string
  constructor(message: string, messageEn: string) {
    super(`${message} / ${messageEn}`)
    this.name = "BackupError"
    this.messageEn = messageEn
  }
}

/** What a long backup or restore reports: the step, and how far it is (`total` when known). */
export type BackupProgress = (step: string, done: number, total: number) => void
