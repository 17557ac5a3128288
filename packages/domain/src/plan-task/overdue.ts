import type { PlanTaskView } from "./state.ts"

/**
 * Where a task stands on a given day (dates compare as yyyy-mm-dd strings).
 * A completion dated after `asOf` is ignored, so the status can be asked for any past day.
 * Ongoing tasks ("Thường xuyên") have no due date and are never overdue.
 */
export type TaskStatus = "ongoing" | "open" | "overdue" | "completed-on-time" | "completed-late"

export const taskStatus = (task: Pick<PlanTaskView, "dueDate" | "completedOn">, asOf: string): TaskStatus => {
  const completed = task.completedOn !== null && task.completedOn <= asOf
  if (completed)
    return task.dueDate !== null && (task.completedOn ?? "") > task.dueDate ? "completed-late" : "completed-on-time"
  if (task.dueDate === null) return "ongoing"
  return asOf > task.dueDate ? "overdue" : "open"
}

export const isOverdue = (task: Pick<PlanTaskView, "dueDate" | "completedOn">, asOf: string): boolean =>
  taskStatus(task, asOf) === "overdue"

/** Overdue tasks, most overdue first, with the number of days past due. */
export const overdueTasks = <T extends Pick<PlanTaskView, "dueDate" | "completedOn">>(
  tasks: ReadonlyArray<T>,
  asOf: string,
): ReadonlyArray<{ readonly task: T; readonly daysOverdue: number }> =>
  tasks
    .filter((t) => isOverdue(t, asOf))
    .map((task) => ({
      task,
      daysOverdue: Math.round((Date.parse(asOf) - Date.parse(task.dueDate ?? asOf)) / 86_400_000),
    }))
    .toSorted((a, b) => b.daysOverdue - a.daysOverdue)
