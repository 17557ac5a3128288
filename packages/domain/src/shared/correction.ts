import { Schema } from "effect"

/**
 * Fields every correcting event carries. A correction never edits the original:
 * it is a new event naming the event it corrects (by event id) and why.
 * The original stays in the log, and read models show both.
 */
export const CorrectionFields = {
  correctsEventId: Schema.String,
  reason: Schema.String.check(Schema.isMinLength(1)),
}
