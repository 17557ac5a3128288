import type { Allocation } from "./allocation.ts"
import type { PrintedLegalBasis } from "./printed-legal-basis.ts"
import type { Target } from "./target.ts"

/** Commands are plain data; the decider validates them and answers with events or a rejection. */
export interface IssueScheme {
  readonly _tag: "IssueScheme"
  readonly planId: string
  readonly provinceCode: string
  readonly title: string
  readonly fromYear: number | null
  readonly toYear: number
  readonly targets: ReadonlyArray<Target>
  readonly legalBasis: PrintedLegalBasis
}

export interface IssuePlan {
  readonly _tag: "IssuePlan"
  readonly planId: string
  readonly schemeId: string | null
  readonly provinceCode: string
  readonly year: number
  readonly title: string
  readonly targets: ReadonlyArray<Target>
  readonly allocations: ReadonlyArray<Allocation>
  readonly printedTotal: number | null
  readonly legalBasis: PrintedLegalBasis
}

export interface AmendAllocation {
  readonly _tag: "AmendAllocation"
  readonly planId: string
  readonly changes: ReadonlyArray<Allocation>
  readonly legalBasis: PrintedLegalBasis
  readonly effectiveOn: string
  readonly reason: string
}

export interface AmendTarget {
  readonly _tag: "AmendTarget"
  readonly planId: string
  readonly target: Target
  readonly legalBasis: PrintedLegalBasis
  readonly effectiveOn: string
  readonly reason: string
}

export interface SupersedePlan {
  readonly _tag: "SupersedePlan"
  readonly planId: string
  readonly supersededBy: string
  readonly legalBasis: PrintedLegalBasis
  readonly effectiveOn: string
}

export interface CorrectPlanRecord {
  readonly _tag: "CorrectPlanRecord"
  readonly planId: string
  readonly correctsEventId: string
  readonly reason: string
  readonly correctedOn: string
  readonly title?: string
  readonly targets?: ReadonlyArray<Target>
  readonly allocations?: ReadonlyArray<Allocation>
  readonly printedTotal?: number | null
  readonly legalBasis?: PrintedLegalBasis
}

/** Void the plan: `correctsEventId` names its issuing event; a reason always, the annulling decision if there is one. */
export interface VoidPlan {
  readonly _tag: "VoidPlan"
  readonly planId: string
  readonly correctsEventId: string
  readonly reason: string
  readonly voidedOn: string
  readonly legalBasis?: PrintedLegalBasis
}

export type QuotaPlanCommand =
  IssueScheme | IssuePlan | AmendAllocation | AmendTarget | SupersedePlan | CorrectPlanRecord | VoidPlan
