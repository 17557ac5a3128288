import type { Allocation } from "./allocation.ts"
import type { PrintedLegalBasis } from "./printed-legal-basis.ts"
import type { Target } from "./target.ts"

/** One change after issue: an amendment by a cited decision, or a correction of what was recorded. */
export interface PlanChange {
  readonly kind: "allocation-amended" | "target-amended" | "record-corrected" | "superseded" | "voided"
  readonly on: string
  readonly legalBasis: PrintedLegalBasis | null
  readonly reason: string
}

/** A scheme or yearly plan as it currently stands. */
export interface QuotaPlanView {
  readonly kind: "scheme" | "plan"
  readonly planId: string
  readonly schemeId: string | null
  readonly provinceCode: string
  readonly title: string
  /** For a yearly plan, fromYear = toYear = year. */
  readonly fromYear: number | null
  readonly toYear: number
  readonly targets: ReadonlyArray<Target>
  readonly allocations: ReadonlyArray<Allocation>
  readonly printedTotal: number | null
  readonly legalBasis: PrintedLegalBasis
  readonly changes: ReadonlyArray<PlanChange>
  readonly supersededBy: string | null
}

/** `void`: declared void (QuotaPlanVoided); the plan as it stood is kept for the record, in no list or figure. */
export type QuotaPlanState =
  | { readonly status: "not-issued" }
  | { readonly status: "issued" | "superseded" | "void"; readonly plan: QuotaPlanView }
