import { PersonalData } from "@xkld/domain"
import { Result } from "effect"
import { sql, type Kysely } from "kysely"

/**
 * Many person keys in one query (lists show up to 500 people). Keys that are missing were erased; a key that
 * does not unwrap under the master key is left out too (its envelopes read as unreadable, never as clear text).
 */
export async function personKeysOf(
  db: Kysely<any>,
  master: PersonalData.MasterKey,
  keyIds: ReadonlyArray<string>,
  /** Lock the key rows (FOR SHARE, in the caller's transaction): an erasure deleting one waits for it. */
  options: { readonly lock?: boolean } = {},
): Promise<ReadonlyMap<string, PersonalData.PersonKey>> {
  const keys = new Map<string, PersonalData.PersonKey>()
  if (keyIds.length === 0) return keys
  const { rows } = await sql<{ key_id: string; wrapped_key: string }>`SELECT key_id, wrapped_key FROM pd_person_keys
    WHERE key_id = ANY (${[...new Set(keyIds)]}::text[]) ${options.lock ? sql`FOR SHARE` : sql``}`.execute(db)
  for (const row of rows) {
    const key = unwrapStored(master, row.wrapped_key)
    if (key) keys.set(row.key_id, key)
  }
  return keys
}

/** A stored person key (`pd_person_keys.wrapped_key`) unwrapped; undefined when it does not unwrap. */
export function unwrapStored(master: PersonalData.MasterKey, wrapped: string): PersonalData.PersonKey | undefined {
  const unwrapped = PersonalData.unwrapPersonKey(master, JSON.parse(wrapped))
  return Result.isSuccess(unwrapped) ? unwrapped.success : undefined
}
