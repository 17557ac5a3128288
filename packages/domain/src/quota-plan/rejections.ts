import { Schema } from "effect"

const fields = { planId: Schema.String, message: Schema.String, messageEn: Schema.String }

export class PlanAlreadyIssued extends Schema.TaggedError<PlanAlreadyIssued>()("PlanAlreadyIssued", fields) {}
export class PlanNotIssued extends Schema.TaggedError<PlanNotIssued>()("PlanNotIssued", fields) {}
export class PlanAlreadySuperseded extends Schema.TaggedError<PlanAlreadySuperseded>()(
  "PlanAlreadySuperseded",
  fields,
) {}
export class InvalidTarget extends Schema.TaggedError<InvalidTarget>()("InvalidTarget", fields) {}
export class InvalidPeriod extends Schema.TaggedError<InvalidPeriod>()("InvalidPeriod", fields) {}
export class InvalidAllocation extends Schema.TaggedError<InvalidAllocation>()("InvalidAllocation", fields) {}
export class DuplicateAllocationUnit extends Schema.TaggedError<DuplicateAllocationUnit>()("DuplicateAllocationUnit", {
  ...fields,
  unitCode: Schema.String,
}) {}
export class MissingDepartureTarget extends Schema.TaggedError<MissingDepartureTarget>()(
  "MissingDepartureTarget",
  fields,
) {}
export class UnknownUnitInAmendment extends Schema.TaggedError<UnknownUnitInAmendment>()("UnknownUnitInAmendment", {
  ...fields,
  unitCode: Schema.String,
}) {}
export class NotAYearlyPlan extends Schema.TaggedError<NotAYearlyPlan>()("NotAYearlyPlan", fields) {}
export class CannotSupersedeItself extends Schema.TaggedError<CannotSupersedeItself>()(
  "CannotSupersedeItself",
  fields,
) {}
export class QuotaPlanNothingToCorrect extends Schema.TaggedError<QuotaPlanNothingToCorrect>()(
  "QuotaPlanNothingToCorrect",
  fields,
) {}
export class QuotaPlanCorrectionReasonMissing extends Schema.TaggedError<QuotaPlanCorrectionReasonMissing>()(
  "QuotaPlanCorrectionReasonMissing",
  fields,
) {}

/** The plan was declared void: nothing more is recorded for it. */
export class PlanIsVoid extends Schema.TaggedError<PlanIsVoid>()("PlanIsVoid", fields) {}

export type QuotaPlanRejection =
  | PlanIsVoid
  | PlanAlreadyIssued
  | PlanNotIssued
  | PlanAlreadySuperseded
  | InvalidTarget
  | InvalidPeriod
  | InvalidAllocation
  | DuplicateAllocationUnit
  | MissingDepartureTarget
  | UnknownUnitInAmendment
  | NotAYearlyPlan
  | CannotSupersedeItself
  | QuotaPlanNothingToCorrect
  | QuotaPlanCorrectionReasonMissing
