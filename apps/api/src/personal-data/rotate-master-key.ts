import { PersonalData } from "@xkld/domain"
import { Result } from "effect"
import { sql, type Kysely } from "kysely"

const BATCH = 500

export class MasterKeyRotationFailed extends Error {
  readonly keyId: string
  constructor(keyId: string) {
    super(`person key ${keyId} does not open with the current master key`)
    this.keyId = keyId
  }
}

/**
 * Re-wraps every person's data key under a new master key, in ONE transaction: a key that does not open under the
 * current master key, an error or an interruption (`signal`) leaves every key as it was. The log is untouched: its
 * personal fields are sealed with the person keys, which do not change (ADR 0007). Returns how many were re-wrapped.
 */
export async function rotateMasterKey(
  owner: Kysely<any>,
  current: PersonalData.MasterKey,
  next: PersonalData.MasterKey,
  options: { readonly onProgress?: (done: number, total: number) => void; readonly signal?: AbortSignal } = {},
): Promise<number> {
  return owner.transaction().execute(async (trx) => {
    const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pd_person_keys`.execute(trx)).rows[0]!.n)
    let done = 0
    let after = ""
    for (;;) {
      options.signal?.throwIfAborted()
      const { rows } = await sql<{ key_id: string; wrapped_key: string }>`SELECT key_id, wrapped_key
        FROM pd_person_keys WHERE key_id > ${after} ORDER BY key_id LIMIT ${BATCH} FOR UPDATE`.execute(trx)
      if (rows.length === 0) break
      const rewrapped = rows.map((row) => {
        const opened = PersonalData.unwrapPersonKey(current, JSON.parse(row.wrapped_key))
        if (Result.isFailure(opened)) throw new MasterKeyRotationFailed(row.key_id)
        return { keyId: row.key_id, wrapped: JSON.stringify(PersonalData.wrapPersonKey(next, opened.success)) }
      })
      await sql`UPDATE pd_person_keys AS k SET wrapped_key = v.wrapped
        FROM unnest(${rewrapped.map((r) => r.keyId)}::text[], ${rewrapped.map((r) => r.wrapped)}::text[]) AS v(key_id, wrapped)
        WHERE k.key_id = v.key_id`.execute(trx)
      done += rows.length
      after = rows[rows.length - 1]!.key_id
      options.onProgress?.(done, total)
    }
    return done
  })
}
