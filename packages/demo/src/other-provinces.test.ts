import { describe, expect, it } from "vitest"
import { generateHistory, type GeneratedAppend } from "./generator/index.ts"
import { mergeByRecordedAt } from "./record-history.ts"

/**
 * The demo's other provinces (load.ts): a second generation adds Lai Châu's and Lào Cai's workers over the first
 * one's enterprises, without the catalogue or the enterprises again, and the two merge in recorded order.
 */
const ALL = ["12", "14", "15"] as const
const first = [
  ...generateHistory({ seed: "demo-test", targetEvents: 3000, provinces: ["14"], enterpriseProvinces: ALL }),
]
const second = [
  ...generateHistory({
    seed: "demo-test/others",
    enterpriseSeed: "demo-test",
    targetEvents: 1500,
    provinces: ["12", "15"],
    enterpriseProvinces: ALL,
    systemAppends: false,
  }),
]
const enterprisesOf = (appends: ReadonlyArray<GeneratedAppend>) =>
  new Set(
    appends.flatMap((a) =>
      a.events.flatMap((e) => {
        const id = (e.data as { enterpriseId?: string }).enterpriseId
        return e.type === "WorkerContractSigned" && id ? [id] : []
      }),
    ),
  )

describe("a second generation for other provinces", () => {
  it("yields only workers and their registration claims, about the events asked for", () => {
    expect(new Set(second.map((a) => a.streamType))).toEqual(new Set(["Worker", "PersonRegistration"]))
    const events = second.reduce((n, a) => n + a.events.length, 0)
    expect(events).toBeGreaterThanOrEqual(1500)
    expect(events).toBeLessThan(1700)
  })

  it("registers its workers in Lai Châu and Lào Cai, under contracts of the first generation's enterprises", () => {
    const provinces = new Set(
      second.flatMap((a) =>
        a.events.flatMap((e) =>
          e.type === "WorkerRegistered" ? [(e.data as { provinceCode: string }).provinceCode] : [],
        ),
      ),
    )
    expect(provinces).toEqual(new Set(["12", "15"]))
    const known = new Set(
      first
        .filter((a) => a.streamType === "Enterprise")
        .flatMap((a) => a.events.map((e) => (e.data as { enterpriseId: string }).enterpriseId)),
    )
    expect(known.size).toBeGreaterThan(20)
    const used = enterprisesOf(second)
    expect(used.size).toBeGreaterThan(0)
    for (const id of used) expect(known.has(id), id).toBe(true)
  })

  it("merges with the first in recorded-time order, a command's appends together, nothing lost", () => {
    const merged = [...mergeByRecordedAt(first, second)]
    expect(merged).toHaveLength(first.length + second.length)
    for (let i = 1; i < merged.length; i++) {
      expect(
        merged[i]!.recordedAt >= merged[i - 1]!.recordedAt || merged[i]!.commandId === merged[i - 1]!.commandId,
      ).toBe(true)
    }
    const streams = new Set(first.map((a) => a.streamId))
    expect(second.some((a) => streams.has(a.streamId))).toBe(false) // no stream of one is a stream of the other
  })
})
