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
    expect(tasks().filter((t) => t.planId === "quota-plan:14:2026")).toHaveLength(33)
    expect(planTaskSeedEvents().every((e) => e.event instanceof PlanTaskAssigned)).toBe(true)
  })

  it("keeps the time frames as printed, with due dates", () => {
    const labels = tasks()
      .filter((t) => t.planId === "quota-plan:14:2026")
      .map((t) => `${t.group}.${t.number} ${t.timeFrame.label} ${t.dueDate ?? "-"}`)
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
    expect(
      overdueTasks(
        tasks().filter((t) => t.planId === "quota-plan:14:2026"),
        "2026-04-01",
      ).map((o) => [o.task.taskId, o.daysOverdue]),
    ).toEqual([
      ["plan-task:14:2026:II.5", 60],
      ["plan-task:14:2026:VIII.1", 1],
    ])
  })

  it("has stable, distinct event ids and registers its event types", () => {
    const ids = planTaskSeedEvents().map((e) => e.eventId)
    expect(new Set(ids).size).toBe(33 + 19 + 38 + 3 + 13)
    expect(planTaskSeedEvents().map((e) => e.eventId)).toEqual(ids)
    expect(eventTypes.map((t) => t.type)).toEqual([
      "PlanTaskAssigned",
      "PlanTaskProgressReported",
      "PlanTaskCompleted",
      "PlanTaskRecordCorrected",
      "PlanTaskVoided",
    ])
  })
})

const of = (planId: string) => tasks().filter((t) => t.planId === planId)

describe("the other documents' assignments (seeds 000, 002, 004)", () => {
  it("Sơn La notice (000, part II): 19 lettered items of 7 agencies; the three dated 15/01/2026 are due the 14th", () => {
    const notice = tasks().filter((t) => t.taskId.startsWith("plan-task:14:tb-2025:"))
    expect(notice).toHaveLength(19)
    expect(notice.every((t) => t.planId === "quota-plan:14:scheme:2025-2030")).toBe(true)
    expect(notice.filter((t) => t.dueDate !== null).map((t) => [t.taskId, t.dueDate, t.lead.agencyCodes])).toEqual([
      ["plan-task:14:tb-2025:II.1.a", "2026-01-14", ["SO-NGANH"]],
      ["plan-task:14:tb-2025:II.3.a", "2026-01-14", ["BAO-PTTH"]],
      ["plan-task:14:tb-2025:II.6.a", "2026-01-14", ["UBND-XA"]],
    ])
    const dd = notice.find((t) => t.taskId === "plan-task:14:tb-2025:II.2.dd")
    expect(dd?.lead.printed).toBe("Sở Nội vụ")
    expect(dd?.content).toMatch(/^Rà soát, lựa chọn các doanh nghiệp có uy tín/)
    expect(overdueTasks(notice, "2026-01-15").map((o) => [o.task.taskId, o.daysOverdue])).toEqual([
      ["plan-task:14:tb-2025:II.1.a", 1],
      ["plan-task:14:tb-2025:II.3.a", 1],
      ["plan-task:14:tb-2025:II.6.a", 1],
    ])
  })

  it("Lào Cai 2025 (002, part IV): 38 tasks of 19 agencies, none with a printed time frame", () => {
    const laoCai = of("quota-plan:10:2025")
    expect(laoCai).toHaveLength(38)
    expect(new Set(laoCai.map((t) => t.lead.printed)).size).toBe(19)
    expect(laoCai.every((t) => t.timeFrame.label === "Không ghi thời hạn" && t.dueDate === null)).toBe(true)
    expect(laoCai.find((t) => t.taskId === "plan-task:10:2025:IV.3.3")?.lead.agencyCodes).toEqual(["CA-TINH"])
    // The "+" sub-bullets of item 14 stay in their bullet.
    expect(laoCai.find((t) => t.taskId === "plan-task:10:2025:IV.14.4")?.content).toMatch(
      /^Chỉ đạo Phòng Lao động - Thương binh và Xã hội: \+ Chủ trì/,
    )
  })

  it("Lai Châu (004, part IV): three items, the first due in April 2023", () => {
    expect(of("quota-plan:12:scheme:ct20-2030").map((t) => [t.taskId, t.dueDate, t.lead.agencyCodes])).toEqual([
      ["plan-task:12:ct20:IV.1", "2023-04-30", ["CAP-UY"]],
      ["plan-task:12:ct20:IV.2", null, ["UBND-TINH"]],
      ["plan-task:12:ct20:IV.3", null, ["MTTQ"]],
    ])
  })

  it("Sơn La 2023 (003, part III): thirteen bodies' tasks under the plan recorded for 113/KH-UBND, none dated", () => {
    const sonLa2023 = of("quota-plan:14:2023:kh-113")
    expect(sonLa2023.map((t) => t.lead.agencyCodes[0])).toEqual([
      "SLDTBXH",
      "SKHDT",
      "STC",
      "SYT",
      "STP",
      "SNGV",
      "CA-TINH",
      "NHCSXH",
      "SO-NGANH",
      "UBND-HUYEN",
      "BAO-DAI",
      "DN-DV",
      "MTTQ",
    ])
    expect(sonLa2023.every((t) => t.timeFrame.label === "Không ghi thời hạn" && t.dueDate === null)).toBe(true)
    expect(sonLa2023.find((t) => t.taskId === "plan-task:14:2023:III.4")?.content).toBe(
      "Chỉ đạo các cơ sở khám bệnh, chữa bệnh đủ điều kiện khám sức khỏe có yếu tố nước ngoài thực hiện khám sức khỏe cho người lao động đi làm việc có thời hạn ở nước ngoài theo đúng quy định.",
    )
    expect(sonLa2023.find((t) => t.taskId === "plan-task:14:2023:III.7")?.content).toMatch(
      /^- Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội/,
    )
  })

  it("every task id belongs to its plan's province", () => {
    for (const t of tasks()) expect(t.taskId.split(":")[1], t.taskId).toBe(t.planId.split(":")[1])
  })
})
