import { loadDemo as loadDemoProvince } from "@xkld/demo"
import { PersonalData } from "@xkld/domain"
import { toStoreRecords } from "@xkld/projections"
import { sql } from "kysely"
import { ensureUser } from "../auth/users.ts"
import { now } from "../clock.ts"
import { masterKeyOf, type AppServices } from "../services.ts"

/** Person keys per INSERT: one statement instead of one round trip a key (5,437 keys took 3–12 s one by one). */
const KEYS_PER_STATEMENT = 1000

/** Demo mode: loads the demo province (`@xkld/demo`) into this application's log, read models and accounts. */
export const loadDemo = (services: AppServices, progress?: (line: string) => void, targetEvents?: number) =>
  loadDemoProvince(
    {
      log: services.log,
      readModels: services.models,
      ensureUser: (account) => ensureUser(services.log.database.db, account),
      putPersonKeys: (keys) => putPersonKeys(services, keys),
      indexKey: services.indexKey,
      now,
      toStoreRecords,
    },
    progress,
    targetEvents,
  )

/**
 * The generated people's keys, wrapped by the master key as `DbKeyRing.put` wraps them (same rows, same
 * `ON CONFLICT DO NOTHING`), in one transaction and a few set-based statements.
 */
const putPersonKeys = (services: AppServices, keys: ReadonlyArray<PersonalData.PersonKey>) => {
  const master = masterKeyOf(services.config)
  return services.log.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
      const chunk = keys.slice(i, i + KEYS_PER_STATEMENT)
      const wrapped = chunk.map((key) => JSON.stringify(PersonalData.wrapPersonKey(master, key)))
      await sql`INSERT INTO pd_person_keys (key_id, wrapped_key)
        SELECT * FROM unnest(${chunk.map((key) => key.keyId)}::text[], ${wrapped}::text[])
        ON CONFLICT (key_id) DO NOTHING`.execute(trx)
    }
  })
}
