import { describe, expect, it } from "vitest"
import { agencyByCode } from "../../reference/agencies.ts"
import { fold } from "../../shared/decider.ts"
import { planTaskDecider } from "../decider.ts"
import { eventTypes, PlanTaskAssigned } from "../events.ts"
import { overdueTasks } from "../overdue.ts"
import type { PlanTaskView } from "../state.ts"
import { planTaskSeedEvents } from "./seed-events.ts"
import { sonLa2026TaskRows } from "./son-la-2026-tasks.ts"

const tasks = (): ReadonlyArray<PlanTaskView> =>
  planTaskSeedEvents().map((e) => {
    const state = fold(planTaskDecider, [e.event])
    if (state.status === "unassigned") throw new Error("not assigned")
    return state.task
  })

describe("Sơn La 2026 tasks (seed 001, Phụ lục 02)", () => {
  it("has every task of groups I–IX", () => {
    const perGroup = Object.fromEntries(
      ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"].map((g) => [
        g,
        sonLa2026TaskRows.filter((r) => r[0] === g).length,
      ]),
    )
    expect(perGroup).toEqual({ I: 2, II: 5, III: 3, IV: 4, V: 2, VI: 4, VII: 2, VIII: 9, IX: 2 })
    expect(planTaskSeedEvents()).toHaveLength(33)
    expect(planTaskSeedEvents().every((e) => e.event instanceof PlanTaskAssigned)).toBe(true)
  })

  it("keeps the time frames as printed, with due dates", () => {
    const labels = tasks().map((t) => `${t.group}.${t.number} ${t.timeFrame.label} ${t.dueDate ?? "-"}`)
    expect(labels.filter((l) => !l.includes("Thường xuyên"))).toEqual([
      "I.1 Năm 2026 2026-12-31",
      "I.2 Năm 2026 2026-12-31",
      "II.5 Tháng 1/2026 2026-01-31",
      "IV.1 Năm 2026 2026-12-31",
      "VI.1 Năm 2026 2026-12-31",
      "VIII.1 Quý I/2026 2026-03-31",
      "VIII.5 Năm 2026 2026-12-31",
      "VIII.6 Năm 2026 2026-12-31",
    ])
    expect(labels.filter((l) => l.includes("Thường xuyên"))).toHaveLength(25)
  })

  it("names only agencies of the reference list", () => {
    for (const t of tasks())
      for (const code of [...t.lead.agencyCodes, ...t.coordinating.agencyCodes])
        expect(agencyByCode(code), `${t.taskId} ${code}`).toBeDefined()
    const viii8 = tasks().find((t) => t.taskId === "plan-task:14:2026:VIII.8")
    expect(viii8?.lead).toEqual({ printed: "Sở Y tế", agencyCodes: ["SYT"] })
  })

  it("shows which tasks are overdue on 1 April 2026 when nothing was reported", () => {
    expect(overdueTasks(tasks(), "2026-04-01").map((o) => [o.task.taskId, o.daysOverdue])).toEqual([
      ["plan-task:14:2026:II.5", 60],
      ["plan-task:14:2026:VIII.1", 1],
    ])
  })

  it("has stable, distinct event ids and registers its event types", () => {
    const ids = planTaskSeedEvents().map((e) => e.eventId)
    expect(new Set(ids).size).toBe(33)
    expect(planTaskSeedEvents().map((e) => e.eventId)).toEqual(ids)
    expect(eventTypes.map((t) => t.type)).toEqual([
      "PlanTaskAssigned",
      "PlanTaskProgressReported",
      "PlanTaskCompleted",
      "PlanTaskRecordCorrected",
    ])
  })
})
