export { AgencyList } from "./agency-list.ts"
export type * from "./commands.ts"
export { planTaskDecider } from "./decider.ts"
export {
  eventTypes as planTaskEventTypes,
  PlanTaskAssigned,
  PlanTaskCompleted,
  PlanTaskProgressReported,
  PlanTaskRecordCorrected,
  PlanTaskVoided,
  planTaskStreamType,
  TaskGroup,
  type PlanTaskEvent,
} from "./events.ts"
export { isOverdue as isTaskOverdue, overdueTasks, taskStatus, type TaskStatus } from "./overdue.ts"
export * from "./rejections.ts"
export type * from "./state.ts"
export { dueDate as timeFrameDueDate, parseTimeFrame, TimeFrame } from "./time-frame.ts"
export * from "./data/seed-events.ts"
export * from "./data/son-la-2026-tasks.ts"
export * from "./ids.ts"
export * from "./data/son-la-notice-2025-tasks.ts"
export * from "./data/lao-cai-2025-tasks.ts"
export * from "./data/lai-chau-ct20-tasks.ts"
