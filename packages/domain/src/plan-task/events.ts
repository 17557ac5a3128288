import { Schema } from "effect"
import { CorrectionFields } from "../shared/correction.ts"
import type { EventType } from "../shared/event-type.ts"
import { IsoDate } from "../shared/values.ts"
import { AgencyList } from "./agency-list.ts"
import { TimeFrame } from "./time-frame.ts"

export const planTaskStreamType = "PlanTask"

/** Groups I–IX of a plan's task appendix (Phụ lục 02). */
export const TaskGroup = Schema.Literals(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"])
export type TaskGroup = typeof TaskGroup.Type

const Percent = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100 }))

/** A task of a plan's appendix, with the due date derived from its printed time frame. */
export class PlanTaskAssigned extends Schema.TaggedClass<PlanTaskAssigned>()("PlanTaskAssigned", {
  taskId: Schema.String,
  planId: Schema.String,
  group: TaskGroup,
  groupTitle: Schema.String,
  number: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  content: Schema.String,
  lead: AgencyList,
  coordinating: AgencyList,
  timeFrame: TimeFrame,
  dueDate: Schema.NullOr(IsoDate),
}) {}

export class PlanTaskProgressReported extends Schema.TaggedClass<PlanTaskProgressReported>()(
  "PlanTaskProgressReported",
  {
    taskId: Schema.String,
    reportedOn: IsoDate,
    summary: Schema.String,
    percentComplete: Schema.optional(Percent),
    reportedBy: Schema.optional(Schema.String),
    documentRef: Schema.optional(Schema.String),
  },
) {}

export class PlanTaskCompleted extends Schema.TaggedClass<PlanTaskCompleted>()("PlanTaskCompleted", {
  taskId: Schema.String,
  completedOn: IsoDate,
  summary: Schema.String,
  documentRef: Schema.optional(Schema.String),
}) {}

/** Fixes what was recorded for a task (a data-entry mistake); present fields replace the recorded ones. */
export class PlanTaskRecordCorrected extends Schema.TaggedClass<PlanTaskRecordCorrected>()("PlanTaskRecordCorrected", {
  ...CorrectionFields,
  taskId: Schema.String,
  correctedOn: IsoDate,
  content: Schema.optional(Schema.String),
  lead: Schema.optional(AgencyList),
  coordinating: Schema.optional(AgencyList),
  timeFrame: Schema.optional(TimeFrame),
  dueDate: Schema.optional(Schema.NullOr(IsoDate)),
  /** True when the correction voids a completion that was recorded by mistake. */
  reopens: Schema.optional(Schema.Boolean),
}) {}

/**
 * Declares a task void: it was assigned by mistake (a task the document does not contain, a duplicate). The
 * assignment stays in the log; the task leaves the lists and takes no further reports.
 */
export class PlanTaskVoided extends Schema.TaggedClass<PlanTaskVoided>()("PlanTaskVoided", {
  ...CorrectionFields,
  taskId: Schema.String,
  voidedOn: IsoDate,
}) {}

export type PlanTaskEvent =
  PlanTaskAssigned | PlanTaskProgressReported | PlanTaskCompleted | PlanTaskRecordCorrected | PlanTaskVoided

const entry = (schema: Schema.Top & { readonly identifier: string }, description: string): EventType => ({
  type: schema.identifier,
  version: 1,
  streamType: planTaskStreamType,
  description,
  personalFields: [],
  schema,
})

export const eventTypes: ReadonlyArray<EventType> = [
  entry(PlanTaskAssigned, "A task of a plan's appendix was assigned to a lead agency with a time frame"),
  entry(PlanTaskProgressReported, "Progress on a plan task was reported"),
  entry(PlanTaskCompleted, "A plan task was completed"),
  entry(PlanTaskRecordCorrected, "A data-entry mistake in a plan task's record was corrected"),
  entry(PlanTaskVoided, "A plan task assigned by mistake was declared void; the original stays"),
]
