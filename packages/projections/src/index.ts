export * from "./runner/index.ts"
export {
  aggregateProjection,
  decodeRecorded,
  UndecodableEvent,
  type AggregateView,
  type DerivedRows,
} from "./aggregate/aggregate-projection.ts"
export { createReadModels, readModelProjections, type ReadModels } from "./read-models.ts"
export { knownAt, type TableOf } from "./queries/as-of.ts"
export type { Attainment, AttainmentItem, AttainmentQuery, SplitRule } from "./queries/attainment.ts"
export type { Lineage, LineageEvent, LineageQuery } from "./queries/lineage.ts"
export {
  targetScoreboard,
  type TargetItem,
  type TargetLineage,
  type TargetPlan,
  type TargetQuery,
  type TargetScoreboard,
} from "./queries/targets.ts"
export { parsePeriod, yearPeriod, yearsOf, type Period } from "./queries/period.ts"
export type { RowFilter } from "./queries/rows.ts"
export * from "./queries/statistics.ts"
export { CatalogueSource } from "./units/catalogue-source.ts"
export type { DepartureRow, WorkerRow } from "./worker/derive.ts"
export type { PlanRow } from "./plan/view.ts"
export type { EnterpriseRow } from "./enterprise/view.ts"
export type { DepartureChange, Difference } from "./queries/difference.ts"
export { occurredAtOf, toStoreRecords, type RecordContext, type RecordOptions } from "./records/store-records.ts"
