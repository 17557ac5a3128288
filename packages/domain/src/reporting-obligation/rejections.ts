import { Schema } from "effect"

const fields = { obligationId: Schema.String, message: Schema.String, messageEn: Schema.String }

export class ReportingObligationAlreadySet extends Schema.TaggedError<ReportingObligationAlreadySet>()(
  "ReportingObligationAlreadySet",
  fields,
) {}
export class ReportingObligationNotSet extends Schema.TaggedError<ReportingObligationNotSet>()(
  "ReportingObligationNotSet",
  fields,
) {}
export class InvalidReportingObligation extends Schema.TaggedError<InvalidReportingObligation>()(
  "InvalidReportingObligation",
  fields,
) {}
export class ReportAlreadySubmitted extends Schema.TaggedError<ReportAlreadySubmitted>()(
  "ReportAlreadySubmitted",
  fields,
) {}
export class InvalidSubmission extends Schema.TaggedError<InvalidSubmission>()("InvalidSubmission", fields) {}
export class ReportingObligationCorrectionInvalid extends Schema.TaggedError<ReportingObligationCorrectionInvalid>()(
  "ReportingObligationCorrectionInvalid",
  fields,
) {}

export class ReportingObligationIsVoid extends Schema.TaggedError<ReportingObligationIsVoid>()(
  "ReportingObligationIsVoid",
  fields,
) {}

export type ReportingObligationRejection =
  | ReportingObligationIsVoid
  | ReportingObligationAlreadySet
  | ReportingObligationNotSet
  | InvalidReportingObligation
  | ReportAlreadySubmitted
  | InvalidSubmission
  | ReportingObligationCorrectionInvalid
