import { PGlite } from "@electric-sql/pglite"
import { Kysely, PGliteDialect } from "kysely"
import { migrateToLatest } from "../migrate.ts"
import type { Database } from "./database.ts"

export interface PgliteOptions {
  /** A directory on disk (data survives restarts); memory only when absent. */
  readonly dataDir?: string | undefined
}

/**
 * The embedded default (ADR 0002). One connection: Kysely serialises its use, so a query on `db`
 * while a transaction is open waits for that transaction instead of joining it.
 * There is a single user here, so `owner` and `db` are the same; the triggers still forbid changes.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  const pglite = options.dataDir ? new PGlite(options.dataDir) : new PGlite()
  await pglite.waitReady
  const db = new Kysely<any>({ dialect: new PGliteDialect({ pglite }) })
  await migrateToLatest(db)
  return {
    backend: "pglite",
    db,
    owner: db,
    listen: async (channel, onNotify) => pglite.listen(channel, () => onNotify()),
    close: () => db.destroy(),
  }
}
