export { contentHash } from "./content-hash.ts"
export {
  appliedTable,
  checkpointName,
  physicalTable,
  tableNames,
  type Projection,
  type TableNames,
} from "./projection.ts"
export {
  createProjectionRunner,
  ProjectionPaused,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
} from "./runner.ts"
export type { ProjectionState, ProjectionStatus } from "./status-store.ts"
