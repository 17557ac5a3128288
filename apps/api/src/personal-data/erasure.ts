import { sql } from "kysely"
import type { Actor } from "../access/actor.ts"
import type { AppServices } from "../services.ts"

export interface ErasureRecord {
  readonly keyId: string
  readonly erasedBy: string
  readonly reason: string
  readonly erasedAt: string
}

/** The erasure of a person key, if it was erased. */
export async function erasureOf(services: AppServices, keyId: string): Promise<ErasureRecord | undefined> {
  const { rows } = await sql<{
    key_id: string
    erased_by: string
    reason: string
    erased_at: Date | string
  }>`SELECT key_id,
    erased_by, reason, erased_at FROM pd_erasures WHERE key_id = ${keyId}`.execute(services.log.database.db)
  const row = rows[0]
  return (
    row && {
      keyId: row.key_id,
      erasedBy: row.erased_by,
      reason: row.reason,
      erasedAt: new Date(row.erased_at).toISOString(),
    }
  )
}

/**
 * Right to erasure (crypto-shredding, ADR 0007): records who erased whom and why, then deletes the person key.
 * Every envelope sealed with it (identity, health, record content) becomes unreadable for good; the
 * statistical attributes in clear, and so every figure, stay as they were. Erasing twice changes nothing.
 */
export async function erasePersonKey(
  services: AppServices,
  actor: Actor,
  keyId: string,
  reason: string,
): Promise<{ readonly record: ErasureRecord; readonly alreadyErased: boolean }> {
  const previous = await erasureOf(services, keyId)
  if (previous) {
    await services.keyRing.delete(keyId) // in case an earlier attempt stopped between the two steps
    return { record: previous, alreadyErased: true }
  }
  await sql`INSERT INTO pd_erasures (key_id, erased_by, reason) VALUES (${keyId}, ${actor.userId}, ${reason})
    ON CONFLICT (key_id) DO NOTHING`.execute(services.log.database.db)
  await services.keyRing.delete(keyId)
  return { record: (await erasureOf(services, keyId))!, alreadyErased: false }
}
