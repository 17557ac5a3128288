import { describe, expect, it } from "vitest"
import { buildCatalogue } from "../admin-unit/catalogue.ts"
import { parseCsv } from "../admin-unit/load/csv.ts"
import { loadBundledAdminUnitEvents, readBundledAdminUnitCsv } from "../admin-unit/load/read-bundled.ts"
import { adminUnitId } from "../admin-unit/ids.ts"
import { relatedProvinceCodes, territoryOf, territoryShare } from "./territory.ts"

const catalogue = buildCatalogue(loadBundledAdminUnitEvents())
// The published succession table (the bundled copy of /work/shared/data/admin-units/succession-2025-07-01.csv).
const succession = parseCsv(readBundledAdminUnitCsv().succession)
const oldId = (province: string, code: string) => adminUnitId({ provinceCode: province, code, validFrom: null })
const newId = (province: string, code: string) => adminUnitId({ provinceCode: province, code, validFrom: "2025-07-01" })

describe("a plan keeps the territory of the authority that issued it (old Lào Cai 10 + Yên Bái 15 → Lào Cai 15)", () => {
  // Given the old Lào Cai's territory on the day it issued its 2025 plan (24/01/2025)
  const laoCai2025 = territoryOf(catalogue, "10", "2025-01-24")
  const fromOldLaoCai = new Set(succession.filter((r) => r.old_province_code === "10").map((r) => r.new_unit_code))
  const fromYenBai = new Set(succession.filter((r) => r.old_province_code === "15").map((r) => r.new_unit_code))

  it("is exactly the old Lào Cai's communes of the succession table", () => {
    const oldCodes = new Set(succession.filter((r) => r.old_province_code === "10").map((r) => r.old_unit_code))
    expect(laoCai2025.size).toBe(oldCodes.size)
    for (const code of oldCodes) expect(laoCai2025.has(oldId("10", code!)), code).toBe(true)
  })

  it("after the merger: every new unit the table forms from old Lào Cai communes is inside, every one from Yên Bái outside", () => {
    // The table never forms a new unit from both old provinces: the rule then has nothing "partly" to report.
    expect([...fromOldLaoCai].filter((code) => fromYenBai.has(code))).toEqual([])
    for (const code of fromOldLaoCai)
      expect(territoryShare(catalogue, newId("15", code!), laoCai2025), code).toBe("inside")
    for (const code of fromYenBai)
      expect(territoryShare(catalogue, newId("15", code!), laoCai2025), code).toBe("outside")
    expect(fromOldLaoCai.size + fromYenBai.size).toBe(99)
  })

  it("before the merger: old Lào Cai communes are inside and Yên Bái's outside", () => {
    for (const row of succession.filter((r) => r.old_province_code === "15"))
      expect(territoryShare(catalogue, oldId("15", row.old_unit_code!), laoCai2025)).toBe("outside")
    for (const row of succession.filter((r) => r.old_province_code === "10"))
      expect(territoryShare(catalogue, oldId("10", row.old_unit_code!), laoCai2025)).toBe("inside")
  })

  it("a plan of today's units takes in the old communes merged into them, split ones included when all parts stay inside", () => {
    // Given Sơn La's 75 units of 2026, when an old Sơn La commune is asked about, then it is inside
    const sonLa2026 = territoryOf(catalogue, "14", "2026-01-01")
    expect(sonLa2026.size).toBe(75)
    for (const row of succession.filter((r) => r.old_province_code === "14"))
      expect(territoryShare(catalogue, oldId("14", row.old_unit_code!), sonLa2026), row.old_unit_code).toBe("inside")
    for (const row of succession.filter((r) => r.old_province_code === "10"))
      expect(territoryShare(catalogue, oldId("10", row.old_unit_code!), sonLa2026)).toBe("outside")
  })

  it("a unit formed only partly from the territory is 'partly' (not attributable)", () => {
    // Given a territory of only one of the old communes merged into Phường Lào Cai (02647)
    const merged = succession.filter((r) => r.new_province_code === "15" && r.new_unit_code === "02647")
    expect(merged.length).toBeGreaterThan(1)
    const one = new Set([oldId("10", merged[0]!.old_unit_code!)])
    expect(territoryShare(catalogue, newId("15", "02647"), one)).toBe("partly")
  })

  it("relates province codes through the province merger", () => {
    expect(relatedProvinceCodes(catalogue, "15")).toEqual(["10", "15"])
    expect(relatedProvinceCodes(catalogue, "10")).toEqual(["10", "15"])
    expect(relatedProvinceCodes(catalogue, "14")).toEqual(["14"])
    expect(relatedProvinceCodes(catalogue, "12")).toEqual(["12"])
  })
})
