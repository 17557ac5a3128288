import type { AgencyList } from "./agency-list.ts"
import type { TaskGroup } from "./events.ts"
import type { TimeFrame } from "./time-frame.ts"

export interface ProgressEntry {
  readonly reportedOn: string
  readonly summary: string
  readonly percentComplete: number | undefined
}

export interface PlanTaskView {
  readonly taskId: string
  readonly planId: string
  readonly group: TaskGroup
  readonly groupTitle: string
  readonly number: number
  readonly content: string
  readonly lead: AgencyList
  readonly coordinating: AgencyList
  readonly timeFrame: TimeFrame
  readonly dueDate: string | null
  readonly progress: ReadonlyArray<ProgressEntry>
  readonly completedOn: string | null
}

export type PlanTaskState =
  { readonly status: "unassigned" } | { readonly status: "open" | "completed" | "void"; readonly task: PlanTaskView }
