import { PersonalData } from "@xkld/domain"
import { Result } from "effect"
import { sql, type Kysely } from "kysely"

/**
 * Person keys in the database, wrapped by the master key (never stored in clear). `delete` is erasure:
 * the log keeps the ciphertext, which nobody can open again.
 */
export class DbKeyRing implements PersonalData.KeyRing {
  readonly #db: Kysely<any>
  readonly #master: PersonalData.MasterKey

  constructor(db: Kysely<any>, master: PersonalData.MasterKey) {
    this.#db = db
    this.#master = master
  }

  readonly get = async (keyId: string): Promise<PersonalData.PersonKey | undefined> => {
    const { rows } = await sql<{
      wrapped_key: string
    }>`SELECT wrapped_key FROM pd_person_keys WHERE key_id = ${keyId}`.execute(this.#db)
    if (!rows[0]) return undefined
    const unwrapped = PersonalData.unwrapPersonKey(this.#master, JSON.parse(rows[0].wrapped_key))
    if (Result.isFailure(unwrapped)) throw unwrapped.failure
    return unwrapped.success
  }

  readonly put = async (personKey: PersonalData.PersonKey, trx?: Kysely<any>): Promise<void> => {
    const wrapped = JSON.stringify(PersonalData.wrapPersonKey(this.#master, personKey))
    await sql`INSERT INTO pd_person_keys (key_id, wrapped_key) VALUES (${personKey.keyId}, ${wrapped})
      ON CONFLICT (key_id) DO NOTHING`.execute(trx ?? this.#db)
  }

  /**
   * Erasure: the key and, in the same transaction, the person's place in name order (ADR 0024), which becomes
   * the place of every erased person (after all names). The key goes first: a name-order write holding the key
   * FOR SHARE finishes before, and the position it wrote is then replaced too.
   */
  readonly delete = async (keyId: string): Promise<void> => {
    await this.#db.transaction().execute(async (trx) => {
      await sql`DELETE FROM pd_person_keys WHERE key_id = ${keyId}`.execute(trx)
      await sql`UPDATE pd_name_order SET position = 'Infinity' WHERE key_id = ${keyId}`.execute(trx)
    })
  }
}
