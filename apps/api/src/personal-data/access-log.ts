import { sql, type Kysely } from "kysely"
import type { Actor } from "../access/actor.ts"

/** Why identifying data was decrypted; stored as is in `pd_access_log.purpose`. */
export type AccessPurpose = "list" | "detail" | "departure-age-check"

/**
 * Records reads of identifying data: one row per worker whose identity was decrypted for this actor
 * (who, whose, when, why). The table is append-only (a trigger refuses updates and deletes).
 */
export async function recordAccess(
  db: Kysely<any>,
  actor: Pick<Actor, "userId" | "role">,
  workerIds: ReadonlyArray<string>,
  purpose: AccessPurpose,
): Promise<void> {
  if (workerIds.length === 0) return
  const rows = workerIds.map((workerId) => sql`(${actor.userId}, ${actor.role}, ${workerId}, ${purpose})`)
  await sql`INSERT INTO pd_access_log (user_id, role, worker_id, purpose) VALUES ${sql.join(rows)}`.execute(db)
}
