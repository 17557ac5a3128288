import type { Kysely } from "kysely"

export type BackendName = "pglite" | "postgres"

/**
 * An opened database: `db` runs as the application role (append and read, never change the log);
 * `owner` runs as the migrating user (migrations, operator tools, tests that play the superuser).
 * On PGlite both share the one connection and differ by `SET ROLE`.
 */
export interface Database {
  readonly backend: BackendName
  readonly db: Kysely<any>
  readonly owner: Kysely<any>
  /** Runs `LISTEN channel` and calls back on each notification; returns an unlisten function. */
  readonly listen: (channel: string, onNotify: () => void) => Promise<() => Promise<void>>
  /** PostgreSQL: the application pool's connections now (for metrics); absent on PGlite's single connection. */
  readonly poolStats?: () => PoolStats
  readonly close: () => Promise<void>
}

export interface PoolStats {
  readonly total: number
  readonly idle: number
  /** Requests waiting for a connection. */
  readonly waiting: number
  readonly max: number
}
