import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  generateMasterKey,
  generatePersonKey,
  masterKeyFromBase64,
  openPersonal,
  sealPersonal,
  unwrapPersonKey,
  wrapPersonKey,
} from "./envelope.ts"

const identity = { fullName: "Lò Văn Minh", citizenId: "014098001234", dateOfBirth: "1998-05-20" }
const Identity = Schema.Struct({ fullName: Schema.String, citizenId: Schema.String, dateOfBirth: Schema.String })

describe("envelope encryption", () => {
  it("seals without the plaintext appearing and opens back to the same value", () => {
    const key = generatePersonKey()
    const sealed = sealPersonal(key, identity)
    const stored = JSON.stringify(sealed)
    expect(stored).not.toContain("Minh")
    expect(stored).not.toContain("014098001234")
    expect(Buffer.from(sealed.iv, "base64")).toHaveLength(12)
    expect(openPersonal(key, sealed, Identity)).toEqual(Result.succeed(identity))
  })

  it("uses a fresh IV each time", () => {
    const key = generatePersonKey()
    expect(sealPersonal(key, identity).ciphertext).not.toBe(sealPersonal(key, identity).ciphertext)
  })

  it("an erased (missing) key gives PersonalDataErased", () => {
    const sealed = sealPersonal(generatePersonKey(), identity)
    const result = openPersonal(undefined, sealed)
    expect(Result.isFailure(result) && result.failure._tag).toBe("PersonalDataErased")
  })

  it("another person's key, or a tampered ciphertext, gives PersonalDataUnreadable", () => {
    const key = generatePersonKey()
    const sealed = sealPersonal(key, identity)
    const other = generatePersonKey()
    const wrongKey = openPersonal({ keyId: key.keyId, key: other.key }, sealed)
    expect(Result.isFailure(wrongKey) && wrongKey.failure._tag).toBe("PersonalDataUnreadable")
    const bytes = Buffer.from(sealed.ciphertext, "base64")
    bytes[0] = (bytes[0] ?? 0) ^ 1
    const tampered = openPersonal(key, { ...sealed, ciphertext: bytes.toString("base64") })
    expect(Result.isFailure(tampered) && tampered.failure._tag).toBe("PersonalDataUnreadable")
    // an envelope relabelled with another key id fails too (key id is authenticated)
    const relabelled = openPersonal(other, { ...sealed, keyId: other.keyId })
    expect(Result.isFailure(relabelled)).toBe(true)
  })

  it("a plaintext that does not match the schema is unreadable, not silently accepted", () => {
    const key = generatePersonKey()
    const result = openPersonal(key, sealPersonal(key, { fullName: 1 }), Identity)
    expect(Result.isFailure(result) && result.failure._tag).toBe("PersonalDataUnreadable")
  })

  it("wraps a person key under the master key and unwraps it", () => {
    const master = generateMasterKey("m1")
    const key = generatePersonKey()
    const wrapped = wrapPersonKey(master, key)
    expect(wrapped.ciphertext).not.toBe(Buffer.from(key.key).toString("base64"))
    const unwrapped = unwrapPersonKey(master, wrapped)
    expect(Result.isSuccess(unwrapped) && Buffer.from(unwrapped.success.key).equals(Buffer.from(key.key))).toBe(true)
    expect(Result.isFailure(unwrapPersonKey(generateMasterKey("m1"), wrapped))).toBe(true)
    expect(Result.isFailure(unwrapPersonKey(generateMasterKey("m2"), wrapped))).toBe(true)
  })

  it("reads a configured master key and refuses a wrong size", () => {
    const raw = Buffer.alloc(32, 7).toString("base64")
    expect(masterKeyFromBase64("prod", raw).key).toHaveLength(32)
    expect(() => masterKeyFromBase64("prod", Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/)
  })
})
