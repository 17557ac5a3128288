import { AdminUnit, PlanTask, ReportingObligation, vietnamDateOf } from "@xkld/domain"
import {
  parsePeriod,
  targetScoreboard,
  yearsOf,
  type Attainment,
  type DepartureRow,
  type Period,
  type ReadModels,
  type RowFilter,
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
  /**
   * The reporter whose rows alone were read (a commune's or ward's code: its units and those merged whole into
   * it), or absent when the whole province's were: such data builds that reporter's report and no other.
   */
  readonly rowsOf?: string
  /** Figures dated up to this day only (`LoadOptions.through`); absent: to the as-of day. */
  readonly through?: string
}

export interface LoadOptions {
  /** Only the province's report prints the scoreboard, and it is the dearest read: a commune's request skips it. */
  readonly scoreboard?: boolean
  /**
   * One commune's or ward's report (its code): read only the rows of its units — its own and those merged whole
   * into it, the ones its report counts — instead of the province's. The figures are the same as cut from the
   * province's rows (the test builds every commune both ways); the read is proportional to the commune.
   */
  readonly rowsOf?: string
  /**
   * Figures dated up to this day only (yyyy-mm-dd), as known at `asOf`: the days an earlier report covered, for
   * its difference (ADR 0020: the same days compared, late records and corrections about them, not later days).
   * Attainment and the scoreboard count departures to it; the builder cuts the rows (`ProvinceData.through`).
   */
  readonly through?: string
}

export async function loadProvinceData(
  models: ReadModels,
  query: { readonly provinceCode: string; readonly period: ReportPeriod; readonly asOf: Date },
  options: LoadOptions = {},
): Promise<ProvinceData> {
  const { provinceCode, period, asOf } = query
  const filter = { provinceCode, asOf }
  const rowsRead = (f: RowFilter) =>
    Promise.all([models.departures({ ...f, years: yearsOf(period) }), models.workers(f)] as const)
  // the province's rows are read with the rest; a commune's once its units are known (they need the catalogue)
  const provinceRows = options.rowsOf === undefined ? rowsRead(filter) : undefined
  provinceRows?.catch(() => undefined) // awaited below; a failure of the reads beside it must not leave it unhandled
  const [attainment, scoreboard, tasks, obligations, catalogue] = await Promise.all([
    models.attainment({
      provinceCode,
      year: period.year,
      asOf,
      splitRule: "not-attributable",
      ...(options.through === undefined ? {} : { through: options.through }),
    }),
    // "today" is the as-of day, never the calendar's: the same request gives the same figures on any later day
    options.scoreboard === false
      ? null
      : targetScoreboard(models, {
          provinceCode,
          year: period.year,
          asOf,
          today: vietnamDateOf(asOf),
          ...(options.through === undefined ? {} : { through: options.through }),
        }),
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
  const [departures, workers] = await (provinceRows ??
    rowsRead({ ...filter, unitIds: unitsCountedIn(catalogue, attainment, options.rowsOf!, homeUnit) }))
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
    ...(options.rowsOf === undefined ? {} : { rowsOf: options.rowsOf }),
    ...(options.through === undefined ? {} : { through: options.through }),
  }
}

/**
 * The units whose rows a commune's report counts: the commune and every unit it succeeded (transitively) whose
 * home is the commune. A unit counts in a commune only through succession, so its predecessors are the only
 * candidates; an unknown code has none (its report is refused when built).
 */
function unitsCountedIn(
  catalogue: AdminUnit.Catalogue,
  attainment: Attainment,
  unitCode: string,
  homeUnit: (unitId: string) => string | undefined,
): ReadonlyArray<string> {
  const item = attainment.items.find((i) => i.unitCode === unitCode)
  if (!item) return []
  const seen = new Set([item.unitId])
  const queue = [item.unitId]
  while (queue.length > 0)
    for (const p of AdminUnit.predecessors(catalogue, queue.pop()!))
      if (!seen.has(p.unitId)) {
        seen.add(p.unitId)
        queue.push(p.unitId)
      }
  return [...seen].filter((id) => homeUnit(id) === item.unitId).toSorted()
}
