import { describe, expect, it } from "vitest"
import { agencies, agencyByCode, agencyByVietnameseName } from "./agencies.ts"
import { marketIncomeClass, programmeHighIncome, programmesClassifiedFor } from "./high-income.ts"
import { marketByCode, marketByVietnameseName, markets, marketsInVietnameseOrder } from "./markets.ts"
import { priorityGroupByCode, priorityGroups } from "./priority-groups.ts"
import { programmes } from "./programmes.ts"

const unique = (xs: ReadonlyArray<string>) => new Set(xs).size === xs.length

describe("reference data", () => {
  it("has unique codes and every programme's market exists", () => {
    expect(unique(markets.map((m) => m.code))).toBe(true)
    expect(unique(programmes.map((p) => p.code))).toBe(true)
    expect(unique(agencies.map((a) => a.code))).toBe(true)
    expect(unique(priorityGroups.map((g) => g.code))).toBe(true)
    for (const p of programmes) expect(marketByCode(p.marketCode), p.code).toBeDefined()
    for (const a of agencies) if (a.succeededBy) expect(agencyByCode(a.succeededBy.code), a.code).toBeDefined()
  })

  it("names the markets of the seeds in Vietnamese", () => {
    expect(markets.map((m) => m.nameVi)).toEqual(
      expect.arrayContaining(["Hàn Quốc", "Nhật Bản", "Đức", "Úc", "Malaysia", "Trung Đông", "Singapore", "Romania"]),
    )
    expect(marketByVietnameseName("Rumani")?.code).toBe("RO")
    expect(marketByVietnameseName("đài loan")?.code).toBe("TW")
    expect(marketByVietnameseName("Pháp")).toBeUndefined()
  })

  it("sorts markets the Vietnamese way (Đ after D, Ú after U)", () => {
    const names = marketsInVietnameseOrder().map((m) => m.nameVi)
    // Plain code-point order would put "Đ" (U+0110) after every ASCII letter.
    expect(names.slice(0, 3)).toEqual(["Đài Loan (Trung Quốc)", "Đức", "Hàn Quốc"])
    expect(names.at(-1)).toBe("Úc")
  })

  it("classifies high-income markets per province, only where a seed says so", () => {
    expect(marketIncomeClass("12", "RO")).toBe("high-income")
    expect(marketIncomeClass("12", "MY")).toBe("unclassified")
    expect(marketIncomeClass("14", "JP")).toBe("unclassified")
    expect(programmeHighIncome("12", "KR-EPS")).toBe("high-income")
    expect(programmeHighIncome("12", "DE-NURSES")).toBe("high-income")
    expect(programmeHighIncome("10", "KR-EPS")).toBe("unclassified")
    expect(programmeHighIncome("12", "NO-SUCH")).toBe("unclassified")
    const custom = [{ provinceCode: "14", marketCode: "JP", source: { seed: "001", quote: "x" } as const }]
    expect(programmeHighIncome("14", "JP-IM", custom)).toBe("high-income")
    expect(programmesClassifiedFor("12").filter((p) => p.highIncome === "high-income")).toHaveLength(programmes.length)
  })

  it("finds agencies by printed names", () => {
    expect(agencyByVietnameseName("Sở Nội vụ")?.code).toBe("SNV")
    expect(agencyByVietnameseName("UBND cấp xã")?.code).toBe("UBND-XA")
    expect(agencyByVietnameseName("Trung tâm Dịch vụ việc làm, Sở Nội vụ")?.code).toBe("TTDVVL")
    expect(agencyByVietnameseName("Sở  Y   tế")?.code).toBe("SYT")
    expect(agencyByCode("SLDTBXH")?.succeededBy?.code).toBe("SNV")
    expect(agencyByVietnameseName("Sở Không Có")).toBeUndefined()
  })

  it("marks sensitive priority groups", () => {
    expect(priorityGroupByCode("ethnic-minority")?.sensitive).toBe(true)
    expect(priorityGroupByCode("youth")?.sensitive).toBe(false)
  })
})
