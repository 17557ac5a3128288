import { Result } from "effect"
import type { Decider } from "../shared/decider.ts"
import { knownEventGuard, unknownEvent } from "../shared/unknown-stream-event.ts"
import { type Allocation, allocationProblem } from "./allocation.ts"
import type {
  AmendAllocation,
  AmendTarget,
  CorrectPlanRecord,
  IssuePlan,
  IssueScheme,
  QuotaPlanCommand,
  SupersedePlan,
  VoidPlan,
} from "./commands.ts"
import {
  AllocationAmended,
  PlanIssued,
  PlanSuperseded,
  QuotaPlanRecordCorrected,
  QuotaPlanVoided,
  SchemeIssued,
  TargetAmended,
  eventTypes as quotaPlanEventTypes,
  quotaPlanStreamType,
  type QuotaPlanEvent,
} from "./events.ts"
import {
  CannotSupersedeItself,
  QuotaPlanCorrectionReasonMissing,
  DuplicateAllocationUnit,
  InvalidAllocation,
  InvalidPeriod,
  InvalidTarget,
  MissingDepartureTarget,
  NotAYearlyPlan,
  QuotaPlanNothingToCorrect,
  PlanAlreadyIssued,
  PlanAlreadySuperseded,
  PlanIsVoid,
  PlanNotIssued,
  UnknownUnitInAmendment,
  type QuotaPlanRejection,
} from "./rejections.ts"
import type { QuotaPlanState, QuotaPlanView } from "./state.ts"
import { type Target, departureTarget, sameTarget, targetProblem } from "./target.ts"

type Decision = Result.Result<ReadonlyArray<QuotaPlanEvent>, QuotaPlanRejection>

const ok = (...events: ReadonlyArray<QuotaPlanEvent>): Decision => Result.succeed(events)

const checkTargets = (planId: string, targets: ReadonlyArray<Target>, from: number | null, to: number) => {
  for (const t of targets) {
    const problem = targetProblem(t)
    if (problem !== undefined)
      return new InvalidTarget({ planId, message: problem, messageEn: `invalid target ${t.kind}` })
    if (t.byYear > to || (from !== null && t.byYear < from))
      return new InvalidTarget({
        planId,
        message: `Chỉ tiêu "${t.kind}" cho năm ${t.byYear} nằm ngoài thời kỳ của kế hoạch`,
        messageEn: `target year ${t.byYear} outside the plan period`,
      })
  }
  return undefined
}

const checkAllocations = (planId: string, rows: ReadonlyArray<Allocation>) => {
  const seen = new Set<string>()
  for (const row of rows) {
    const problem = allocationProblem(row)
    if (problem !== undefined)
      return new InvalidAllocation({ planId, message: problem, messageEn: "invalid allocation row" })
    if (seen.has(row.unitCode))
      return new DuplicateAllocationUnit({
        planId,
        unitCode: row.unitCode,
        message: `Đơn vị ${row.unitName} (${row.unitCode}) xuất hiện hai lần trong bảng giao chỉ tiêu`,
        messageEn: `unit ${row.unitCode} appears twice`,
      })
    seen.add(row.unitCode)
  }
  return undefined
}

const notIssued = (planId: string) =>
  new PlanNotIssued({
    planId,
    message: `Kế hoạch ${planId} chưa được ban hành`,
    messageEn: `plan ${planId} not issued`,
  })

const superseded = (plan: QuotaPlanView) =>
  new PlanAlreadySuperseded({
    planId: plan.planId,
    message: `Kế hoạch ${plan.planId} đã được thay thế bởi ${plan.supersededBy ?? "kế hoạch khác"}, không thể sửa đổi`,
    messageEn: `plan ${plan.planId} is superseded`,
  })

const isVoid = (planId: string) =>
  new PlanIsVoid({
    planId,
    message: `Kế hoạch ${planId} đã bị hủy; không ghi nhận thêm gì cho kế hoạch này`,
    messageEn: `plan ${planId} is void`,
  })

/** The plan when it may still change, or the rejection. */
const changeable = (state: QuotaPlanState, planId: string): Result.Result<QuotaPlanView, QuotaPlanRejection> => {
  if (state.status === "not-issued") return Result.fail(notIssued(planId))
  if (state.status === "void") return Result.fail(isVoid(planId))
  if (state.status === "superseded") return Result.fail(superseded(state.plan))
  return Result.succeed(state.plan)
}

const alreadyIssued = (planId: string) =>
  new PlanAlreadyIssued({
    planId,
    message: `Kế hoạch ${planId} đã được ban hành`,
    messageEn: `plan ${planId} already issued`,
  })

const issueScheme = (c: IssueScheme, state: QuotaPlanState): Decision => {
  if (state.status === "void") return Result.fail(isVoid(c.planId))
  if (state.status !== "not-issued") return Result.fail(alreadyIssued(c.planId))
  if (c.fromYear !== null && c.fromYear > c.toYear)
    return Result.fail(
      new InvalidPeriod({
        planId: c.planId,
        message: `Thời kỳ ${c.fromYear}–${c.toYear} không hợp lệ`,
        messageEn: "period starts after it ends",
      }),
    )
  const bad = checkTargets(c.planId, c.targets, c.fromYear, c.toYear)
  if (bad) return Result.fail(bad)
  const { _tag, ...fields } = c
  return ok(new SchemeIssued({ ...fields, targets: [...c.targets] }))
}

const issuePlan = (c: IssuePlan, state: QuotaPlanState): Decision => {
  if (state.status === "void") return Result.fail(isVoid(c.planId))
  if (state.status !== "not-issued") return Result.fail(alreadyIssued(c.planId))
  const badTarget = checkTargets(c.planId, c.targets, c.year, c.year)
  if (badTarget) return Result.fail(badTarget)
  const badRow = checkAllocations(c.planId, c.allocations)
  if (badRow) return Result.fail(badRow)
  if (c.printedTotal !== null && (!Number.isInteger(c.printedTotal) || c.printedTotal < 0))
    return Result.fail(
      new InvalidAllocation({
        planId: c.planId,
        message: "Dòng tổng cộng phải là số nguyên không âm",
        messageEn: "bad total",
      }),
    )
  if (c.allocations.length > 0 && departureTarget(c.targets, c.year) === undefined)
    return Result.fail(
      new MissingDepartureTarget({
        planId: c.planId,
        message: "Bảng giao chỉ tiêu cần có chỉ tiêu số người đi làm việc ở nước ngoài của năm kế hoạch",
        messageEn: "allocations need a departures target for the plan year",
      }),
    )
  // An inconsistent table (rows ≠ target, shares ≠ 100%) is recorded as issued: `consistency` reports it.
  const { _tag, ...fields } = c
  return ok(new PlanIssued({ ...fields, targets: [...c.targets], allocations: [...c.allocations] }))
}

const amendAllocation = (c: AmendAllocation, state: QuotaPlanState): Decision =>
  Result.flatMap(changeable(state, c.planId), (plan): Decision => {
    if (plan.kind !== "plan")
      return Result.fail(
        new NotAYearlyPlan({
          planId: c.planId,
          message: "Đề án nhiều năm không có bảng giao chỉ tiêu",
          messageEn: "a scheme has no allocations",
        }),
      )
    if (c.changes.length === 0)
      return Result.fail(
        new InvalidAllocation({
          planId: c.planId,
          message: "Không có dòng nào được điều chỉnh",
          messageEn: "no changes",
        }),
      )
    const bad = checkAllocations(c.planId, c.changes)
    if (bad) return Result.fail(bad)
    const known = new Set(plan.allocations.map((a) => a.unitCode))
    const unknown = c.changes.find((a) => !known.has(a.unitCode))
    if (unknown)
      return Result.fail(
        new UnknownUnitInAmendment({
          planId: c.planId,
          unitCode: unknown.unitCode,
          message: `Đơn vị ${unknown.unitName} (${unknown.unitCode}) không có trong bảng giao chỉ tiêu của kế hoạch`,
          messageEn: `unit ${unknown.unitCode} is not allocated in this plan`,
        }),
      )
    const { _tag, ...fields } = c
    return ok(new AllocationAmended({ ...fields, changes: [...c.changes] }))
  })

const amendTarget = (c: AmendTarget, state: QuotaPlanState): Decision =>
  Result.flatMap(changeable(state, c.planId), (plan): Decision => {
    const bad = checkTargets(c.planId, [c.target], plan.fromYear, plan.toYear)
    if (bad) return Result.fail(bad)
    const previous = plan.targets.find((t) => sameTarget(t, c.target))
    const { _tag, ...fields } = c
    return ok(new TargetAmended({ ...fields, previousValue: previous?.value ?? null }))
  })

const supersede = (c: SupersedePlan, state: QuotaPlanState): Decision =>
  Result.flatMap(changeable(state, c.planId), (): Decision => {
    if (c.supersededBy === c.planId)
      return Result.fail(
        new CannotSupersedeItself({
          planId: c.planId,
          message: "Kế hoạch không thể tự thay thế chính nó",
          messageEn: "cannot supersede itself",
        }),
      )
    const { _tag, ...fields } = c
    return ok(new PlanSuperseded(fields))
  })

const correct = (c: CorrectPlanRecord, state: QuotaPlanState): Decision => {
  if (state.status === "not-issued") return Result.fail(notIssued(c.planId))
  if (state.status === "void") return Result.fail(isVoid(c.planId))
  const plan = state.plan
  if (c.reason.trim() === "")
    return Result.fail(
      new QuotaPlanCorrectionReasonMissing({
        planId: c.planId,
        message: "Phải nêu lý do đính chính",
        messageEn: "a correction needs a reason",
      }),
    )
  const { _tag, ...fields } = c
  const { planId: _planId, correctsEventId: _eventId, reason: _reason, correctedOn: _on, ...replacement } = fields
  if (Object.values(replacement).every((v) => v === undefined))
    return Result.fail(
      new QuotaPlanNothingToCorrect({
        planId: c.planId,
        message: "Đính chính không thay đổi nội dung nào",
        messageEn: "nothing to correct",
      }),
    )
  if (c.allocations !== undefined && plan.kind !== "plan")
    return Result.fail(
      new NotAYearlyPlan({
        planId: c.planId,
        message: "Đề án nhiều năm không có bảng giao chỉ tiêu",
        messageEn: "a scheme has no allocations",
      }),
    )
  const badTarget = c.targets ? checkTargets(c.planId, c.targets, plan.fromYear, plan.toYear) : undefined
  if (badTarget) return Result.fail(badTarget)
  const badRow = c.allocations ? checkAllocations(c.planId, c.allocations) : undefined
  if (badRow) return Result.fail(badRow)
  return ok(
    new QuotaPlanRecordCorrected({
      ...fields,
      targets: c.targets ? [...c.targets] : undefined,
      allocations: c.allocations ? [...c.allocations] : undefined,
    }),
  )
}

/** A superseded plan may be voided too (it was recorded by mistake); a void one not again. */
const voidPlan = (c: VoidPlan, state: QuotaPlanState): Decision => {
  if (state.status === "not-issued") return Result.fail(notIssued(c.planId))
  if (state.status === "void") return Result.fail(isVoid(c.planId))
  if (c.reason.trim() === "")
    return Result.fail(
      new QuotaPlanCorrectionReasonMissing({
        planId: c.planId,
        message: "Phải nêu lý do hủy kế hoạch",
        messageEn: "voiding a plan needs a reason",
      }),
    )
  const { _tag, ...fields } = c
  return ok(new QuotaPlanVoided(fields))
}

const withChange = (
  plan: QuotaPlanView,
  change: QuotaPlanView["changes"][number],
  patch: Partial<QuotaPlanView>,
): QuotaPlanView => ({
  ...plan,
  ...patch,
  changes: [...plan.changes, change],
})

const known = knownEventGuard(quotaPlanStreamType, quotaPlanEventTypes)

const evolve = (state: QuotaPlanState, event: QuotaPlanEvent): QuotaPlanState => {
  known(event)
  switch (event._tag) {
    case "SchemeIssued": {
      const { _tag, ...rest } = event
      return {
        status: "issued",
        plan: {
          ...rest,
          kind: "scheme",
          schemeId: null,
          allocations: [],
          printedTotal: null,
          changes: [],
          supersededBy: null,
        },
      }
    }
    case "PlanIssued": {
      const { _tag, year, ...rest } = event
      return {
        status: "issued",
        plan: { ...rest, kind: "plan", fromYear: year, toYear: year, changes: [], supersededBy: null },
      }
    }
  }
  if (state.status === "not-issued") return state
  const plan = state.plan
  switch (event._tag) {
    case "AllocationAmended": {
      const byUnit = new Map(event.changes.map((a) => [a.unitCode, a]))
      const allocations = plan.allocations.map((a) => byUnit.get(a.unitCode) ?? a)
      const change = {
        kind: "allocation-amended",
        on: event.effectiveOn,
        legalBasis: event.legalBasis,
        reason: event.reason,
      } as const
      return { ...state, plan: withChange(plan, change, { allocations }) }
    }
    case "TargetAmended": {
      const exists = plan.targets.some((t) => sameTarget(t, event.target))
      const targets = exists
        ? plan.targets.map((t) => (sameTarget(t, event.target) ? event.target : t))
        : [...plan.targets, event.target]
      const change = {
        kind: "target-amended",
        on: event.effectiveOn,
        legalBasis: event.legalBasis,
        reason: event.reason,
      } as const
      return { ...state, plan: withChange(plan, change, { targets }) }
    }
    case "PlanSuperseded": {
      const change = {
        kind: "superseded",
        on: event.effectiveOn,
        legalBasis: event.legalBasis,
        reason: `→ ${event.supersededBy}`,
      } as const
      return { status: "superseded", plan: withChange(plan, change, { supersededBy: event.supersededBy }) }
    }
    case "QuotaPlanRecordCorrected": {
      const patch: Partial<QuotaPlanView> = {}
      if (event.title !== undefined) Object.assign(patch, { title: event.title })
      if (event.targets !== undefined) Object.assign(patch, { targets: event.targets })
      if (event.allocations !== undefined) Object.assign(patch, { allocations: event.allocations })
      if (event.printedTotal !== undefined) Object.assign(patch, { printedTotal: event.printedTotal })
      if (event.legalBasis !== undefined) Object.assign(patch, { legalBasis: event.legalBasis })
      const change = {
        kind: "record-corrected",
        on: event.correctedOn,
        legalBasis: null,
        reason: event.reason,
      } as const
      return { ...state, plan: withChange(plan, change, patch) }
    }
    case "QuotaPlanVoided": {
      const change = {
        kind: "voided",
        on: event.voidedOn,
        legalBasis: event.legalBasis ?? null,
        reason: event.reason,
      } as const
      return { status: "void", plan: withChange(plan, change, {}) }
    }
    default:
      return unknownEvent(quotaPlanStreamType, event)
  }
}

const decide = (command: QuotaPlanCommand, state: QuotaPlanState): Decision => {
  switch (command._tag) {
    case "IssueScheme":
      return issueScheme(command, state)
    case "IssuePlan":
      return issuePlan(command, state)
    case "AmendAllocation":
      return amendAllocation(command, state)
    case "AmendTarget":
      return amendTarget(command, state)
    case "SupersedePlan":
      return supersede(command, state)
    case "CorrectPlanRecord":
      return correct(command, state)
    case "VoidPlan":
      return voidPlan(command, state)
  }
}

export const quotaPlanDecider: Decider<QuotaPlanCommand, QuotaPlanState, QuotaPlanEvent, QuotaPlanRejection> = {
  initialState: { status: "not-issued" },
  decide,
  evolve,
}
