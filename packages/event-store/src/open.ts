import type { Database } from "./backends/database.ts"
import { openPglite } from "./backends/pglite.ts"
import { openPostgres } from "./backends/postgres.ts"

export interface DatabaseConfig {
  /** PostgreSQL when set; the embedded PGlite otherwise. */
  readonly databaseUrl?: string | undefined
  /** PostgreSQL: how the application connects as its own LOGIN role (ADR 0008); derived when absent. */
  readonly appDatabaseUrl?: string | undefined
  /** PGlite's data directory; memory only when absent. */
  readonly dataDir?: string | undefined
}

/** Opens the configured backend and brings its schema to the latest migration. */
export const openDatabase = (config: DatabaseConfig): Promise<Database> =>
  config.databaseUrl
    ? openPostgres({ connectionString: config.databaseUrl, appConnectionString: config.appDatabaseUrl })
    : openPglite({ dataDir: config.dataDir })
