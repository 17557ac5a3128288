import { describe, expect, it } from "vitest"
import { allocation } from "./allocation.ts"
import { consistency } from "./consistency.ts"
import type { Target } from "./target.ts"

const target = (value: number): Target => ({
  kind: "departures",
  value,
  comparator: "target",
  aggregation: "year",
  byYear: 2026,
  printed: "",
})

describe("consistency", () => {
  it("finds nothing wrong in a table that adds up", () => {
    const report = consistency({
      targets: [target(10)],
      allocations: [allocation("00001", "A", "60,00", 6), allocation("00002", "B", "40,00", 4)],
      printedTotal: 10,
    })
    expect(report).toMatchObject({
      allocatedTotal: 10,
      discrepancy: 0,
      shareSum: 100,
      shareSumDiscrepancy: 0,
      isConsistent: true,
    })
    expect(report.shareSumPrinted).toBe("100,00")
  })

  it("reports totals, share sum and rounding mismatches", () => {
    const report = consistency({
      targets: [target(100)],
      allocations: [
        allocation("00001", "A", "33,33", 33),
        allocation("00002", "B", "33,33", 34),
        allocation("00003", "C", "33,33", 33),
      ],
      printedTotal: 99,
    })
    expect(report.allocatedTotal).toBe(100)
    expect(report.discrepancy).toBe(0)
    expect(report.printedTotalDiscrepancy).toBe(1)
    expect(report.shareSum).toBe(99.99)
    expect(report.shareSumDiscrepancy).toBeCloseTo(-0.01, 10)
    expect(report.roundingMismatches).toEqual([
      {
        unitCode: "00002",
        unitName: "B",
        sharePercentPrinted: "33,33",
        printedHeadCount: 34,
        exactQuota: 33.33,
        expectedHeadCount: 33,
        difference: 1,
      },
    ])
    expect(report.isConsistent).toBe(false)
  })

  it("rounds exact halves up", () => {
    const report = consistency({
      targets: [target(700)],
      allocations: [allocation("00001", "A", "0,50", 4)],
      printedTotal: null,
    })
    expect(report.roundingMismatches).toEqual([])
  })

  it("has no target discrepancy without a departures target", () => {
    const report = consistency({ targets: [], allocations: [], printedTotal: null })
    expect(report).toMatchObject({ target: null, discrepancy: null, allocatedTotal: 0, isConsistent: true })
  })
})
