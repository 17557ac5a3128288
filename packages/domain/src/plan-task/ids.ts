import { streamIdKind } from "../shared/stream-id.ts"

/** Ids of plan tasks, which are also their stream ids: `plan-task:14:2026:VIII.1`. */
export const taskIds = streamIdKind("plan-task", "Mã nhiệm vụ", "plan-task:14:2026:VIII.1")
export const isTaskId = taskIds.is
export const taskStreamId = taskIds.make
/** Input schema of a task id (400 with a Vietnamese field message when it is not one). */
export const TaskId = taskIds.schema
