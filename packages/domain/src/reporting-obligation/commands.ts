import type { PrintedLegalBasis } from "../quota-plan/printed-legal-basis.ts"
import type { DeadlineRule, DocumentRef, ReportKind, SubmittedFigure } from "./events.ts"
import type { Party } from "./party.ts"

export interface SetReportingObligation {
  readonly _tag: "SetReportingObligation"
  readonly obligationId: string
  readonly provinceCode: string
  readonly reporter: Party
  readonly recipient: Party
  readonly via: Party | null
  readonly reportKind: ReportKind
  readonly period: { readonly year: number; readonly label: string }
  readonly deadline: string
  readonly deadlineRule: DeadlineRule
  readonly deadlinePrinted: string
  readonly legalBasis: PrintedLegalBasis
  readonly note?: string
}

export interface SubmitReport {
  readonly _tag: "SubmitReport"
  readonly obligationId: string
  readonly submittedOn: string
  readonly documentRef: DocumentRef
  readonly submittedBy?: string
  readonly figures?: ReadonlyArray<SubmittedFigure>
  readonly contentSha256?: string
  readonly issuedReportId?: string
  readonly difficulties?: string
}

export interface CorrectReportingObligationRecord {
  readonly _tag: "CorrectReportingObligationRecord"
  readonly obligationId: string
  readonly correctsEventId: string
  readonly reason: string
  readonly correctedOn: string
  readonly deadline?: string
  readonly deadlineRule?: DeadlineRule
  readonly deadlinePrinted?: string
  readonly submittedOn?: string
  readonly note?: string
  readonly voidsSubmission?: boolean
}

export interface VoidReportingObligation {
  readonly _tag: "VoidReportingObligation"
  readonly obligationId: string
  readonly correctsEventId: string
  readonly reason: string
  readonly voidedOn: string
}

export type ReportingObligationCommand =
  SetReportingObligation | SubmitReport | CorrectReportingObligationRecord | VoidReportingObligation
