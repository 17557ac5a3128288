import { describe, expect, it } from "vitest"
import { lastOnTimeDay, submissionStatus } from "./submission-status.ts"

const before15June = (submittedOn: string | null) => ({
  deadline: "2026-06-15",
  deadlineRule: "before" as const,
  submission: submittedOn === null ? null : { submittedOn },
})

describe("submissionStatus", () => {
  it('treats "trước ngày 15/6" as due by 14/6', () => {
    expect(lastOnTimeDay("2026-06-15", "before")).toBe("2026-06-14")
    expect(lastOnTimeDay("2026-06-15", "on-or-before")).toBe("2026-06-15")
    expect(lastOnTimeDay("2026-01-01", "before")).toBe("2025-12-31")
  })
  it("is on time before the deadline and late on or after it", () => {
    expect(submissionStatus(before15June("2026-06-14"), "2026-12-31")).toEqual({ status: "on-time", daysLate: 0 })
    expect(submissionStatus(before15June("2026-06-15"), "2026-12-31")).toEqual({ status: "late", daysLate: 1 })
    expect(submissionStatus(before15June("2026-06-20"), "2026-12-31")).toEqual({ status: "late", daysLate: 6 })
  })
  it("is pending until the deadline and overdue after it when nothing was submitted", () => {
    expect(submissionStatus(before15June(null), "2026-06-14")).toEqual({ status: "pending", daysLate: 0 })
    expect(submissionStatus(before15June(null), "2026-06-15")).toEqual({ status: "overdue", daysLate: 1 })
  })
  it("ignores a submission after the asked day", () => {
    expect(submissionStatus(before15June("2026-06-20"), "2026-06-18")).toEqual({ status: "overdue", daysLate: 4 })
  })
  it("includes the printed day for on-or-before deadlines", () => {
    expect(
      submissionStatus(
        { deadline: "2026-06-15", deadlineRule: "on-or-before", submission: { submittedOn: "2026-06-15" } },
        "2026-07-01",
      ).status,
    ).toBe("on-time")
  })
  it("never makes an as-needed obligation overdue: pending until something is submitted, then on time", () => {
    const asNeeded = (submittedOn: string | null) => ({
      deadline: "2026-12-31",
      deadlineRule: "as-needed" as const,
      submission: submittedOn === null ? null : { submittedOn },
    })
    expect(submissionStatus(asNeeded(null), "2027-06-01")).toEqual({ status: "pending", daysLate: 0 })
    expect(submissionStatus(asNeeded("2026-03-02"), "2026-12-31")).toEqual({ status: "on-time", daysLate: 0 })
    expect(submissionStatus(asNeeded("2026-03-02"), "2026-03-01")).toEqual({ status: "pending", daysLate: 0 })
    expect(lastOnTimeDay("2026-12-31", "as-needed")).toBe("2026-12-31")
  })
})
