import { describe, expect, it } from "vitest"
import { given } from "../shared/testing/given-when-then.ts"
import { allocation } from "./allocation.ts"
import type { IssuePlan, IssueScheme } from "./commands.ts"
import { quotaPlanDecider } from "./decider.ts"
import {
  AllocationAmended,
  PlanIssued,
  PlanSuperseded,
  QuotaPlanRecordCorrected,
  QuotaPlanVoided,
  SchemeIssued,
  TargetAmended,
} from "./events.ts"
import type { PrintedLegalBasis } from "./printed-legal-basis.ts"
import { fold } from "../shared/decider.ts"
import type { Target } from "./target.ts"

const basis: PrintedLegalBasis = { number: "12/QĐ-UBND", date: "2026-01-20", issuer: "UBND tỉnh Sơn La" }
const amendBasis: PrintedLegalBasis = { number: "345/QĐ-UBND", date: "2026-06-01", issuer: "UBND tỉnh Sơn La" }
const planId = "quota-plan:14:2026"

const departures = (value: number, byYear = 2026): Target => ({
  kind: "departures",
  value,
  comparator: "target",
  aggregation: "year",
  byYear,
  printed: `phấn đấu đưa ${value} người`,
})

const rows = [allocation("03646", "Phường Tô Hiệu", "60,00", 6), allocation("03664", "Phường Chiềng An", "40,00", 4)]

const issuePlan: IssuePlan = {
  _tag: "IssuePlan",
  planId,
  schemeId: null,
  provinceCode: "14",
  year: 2026,
  title: "Kế hoạch năm 2026",
  targets: [departures(10)],
  allocations: rows,
  printedTotal: 10,
  legalBasis: basis,
}
const { _tag: _issueTag, ...planFields } = issuePlan
const planIssued = new PlanIssued(planFields)

const issueScheme: IssueScheme = {
  _tag: "IssueScheme",
  planId: "quota-plan:14:scheme",
  provinceCode: "14",
  title: "Đề án 2025-2030",
  fromYear: 2025,
  toYear: 2030,
  targets: [{ ...departures(750, 2030), comparator: "at-least", aggregation: "yearly-average" }],
  legalBasis: basis,
}
const { _tag: _schemeTag, ...schemeFields } = issueScheme
const schemeIssued = new SchemeIssued(schemeFields)

const superseded = new PlanSuperseded({
  planId,
  supersededBy: "quota-plan:14:2026b",
  legalBasis: amendBasis,
  effectiveOn: "2026-06-01",
})

describe("IssueScheme", () => {
  it("records a multi-year scheme", () => {
    given(quotaPlanDecider).when(issueScheme).then([schemeIssued])
  })
  it("rejects a second issue", () => {
    given(quotaPlanDecider, [schemeIssued]).when(issueScheme).rejectedWith("PlanAlreadyIssued")
  })
  it("rejects a period that ends before it starts", () => {
    given(quotaPlanDecider)
      .when({ ...issueScheme, fromYear: 2031 })
      .rejectedWith("InvalidPeriod")
  })
  it("rejects a target outside the period", () => {
    given(quotaPlanDecider)
      .when({ ...issueScheme, targets: [departures(10, 2035)] })
      .rejectedWith("InvalidTarget")
  })
})

describe("IssuePlan", () => {
  it("records the plan as printed", () => {
    given(quotaPlanDecider).when(issuePlan).then([planIssued])
  })
  it("records an inconsistent table too (rows 11 vs target 10, shares 110%)", () => {
    const inconsistent = { ...issuePlan, allocations: [rows[0]!, allocation("03664", "Phường Chiềng An", "50,00", 5)] }
    const { result } = given(quotaPlanDecider).when(inconsistent)
    expect(result._tag).toBe("Success")
  })
  it("rejects a second issue", () => {
    given(quotaPlanDecider, [planIssued]).when(issuePlan).rejectedWith("PlanAlreadyIssued")
  })
  it("rejects a negative target", () => {
    const rejection = given(quotaPlanDecider)
      .when({ ...issuePlan, targets: [departures(-5)] })
      .rejectedWith("InvalidTarget")
    expect(rejection.message).toContain("không được âm")
  })
  it("rejects a fractional head-count target", () => {
    given(quotaPlanDecider)
      .when({ ...issuePlan, targets: [departures(10.5)] })
      .rejectedWith("InvalidTarget")
  })
  it("rejects a share target above 100%", () => {
    const share: Target = { ...departures(101), kind: "communes-with-departures-share" }
    given(quotaPlanDecider)
      .when({ ...issuePlan, targets: [departures(10), share] })
      .rejectedWith("InvalidTarget")
  })
  it("rejects a target for another year", () => {
    given(quotaPlanDecider)
      .when({ ...issuePlan, targets: [departures(10, 2027)] })
      .rejectedWith("InvalidTarget")
  })
  it("rejects an unreadable printed share", () => {
    const bad = { ...issuePlan, allocations: [allocation("03646", "Phường Tô Hiệu", "3.4.6", 6)] }
    given(quotaPlanDecider).when(bad).rejectedWith("InvalidAllocation")
  })
  it("rejects a share number that contradicts the printed string", () => {
    const bad = { ...issuePlan, allocations: [{ ...rows[0]!, sharePercent: 61 }] }
    given(quotaPlanDecider).when(bad).rejectedWith("InvalidAllocation")
  })
  it("rejects a malformed unit code", () => {
    const bad = { ...issuePlan, allocations: [{ ...rows[0]!, unitCode: "3646" }] }
    given(quotaPlanDecider).when(bad).rejectedWith("InvalidAllocation")
  })
  it("rejects a negative printed total", () => {
    given(quotaPlanDecider)
      .when({ ...issuePlan, printedTotal: -1 })
      .rejectedWith("InvalidAllocation")
  })
  it("rejects the same unit twice", () => {
    const bad = { ...issuePlan, allocations: [rows[0]!, rows[0]!] }
    const rejection = given(quotaPlanDecider).when(bad).rejectedWith("DuplicateAllocationUnit")
    expect(rejection.message).toContain("Phường Tô Hiệu")
  })
  it("rejects allocations without a departures target", () => {
    given(quotaPlanDecider)
      .when({ ...issuePlan, targets: [] })
      .rejectedWith("MissingDepartureTarget")
  })
})

describe("AmendAllocation", () => {
  const amend = {
    _tag: "AmendAllocation",
    planId,
    changes: [allocation("03646", "Phường Tô Hiệu", "50,00", 5), allocation("03664", "Phường Chiềng An", "50,00", 5)],
    legalBasis: amendBasis,
    effectiveOn: "2026-06-01",
    reason: "Điều chỉnh chỉ tiêu giữa hai phường",
  } as const
  const { _tag, ...fields } = amend

  it("re-allocates by a cited decision", () => {
    given(quotaPlanDecider, [planIssued])
      .when(amend)
      .then([new AllocationAmended({ ...fields, changes: [...fields.changes] })])
  })
  it("updates the allocation table", () => {
    const state = fold(quotaPlanDecider, [
      planIssued,
      new AllocationAmended({ ...fields, changes: [...fields.changes] }),
    ])
    if (state.status !== "issued") throw new Error("expected issued")
    expect(state.plan.allocations.map((a) => a.headCount)).toEqual([5, 5])
    expect(state.plan.changes).toHaveLength(1)
  })
  it("rejects an amendment before the plan is issued", () => {
    given(quotaPlanDecider).when(amend).rejectedWith("PlanNotIssued")
  })
  it("rejects a unit that is not in the plan", () => {
    const rejection = given(quotaPlanDecider, [planIssued])
      .when({ ...amend, changes: [allocation("04057", "Xã Xuân Nha", "1,00", 1)] })
      .rejectedWith("UnknownUnitInAmendment")
    expect(rejection).toMatchObject({ unitCode: "04057" })
  })
  it("rejects an amendment of a superseded plan", () => {
    given(quotaPlanDecider, [planIssued, superseded]).when(amend).rejectedWith("PlanAlreadySuperseded")
  })
  it("rejects an amendment of a scheme", () => {
    given(quotaPlanDecider, [schemeIssued])
      .when({ ...amend, planId: schemeFields.planId })
      .rejectedWith("NotAYearlyPlan")
  })
  it("rejects an empty amendment", () => {
    given(quotaPlanDecider, [planIssued])
      .when({ ...amend, changes: [] })
      .rejectedWith("InvalidAllocation")
  })
  it("rejects the same unit twice", () => {
    given(quotaPlanDecider, [planIssued])
      .when({ ...amend, changes: [amend.changes[0], amend.changes[0]] })
      .rejectedWith("DuplicateAllocationUnit")
  })
})

describe("AmendTarget", () => {
  const amend = {
    _tag: "AmendTarget",
    planId,
    target: departures(12),
    legalBasis: amendBasis,
    effectiveOn: "2026-06-01",
    reason: "Tăng chỉ tiêu",
  } as const
  const { _tag, ...fields } = amend

  it("changes a target and remembers the previous value", () => {
    given(quotaPlanDecider, [planIssued])
      .when(amend)
      .then([new TargetAmended({ ...fields, previousValue: 10 })])
  })
  it("adds a target the plan did not have", () => {
    const share: Target = { ...departures(100), kind: "communes-with-departures-share" }
    given(quotaPlanDecider, [planIssued])
      .when({ ...amend, target: share })
      .then([new TargetAmended({ ...fields, target: share, previousValue: null })])
  })
  it("replaces the target in state", () => {
    const state = fold(quotaPlanDecider, [planIssued, new TargetAmended({ ...fields, previousValue: 10 })])
    if (state.status !== "issued") throw new Error("expected issued")
    expect(state.plan.targets).toEqual([departures(12)])
  })
  it("rejects before issue", () => {
    given(quotaPlanDecider).when(amend).rejectedWith("PlanNotIssued")
  })
  it("rejects a negative target", () => {
    given(quotaPlanDecider, [planIssued])
      .when({ ...amend, target: departures(-1) })
      .rejectedWith("InvalidTarget")
  })
  it("rejects on a superseded plan", () => {
    given(quotaPlanDecider, [planIssued, superseded]).when(amend).rejectedWith("PlanAlreadySuperseded")
  })
})

describe("SupersedePlan", () => {
  const supersede = {
    _tag: "SupersedePlan",
    planId,
    supersededBy: "quota-plan:14:2026b",
    legalBasis: amendBasis,
    effectiveOn: "2026-06-01",
  } as const

  it("marks the plan superseded", () => {
    given(quotaPlanDecider, [planIssued]).when(supersede).then([superseded])
    const state = fold(quotaPlanDecider, [planIssued, superseded])
    expect(state.status).toBe("superseded")
  })
  it("rejects before issue", () => {
    given(quotaPlanDecider).when(supersede).rejectedWith("PlanNotIssued")
  })
  it("rejects twice", () => {
    given(quotaPlanDecider, [planIssued, superseded]).when(supersede).rejectedWith("PlanAlreadySuperseded")
  })
  it("rejects superseding itself", () => {
    given(quotaPlanDecider, [planIssued])
      .when({ ...supersede, supersededBy: planId })
      .rejectedWith("CannotSupersedeItself")
  })
})

describe("CorrectPlanRecord", () => {
  const correct = {
    _tag: "CorrectPlanRecord",
    planId,
    correctsEventId: "evt-1",
    reason: "Nhập sai số quyết định",
    correctedOn: "2026-02-01",
    legalBasis: { ...basis, number: "21/QĐ-UBND" },
  } as const
  const { _tag, ...fields } = correct

  it("records a correction of the legal basis", () => {
    given(quotaPlanDecider, [planIssued])
      .when(correct)
      .then([new QuotaPlanRecordCorrected(fields)])
    const state = fold(quotaPlanDecider, [planIssued, new QuotaPlanRecordCorrected(fields)])
    if (state.status !== "issued") throw new Error("expected issued")
    expect(state.plan.legalBasis.number).toBe("21/QĐ-UBND")
    expect(state.plan.changes[0]?.kind).toBe("record-corrected")
  })
  it("may correct a superseded plan's record", () => {
    given(quotaPlanDecider, [planIssued, superseded])
      .when(correct)
      .then([new QuotaPlanRecordCorrected(fields)])
  })
  it("rejects before issue", () => {
    given(quotaPlanDecider).when(correct).rejectedWith("PlanNotIssued")
  })
  it("rejects a correction without a reason", () => {
    given(quotaPlanDecider, [planIssued])
      .when({ ...correct, reason: " " })
      .rejectedWith("QuotaPlanCorrectionReasonMissing")
  })
  it("rejects a correction that changes nothing", () => {
    const { legalBasis: _basis, ...empty } = correct
    given(quotaPlanDecider, [planIssued]).when(empty).rejectedWith("QuotaPlanNothingToCorrect")
  })
  it("rejects allocations on a scheme", () => {
    given(quotaPlanDecider, [schemeIssued])
      .when({ ...correct, planId: schemeFields.planId, allocations: rows })
      .rejectedWith("NotAYearlyPlan")
  })
  it("rejects invalid corrected targets and rows", () => {
    given(quotaPlanDecider, [planIssued])
      .when({ ...correct, targets: [departures(-3)] })
      .rejectedWith("InvalidTarget")
    given(quotaPlanDecider, [planIssued])
      .when({ ...correct, allocations: [rows[0]!, rows[0]!] })
      .rejectedWith("DuplicateAllocationUnit")
  })
})

describe("VoidPlan", () => {
  const annulment: PrintedLegalBasis = { number: "400/QĐ-UBND", date: "2026-03-01", issuer: "UBND tỉnh Sơn La" }
  const voiding = {
    planId,
    correctsEventId: "e-plan",
    reason: "Kế hoạch ghi nhầm: trùng với kế hoạch đã ban hành",
    voidedOn: "2026-03-02",
  }

  it("given an issued plan, when it is voided with a reason, then it is void and keeps its record", () => {
    given(quotaPlanDecider, [planIssued])
      .when({ _tag: "VoidPlan", ...voiding })
      .then([new QuotaPlanVoided(voiding)])
    const state = fold(quotaPlanDecider, [planIssued, new QuotaPlanVoided({ ...voiding, legalBasis: annulment })])
    expect(state.status).toBe("void")
    if (state.status === "not-issued") throw new Error("unreachable")
    expect(state.plan.targets).toEqual(planIssued.targets)
    expect(state.plan.changes.at(-1)).toEqual({
      kind: "voided",
      on: "2026-03-02",
      legalBasis: annulment,
      reason: voiding.reason,
    })
  })

  it("voids a superseded plan and a scheme too, annulled by a cited decision", () => {
    const replaced = new PlanSuperseded({
      planId,
      supersededBy: "quota-plan:14:2026:b",
      legalBasis: amendBasis,
      effectiveOn: "2026-06-01",
    })
    given(quotaPlanDecider, [planIssued, replaced])
      .when({ _tag: "VoidPlan", ...voiding, legalBasis: annulment })
      .then([new QuotaPlanVoided({ ...voiding, legalBasis: annulment })])
    given(quotaPlanDecider, [schemeIssued])
      .when({ _tag: "VoidPlan", ...voiding, planId: schemeIssued.planId })
      .then([new QuotaPlanVoided({ ...voiding, planId: schemeIssued.planId })])
  })

  it("refuses voiding a plan never issued, voiding twice, or without a reason", () => {
    given(quotaPlanDecider)
      .when({ _tag: "VoidPlan", ...voiding })
      .rejectedWith("PlanNotIssued")
    const rejection = given(quotaPlanDecider, [planIssued, new QuotaPlanVoided(voiding)])
      .when({ _tag: "VoidPlan", ...voiding })
      .rejectedWith("PlanIsVoid")
    expect(rejection.message).toBe(`Kế hoạch ${planId} đã bị hủy; không ghi nhận thêm gì cho kế hoạch này`)
    given(quotaPlanDecider, [planIssued])
      .when({ _tag: "VoidPlan", ...voiding, reason: "  " })
      .rejectedWith("QuotaPlanCorrectionReasonMissing")
  })

  it("refuses every later command on a void plan, issuing it again included", () => {
    const history = [planIssued, new QuotaPlanVoided(voiding)]
    given(quotaPlanDecider, history).when(issuePlan).rejectedWith("PlanIsVoid")
    given(quotaPlanDecider, history)
      .when({
        _tag: "AmendTarget",
        planId,
        target: departures(12),
        legalBasis: amendBasis,
        effectiveOn: "2026-06-01",
        reason: "x",
      })
      .rejectedWith("PlanIsVoid")
    given(quotaPlanDecider, history)
      .when({
        _tag: "CorrectPlanRecord",
        planId,
        correctsEventId: "e-plan",
        reason: "x",
        correctedOn: "2026-03-05",
        printedTotal: 9,
      })
      .rejectedWith("PlanIsVoid")
  })
})
