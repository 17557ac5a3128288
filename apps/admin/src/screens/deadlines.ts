/**
 * Where a task or a reporting obligation stands against its deadline, on the day the API computed the statuses
 * (`statusOn`): done on time, late (done late, or past the deadline and not done), due within a week, or later.
 */
export type Timeliness = "onTime" | "late" | "dueSoon" | "upcoming" | "noDeadline" | "asNeeded"

/** How many days ahead a deadline counts as "sắp đến hạn". */
export const DUE_SOON_DAYS = 7

const DAY = 86_400_000
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY)

function pending(deadline: string | null, on: string): Timeliness {
  if (!deadline) return "noDeadline"
  const days = daysBetween(on, deadline)
  if (days < 0) return "late"
  return days <= DUE_SOON_DAYS ? "dueSoon" : "upcoming"
}

/** A task's statuses (GET /api/tasks): ongoing, open, overdue, completed-on-time, completed-late. */
export function taskTimeliness(status: string, dueDate: string | null, on: string): Timeliness {
  if (status === "completed-on-time") return "onTime"
  if (status === "completed-late" || status === "overdue") return "late"
  return pending(dueDate, on)
}

/** An obligation's statuses (GET /api/reporting-obligations): pending, overdue, on-time, late. */
export function obligationTimeliness(status: string, deadline: string, on: string): Timeliness {
  if (status === "on-time") return "onTime"
  if (status === "late" || status === "overdue") return "late"
  // Pending past its deadline: a report sent when asked (deadline rule as-needed), never overdue.
  if (daysBetween(on, deadline) < 0) return "asNeeded"
  return pending(deadline, on)
}

/** Vietnamese, English, colours (contrast ≥ 4.5:1 on their background) and a glyph so colour is not the only cue. */
export const TIMELINESS: Record<Timeliness, readonly [string, string, string, string]> = {
  onTime: ["đúng hạn", "on time", "bg-green-100 text-green-900", "✓"],
  late: ["trễ hạn", "late", "bg-red-100 text-red-900", "!"],
  dueSoon: ["sắp đến hạn", "due soon", "bg-amber-100 text-amber-950", "◷"],
  upcoming: ["chưa đến hạn", "not due yet", "bg-slate-100 text-slate-900", "·"],
  noDeadline: ["không ghi thời hạn", "no deadline", "bg-slate-100 text-slate-900", "–"],
  asNeeded: ["khi có yêu cầu", "when requested", "bg-slate-100 text-slate-900", "…"],
}

/** The API's own statuses of tasks, obligations and their counts, in Vietnamese and English. */
export const STATUS: Record<string, readonly [string, string, string]> = {
  open: ["chưa hoàn thành", "open", "bg-slate-100 text-slate-900"],
  ongoing: ["thường xuyên", "ongoing", "bg-blue-100 text-blue-900"],
  overdue: ["quá hạn", "overdue", "bg-red-100 text-red-900"],
  "completed-on-time": ["hoàn thành đúng hạn", "completed on time", "bg-green-100 text-green-900"],
  "completed-late": ["hoàn thành muộn", "completed late", "bg-amber-100 text-amber-950"],
  pending: ["chưa đến hạn", "pending", "bg-slate-100 text-slate-900"],
  "on-time": ["đã nộp đúng hạn", "submitted on time", "bg-green-100 text-green-900"],
  late: ["nộp muộn", "submitted late", "bg-amber-100 text-amber-950"],
}
