import { describe, expect, it } from "vitest"
import { fold } from "../../shared/decider.ts"
import { apportion } from "../apportion.ts"
import { consistency } from "../consistency.ts"
import { quotaPlanDecider } from "../decider.ts"
import { eventTypes, PlanIssued } from "../events.ts"
import { isPlaceholderBasis } from "../printed-legal-basis.ts"
import { laiChauProgramme } from "./lai-chau-directive-20.ts"
import { laoCai2025Plan } from "./lao-cai-2025.ts"
import { quotaPlanSeedEvents } from "./seed-events.ts"
import { sonLa2026Allocations, sonLa2026Plan, sonLa2026PlanId } from "./son-la-2026.ts"
import { Schema } from "effect"

const sonLaIssued = () => {
  const seed = quotaPlanSeedEvents().find((e) => e.streamId === sonLa2026PlanId)
  if (!seed || !(seed.event instanceof PlanIssued)) throw new Error("Sơn La 2026 plan missing from seed events")
  return seed.event
}

describe("Sơn La 2026 (seed 001, Phụ lục 01)", () => {
  it("has the 75 communes and wards in printed order with distinct codes", () => {
    expect(sonLa2026Allocations).toHaveLength(75)
    expect(new Set(sonLa2026Allocations.map((a) => a.unitCode)).size).toBe(75)
    expect(sonLa2026Allocations[0]).toEqual({
      unitCode: "03646",
      unitName: "Phường Tô Hiệu",
      sharePercentPrinted: "3,46",
      sharePercent: 3.46,
      headCount: 24,
    })
    expect(sonLa2026Allocations[7]?.unitName).toBe("Phường Thảo Nguyên")
    expect(sonLa2026Allocations[74]).toMatchObject({
      unitName: "Xã Mường Lèo",
      sharePercentPrinted: "0,32",
      headCount: 2,
    })
  })

  it("records the plan as issued and reproduces the printed table exactly", () => {
    const event = sonLaIssued()
    expect(event.allocations).toEqual(sonLa2026Allocations)
    expect(event.printedTotal).toBe(700)
    expect(event.targets.map((t) => [t.kind, t.value])).toEqual([
      ["departures", 700],
      ["trained-before-departure-share", 100],
      ["communes-with-departures-share", 100],
    ])
    // The event survives a JSON round trip through its schema.
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(PlanIssued)(event)))
    expect(Schema.decodeUnknownSync(PlanIssued)(json)).toEqual(event)
  })

  it("keeps the blank decision number and date as printed", () => {
    expect(sonLa2026Plan.legalBasis.number).toBe("/QĐ-UBND")
    expect(sonLa2026Plan.legalBasis.date).toBeNull()
    expect(isPlaceholderBasis(sonLa2026Plan.legalBasis)).toBe(true)
  })

  it("is inconsistent as printed: rows add up to 703, not the printed 700", () => {
    const report = consistency(sonLa2026Plan)
    expect(report.target).toBe(700)
    expect(report.printedTotal).toBe(700)
    expect(report.allocatedTotal).toBe(703)
    expect(report.discrepancy).toBe(3)
    expect(report.printedTotalDiscrepancy).toBe(3)
    expect(report.shareSum).toBe(100)
    expect(report.shareSumPrinted).toBe("100,00")
    expect(report.shareSumDiscrepancy).toBe(0)
    expect(report.roundingMismatches).toEqual([
      {
        unitCode: "04057",
        unitName: "Xã Xuân Nha",
        sharePercentPrinted: "0,64",
        printedHeadCount: 5,
        exactQuota: 4.48,
        expectedHeadCount: 4,
        difference: 1,
      },
    ])
    expect(report.isConsistent).toBe(false)
  })

  it("apportions 700 by the printed shares to whole numbers that add up, three rows below print", () => {
    const result = apportion(
      700,
      sonLa2026Allocations.map((a) => ({
        key: a.unitCode,
        name: a.unitName,
        share: a.sharePercentPrinted,
        printed: a.headCount,
      })),
    )
    expect(result.quotas.reduce((s, q) => s + q.quota, 0)).toBe(700)
    // Printed rows sum to 703. Largest remainder gives 700: these three remainders (,50 ,48 ,51) are too small for a seat.
    expect(result.differingFromPrinted.map((q) => [q.key, q.name, q.exactQuota, q.quota, q.printed])).toEqual([
      ["03985", "Xã Chiềng Sơn", 3.5, 3, 4],
      ["04057", "Xã Xuân Nha", 4.48, 4, 5],
      ["04168", "Xã Sông Mã", 13.51, 13, 14],
    ])
  })
})

describe("other seed plans", () => {
  it("Lào Cai 2025: 350 workers, 100% trained, old province code 10, no table", () => {
    const report = consistency(laoCai2025Plan)
    expect(laoCai2025Plan.provinceCode).toBe("10")
    expect(report).toMatchObject({ target: 350, allocatedTotal: 0, isConsistent: true })
    expect(laoCai2025Plan.targets.map((t) => [t.kind, t.value])).toEqual([
      ["departures", 350],
      ["trained-before-departure-share", 100],
    ])
  })

  it("Lai Châu programme: ≥450/yr to 2025, ≥750/yr to 2030, 200 and >1,000 trainees, >80% high-income", () => {
    expect(laiChauProgramme.targets.map((t) => [t.kind, t.comparator, t.aggregation, t.value, t.byYear])).toEqual([
      ["departures", "at-least", "yearly-average", 450, 2025],
      ["language-training-centres", "at-least", "cumulative", 1, 2025],
      ["language-trainees", "target", "cumulative", 200, 2025],
      ["departures", "at-least", "yearly-average", 750, 2030],
      ["language-trainees", "more-than", "cumulative", 1000, 2030],
      ["high-income-market-share", "more-than", "cumulative", 80, 2030],
    ])
  })

  it("seed events pass the decider, fold to issued plans and have stable ids", () => {
    const events = quotaPlanSeedEvents()
    expect(events.map((e) => [e.streamId, e.event._tag])).toEqual([
      ["quota-plan:14:scheme:2025-2030", "SchemeIssued"],
      ["quota-plan:14:2026", "PlanIssued"],
      ["quota-plan:10:2025", "PlanIssued"],
      ["quota-plan:12:scheme:ct20-2030", "SchemeIssued"],
      ["quota-plan:14:2023:kh-113", "PlanIssued"],
    ])
    expect(quotaPlanSeedEvents().map((e) => e.eventId)).toEqual(events.map((e) => e.eventId))
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length)
    expect(events[0]?.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const state = fold(
      quotaPlanDecider,
      events.filter((e) => e.streamId === sonLa2026PlanId).map((e) => e.event),
    )
    expect(state.status).toBe("issued")
  })

  it("Sơn La 2023 (seed 003, 113/KH-UBND): recorded as the document states it, with no target and no quota", () => {
    const [event] = quotaPlanSeedEvents().filter((e) => e.streamId === "quota-plan:14:2023:kh-113")
    expect(event?.event).toMatchObject({
      _tag: "PlanIssued",
      provinceCode: "14",
      year: 2023,
      targets: [],
      allocations: [],
      printedTotal: null,
      legalBasis: { number: "113/KH-UBND", date: "2023-04-28", issuer: "Ủy ban nhân dân tỉnh Sơn La" },
    })
  })

  it("registers every event type of the stream", () => {
    expect(eventTypes.map((t) => t.type)).toEqual([
      "SchemeIssued",
      "PlanIssued",
      "AllocationAmended",
      "TargetAmended",
      "PlanSuperseded",
      "QuotaPlanRecordCorrected",
      "QuotaPlanVoided",
    ])
    expect(eventTypes.every((t) => t.streamType === "QuotaPlan" && t.version === 1)).toBe(true)
  })
})
