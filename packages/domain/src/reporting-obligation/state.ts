import type { PrintedLegalBasis } from "../quota-plan/printed-legal-basis.ts"
import type { DeadlineRule, DocumentRef, ReportKind, SubmittedFigure } from "./events.ts"
import type { Party } from "./party.ts"

export interface ReportingObligationView {
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
  readonly note: string | undefined
  readonly submission: {
    readonly submittedOn: string
    readonly documentRef: DocumentRef
    readonly figures?: ReadonlyArray<SubmittedFigure>
    readonly contentSha256?: string
    readonly issuedReportId?: string
    readonly difficulties?: string
  } | null
}

export type ReportingObligationState =
  { readonly status: "not-set" } | { readonly status: "set" | "void"; readonly obligation: ReportingObligationView }
