import { AdminUnit, PlanTask, ReportingObligation, vietnamDateOf } from "@xkld/domain"
import {
  parsePeriod,
  targetScoreboard,
  yearsOf,
  type Attainment,
  type DepartureRow,
  type Period,
  type ReadModels,
  type TargetScoreboard,
  type WorkerRow,
} from "@xkld/projections"

export type TaskRow = PlanTask.PlanTaskView & { readonly status: "open" | "completed" }
export type ObligationRow = ReportingObligation.ReportingObligationView

/** A reporting period: "2026-H1" (6 tháng đầu năm) or "2026" (năm). */
export interface ReportPeriod extends Period {
  readonly code: string
  readonly year: number
  readonly kind: "six-month" | "annual"
  readonly label: string
}

export const PERIOD_PATTERN = /^\d{4}(-H1)?$/

/** The report's period, or undefined for anything but `yyyy-H1` and `yyyy`. */
export function reportPeriod(code: string): ReportPeriod | undefined {
  if (!PERIOD_PATTERN.test(code)) return undefined
  const period = parsePeriod(code)
  if (!period) return undefined
  const year = Number(code.slice(0, 4))
  const six = code.endsWith("-H1")
  return {
    ...period,
    code,
    year,
    kind: six ? "six-month" : "annual",
    label: six ? `6 tháng đầu năm ${year}` : `năm ${year}`,
  }
}

/**
 * Everything a province's reports are built from, read once as known at `asOf`: the year's attainment, the
 * departure and worker rows, plan tasks, reporting obligations, the unit catalogue. Every commune's report is cut
 * from the same rows, so the communes' figures add up to the province's (or the rest is shown as not attributable).
 */
export interface ProvinceData {
  readonly provinceCode: string
  readonly provinceName: string
  readonly period: ReportPeriod
  readonly asOf: Date
  readonly catalogue: AdminUnit.Catalogue
  readonly attainment: Attainment
  /** Every target of the plans and programmes in force (issue 9), measured as known at `asOf`; null when not read. */
  readonly scoreboard: TargetScoreboard | null
  readonly departures: ReadonlyArray<DepartureRow>
  readonly workers: ReadonlyArray<WorkerRow>
  readonly tasks: ReadonlyArray<TaskRow>
  readonly obligations: ReadonlyArray<ObligationRow>
  /** The reporting unit (attainment row) a worker's unit of record counts under; absent: not attributable. */
  readonly homeUnit: (unitId: string) => string | undefined
}

export async function loadProvinceData(
  models: ReadModels,
  query: { readonly provinceCode: string; readonly period: ReportPeriod; readonly asOf: Date },
  /** Only the province's report prints the scoreboard, and it is the dearest read: a commune's request skips it. */
  options: { readonly scoreboard?: boolean } = {},
): Promise<ProvinceData> {
  const { provinceCode, period, asOf } = query
  const filter = { provinceCode, asOf }
  const [attainment, scoreboard, departures, workers, tasks, obligations, catalogue] = await Promise.all([
    models.attainment({ provinceCode, year: period.year, asOf, splitRule: "not-attributable" }),
    // "today" is the as-of day, never the calendar's: the same request gives the same figures on any later day
    options.scoreboard === false
      ? null
      : targetScoreboard(models, { provinceCode, year: period.year, asOf, today: vietnamDateOf(asOf) }),
    models.departures({ ...filter, years: yearsOf(period) }),
    models.workers(filter),
    models.tasks({ asOf }) as Promise<ReadonlyArray<TaskRow>>,
    models.obligations(filter) as Promise<ReadonlyArray<ObligationRow>>,
    models.catalogues.at(asOf),
  ])
  const planUnits = new Set(attainment.items.map((i) => i.unitId))
  const planIds = new Set(attainment.plan ? [attainment.plan.planId] : [])
  const endDate = period.to
  const home = new Map<string, string | undefined>()
  // The rule of attainment's "not-attributable": a unit of the plan counts as itself; an old unit merged whole
  // into one of them counts there; a split one counts in no unit (only in the province's total).
  const homeUnit = (unitId: string) => {
    if (planUnits.has(unitId)) return unitId
    if (home.has(unitId)) return home.get(unitId)
    const successors = AdminUnit.successorsToday(catalogue, unitId, endDate).filter((s) => planUnits.has(s.unitId))
    const only = successors.length === 1 && !successors[0]!.viaSplit ? successors[0]!.unitId : undefined
    home.set(unitId, only)
    return only
  }
  const province = AdminUnit.unitOn(catalogue, provinceCode, vietnamDateOf(asOf)).find((u) => u.kind === "province")
  return {
    provinceCode,
    provinceName: province?.name ?? `Tỉnh ${provinceCode}`,
    period,
    asOf,
    catalogue,
    attainment,
    scoreboard,
    departures,
    workers,
    tasks: tasks.filter((t) => planIds.size === 0 || planIds.has(t.planId)),
    obligations: obligations.filter((o) => o.period.year === period.year),
    homeUnit,
  }
}
