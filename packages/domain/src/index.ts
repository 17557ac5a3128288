// The public API of @xkld/domain.
// Shared kernel and the event registry: flat. Concepts: one namespace each (`Worker.workerDecider`), so that
// names that clash (admin-unit, enterprise and worker each export `eventTypes`) or may clash later stay apart.
// Note: `AdminUnit` includes the bundled-CSV readers, which import node:fs (server-side only).

export * from "./shared/decider.ts"
export * from "./shared/values.ts"
export * from "./shared/dates.ts"
export * from "./shared/correction.ts"
export type * from "./shared/event-type.ts"
export * from "./shared/stream-id.ts"
export * from "./shared/unknown-stream-event.ts"

export * from "./registry/index.ts"

export * as AdminUnit from "./admin-unit/index.ts"
export * as Enterprise from "./enterprise/index.ts"
export * as PersonalData from "./personal-data/index.ts"
export * as PlanTask from "./plan-task/index.ts"
export * as QuotaPlan from "./quota-plan/index.ts"
export * as Reference from "./reference/index.ts"
export * as Report from "./report/index.ts"
export * as ReportingObligation from "./reporting-obligation/index.ts"
export * as Target from "./target/index.ts"
export * as Worker from "./worker/index.ts"
