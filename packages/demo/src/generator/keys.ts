import { createCipheriv, createHash, createHmac, createSecretKey, type KeyObject } from "node:crypto"
import { PersonalData } from "@xkld/domain"
const { normaliseCitizenId } = PersonalData
type PersonKey = PersonalData.PersonKey
type SealedPersonal = PersonalData.SealedPersonal

/**
 * Deterministic key material and sealing for generated history. The app seals with random IVs
 * (`sealPersonal`); a generator must give byte-identical output for the same seed, so here the person key is
 * derived from the master key and the worker id, and the IV is a per-key counter (unique per key, as AES-GCM
 * requires). The envelopes have exactly the shape and associated data of `sealPersonal`, so `openPersonal`
 * opens them with the same person key.
 */

export interface GeneratorKeys {
  /** Derives the person keys (HMAC-SHA256(masterKey, workerId)). */
  readonly masterKey: Uint8Array
  /** Keys the blind index of citizen IDs. */
  readonly indexKey: Uint8Array
}

/** Keys derived from the seed when none are given (never use these outside demos and tests). */
export const keysFromSeed = (seed: string): GeneratorKeys => ({
  masterKey: createHash("sha256").update(`xkld/generator/master/${seed}`).digest(),
  indexKey: createHash("sha256").update(`xkld/generator/index/${seed}`).digest(),
})

const uuidOfHex = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Number.parseInt(hex[16]!, 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`

const personKeyWith = (masterKey: KeyObject | Uint8Array, workerId: string): PersonKey => {
  // One HMAC-SHA512: the first 32 bytes are the key, the next 16 name it.
  const bytes = createHmac("sha512", masterKey).update(`xkld/generator/person-key/${workerId}`).digest()
  return { keyId: uuidOfHex(bytes.subarray(32, 48).toString("hex")), key: bytes.subarray(0, 32) }
}

/** The person key of a generated worker: what a demo puts into its key ring to read the generated history. */
export const generatedPersonKey = (masterKey: Uint8Array, workerId: string): PersonKey =>
  personKeyWith(masterKey, workerId)

/**
 * The generator's keys as crypto key objects: turning raw bytes into a key on every HMAC or cipher costs more
 * than the operation itself, and the generator does it several times per worker.
 */
export class GeneratorCrypto {
  readonly #master: KeyObject
  readonly #index: KeyObject

  constructor(keys: GeneratorKeys) {
    this.#master = createSecretKey(keys.masterKey)
    this.#index = createSecretKey(keys.indexKey)
  }

  personKey(workerId: string): PersonKey {
    return personKeyWith(this.#master, workerId)
  }

  /** Same value as `blindIndex(indexKey, provinceCode, citizenId)` of personal-data. */
  blindIndex(provinceCode: string, citizenId: string): string {
    return createHmac("sha256", this.#index)
      .update(`${provinceCode}:${normaliseCitizenId(citizenId)}`, "utf8")
      .digest("hex")
  }
}

const aadOf = (keyId: string) => Buffer.from(`xkld/personal/v1:${keyId}`, "utf8")

/** Seals values with one person key; the n-th envelope uses IV = n (big-endian, 12 bytes). */
export class DeterministicSealer {
  readonly #keyId: string
  readonly #key: KeyObject
  readonly #aad: Buffer
  #counter = 0

  constructor(key: PersonKey) {
    this.#keyId = key.keyId
    this.#key = createSecretKey(key.key)
    this.#aad = aadOf(key.keyId)
  }

  seal(value: unknown): SealedPersonal {
    const iv = Buffer.alloc(12)
    iv.writeUInt32BE(++this.#counter, 8)
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv)
    cipher.setAAD(this.#aad)
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()])
    return {
      keyId: this.#keyId,
      iv: iv.toString("base64"),
      ciphertext: ciphertext.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
    }
  }
}
