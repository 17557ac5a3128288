import { Schema } from "effect"
import { PrintedLegalBasis } from "../quota-plan/printed-legal-basis.ts"
import { CorrectionFields } from "../shared/correction.ts"
import type { EventType } from "../shared/event-type.ts"
import { IsoDate } from "../shared/values.ts"
import { Party } from "./party.ts"

export const reportingObligationStreamType = "ReportingObligation"

/** commune-plan: a commune's own plan; implementation-plan: an agency's plan to implement a scheme. */
export const ReportKind = Schema.Literals(["commune-plan", "implementation-plan", "six-month", "annual", "ad-hoc"])
export type ReportKind = typeof ReportKind.Type

/**
 * "trước ngày 15/6" = before: due by the day before. "chậm nhất ngày …" = on-or-before.
 * as-needed: the document sets no day ("kịp thời báo cáo" when difficulties arise, "báo cáo theo quy định",
 * "khi có yêu cầu đột xuất"); `deadline` is then the last day of the period the obligation covers and the
 * obligation is never overdue.
 */
export const DeadlineRule = Schema.Literals(["before", "on-or-before", "as-needed"])
export type DeadlineRule = typeof DeadlineRule.Type

export const ReportingPeriod = Schema.Struct({ year: Schema.Int, label: Schema.String })

export const DocumentRef = Schema.Struct({ number: Schema.String, date: Schema.NullOr(IsoDate) })
export type DocumentRef = typeof DocumentRef.Type

/** Who must report what, to whom, by when — deadlines are data from the document, not constants. */
export class ReportingObligationSet extends Schema.TaggedClass<ReportingObligationSet>()("ReportingObligationSet", {
  obligationId: Schema.String,
  provinceCode: Schema.String,
  reporter: Party,
  recipient: Party,
  /** The agency the report goes through ("qua Sở Nội vụ tổng hợp"), if any. */
  via: Schema.NullOr(Party),
  reportKind: ReportKind,
  period: ReportingPeriod,
  deadline: IsoDate,
  deadlineRule: DeadlineRule,
  deadlinePrinted: Schema.String,
  legalBasis: PrintedLegalBasis,
  note: Schema.optional(Schema.String),
}) {}

/** A figure as the submitted report states it: its reference (e.g. a target or lineage id), label and value. */
export const SubmittedFigure = Schema.Struct({
  ref: Schema.String,
  label: Schema.String,
  value: Schema.Finite,
  unit: Schema.optional(Schema.String),
})
export type SubmittedFigure = typeof SubmittedFigure.Type

export const Sha256 = Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/))

/**
 * What was submitted, not only its number and date (each optional, all additions to version 1): the figures it
 * states, the sha256 of the file sent, the issued report (ReportIssued) it is, and the difficulties and proposals
 * it reports upward ("khó khăn, vướng mắc, kiến nghị").
 */
export class ReportSubmitted extends Schema.TaggedClass<ReportSubmitted>()("ReportSubmitted", {
  obligationId: Schema.String,
  submittedOn: IsoDate,
  documentRef: DocumentRef,
  submittedBy: Schema.optional(Schema.String),
  figures: Schema.optional(Schema.Array(SubmittedFigure)),
  contentSha256: Schema.optional(Sha256),
  issuedReportId: Schema.optional(Schema.String),
  difficulties: Schema.optional(Schema.String),
}) {}

/** Fixes what was recorded; present fields replace the recorded ones. `voidsSubmission` undoes a mistaken submission. */
export class ReportingObligationRecordCorrected extends Schema.TaggedClass<ReportingObligationRecordCorrected>()(
  "ReportingObligationRecordCorrected",
  {
    ...CorrectionFields,
    obligationId: Schema.String,
    correctedOn: IsoDate,
    deadline: Schema.optional(IsoDate),
    deadlineRule: Schema.optional(DeadlineRule),
    deadlinePrinted: Schema.optional(Schema.String),
    submittedOn: Schema.optional(IsoDate),
    note: Schema.optional(Schema.String),
    voidsSubmission: Schema.optional(Schema.Boolean),
  },
) {}

/**
 * Declares an obligation void: it was set by mistake (a report the document does not require, a duplicate). The
 * obligation stays in the log; it leaves the lists and takes no submission.
 */
export class ReportingObligationVoided extends Schema.TaggedClass<ReportingObligationVoided>()(
  "ReportingObligationVoided",
  { ...CorrectionFields, obligationId: Schema.String, voidedOn: IsoDate },
) {}

export type ReportingObligationEvent =
  ReportingObligationSet | ReportSubmitted | ReportingObligationRecordCorrected | ReportingObligationVoided

const entry = (schema: Schema.Top & { readonly identifier: string }, description: string): EventType => ({
  type: schema.identifier,
  version: 1,
  streamType: reportingObligationStreamType,
  description,
  personalFields: [],
  schema,
})

export const eventTypes: ReadonlyArray<EventType> = [
  entry(ReportingObligationSet, "An agency or unit was obliged to submit a report or plan by a deadline"),
  entry(ReportSubmitted, "A report due under an obligation was submitted"),
  entry(ReportingObligationRecordCorrected, "A data-entry mistake in an obligation or its submission was corrected"),
  entry(ReportingObligationVoided, "A reporting obligation set by mistake was declared void; the original stays"),
]
