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
  readonly close: () => Promise<void>
}
