import { Schema } from "effect"

const fields = { taskId: Schema.String, message: Schema.String, messageEn: Schema.String }

export class PlanTaskAlreadyAssigned extends Schema.TaggedError<PlanTaskAlreadyAssigned>()(
  "PlanTaskAlreadyAssigned",
  fields,
) {}
export class PlanTaskNotAssigned extends Schema.TaggedError<PlanTaskNotAssigned>()("PlanTaskNotAssigned", fields) {}
export class PlanTaskAlreadyCompleted extends Schema.TaggedError<PlanTaskAlreadyCompleted>()(
  "PlanTaskAlreadyCompleted",
  fields,
) {}
export class PlanTaskNotCompleted extends Schema.TaggedError<PlanTaskNotCompleted>()("PlanTaskNotCompleted", fields) {}
export class UnrecognisedTimeFrame extends Schema.TaggedError<UnrecognisedTimeFrame>()("UnrecognisedTimeFrame", {
  ...fields,
  label: Schema.String,
}) {}
export class InvalidPlanTask extends Schema.TaggedError<InvalidPlanTask>()("InvalidPlanTask", fields) {}
export class ProgressOutOfRange extends Schema.TaggedError<ProgressOutOfRange>()("ProgressOutOfRange", fields) {}
export class PlanTaskCorrectionInvalid extends Schema.TaggedError<PlanTaskCorrectionInvalid>()(
  "PlanTaskCorrectionInvalid",
  fields,
) {}

export class PlanTaskIsVoid extends Schema.TaggedError<PlanTaskIsVoid>()("PlanTaskIsVoid", fields) {}

export type PlanTaskRejection =
  | PlanTaskIsVoid
  | PlanTaskAlreadyAssigned
  | PlanTaskNotAssigned
  | PlanTaskAlreadyCompleted
  | PlanTaskNotCompleted
  | UnrecognisedTimeFrame
  | InvalidPlanTask
  | ProgressOutOfRange
  | PlanTaskCorrectionInvalid
