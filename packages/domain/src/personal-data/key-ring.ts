import { Result } from "effect"
import {
  openPersonal,
  unwrapPersonKey,
  wrapPersonKey,
  type MasterKey,
  type PersonKey,
  type SealedPersonal,
  type WrappedPersonKey,
} from "./envelope.ts"
import type { Schema } from "effect"
import type { PersonalDataErased, PersonalDataUnreadable } from "./errors.ts"

/**
 * Where person keys live. Erasure of a person = `delete(keyId)`: the events keep their ciphertext,
 * which nobody can open any more. The database-backed ring stores wrapped keys only.
 */
export interface KeyRing {
  readonly get: (keyId: string) => Promise<PersonKey | undefined>
  readonly put: (personKey: PersonKey) => Promise<void>
  readonly delete: (keyId: string) => Promise<void>
}

/** In-memory key ring for tests and examples; keeps keys wrapped by the master key, like the real one. */
export class InMemoryKeyRing implements KeyRing {
  readonly #master: MasterKey
  readonly #wrapped = new Map<string, WrappedPersonKey>()

  constructor(master: MasterKey) {
    this.#master = master
  }

  readonly get = async (keyId: string): Promise<PersonKey | undefined> => {
    const wrapped = this.#wrapped.get(keyId)
    if (wrapped === undefined) return undefined
    const unwrapped = unwrapPersonKey(this.#master, wrapped)
    if (Result.isFailure(unwrapped)) throw unwrapped.failure
    return unwrapped.success
  }

  readonly put = async (personKey: PersonKey): Promise<void> => {
    this.#wrapped.set(personKey.keyId, wrapPersonKey(this.#master, personKey))
  }

  readonly delete = async (keyId: string): Promise<void> => {
    this.#wrapped.delete(keyId)
  }

  /** What is actually stored: wrapped keys only (for tests that check no key is kept in clear). */
  readonly stored = (): ReadonlyArray<WrappedPersonKey> => [...this.#wrapped.values()]
}

/** Opens an envelope with the key from a ring; a deleted key yields `PersonalDataErased`. */
export const openWithKeyRing = async <A>(
  ring: KeyRing,
  sealed: SealedPersonal,
  schema: Schema.Decoder<A>,
): Promise<Result.Result<A, PersonalDataErased | PersonalDataUnreadable>> =>
  openPersonal(await ring.get(sealed.keyId), sealed, schema)
