import type { Kysely } from "kysely"
import { Migrator } from "kysely/migration"
import { eventStoreMigrations, staticProvider } from "./migrations/index.ts"
import { StoreFailure } from "./errors.ts"

/**
 * Brings the schema to the latest version. Idempotent: applied migrations are recorded and skipped,
 * and the Migrator's lock makes concurrent starts safe.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<ReadonlyArray<string>> {
  const { error, results } = await migratorOf(db).migrateToLatest()
  if (error) throw new StoreFailure({ operation: "migrate", cause: error })
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName)
}

/** Names of the store's migrations not applied to this database (readiness: the schema is current when empty). */
export async function pendingMigrations(db: Kysely<any>): Promise<ReadonlyArray<string>> {
  const all = await migratorOf(db).getMigrations()
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name)
}

const migratorOf = (db: Kysely<any>) =>
  new Migrator({
    db,
    provider: staticProvider(eventStoreMigrations),
    migrationTableName: "es_migrations",
    migrationLockTableName: "es_migrations_lock",
  })
