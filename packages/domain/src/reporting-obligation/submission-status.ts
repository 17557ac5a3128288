import type { DeadlineRule } from "./events.ts"

export type SubmissionStatus = "pending" | "overdue" | "on-time" | "late"

const DAY = 86_400_000

/**
 * The last day a report counts as on time. "trước ngày 15/6" (before) means by 14/6: the printed day
 * itself is already late. "on-or-before" includes the printed day; so does "as-needed" (the period's last day).
 */
export const lastOnTimeDay = (deadline: string, rule: DeadlineRule): string =>
  rule !== "before" ? deadline : new Date(Date.parse(deadline) - DAY).toISOString().slice(0, 10)

/**
 * Where an obligation stands on `asOf` (yyyy-mm-dd). A submission dated after `asOf` is ignored, so the
 * question can be asked for any past day. `daysLate` counts days past the last on-time day.
 */
export const submissionStatus = (
  obligation: {
    readonly deadline: string
    readonly deadlineRule: DeadlineRule
    readonly submission: { readonly submittedOn: string } | null
  },
  asOf: string,
): { readonly status: SubmissionStatus; readonly daysLate: number } => {
  const last = lastOnTimeDay(obligation.deadline, obligation.deadlineRule)
  if (obligation.deadlineRule === "as-needed") {
    const submitted = obligation.submission !== null && obligation.submission.submittedOn <= asOf
    return { status: submitted ? "on-time" : "pending", daysLate: 0 }
  }
  const daysAfter = (day: string) => Math.max(0, Math.round((Date.parse(day) - Date.parse(last)) / DAY))
  const submittedOn = obligation.submission?.submittedOn
  if (submittedOn !== undefined && submittedOn <= asOf)
    return submittedOn <= last
      ? { status: "on-time", daysLate: 0 }
      : { status: "late", daysLate: daysAfter(submittedOn) }
  return asOf > last ? { status: "overdue", daysLate: daysAfter(asOf) } : { status: "pending", daysLate: 0 }
}
