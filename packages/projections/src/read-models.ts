import type { EventLog } from "@xkld/event-store"
import { aggregateProjection } from "./aggregate/aggregate-projection.ts"
import { enterpriseView, type EnterpriseRow } from "./enterprise/view.ts"
import { planView, type PlanRow } from "./plan/view.ts"
import type { TableOf } from "./queries/as-of.ts"
import { attainment, type AttainmentQuery } from "./queries/attainment.ts"
import { departedDifference } from "./queries/difference.ts"
import { departedLineage, type LineageQuery } from "./queries/lineage.ts"
import type { Period } from "./queries/period.ts"
import { dataRows, departureRows, workerRows, type RowFilter } from "./queries/rows.ts"
import {
  scoreboard,
  targetLineage,
  type TargetLineage,
  type TargetQuery,
  type TargetScoreboard,
} from "./queries/targets.ts"
import { departureBreakdown, finance, funnel, outcomes, trainingCoverage } from "./queries/statistics.ts"
import {
  createProjectionRunner,
  type Projection,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
} from "./runner/index.ts"
import { planTaskView, reportingObligationView } from "./tasks/view.ts"
import { CatalogueSource } from "./units/catalogue-source.ts"
import type { DepartureRow } from "./worker/derive.ts"
import { workerView } from "./worker/view.ts"

/** Every read model of the registry, as runner projections. */
export const readModelProjections: ReadonlyArray<Projection> = [
  aggregateProjection(workerView),
  aggregateProjection(planView),
  aggregateProjection(enterpriseView),
  aggregateProjection(planTaskView),
  aggregateProjection(reportingObligationView),
]

export interface ReadModels {
  readonly runner: ProjectionRunner
  readonly catalogues: CatalogueSource
  readonly attainment: (query: AttainmentQuery) => ReturnType<typeof attainment>
  readonly lineage: (query: LineageQuery) => ReturnType<typeof departedLineage>
  /** Every target of the plans and programmes in force, measured (issue 9 §2). */
  readonly targets: (query: TargetQuery) => Promise<TargetScoreboard>
  /** The events behind one target's measured value; undefined when no plan in force sets it. */
  readonly targetLineage: (query: TargetQuery & { readonly targetId: string }) => Promise<TargetLineage | undefined>
  readonly difference: (query: Parameters<typeof departedDifference>[2]) => ReturnType<typeof departedDifference>
  readonly workers: (filter: RowFilter) => ReturnType<typeof workerRows>
  readonly departures: (filter: RowFilter) => Promise<ReadonlyArray<DepartureRow>>
  readonly funnel: (filter: RowFilter, period?: Period) => Promise<ReturnType<typeof funnel>>
  readonly departureBreakdown: (
    filter: RowFilter,
    period: Period | undefined,
    isHighIncome: (d: DepartureRow) => boolean | undefined,
  ) => Promise<ReturnType<typeof departureBreakdown>>
  readonly outcomes: (filter: RowFilter) => Promise<ReturnType<typeof outcomes>>
  readonly trainingCoverage: (filter: RowFilter, period?: Period) => Promise<ReturnType<typeof trainingCoverage>>
  readonly finance: (filter: RowFilter) => Promise<ReturnType<typeof finance>>
  readonly plans: (filter: RowFilter) => Promise<ReadonlyArray<PlanRow>>
  readonly enterprises: (filter: RowFilter) => Promise<ReadonlyArray<EnterpriseRow>>
  readonly tasks: (filter: RowFilter) => Promise<ReadonlyArray<unknown>>
  readonly obligations: (filter: RowFilter) => Promise<ReadonlyArray<unknown>>
}

/** The read models over one log: the runner that keeps them and the queries that read them. */
export function createReadModels(log: EventLog, options: ProjectionRunnerOptions = {}): ReadModels {
  const runner = createProjectionRunner(log, readModelProjections, options)
  const catalogues = new CatalogueSource(log)
  const tableOf: TableOf = (projection, table) => runner.tablesOf(projection)[table]!
  const db = log.database.db
  const targetSources = {
    log,
    catalogues,
    departures: (filter: RowFilter) => departureRows(db, tableOf, filter),
    workers: (filter: RowFilter) => workerRows(db, tableOf, filter),
  }
  return {
    runner,
    catalogues,
    attainment: (query) => attainment(db, tableOf, catalogues, query),
    lineage: (query) => departedLineage(log, tableOf, catalogues, query),
    targets: (query) => scoreboard(targetSources, query),
    targetLineage: (query) => targetLineage(targetSources, query),
    difference: (query) => departedDifference(log, tableOf, query),
    workers: (filter) => workerRows(db, tableOf, filter),
    departures: (filter) => departureRows(db, tableOf, filter),
    funnel: async (filter, period) => funnel(await workerRows(db, tableOf, filter), period),
    departureBreakdown: async (filter, period, isHighIncome) =>
      departureBreakdown(await departureRows(db, tableOf, filter), period, isHighIncome),
    outcomes: async (filter) => outcomes(await workerRows(db, tableOf, filter)),
    trainingCoverage: async (filter, period) =>
      trainingCoverage(await departureRows(db, tableOf, filter), await workerRows(db, tableOf, filter), period),
    finance: async (filter) => finance(await workerRows(db, tableOf, filter)),
    plans: (filter) => dataRows<PlanRow>(db, tableOf("plans", "plans"), filter),
    enterprises: (filter) => dataRows<EnterpriseRow>(db, tableOf("enterprises", "enterprises"), filter),
    tasks: (filter) => dataRows(db, tableOf("plan_tasks", "tasks"), filter),
    obligations: (filter) => dataRows(db, tableOf("reporting", "obligations"), filter),
  }
}
