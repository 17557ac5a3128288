import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { DeterministicSealer, GeneratorCrypto, generatedPersonKey, keysFromSeed } from "./keys.ts"
import { ethnicGroups, ethnicShares, generateName, pickEthnicGroup, villageNames } from "./names.ts"
import { Rng } from "./random.ts"
import { PersonalData } from "@xkld/domain"
const { blindIndex, generatePersonKey, openPersonal } = PersonalData

describe("names", () => {
  it("are NFC with family, middle and given names; Thái and Mông families look like the north-west", () => {
    const rng = new Rng("names")
    const families: Record<string, Set<string>> = {}
    for (const group of ethnicGroups) {
      families[group] = new Set()
      for (let i = 0; i < 300; i++) {
        const name = generateName(rng, group, i % 2 === 0 ? "male" : "female")
        expect(name.fullName).toBe(name.fullName.normalize("NFC"))
        expect(name.fullName).toBe(`${name.family} ${name.middle} ${name.given}`)
        expect(name.fullName).not.toMatch(/\s{2}|^\s|\s$/)
        families[group]!.add(name.family)
      }
    }
    expect([...families["Thái"]!]).toEqual(expect.arrayContaining(["Lò", "Lường", "Cầm", "Quàng", "Vì"]))
    expect([...families["Mông"]!]).toEqual(expect.arrayContaining(["Giàng", "Sùng", "Vàng", "Thào"]))
    expect([...families["Kinh"]!]).toContain("Nguyễn")
    for (const village of villageNames) expect(village).toBe(village.normalize("NFC"))
  })

  it("female Thái names take 'Thị', male Mông names mostly 'A'", () => {
    const rng = new Rng("middles")
    const thai = Array.from({ length: 200 }, () => generateName(rng, "Thái", "female"))
    expect(thai.filter((n) => n.middle === "Thị").length).toBeGreaterThan(170)
    const mong = Array.from({ length: 200 }, () => generateName(rng, "Mông", "male"))
    expect(mong.filter((n) => n.middle === "A").length).toBeGreaterThan(100)
  })

  it("ethnic shares sum to about 100% and are drawn in proportion (Sơn La: Thái about half)", () => {
    for (const shares of Object.values(ethnicShares)) {
      const total = shares.reduce((sum, [, s]) => sum + s, 0)
      expect(total).toBeGreaterThan(97)
      expect(total).toBeLessThanOrEqual(100.5)
    }
    const rng = new Rng("groups")
    const counts: Record<string, number> = {}
    for (let i = 0; i < 10_000; i++) {
      const g = pickEthnicGroup(rng, "14")
      counts[g] = (counts[g] ?? 0) + 1
    }
    expect(counts["Thái"]! / 10_000).toBeGreaterThan(0.5)
    expect(counts["Thái"]! / 10_000).toBeLessThan(0.57)
    expect(counts["Mông"]! / 10_000).toBeGreaterThan(0.13)
    expect(pickEthnicGroup(new Rng("lc"), "15")).toBeDefined()
  })
})

describe("generator keys", () => {
  it("derive the same person key every time, and the blind index of personal-data", () => {
    const keys = keysFromSeed("k")
    const crypto = new GeneratorCrypto(keys)
    expect(crypto.personKey("w-1")).toEqual(generatedPersonKey(keys.masterKey, "w-1"))
    expect(crypto.personKey("w-1").keyId).not.toBe(crypto.personKey("w-2").keyId)
    expect(crypto.blindIndex("14", "014 203 001234")).toBe(blindIndex(keys.indexKey, "14", "014203001234"))
    expect(keysFromSeed("k")).toEqual(keys)
    expect(keysFromSeed("other").masterKey).not.toEqual(keys.masterKey)
  })

  it("seal deterministically, with distinct IVs, into envelopes openPersonal opens", () => {
    const key = generatedPersonKey(keysFromSeed("k").masterKey, "w-1")
    const a = new DeterministicSealer(key)
    const b = new DeterministicSealer(key)
    const first = a.seal({ fullName: "Lò Thị Xuân" })
    expect(b.seal({ fullName: "Lò Thị Xuân" })).toEqual(first)
    const second = a.seal({ fullName: "Lò Thị Xuân" })
    expect(second.iv).not.toBe(first.iv)
    const opened = openPersonal(key, second)
    expect(Result.isSuccess(opened) && opened.success).toEqual({ fullName: "Lò Thị Xuân" })
    expect(Result.isFailure(openPersonal(generatePersonKey(), first))).toBe(true)
  })
})
