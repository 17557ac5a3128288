import type { AgencyList } from "./agency-list.ts"
import type { TaskGroup } from "./events.ts"

export interface AssignPlanTask {
  readonly _tag: "AssignPlanTask"
  readonly taskId: string
  readonly planId: string
  readonly planYear: number
  readonly group: TaskGroup
  readonly groupTitle: string
  readonly number: number
  readonly content: string
  readonly lead: AgencyList
  readonly coordinating: AgencyList
  /** As printed: "Thường xuyên", "Năm 2026", "Quý I/2026", "Tháng 1/2026". */
  readonly timeFrameLabel: string
}

export interface ReportPlanTaskProgress {
  readonly _tag: "ReportPlanTaskProgress"
  readonly taskId: string
  readonly reportedOn: string
  readonly summary: string
  readonly percentComplete?: number
  readonly reportedBy?: string
  readonly documentRef?: string
}

export interface CompletePlanTask {
  readonly _tag: "CompletePlanTask"
  readonly taskId: string
  readonly completedOn: string
  readonly summary: string
  readonly documentRef?: string
}

export interface CorrectPlanTaskRecord {
  readonly _tag: "CorrectPlanTaskRecord"
  readonly taskId: string
  readonly correctsEventId: string
  readonly reason: string
  readonly correctedOn: string
  readonly content?: string
  readonly lead?: AgencyList
  readonly coordinating?: AgencyList
  readonly timeFrameLabel?: string
  readonly reopens?: boolean
}

export interface VoidPlanTask {
  readonly _tag: "VoidPlanTask"
  readonly taskId: string
  readonly correctsEventId: string
  readonly reason: string
  readonly voidedOn: string
}

export type PlanTaskCommand =
  AssignPlanTask | ReportPlanTaskProgress | CompletePlanTask | CorrectPlanTaskRecord | VoidPlanTask
