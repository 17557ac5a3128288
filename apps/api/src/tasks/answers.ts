import { IsoDate, PlanTask } from "@xkld/domain"
import { Schema } from "effect"
import { RecordAnswerBody } from "../http/answers.ts"
import { StatusPageBody } from "../http/query.ts"

/** Where a task stands on the business date asked for (`PlanTask.taskStatus`). */
export const TaskStatus = Schema.Literals(["ongoing", "open", "overdue", "completed-on-time", "completed-late"])

const ProgressEntry = Schema.Struct({
  reportedOn: IsoDate,
  summary: Schema.String,
  percentComplete: Schema.optional(Schema.Int),
})

/** A plan task as the API shows it: the read model's row, with its status on the business date asked for. */
export const TaskItemBody = Schema.Struct({
  id: Schema.String,
  taskId: Schema.String,
  planId: Schema.String,
  group: PlanTask.TaskGroup,
  groupTitle: Schema.String,
  number: Schema.Int,
  content: Schema.String,
  lead: PlanTask.AgencyList,
  coordinating: PlanTask.AgencyList,
  timeFrame: PlanTask.TimeFrame,
  dueDate: Schema.NullOr(IsoDate),
  progress: Schema.Array(ProgressEntry),
  completedOn: Schema.NullOr(IsoDate),
  /** What the log records: open or completed (a void task leaves the lists). */
  recordStatus: Schema.Literals(["open", "completed"]),
  status: TaskStatus,
  overdue: Schema.Boolean,
  daysOverdue: Schema.Int,
  latestProgress: Schema.NullOr(ProgressEntry),
}).annotate({ identifier: "TaskItem" })

export const TaskListBody = StatusPageBody(TaskItemBody, TaskStatus)

export const TaskAnswerBody = RecordAnswerBody("task", TaskItemBody)
