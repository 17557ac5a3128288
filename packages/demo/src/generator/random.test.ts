import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { dayOf, isoOf, Rng, weekdayOf } from "./random.ts"

describe("Rng", () => {
  it("repeats its sequence for a seed and differs between seeds and derived streams", () => {
    const draw = (rng: Rng) => Array.from({ length: 50 }, () => rng.uint32())
    expect(draw(new Rng("a"))).toEqual(draw(new Rng("a")))
    expect(draw(new Rng("a"))).not.toEqual(draw(new Rng("b")))
    expect(draw(Rng.derive("a", "x"))).not.toEqual(draw(Rng.derive("a", "y")))
  })

  it("draws within bounds and roughly uniformly", () => {
    const rng = new Rng("bounds")
    const counts = [0, 0, 0, 0, 0, 0]
    for (let i = 0; i < 60_000; i++) {
      const n = rng.int(1, 6)
      expect(n).toBeGreaterThanOrEqual(1)
      expect(n).toBeLessThanOrEqual(6)
      counts[n - 1]!++
      const x = rng.next()
      expect(x >= 0 && x < 1).toBe(true)
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500)
  })

  it("picks by weight and by chance", () => {
    const rng = new Rng("weights")
    let heads = 0
    const picks: Record<string, number> = { a: 0, b: 0, c: 0 }
    for (let i = 0; i < 20_000; i++) {
      if (rng.chance(0.3)) heads++
      picks[
        rng.weighted([
          ["a", 1],
          ["b", 3],
          ["c", 0],
        ] as const)
      ]!++
    }
    expect(heads / 20_000).toBeCloseTo(0.3, 1)
    expect(picks["c"]).toBe(0)
    expect(picks["b"]! / picks["a"]!).toBeGreaterThan(2.6)
    expect(picks["b"]! / picks["a"]!).toBeLessThan(3.4)
    expect(() => rng.pick([])).toThrow()
  })

  it("makes version-4-shaped UUIDs and dates in range", () => {
    const rng = new Rng("ids")
    const ids = new Set<string>()
    for (let i = 0; i < 1_000; i++) {
      const id = rng.uuid()
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      ids.add(id)
      const date = rng.date("2024-02-27", "2024-03-02")
      expect(date >= "2024-02-27" && date <= "2024-03-02").toBe(true)
    }
    expect(ids.size).toBe(1_000)
  })

  it("converts days and dates both ways (leap years included)", () => {
    expect(isoOf(dayOf("2024-02-29"))).toBe("2024-02-29")
    expect(dayOf("2024-03-01") - dayOf("2024-02-28")).toBe(2)
    expect(weekdayOf(dayOf("2025-07-01"))).toBe(2) // a Tuesday
  })
})

describe("the generator's sources", () => {
  it("never use Math.random, the clock or random bytes (output must depend on the seed only)", () => {
    const dir = new URL(".", import.meta.url)
    for (const file of readdirSync(dir).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "bench.ts",
    )) {
      const text = readFileSync(new URL(file, dir), "utf8")
      for (const forbidden of [
        "Math.random",
        "Date.now",
        "randomBytes",
        "randomUUID",
        "new Date()",
        "performance.now",
      ]) {
        expect(text.includes(forbidden), `${file} uses ${forbidden}`).toBe(false)
      }
    }
  })
})
