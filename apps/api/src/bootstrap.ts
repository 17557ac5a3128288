import { openDatabase, openEventLog, type Database } from "@xkld/event-store"
import { createReadModels } from "@xkld/projections"
import { authenticator } from "./auth/routes.ts"
import type { AppConfig } from "./config.ts"
import { DbKeyRing } from "./personal-data/db-key-ring.ts"
import { registerNameOrder, startNameOrder } from "./personal-data/name-order/indexer.ts"
import { withCachedFigures } from "./read-cache/cached-models.ts"
import { wakingLog } from "./read-cache/wakes.ts"
import { masterKeyOf, type AppServices } from "./services.ts"
import { migrateApi } from "./storage/migrations.ts"

export type RunningServices = AppServices & { readonly close: () => Promise<void> }

/** Migrates the API's tables and starts the read models over an opened database: the services every route uses. */
export async function servicesOver(config: AppConfig, database: Database): Promise<RunningServices> {
  await migrateApi(database.owner)
  // Demo history is recorded as if entered over time; outside demo mode only the database's clock counts.
  // Its own appends wake what is read from memory at once (ADR 0030).
  const log = wakingLog(await openEventLog(database, { allowRecordedAt: config.mode === "demo" }))
  // Hot figures from memory, held to the read models' position (issue 12, ADR 0024).
  const models = withCachedFigures(createReadModels(log), log)
  await models.runner.start()
  // After a bulk pass the name order refreshes its statistics and the registry's, which a page joins (ADR 0030).
  const nameOrder = startNameOrder(log, masterKeyOf(config), {
    analyze: async () => {
      await models.runner.caughtUp()
      return [models.runner.tablesOf("workers").registry!]
    },
  })
  registerNameOrder(log, nameOrder)
  return {
    config,
    log,
    models,
    keyRing: new DbKeyRing(database.db, masterKeyOf(config)),
    indexKey: Buffer.from(config.indexKey, "base64"),
    authenticate: authenticator({ log }),
    close: async () => {
      await nameOrder.stop()
      await models.runner.stop()
      await log.close()
    },
  }
}

/** Opens the configured database (PostgreSQL or the embedded PGlite) and starts the services. */
export const startServices = async (config: AppConfig): Promise<RunningServices> =>
  servicesOver(config, await openDatabase(config.database))
