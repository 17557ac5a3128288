import { loadDemo as loadDemoProvince } from "@xkld/demo"
import { toStoreRecords } from "@xkld/projections"
import { ensureUser } from "../auth/users.ts"
import { now } from "../clock.ts"
import type { AppServices } from "../services.ts"

/** Demo mode: loads the demo province (`@xkld/demo`) into this application's log, read models and accounts. */
export const loadDemo = (services: AppServices, progress?: (line: string) => void, targetEvents?: number) =>
  loadDemoProvince(
    {
      log: services.log,
      readModels: services.models,
      ensureUser: (account) => ensureUser(services.log.database.db, account),
      putPersonKeys: (keys) =>
        services.log.database.db.transaction().execute(async (trx) => {
          for (const key of keys) await services.keyRing.put(key, trx)
        }),
      indexKey: services.indexKey,
      now,
      toStoreRecords,
    },
    progress,
    targetEvents,
  )
