export type { AppendOutcome, AppendRequest } from "./append.ts"
export type { AppendBatchOutcome } from "./append-batch.ts"
export type { BackendName, Database, PoolStats } from "./backends/database.ts"
export { hostRouting } from "./backends/hosts.ts"
export { openPglite } from "./backends/pglite.ts"
export { openPostgres } from "./backends/postgres.ts"
export { compareCheckpoints, formatCheckpoint, parseCheckpoint } from "./checkpoint.ts"
export {
  CheckpointConflict,
  IdempotencyConflict,
  StoreFailure,
  StreamTypeMismatch,
  WrongExpectedVersion,
  type AppendError,
} from "./errors.ts"
export { openEventLog, type EventLog, type EventLogOptions } from "./event-log.ts"
export { EventMetadataSchema } from "./metadata.ts"
export { migrateToLatest, pendingMigrations } from "./migrate.ts"
export { openDatabase, type DatabaseConfig } from "./open.ts"
export { configFromEnv, describeConfig } from "./cli/config.ts"
export type { ReadAllOptions, ReadEventsOptions, ReadStreamOptions, ReadStreamsOptions } from "./read.ts"
export { NOTIFY_CHANNEL } from "./subscription/wake-up.ts"
export type { CatchUpOptions, Subscription } from "./subscription/catch-up.ts"
export type { Seal } from "./tamper/seal.ts"
export { describeProblem, type VerifyProblem, type VerifyReport } from "./tamper/verify.ts"
export {
  START,
  type AppendResult,
  type Checkpoint,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
} from "./types.ts"
