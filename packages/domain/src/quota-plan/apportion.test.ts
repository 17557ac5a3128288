import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { apportion } from "./apportion.ts"

/** Shares in hundredths of a percent that sum exactly to 100,00%. */
const sharesSummingTo100 = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 80 })
  .filter((xs) => xs.some((x) => x > 0))
  .map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0)
    const hundredths = weights.map((w) => Math.floor((w * 10_000) / total))
    const missing = 10_000 - hundredths.reduce((a, b) => a + b, 0)
    hundredths[0] = (hundredths[0] ?? 0) + missing
    return hundredths
  })

const toShares = (hundredths: ReadonlyArray<number>) =>
  hundredths.map((h, i) => ({ key: String(i).padStart(5, "0"), name: `Xã ${i}`, share: h / 100 }))

const byKey = (r: ReturnType<typeof apportion>) => Object.fromEntries(r.quotas.map((q) => [q.key, q.quota]))

describe("apportion (largest remainder)", () => {
  it("always sums exactly to the target", () => {
    fc.assert(
      fc.property(sharesSummingTo100, fc.integer({ min: 0, max: 100_000 }), (hundredths, target) => {
        const result = apportion(target, toShares(hundredths))
        expect(result.quotas.reduce((s, q) => s + q.quota, 0)).toBe(target)
      }),
    )
  })

  it("moves no unit by one or more from its exact quota share × target", () => {
    fc.assert(
      fc.property(sharesSummingTo100, fc.integer({ min: 0, max: 100_000 }), (hundredths, target) => {
        const result = apportion(target, toShares(hundredths))
        result.quotas.forEach((q, i) => {
          const exact = ((hundredths[i] ?? 0) / 10_000) * target
          expect(Math.abs(q.quota - exact)).toBeLessThan(1)
        })
      }),
    )
  })

  it("sums to the target for shares that do not add up to 100 (used in proportion)", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 50 })
          .filter((xs) => xs.some((x) => x > 0)),
        fc.integer({ min: 0, max: 5000 }),
        (hundredths, target) => {
          const total = hundredths.reduce((a, b) => a + b, 0)
          const result = apportion(target, toShares(hundredths))
          expect(result.quotas.reduce((s, q) => s + q.quota, 0)).toBe(target)
          result.quotas.forEach((q, i) =>
            expect(Math.abs(q.quota - ((hundredths[i] ?? 0) * target) / total)).toBeLessThan(1),
          )
        },
      ),
    )
  })

  it("does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(
        sharesSummingTo100.chain((h) =>
          fc.tuple(fc.constant(h), fc.shuffledSubarray(toShares(h), { minLength: h.length })),
        ),
        fc.integer({ min: 0, max: 2000 }),
        ([hundredths, shuffled], target) => {
          expect(byKey(apportion(target, shuffled))).toEqual(byKey(apportion(target, toShares(hundredths))))
        },
      ),
    )
  })

  it("breaks ties by larger remainder, then larger share, then Vietnamese name order", () => {
    // Three equal shares, target 1: the seat goes to the first name in Vietnamese collation ("Đ" after "D").
    const tie = apportion(1, [
      { key: "3", name: "Xã Đoàn Kết", share: "1" },
      { key: "2", name: "Xã Dồm Cang", share: "1" },
      { key: "1", name: "Xã Yên Châu", share: "1" },
    ])
    expect(tie.quotas.map((q) => q.quota)).toEqual([0, 1, 0])
    // Same remainder (0,5 each), different shares: the larger share wins.
    const byShare = apportion(2, [
      { key: "a", name: "A", share: "1" },
      { key: "b", name: "B", share: "3" },
    ])
    expect(byShare.quotas.map((q) => q.quota)).toEqual([0, 2])
    const bigger = apportion(3, [
      { key: "a", name: "A", share: "50" },
      { key: "b", name: "B", share: "30" },
      { key: "c", name: "C", share: "20" },
    ])
    // exact 1,5 / 0,9 / 0,6 → floors 1/0/0, two seats left for remainders 0,9 and 0,6
    expect(bigger.quotas.map((q) => q.quota)).toEqual([1, 1, 1])
  })

  it("reports the difference from what a document printed", () => {
    const result = apportion(10, [
      { key: "a", share: "33,34", printed: 4 },
      { key: "b", share: "33,33", printed: 3 },
      { key: "c", share: "33,33", printed: 3 },
    ])
    expect(result.quotas.map((q) => q.quota)).toEqual([4, 3, 3])
    expect(result.differingFromPrinted).toEqual([])
    const off = apportion(10, [
      { key: "a", share: "50", printed: 6 },
      { key: "b", share: "50", printed: 5 },
    ])
    expect(off.differingFromPrinted.map((q) => [q.key, q.differenceFromPrinted])).toEqual([["a", -1]])
    expect(off.method).toBe("largest-remainder")
  })

  it("rejects impossible inputs", () => {
    expect(() => apportion(-1, [{ key: "a", share: 1 }])).toThrow(RangeError)
    expect(() => apportion(1.5, [{ key: "a", share: 1 }])).toThrow(RangeError)
    expect(() => apportion(5, [{ key: "a", share: 0 }])).toThrow(RangeError)
    expect(() => apportion(5, [{ key: "a", share: "abc" }])).toThrow(RangeError)
    expect(apportion(0, []).quotas).toEqual([])
  })
})
