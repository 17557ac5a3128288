import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import { buildCatalogue } from "./catalogue.ts"
import { adminUnitDecider } from "./decider.ts"
import {
  AdminUnitCorrected,
  AdminUnitDissolved,
  AdminUnitEstablished,
  type AdminUnitEvent,
  AdminUnitRenamed,
  AdminUnitSucceeded,
  AdminUnitSuccessionCorrected,
} from "./events.ts"
import { attributesOn, districtsOf, predecessors, successorsToday, unitOn, unitsOf } from "./queries.ts"
import { both, chiengLeToToHieu, communeBasis, laterBasis, newChiengAn, oldToHieuSplit } from "./testing/fixtures.ts"

const dissolveDistrict = new AdminUnitDissolved({
  unitId: "d-old",
  effectiveFrom: "2025-07-01",
  legalBasis: communeBasis,
})
const provinceSucceeded = new AdminUnitSucceeded({
  unitId: "p-old",
  effectiveFrom: "2025-07-01",
  legalBasis: communeBasis,
  mode: "full",
  successors: [{ unitId: "p-new", share: 1 }],
  shareBasis: "stated",
  split: false,
})
const history: ReadonlyArray<AdminUnitEvent> = [
  ...both,
  chiengLeToToHieu,
  oldToHieuSplit,
  dissolveDistrict,
  provinceSucceeded,
]
const catalogue = buildCatalogue(history)
const names = (units: ReadonlyArray<{ name: string }>) => units.map((u) => u.name)

describe("buildCatalogue", () => {
  it("gives the same catalogue as folding the decider's evolve one event at a time", () => {
    const folded = fold(adminUnitDecider, history)
    expect([...folded.units.entries()]).toEqual([...catalogue.units.entries()])
  })

  it("leaves earlier catalogues untouched when evolving", () => {
    const earlier = fold(adminUnitDecider, both)
    adminUnitDecider.evolve(earlier, chiengLeToToHieu)
    expect(earlier.units.get("c-chieng-le")?.validUntil).toBeNull()
  })
})

describe("unitOn", () => {
  it("finds which unit carried a reused code on a date", () => {
    expect(names(unitOn(catalogue, "03646", "2025-06-30"))).toEqual(["Phường Chiềng Lề"])
    expect(names(unitOn(catalogue, "03646", "2025-07-01"))).toEqual(["Phường Tô Hiệu"])
    expect(unitOn(catalogue, "03646", "2025-07-01")[0]?.unitId).toBe("w-to-hieu")
  })

  it("finds a name ignoring case, Unicode form and the kind word", () => {
    const nfd = "PHƯỜNG TÔ HIỆU".normalize("NFD")
    expect(unitOn(catalogue, nfd, "2025-06-30").map((u) => u.unitId)).toEqual(["c-to-hieu"])
    expect(unitOn(catalogue, "tô hiệu", "2025-07-01").map((u) => u.unitId)).toEqual(["w-to-hieu"])
    expect(unitOn(catalogue, "Tô Hiệu", "2024-01-01").map((u) => u.unitId)).toEqual(["c-to-hieu"])
  })

  it("answers nothing for a code or name not in force on the date", () => {
    expect(unitOn(catalogue, "03649", "2025-07-01")).toEqual([])
    expect(unitOn(catalogue, "Chiềng Lề", "2025-07-01")).toEqual([])
    expect(unitOn(catalogue, "Thành phố Sơn La", "2025-07-01")).toEqual([])
  })

  it("follows renames", () => {
    const renamed = buildCatalogue([
      ...history,
      new AdminUnitRenamed({
        unitId: "w-chieng-an",
        name: "Phường Chiềng Ân",
        effectiveFrom: "2026-02-01",
        legalBasis: laterBasis,
      }),
    ])
    expect(unitOn(renamed, "Chiềng An", "2026-01-31").map((u) => u.unitId)).toEqual(["w-chieng-an"])
    expect(unitOn(renamed, "Chiềng An", "2026-02-01")).toEqual([])
    expect(names(unitOn(renamed, "Chiềng Ân", "2026-02-01"))).toEqual(["Phường Chiềng Ân"])
  })
})

describe("attributesOn", () => {
  it("gives the dated code, name, kind and parent", () => {
    expect(attributesOn(catalogue, "c-chieng-le", "2025-06-30")).toEqual({
      unitId: "c-chieng-le",
      code: "03646",
      name: "Phường Chiềng Lề",
      kind: "ward",
      kindLabel: "phường",
      parentId: "d-old",
      validFrom: null,
      validUntil: "2025-07-01",
    })
    expect(attributesOn(catalogue, "c-chieng-le", "2025-07-01")).toBeUndefined()
    expect(attributesOn(catalogue, "w-to-hieu", "2025-06-30")).toBeUndefined()
    expect(attributesOn(catalogue, "nowhere", "2025-06-30")).toBeUndefined()
  })

  it("shows a correction in place of the recorded value", () => {
    const corrected = buildCatalogue([
      ...history,
      new AdminUnitCorrected({
        unitId: "c-chieng-le",
        correctsEventId: "e1",
        reason: "Sai mã",
        periodFrom: null,
        code: "03647",
      }),
    ])
    expect(attributesOn(corrected, "c-chieng-le", "2025-06-30")?.code).toBe("03647")
    expect(unitOn(corrected, "03647", "2025-06-30").map((u) => u.unitId)).toEqual(["c-chieng-le"])
    expect(unitOn(corrected, "03646", "2025-06-30")).toEqual([])
  })
})

describe("unitsOf and districtsOf", () => {
  it("lists the commune-level units under a province through its districts, in Vietnamese order", () => {
    expect(names(unitsOf(catalogue, "14", "2025-06-30"))).toEqual(["Phường Chiềng Lề", "Phường Tô Hiệu"])
    expect(names(unitsOf(catalogue, "14", "2025-07-01"))).toEqual(["Phường Chiềng An", "Phường Tô Hiệu"])
    expect(unitsOf(catalogue, "99", "2025-07-01")).toEqual([])
  })

  it("has districts only before 1 July 2025", () => {
    expect(names(districtsOf(catalogue, "14", "2025-06-30"))).toEqual(["Thành phố Sơn La"])
    expect(districtsOf(catalogue, "14", "2025-07-01")).toEqual([])
  })
})

describe("successorsToday and predecessors", () => {
  it("gives the units that took over an old unit, with shares", () => {
    expect(successorsToday(catalogue, "c-chieng-le")).toEqual([{ unitId: "w-to-hieu", share: 1, viaSplit: false }])
    expect(successorsToday(catalogue, "c-to-hieu")).toEqual([
      { unitId: "w-chieng-an", share: 0.5, viaSplit: true },
      { unitId: "w-to-hieu", share: 0.5, viaSplit: true },
    ])
  })

  it("gives a unit still in force as its own successor, and nothing for a unit dissolved without successors", () => {
    expect(successorsToday(catalogue, "c-chieng-le", "2025-06-30")).toEqual([
      { unitId: "c-chieng-le", share: 1, viaSplit: false },
    ])
    expect(successorsToday(catalogue, "d-old")).toEqual([])
  })

  it("follows chains of successions and partial transfers up to the date asked", () => {
    const later = buildCatalogue([
      ...history,
      new AdminUnitEstablished({
        ...newChiengAn,
        unitId: "w-new",
        code: "03670",
        name: "Phường Mới",
        validFrom: "2026-01-01",
      }),
      new AdminUnitSucceeded({
        unitId: "w-to-hieu",
        effectiveFrom: "2026-01-01",
        legalBasis: laterBasis,
        mode: "partial",
        successors: [{ unitId: "w-new", share: 0.25 }],
        shareBasis: "stated",
        split: true,
      }),
    ])
    expect(successorsToday(later, "c-chieng-le", "2025-12-31")).toEqual([
      { unitId: "w-to-hieu", share: 1, viaSplit: false },
    ])
    expect(successorsToday(later, "c-chieng-le", "2026-01-01")).toEqual([
      { unitId: "w-to-hieu", share: 0.75, viaSplit: true },
      { unitId: "w-new", share: 0.25, viaSplit: true },
    ])
    expect(successorsToday(later, "c-to-hieu")).toEqual([
      { unitId: "w-chieng-an", share: 0.5, viaSplit: true },
      { unitId: "w-to-hieu", share: 0.375, viaSplit: true },
      { unitId: "w-new", share: 0.125, viaSplit: true },
    ])
  })

  it("lists direct predecessors with their shares, and follows succession corrections", () => {
    expect(predecessors(catalogue, "w-to-hieu").map((p) => [p.unitId, p.share, p.split])).toEqual([
      ["c-chieng-le", 1, false],
      ["c-to-hieu", 0.5, true],
    ])
    const corrected = buildCatalogue([
      ...history,
      new AdminUnitSuccessionCorrected({
        unitId: "c-to-hieu",
        correctsEventId: "e2",
        reason: "Nghị quyết ghi toàn bộ sang Chiềng An",
        effectiveFrom: "2025-07-01",
        successors: [{ unitId: "w-chieng-an", share: 1 }],
        shareBasis: "stated",
        split: false,
      }),
    ])
    expect(predecessors(corrected, "w-to-hieu").map((p) => p.unitId)).toEqual(["c-chieng-le"])
    expect(predecessors(corrected, "w-chieng-an").map((p) => [p.unitId, p.share])).toEqual([["c-to-hieu", 1]])
    expect(successorsToday(corrected, "c-to-hieu")).toEqual([{ unitId: "w-chieng-an", share: 1, viaSplit: false }])
  })

  it("keeps the whole of an old unit across any chain of full splits (property)", () => {
    // Unit u0 splits into n units on day 1; each of those splits again into m units on day 2; shares are random.
    const weights = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(weights, fc.array(weights, { minLength: 4, maxLength: 4 }), (first, seconds) => {
        const unit = (id: string, validFrom: string | null): AdminUnitEstablished =>
          new AdminUnitEstablished({
            unitId: id,
            code: "14",
            name: `Tỉnh ${id}`,
            kind: "province",
            kindLabel: "tỉnh",
            parentId: null,
            validFrom,
            legalBasis: validFrom === null ? null : communeBasis,
          })
        const split = (from: string, to: ReadonlyArray<string>, w: ReadonlyArray<number>, date: string) => {
          const total = w.reduce((a, b) => a + b, 0)
          return new AdminUnitSucceeded({
            unitId: from,
            effectiveFrom: date,
            legalBasis: communeBasis,
            mode: "full",
            successors: to.map((unitId, i) => ({ unitId, share: (w[i] ?? 0) / total })),
            shareBasis: "stated",
            split: to.length > 1,
          })
        }
        const level1 = first.map((_, i) => `a${i}`)
        const events: Array<AdminUnitEvent> = [unit("u0", null), ...level1.map((id) => unit(id, "2025-01-01"))]
        events.push(split("u0", level1, first, "2025-01-01"))
        level1.forEach((id, i) => {
          const w = seconds[i] ?? [1]
          const level2 = w.map((_, j) => `${id}b${j}`)
          events.push(...level2.map((child) => unit(child, "2026-01-01")), split(id, level2, w, "2026-01-01"))
        })
        const result = successorsToday(buildCatalogue(events), "u0")
        const sum = result.reduce((total, s) => total + s.share, 0)
        expect(sum).toBeCloseTo(1, 9)
        expect(result.every((s) => s.unitId.includes("b"))).toBe(true)
      }),
    )
  })
})
