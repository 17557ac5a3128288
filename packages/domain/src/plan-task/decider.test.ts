import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import { given } from "../shared/testing/given-when-then.ts"
import type { AssignPlanTask } from "./commands.ts"
import { planTaskDecider } from "./decider.ts"
import {
  PlanTaskAssigned,
  PlanTaskCompleted,
  PlanTaskProgressReported,
  PlanTaskRecordCorrected,
  PlanTaskVoided,
} from "./events.ts"

const taskId = "plan-task:14:2026:VIII.1"
const assign: AssignPlanTask = {
  _tag: "AssignPlanTask",
  taskId,
  planId: "quota-plan:14:2026",
  planYear: 2026,
  group: "VIII",
  groupTitle: "Triển khai thực hiện các chính sách hỗ trợ người lao động đi làm việc ở nước ngoài",
  number: 1,
  content: "Tham mưu cho UBND tỉnh trình HĐND tỉnh ban hành Nghị quyết …",
  lead: { printed: "Sở Nội vụ", agencyCodes: ["SNV"] },
  coordinating: { printed: "Các cơ quan, đơn vị có liên quan", agencyCodes: ["LIEN-QUAN"] },
  timeFrameLabel: "Quý I/2026",
}
const assigned = new PlanTaskAssigned({
  taskId,
  planId: assign.planId,
  group: "VIII",
  groupTitle: assign.groupTitle,
  number: 1,
  content: assign.content,
  lead: { printed: "Sở Nội vụ", agencyCodes: ["SNV"] },
  coordinating: { printed: "Các cơ quan, đơn vị có liên quan", agencyCodes: ["LIEN-QUAN"] },
  timeFrame: { kind: "quarter", year: 2026, quarter: 1, label: "Quý I/2026" },
  dueDate: "2026-03-31",
})
const progress = {
  _tag: "ReportPlanTaskProgress",
  taskId,
  reportedOn: "2026-02-10",
  summary: "Đã trình dự thảo Nghị quyết",
  percentComplete: 60,
} as const
const { _tag: _p, ...progressFields } = progress
const completed = new PlanTaskCompleted({
  taskId,
  completedOn: "2026-03-20",
  summary: "HĐND tỉnh đã ban hành Nghị quyết",
})
const complete = {
  _tag: "CompletePlanTask",
  taskId,
  completedOn: "2026-03-20",
  summary: "HĐND tỉnh đã ban hành Nghị quyết",
} as const

describe("AssignPlanTask", () => {
  it("assigns the task with its parsed time frame and due date", () => {
    given(planTaskDecider).when(assign).then([assigned])
  })
  it("rejects a second assignment", () => {
    given(planTaskDecider, [assigned]).when(assign).rejectedWith("PlanTaskAlreadyAssigned")
  })
  it("rejects an unrecognised time frame", () => {
    const r = given(planTaskDecider)
      .when({ ...assign, timeFrameLabel: "Sớm" })
      .rejectedWith("UnrecognisedTimeFrame")
    expect(r.message).toContain("Sớm")
  })
  it("rejects a group outside I–IX", () => {
    given(planTaskDecider)
      .when({ ...assign, group: "X" as never })
      .rejectedWith("InvalidPlanTask")
  })
  it("rejects empty content, a missing lead and a bad number", () => {
    given(planTaskDecider)
      .when({ ...assign, content: "  " })
      .rejectedWith("InvalidPlanTask")
    given(planTaskDecider)
      .when({ ...assign, lead: { printed: "", agencyCodes: [] } })
      .rejectedWith("InvalidPlanTask")
    given(planTaskDecider)
      .when({ ...assign, number: 0 })
      .rejectedWith("InvalidPlanTask")
  })
})

describe("ReportPlanTaskProgress", () => {
  it("records progress", () => {
    given(planTaskDecider, [assigned])
      .when(progress)
      .then([new PlanTaskProgressReported(progressFields)])
  })
  it("rejects progress on an unassigned task", () => {
    given(planTaskDecider).when(progress).rejectedWith("PlanTaskNotAssigned")
  })
  it("rejects progress on a completed task", () => {
    given(planTaskDecider, [assigned, completed]).when(progress).rejectedWith("PlanTaskAlreadyCompleted")
  })
  it("rejects a percentage outside 0–100", () => {
    given(planTaskDecider, [assigned])
      .when({ ...progress, percentComplete: 120 })
      .rejectedWith("ProgressOutOfRange")
  })
  it("rejects an empty summary", () => {
    given(planTaskDecider, [assigned])
      .when({ ...progress, summary: "" })
      .rejectedWith("InvalidPlanTask")
  })
})

describe("CompletePlanTask", () => {
  it("completes the task", () => {
    given(planTaskDecider, [assigned]).when(complete).then([completed])
    expect(fold(planTaskDecider, [assigned, completed]).status).toBe("completed")
  })
  it("rejects completing an unassigned task", () => {
    given(planTaskDecider).when(complete).rejectedWith("PlanTaskNotAssigned")
  })
  it("rejects completing twice", () => {
    given(planTaskDecider, [assigned, completed]).when(complete).rejectedWith("PlanTaskAlreadyCompleted")
  })
})

describe("CorrectPlanTaskRecord", () => {
  const correct = {
    _tag: "CorrectPlanTaskRecord",
    taskId,
    correctsEventId: "evt-1",
    reason: "Nhập nhầm thời hạn",
    correctedOn: "2026-02-01",
    timeFrameLabel: "Tháng 1/2026",
  } as const

  it("re-derives the due date from a corrected time frame", () => {
    const event = new PlanTaskRecordCorrected({
      taskId,
      correctsEventId: "evt-1",
      reason: "Nhập nhầm thời hạn",
      correctedOn: "2026-02-01",
      timeFrame: { kind: "month", year: 2026, month: 1, label: "Tháng 1/2026" },
      dueDate: "2026-01-31",
    })
    given(planTaskDecider, [assigned]).when(correct).then([event])
    const state = fold(planTaskDecider, [assigned, event])
    expect(state.status !== "unassigned" && state.task.dueDate).toBe("2026-01-31")
  })
  it("reopens a completion recorded by mistake", () => {
    const reopen = {
      _tag: "CorrectPlanTaskRecord",
      taskId,
      correctsEventId: "evt-2",
      reason: "Chưa hoàn thành",
      correctedOn: "2026-03-25",
      reopens: true,
    } as const
    const { _tag, ...fields } = reopen
    given(planTaskDecider, [assigned, completed])
      .when(reopen)
      .then([new PlanTaskRecordCorrected(fields)])
    expect(fold(planTaskDecider, [assigned, completed, new PlanTaskRecordCorrected(fields)]).status).toBe("open")
    given(planTaskDecider, [assigned]).when(reopen).rejectedWith("PlanTaskNotCompleted")
  })
  it("rejects before assignment", () => {
    given(planTaskDecider).when(correct).rejectedWith("PlanTaskNotAssigned")
  })
  it("rejects without reason or without change", () => {
    given(planTaskDecider, [assigned])
      .when({ ...correct, reason: "" })
      .rejectedWith("PlanTaskCorrectionInvalid")
    const { timeFrameLabel: _label, ...nothing } = correct
    given(planTaskDecider, [assigned]).when(nothing).rejectedWith("PlanTaskCorrectionInvalid")
  })
  it("rejects an unrecognised corrected time frame", () => {
    given(planTaskDecider, [assigned])
      .when({ ...correct, timeFrameLabel: "Sau" })
      .rejectedWith("UnrecognisedTimeFrame")
  })
})

describe("VoidPlanTask", () => {
  const voidTask = {
    _tag: "VoidPlanTask",
    taskId,
    correctsEventId: "e-assigned",
    reason: "Nhập trùng nhiệm vụ VIII.1",
    voidedOn: "2026-02-01",
  } as const
  const { _tag: _v, ...voidFields } = voidTask
  const voided = new PlanTaskVoided(voidFields)
  it("declares a task assigned by mistake void; the assignment stays in the log", () => {
    given(planTaskDecider, [assigned]).when(voidTask).then([voided])
    const state = fold(planTaskDecider, [assigned, voided])
    expect(state.status).toBe("void")
  })
  it("then refuses progress, completion, correction and a second void", () => {
    given(planTaskDecider, [assigned, voided]).when(progress).rejectedWith("PlanTaskIsVoid")
    given(planTaskDecider, [assigned, voided]).when(complete).rejectedWith("PlanTaskIsVoid")
    given(planTaskDecider, [assigned, voided])
      .when({
        _tag: "CorrectPlanTaskRecord",
        taskId,
        correctsEventId: "e-assigned",
        reason: "x",
        correctedOn: "2026-02-02",
        content: "y",
      })
      .rejectedWith("PlanTaskIsVoid")
    const r = given(planTaskDecider, [assigned, voided]).when(voidTask).rejectedWith("PlanTaskIsVoid")
    expect(r.message).toContain("đã bị hủy")
  })
  it("refuses a task never assigned and a void without a reason", () => {
    given(planTaskDecider).when(voidTask).rejectedWith("PlanTaskNotAssigned")
    given(planTaskDecider, [assigned])
      .when({ ...voidTask, reason: "  " })
      .rejectedWith("PlanTaskCorrectionInvalid")
  })
})
