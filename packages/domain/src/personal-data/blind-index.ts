import { createHmac, randomBytes } from "node:crypto"
import { normaliseCitizenId } from "./citizen-id.ts"

/**
 * Keyed blind index of a citizen ID within one province: HMAC-SHA256(indexKey, "<province>:<12 digits>"), hex.
 * Equal numbers give equal indexes, so the store can refuse a second registration of the same person in a province
 * without ever holding the number in clear. The index key is a secret separate from the master key: the ID space
 * is small (10^6 numbers per birth province, sex and year), so anyone holding the index key can test guesses.
 */
export const blindIndex = (indexKey: Uint8Array, provinceCode: string, citizenId: string): string =>
  createHmac("sha256", indexKey)
    .update(`${provinceCode}:${normaliseCitizenId(citizenId)}`, "utf8")
    .digest("hex")

export const generateIndexKey = (): Uint8Array => randomBytes(32)
