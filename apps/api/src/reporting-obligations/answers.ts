import { IsoDate, QuotaPlan, ReportingObligation } from "@xkld/domain"
import { Schema } from "effect"
import { RecordAnswerBody } from "../http/answers.ts"
import { StatusPageBody } from "../http/query.ts"

/** Where an obligation stands on the business date asked for (`ReportingObligation.submissionStatus`). */
export const ObligationStatus = Schema.Literals(["pending", "overdue", "on-time", "late"])

const Submission = Schema.Struct({
  submittedOn: IsoDate,
  documentRef: ReportingObligation.ReportDocumentRef,
  figures: Schema.optional(Schema.Array(ReportingObligation.SubmittedFigure)),
  contentSha256: Schema.optional(ReportingObligation.ReportSha256),
  issuedReportId: Schema.optional(Schema.String),
  difficulties: Schema.optional(Schema.String),
})

/** A reporting obligation as the API shows it: the read model's row, with its status on the business date. */
export const ObligationItemBody = Schema.Struct({
  id: Schema.String,
  obligationId: Schema.String,
  provinceCode: Schema.String,
  reporter: ReportingObligation.ReportingParty,
  recipient: ReportingObligation.ReportingParty,
  via: Schema.NullOr(ReportingObligation.ReportingParty),
  reportKind: ReportingObligation.ReportKind,
  period: ReportingObligation.ReportingPeriod,
  deadline: IsoDate,
  deadlineRule: ReportingObligation.DeadlineRule,
  deadlinePrinted: Schema.String,
  legalBasis: QuotaPlan.PrintedLegalBasis,
  note: Schema.optional(Schema.String),
  submission: Schema.NullOr(Submission),
  status: ObligationStatus,
  daysLate: Schema.Int,
  /** The last day a submission is on time (the day before the deadline when the document says "trước ngày"). */
  lastOnTimeDay: IsoDate,
}).annotate({ identifier: "ReportingObligationItem" })

export const ObligationListBody = StatusPageBody(ObligationItemBody, ObligationStatus)

export const ObligationAnswerBody = RecordAnswerBody("obligation", ObligationItemBody)
