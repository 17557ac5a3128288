import { openDatabase, openEventLog } from "@xkld/event-store"
import { createReadModels } from "@xkld/projections"
import { authenticator } from "./auth/routes.ts"
import type { AppConfig } from "./config.ts"
import { DbKeyRing } from "./personal-data/db-key-ring.ts"
import { masterKeyOf, type AppServices } from "./services.ts"
import { migrateApi } from "./storage/migrations.ts"

/** Opens the database, migrates, starts the read models: the services every route uses. */
export async function startServices(config: AppConfig): Promise<AppServices & { close: () => Promise<void> }> {
  const database = await openDatabase(config.database)
  await migrateApi(database.owner)
  // Demo history is recorded as if entered over time; outside demo mode only the database's clock counts.
  const log = await openEventLog(database, { allowRecordedAt: config.mode === "demo" })
  const models = createReadModels(log)
  await models.runner.start()
  const services: AppServices = {
    config,
    log,
    models,
    keyRing: new DbKeyRing(database.db, masterKeyOf(config)),
    indexKey: Buffer.from(config.indexKey, "base64"),
    authenticate: authenticator({ log }),
  }
  return {
    ...services,
    close: async () => {
      await models.runner.stop()
      await log.close()
    },
  }
}
