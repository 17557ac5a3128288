import type { Kysely } from "kysely"
import { Migrator } from "kysely/migration"
import { eventStoreMigrations, staticProvider } from "./migrations/index.ts"
import { StoreFailure } from "./errors.ts"

/**
 * Brings the schema to the latest version. Idempotent: applied migrations are recorded and skipped,
 * and the Migrator's lock makes concurrent starts safe.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<ReadonlyArray<string>> {
  const migrator = new Migrator({
    db,
    provider: staticProvider(eventStoreMigrations),
    migrationTableName: "es_migrations",
    migrationLockTableName: "es_migrations_lock",
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw new StoreFailure({ operation: "migrate", cause: error })
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName)
}
