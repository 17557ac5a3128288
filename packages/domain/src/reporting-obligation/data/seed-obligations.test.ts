import { describe, expect, it } from "vitest"
import { fold } from "../../shared/decider.ts"
import { agencyByCode } from "../../reference/agencies.ts"
import { reportingObligationDecider } from "../decider.ts"
import { eventTypes, ReportingObligationSet } from "../events.ts"
import { submissionStatus } from "../submission-status.ts"
import { reportingObligationSeedEvents } from "./seed-events.ts"

const obligations = () =>
  reportingObligationSeedEvents().map((e) => {
    if (!(e.event instanceof ReportingObligationSet)) throw new Error("expected ReportingObligationSet")
    return e.event
  })

const deadlines = (province: string, year: number) =>
  [
    ...new Set(
      obligations()
        .filter((o) => o.provinceCode === province && o.period.year === year)
        .map((o) => `${o.reportKind} ${o.deadline}`),
    ),
  ].toSorted()

describe("seed reporting obligations", () => {
  it("Sơn La 2026: commune plans before 15/01/2026, 6-month before 15/6, annual before 15/12", () => {
    const sonLa = obligations().filter(
      (o) => o.provinceCode === "14" && o.period.year === 2026 && o.deadlineRule !== "as-needed",
    )
    expect([...new Set(sonLa.map((o) => `${o.reportKind} ${o.deadline}`))].toSorted()).toEqual([
      "annual 2026-12-15",
      "commune-plan 2026-01-15",
      "implementation-plan 2026-01-15",
      "six-month 2026-06-15",
    ])
    expect(sonLa.filter((o) => o.reportKind === "commune-plan")).toHaveLength(75)
    expect(sonLa.filter((o) => o.reportKind === "six-month")).toHaveLength(76)
    expect(sonLa.filter((o) => o.reportKind === "annual")).toHaveLength(76)
    expect(sonLa.find((o) => o.obligationId.endsWith("commune-plan:04057"))?.reporter.name).toBe("UBND Xã Xuân Nha")
  })

  it("Lào Cai 2025: local 10/7 and 30/11, the Sở 15/7 and 15/12; the 2024 leftover is a note", () => {
    expect(deadlines("10", 2025)).toEqual([
      "ad-hoc 2025-12-31",
      "annual 2025-11-30",
      "annual 2025-12-15",
      "six-month 2025-07-10",
      "six-month 2025-07-15",
    ])
    expect(
      obligations().find((o) => o.obligationId === "reporting-obligation:10:2025:six-month:local")?.note,
    ).toContain("25/6/2024")
  })

  it("Sơn La 2023: 10/6 and 10/12", () => {
    expect(deadlines("14", 2023)).toEqual([
      "ad-hoc 2023-12-31",
      "annual 2023-12-10",
      "annual 2023-12-31",
      "six-month 2023-06-10",
    ])
  })

  it("refers to known agencies", () => {
    for (const o of obligations())
      for (const p of [o.reporter, o.recipient, ...(o.via ? [o.via] : [])])
        if (p.kind !== "unit" && p.code !== null)
          expect(agencyByCode(p.code), `${o.obligationId} ${p.code}`).toBeDefined()
  })

  it("every dated seed obligation is pending before its deadline and overdue after it", () => {
    for (const e of reportingObligationSeedEvents()) {
      const state = fold(reportingObligationDecider, [e.event])
      if (state.status !== "set") throw new Error("not set")
      if (state.obligation.deadlineRule === "as-needed") continue
      expect(submissionStatus(state.obligation, "2023-01-01").status).toBe("pending")
      expect(submissionStatus(state.obligation, state.obligation.deadline).status).toBe("overdue")
    }
  })

  it("has stable distinct ids and registers its event types", () => {
    const ids = reportingObligationSeedEvents().map((e) => e.eventId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(4 + 4 + 1 + 75 * 3 + 2 + 10)
    expect(reportingObligationSeedEvents().map((e) => e.eventId)).toEqual(ids)
    expect(eventTypes.map((t) => t.type)).toEqual([
      "ReportingObligationSet",
      "ReportSubmitted",
      "ReportingObligationRecordCorrected",
      "ReportingObligationVoided",
    ])
  })

  it("loads the reports printed without a day as as-needed: the Sở upward, department → ministry, ad-hoc", () => {
    const asNeeded = obligations().filter((o) => o.deadlineRule === "as-needed")
    expect(asNeeded.map((o) => `${o.obligationId} → ${o.recipient.name}`).toSorted()).toEqual([
      "reporting-obligation:10:2025:ad-hoc:SLDTBXH → Ủy ban nhân dân tỉnh và Bộ Lao động - Thương binh và Xã hội",
      "reporting-obligation:10:2025:ad-hoc:local → Ủy ban nhân dân tỉnh",
      "reporting-obligation:12:2026:ad-hoc:UBND-TINH → Ban Thường vụ Tỉnh ủy",
      "reporting-obligation:14:2023:ad-hoc:SO-NGANH → Ủy ban nhân dân tỉnh",
      "reporting-obligation:14:2023:ad-hoc:UBND-HUYEN → Ủy ban nhân dân tỉnh",
      "reporting-obligation:14:2023:annual:SLDTBXH → Ủy ban nhân dân tỉnh",
      "reporting-obligation:14:2023:annual:SLDTBXH-BO → Bộ Lao động - Thương binh và Xã hội",
      "reporting-obligation:14:2026:ad-hoc:SO-NGANH → Ủy ban nhân dân tỉnh",
      "reporting-obligation:14:2026:annual:SNV → Ủy ban nhân dân tỉnh",
      "reporting-obligation:14:2026:six-month:SNV → Ủy ban nhân dân tỉnh",
    ])
    for (const o of asNeeded) {
      const state = fold(reportingObligationDecider, [o])
      if (state.status !== "set") throw new Error("not set")
      expect(submissionStatus(state.obligation, "2031-01-01").status, o.obligationId).toBe("pending")
    }
  })
})
