import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { buildCatalogue } from "../catalogue.ts"
import { AdminUnitEvent } from "../events.ts"
import { adminUnitId } from "../ids.ts"
import { districtsOf, predecessors, successorsToday, unitOn, unitsOf } from "../queries.ts"
import { loadBundledAdminUnitEvents } from "./read-bundled.ts"

const events = loadBundledAdminUnitEvents()
const catalogue = buildCatalogue(events)
const oldId = (province: string, code: string) => adminUnitId({ provinceCode: province, code, validFrom: null })
const newId = (province: string, code: string) => adminUnitId({ provinceCode: province, code, validFrom: "2025-07-01" })
const oldCommuneIds = events.flatMap((e) =>
  e._tag === "AdminUnitEstablished" && e.validFrom === null && ["commune", "ward", "township"].includes(e.kind)
    ? [e.unitId]
    : [],
)

describe("bundled admin-unit data (Sơn La, Lai Châu, Lào Cai with Yên Bái)", () => {
  it("gives Sơn La exactly 75 units on 2026-01-01, including Phường Tô Hiệu and Phường Chiềng An", () => {
    const sonLa = unitsOf(catalogue, "14", "2026-01-01").map((u) => u.name)
    expect(sonLa).toHaveLength(75)
    expect(sonLa).toContain("Phường Tô Hiệu")
    expect(sonLa).toContain("Phường Chiềng An")
  })

  it("gives the new Lào Cai 99 units and Lai Châu 38", () => {
    expect(unitsOf(catalogue, "15", "2026-01-01")).toHaveLength(99)
    expect(unitsOf(catalogue, "12", "2026-01-01")).toHaveLength(38)
  })

  it("had 200 communes in Sơn La before 1 July 2025", () => {
    expect(unitsOf(catalogue, "14", "2025-06-30")).toHaveLength(200)
  })

  it("knows 03646 as Phường Chiềng Lề on 2025-06-30 and Phường Tô Hiệu on 2025-07-01", () => {
    expect(unitOn(catalogue, "03646", "2025-06-30").map((u) => u.name)).toEqual(["Phường Chiềng Lề"])
    expect(unitOn(catalogue, "03646", "2025-07-01").map((u) => u.name)).toEqual(["Phường Tô Hiệu"])
  })

  it("knows code 15 as Yên Bái until 30 June 2025 and as the new Lào Cai after; code 10 ends", () => {
    expect(unitOn(catalogue, "15", "2025-06-30").map((u) => u.name)).toEqual(["Tỉnh Yên Bái"])
    expect(unitOn(catalogue, "15", "2025-07-01").map((u) => u.name)).toEqual(["Tỉnh Lào Cai"])
    expect(unitOn(catalogue, "10", "2025-07-01")).toEqual([])
    expect(successorsToday(catalogue, oldId("10", "10"))).toEqual([
      { unitId: newId("15", "15"), share: 1, viaSplit: false },
    ])
    expect(
      predecessors(catalogue, newId("15", "15"))
        .map((p) => p.unitId)
        .toSorted(),
    ).toEqual([oldId("10", "10"), oldId("15", "15")])
  })

  it("passes every old commune of the four old provinces on in full (shares sum to 1)", () => {
    expect(oldCommuneIds).toHaveLength(625)
    for (const id of oldCommuneIds) {
      const successors = successorsToday(catalogue, id, "2026-01-01")
      expect(successors.length, id).toBeGreaterThan(0)
      expect(
        successors.reduce((total, s) => total + s.share, 0),
        id,
      ).toBeCloseTo(1, 9)
      expect(
        successors.every((s) => s.unitId.endsWith("/2025-07-01")),
        id,
      ).toBe(true)
    }
  })

  it("gives a split commune several successors, marked as not attributable one-to-one", () => {
    const chiengHac = oldId("14", "04012")
    expect(unitOn(catalogue, "04012", "2025-06-30").map((u) => u.name)).toEqual(["Xã Chiềng Hắc"])
    expect(successorsToday(catalogue, chiengHac)).toEqual([
      { unitId: newId("14", "03980"), share: 0.5, viaSplit: true },
      { unitId: newId("14", "04078"), share: 0.5, viaSplit: true },
    ])
    const split = events.filter((e) => e._tag === "AdminUnitSucceeded" && e.split)
    expect(split.map((e) => e.unitId).toSorted()).toEqual([oldId("14", "04012"), oldId("14", "04111")])
  })

  it("has districts before 1 July 2025 and none after", () => {
    expect(districtsOf(catalogue, "14", "2025-06-30")).toHaveLength(12)
    expect(districtsOf(catalogue, "10", "2025-06-30")).toHaveLength(9)
    expect(districtsOf(catalogue, "14", "2025-07-01")).toEqual([])
    expect(districtsOf(catalogue, "15", "2025-07-01")).toEqual([])
    const chiengLe = unitOn(catalogue, "03646", "2025-06-30")[0]
    expect(unitOn(catalogue, "116", "2025-06-30").map((u) => u.unitId)).toEqual([chiengLe?.parentId])
    expect(unitOn(catalogue, "116", "2025-07-01")).toEqual([])
  })

  it("cites the resolution and its line for each succession, and keeps the confidence column", () => {
    const chiengLe = events.find((e) => e._tag === "AdminUnitSucceeded" && e.unitId === oldId("14", "03646"))
    if (chiengLe?._tag !== "AdminUnitSucceeded") throw new Error("no succession for Chiềng Lề")
    expect(chiengLe.legalBasis).toMatchObject({ number: "1681/NQ-UBTVQH15", date: "2025-06-16" })
    expect(chiengLe.successors[0]?.legalText).toMatch(/phường Tô Hiệu/)
    expect(chiengLe.successors[0]?.confidence).toBe("high")
    const manual = events.filter(
      (e) => e._tag === "AdminUnitSucceeded" && e.successors.some((s) => s.confidence === "manual:high"),
    )
    expect(manual).toHaveLength(14)
  })

  it("is deterministic and every event survives a JSON round trip through its schema", () => {
    expect(loadBundledAdminUnitEvents()).toEqual(events)
    const codec = Schema.toCodecJson(AdminUnitEvent)
    for (const event of events) {
      const json = JSON.parse(JSON.stringify(Schema.encodeSync(codec)(event)))
      expect(Schema.decodeUnknownSync(codec)(json)).toEqual(event)
    }
  })
})
