import { describe, expect, it } from "vitest"
import { isOverdue, overdueTasks, taskStatus } from "./overdue.ts"

const due = (dueDate: string | null, completedOn: string | null = null) => ({ dueDate, completedOn })

describe("taskStatus / overdue", () => {
  it("is open up to and including the due date, overdue the day after", () => {
    expect(taskStatus(due("2026-03-31"), "2026-03-31")).toBe("open")
    expect(taskStatus(due("2026-03-31"), "2026-04-01")).toBe("overdue")
    expect(isOverdue(due("2026-03-31"), "2026-04-01")).toBe(true)
  })
  it("never makes ongoing tasks overdue", () => {
    expect(taskStatus(due(null), "2030-01-01")).toBe("ongoing")
  })
  it("tells on-time from late completion", () => {
    expect(taskStatus(due("2026-03-31", "2026-03-31"), "2026-12-31")).toBe("completed-on-time")
    expect(taskStatus(due("2026-03-31", "2026-04-02"), "2026-12-31")).toBe("completed-late")
    expect(taskStatus(due(null, "2026-04-02"), "2026-12-31")).toBe("completed-on-time")
  })
  it("ignores a completion after the asked day", () => {
    expect(taskStatus(due("2026-03-31", "2026-05-01"), "2026-04-15")).toBe("overdue")
  })
  it("lists overdue tasks, most overdue first", () => {
    const tasks = [due("2026-03-31"), due("2026-01-31"), due(null), due("2026-12-31"), due("2026-01-31", "2026-01-20")]
    expect(overdueTasks(tasks, "2026-04-30").map((o) => [o.task.dueDate, o.daysOverdue])).toEqual([
      ["2026-01-31", 89],
      ["2026-03-31", 30],
    ])
  })
})
