import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { generateMasterKey, generatePersonKey, sealPersonal } from "./envelope.ts"
import { InMemoryKeyRing, openWithKeyRing } from "./key-ring.ts"

const Name = Schema.Struct({ fullName: Schema.String })

describe("key ring and erasure", () => {
  it("stores keys wrapped only, opens envelopes, and after delete the data is erased for good", async () => {
    const ring = new InMemoryKeyRing(generateMasterKey())
    const key = generatePersonKey()
    await ring.put(key)
    expect(JSON.stringify(ring.stored())).not.toContain(Buffer.from(key.key).toString("base64"))
    const sealed = sealPersonal(key, { fullName: "Giàng Thị Mai" })
    expect(await openWithKeyRing(ring, sealed, Name)).toEqual(Result.succeed({ fullName: "Giàng Thị Mai" }))

    await ring.delete(key.keyId)
    const after = await openWithKeyRing(ring, sealed, Name)
    expect(Result.isFailure(after) && after.failure._tag).toBe("PersonalDataErased")
    expect(await ring.get(key.keyId)).toBeUndefined()
  })

  it("erasing one person leaves another readable", async () => {
    const ring = new InMemoryKeyRing(generateMasterKey())
    const a = generatePersonKey()
    const b = generatePersonKey()
    await ring.put(a)
    await ring.put(b)
    await ring.delete(a.keyId)
    const sealedB = sealPersonal(b, { fullName: "Vàng A Dình" })
    expect(Result.isSuccess(await openWithKeyRing(ring, sealedB, Name))).toBe(true)
  })
})
