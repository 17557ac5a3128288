import { QuotaPlan } from "@xkld/domain"
import type { AggregateView, DerivedRows } from "../aggregate/aggregate-projection.ts"

export interface PlanRow {
  readonly planId: string
  readonly kind: "scheme" | "plan"
  readonly provinceCode: string
  readonly year: number
  readonly title: string
  readonly targets: ReadonlyArray<QuotaPlan.Target>
  /** The head-count target for departures in this year, when the plan sets one. */
  readonly departureTarget: number | null
  readonly printedTotal: number | null
  readonly allocatedTotal: number
  readonly shareSum: number
  readonly legalBasis: QuotaPlan.PrintedLegalBasis
  readonly status: "issued" | "superseded"
  readonly supersededBy: string | null
  readonly changes: ReadonlyArray<QuotaPlan.PlanChange>
  readonly allocations: ReadonlyArray<QuotaPlan.Allocation>
}

/** Quota plans as issued and amended; the inconsistency of a printed table is data here, not an error. */
export const planView: AggregateView<QuotaPlan.QuotaPlanState> = {
  name: "plans",
  version: 1,
  streamTypes: [QuotaPlan.quotaPlanStreamType],
  initialState: QuotaPlan.quotaPlanDecider.initialState,
  evolve: (state, event) => QuotaPlan.quotaPlanDecider.evolve(state, event as QuotaPlan.QuotaPlanEvent),
  tables: ["plans"],
  derive: (state): DerivedRows => {
    // A void plan leaves the table (its row goes): as of a time before the void it still shows.
    if (state.status === "not-issued" || state.status === "void") return {}
    const plan = state.plan
    const target = QuotaPlan.departureTarget(plan.targets, plan.toYear)
    const row: PlanRow = {
      planId: plan.planId,
      kind: plan.kind,
      provinceCode: plan.provinceCode,
      year: plan.toYear,
      title: plan.title,
      targets: plan.targets,
      departureTarget: target ? target.value : null,
      printedTotal: plan.printedTotal,
      allocatedTotal: plan.allocations.reduce((sum, a) => sum + a.headCount, 0),
      shareSum: Math.round(plan.allocations.reduce((sum, a) => sum + a.sharePercent, 0) * 100) / 100,
      legalBasis: plan.legalBasis,
      status: state.status,
      supersededBy: plan.supersededBy,
      changes: plan.changes,
      allocations: plan.allocations,
    }
    return {
      plans: [{ key: plan.planId, provinceCode: plan.provinceCode, year: plan.toYear, unitId: null, data: row }],
    }
  },
}
