import { Result } from "effect"
import type { Decider } from "../shared/decider.ts"
import { knownEventGuard, unknownEvent } from "../shared/unknown-stream-event.ts"
import type {
  AssignPlanTask,
  CompletePlanTask,
  CorrectPlanTaskRecord,
  PlanTaskCommand,
  ReportPlanTaskProgress,
  VoidPlanTask,
} from "./commands.ts"
import {
  PlanTaskAssigned,
  PlanTaskCompleted,
  PlanTaskProgressReported,
  PlanTaskRecordCorrected,
  PlanTaskVoided,
  TaskGroup,
  eventTypes as planTaskEventTypes,
  planTaskStreamType,
  type PlanTaskEvent,
} from "./events.ts"
import {
  InvalidPlanTask,
  PlanTaskAlreadyAssigned,
  PlanTaskAlreadyCompleted,
  PlanTaskCorrectionInvalid,
  PlanTaskIsVoid,
  PlanTaskNotAssigned,
  PlanTaskNotCompleted,
  ProgressOutOfRange,
  UnrecognisedTimeFrame,
  type PlanTaskRejection,
} from "./rejections.ts"
import type { PlanTaskState, PlanTaskView } from "./state.ts"
import { dueDate, parseTimeFrame } from "./time-frame.ts"

type Decision = Result.Result<ReadonlyArray<PlanTaskEvent>, PlanTaskRejection>

const groups: ReadonlyArray<string> = TaskGroup.literals

const unrecognised = (taskId: string, label: string) =>
  new UnrecognisedTimeFrame({
    taskId,
    label,
    message: `Không hiểu thời gian thực hiện "${label}" (dạng hợp lệ: Thường xuyên, Năm 2026, Quý I/2026, Tháng 1/2026)`,
    messageEn: `unrecognised time frame "${label}"`,
  })

const notAssigned = (taskId: string) =>
  new PlanTaskNotAssigned({
    taskId,
    message: `Nhiệm vụ ${taskId} chưa được giao`,
    messageEn: `task ${taskId} not assigned`,
  })

const isVoid = (taskId: string) =>
  new PlanTaskIsVoid({
    taskId,
    message: `Nhiệm vụ ${taskId} đã bị hủy (ghi nhầm); không ghi nhận thêm gì cho nhiệm vụ này`,
    messageEn: `task ${taskId} is void`,
  })

const open = (state: PlanTaskState, taskId: string): Result.Result<PlanTaskView, PlanTaskRejection> => {
  if (state.status === "unassigned") return Result.fail(notAssigned(taskId))
  if (state.status === "void") return Result.fail(isVoid(taskId))
  if (state.status === "completed")
    return Result.fail(
      new PlanTaskAlreadyCompleted({
        taskId,
        message: `Nhiệm vụ đã hoàn thành ngày ${state.task.completedOn ?? ""}`,
        messageEn: "task already completed",
      }),
    )
  return Result.succeed(state.task)
}

const assign = (c: AssignPlanTask, state: PlanTaskState): Decision => {
  if (state.status !== "unassigned")
    return Result.fail(
      new PlanTaskAlreadyAssigned({
        taskId: c.taskId,
        message: `Nhiệm vụ ${c.taskId} đã được giao`,
        messageEn: "task already assigned",
      }),
    )
  const invalid = (message: string, messageEn: string) =>
    Result.fail(new InvalidPlanTask({ taskId: c.taskId, message, messageEn }))
  if (!groups.includes(c.group)) return invalid(`Nhóm nhiệm vụ "${c.group}" không hợp lệ (I–IX)`, "group must be I–IX")
  if (!Number.isInteger(c.number) || c.number < 1)
    return invalid("Số thứ tự nhiệm vụ phải là số nguyên dương", "number must be ≥ 1")
  if (c.content.trim() === "") return invalid("Nội dung nhiệm vụ không được để trống", "content is empty")
  if (c.lead.printed.trim() === "") return invalid("Nhiệm vụ phải có cơ quan chủ trì", "a lead agency is required")
  const timeFrame = parseTimeFrame(c.timeFrameLabel, c.planYear)
  if (timeFrame === undefined) return Result.fail(unrecognised(c.taskId, c.timeFrameLabel))
  const { _tag, planYear: _planYear, timeFrameLabel: _label, ...fields } = c
  return Result.succeed([
    new PlanTaskAssigned({
      ...fields,
      lead: { printed: c.lead.printed, agencyCodes: [...c.lead.agencyCodes] },
      coordinating: { printed: c.coordinating.printed, agencyCodes: [...c.coordinating.agencyCodes] },
      timeFrame,
      dueDate: dueDate(timeFrame),
    }),
  ])
}

const report = (c: ReportPlanTaskProgress, state: PlanTaskState): Decision =>
  Result.flatMap(open(state, c.taskId), (): Decision => {
    const p = c.percentComplete
    if (p !== undefined && (!Number.isInteger(p) || p < 0 || p > 100))
      return Result.fail(
        new ProgressOutOfRange({
          taskId: c.taskId,
          message: `Tỷ lệ hoàn thành ${p}% không hợp lệ (0–100)`,
          messageEn: "percent must be 0–100",
        }),
      )
    if (c.summary.trim() === "")
      return Result.fail(
        new InvalidPlanTask({
          taskId: c.taskId,
          message: "Báo cáo tiến độ cần có nội dung",
          messageEn: "empty summary",
        }),
      )
    const { _tag, ...fields } = c
    return Result.succeed([new PlanTaskProgressReported(fields)])
  })

const complete = (c: CompletePlanTask, state: PlanTaskState): Decision =>
  Result.flatMap(open(state, c.taskId), (): Decision => {
    const { _tag, ...fields } = c
    return Result.succeed([new PlanTaskCompleted(fields)])
  })

const correct = (c: CorrectPlanTaskRecord, state: PlanTaskState): Decision => {
  if (state.status === "unassigned") return Result.fail(notAssigned(c.taskId))
  if (state.status === "void") return Result.fail(isVoid(c.taskId))
  const invalid = (message: string, messageEn: string) =>
    Result.fail(new PlanTaskCorrectionInvalid({ taskId: c.taskId, message, messageEn }))
  if (c.reason.trim() === "") return invalid("Phải nêu lý do đính chính", "a correction needs a reason")
  const { _tag, timeFrameLabel, taskId, correctsEventId, reason, correctedOn, ...replacement } = c
  if (timeFrameLabel === undefined && Object.values(replacement).every((v) => v === undefined || v === false))
    return invalid("Đính chính không thay đổi nội dung nào", "nothing to correct")
  if (c.reopens === true && state.status !== "completed")
    return Result.fail(
      new PlanTaskNotCompleted({
        taskId: c.taskId,
        message: "Nhiệm vụ chưa hoàn thành, không thể mở lại",
        messageEn: "task is not completed",
      }),
    )
  if (c.content !== undefined && c.content.trim() === "")
    return invalid("Nội dung nhiệm vụ không được để trống", "content is empty")
  const timeFrame = timeFrameLabel === undefined ? undefined : parseTimeFrame(timeFrameLabel, state.task.timeFrame.year)
  if (timeFrameLabel !== undefined && timeFrame === undefined)
    return Result.fail(unrecognised(c.taskId, timeFrameLabel))
  return Result.succeed([
    new PlanTaskRecordCorrected({
      taskId,
      correctsEventId,
      reason,
      correctedOn,
      ...replacement,
      ...(timeFrame ? { timeFrame, dueDate: dueDate(timeFrame) } : {}),
    }),
  ])
}

const voidTask = (c: VoidPlanTask, state: PlanTaskState): Decision => {
  if (state.status === "unassigned") return Result.fail(notAssigned(c.taskId))
  if (state.status === "void") return Result.fail(isVoid(c.taskId))
  if (c.reason.trim() === "")
    return Result.fail(
      new PlanTaskCorrectionInvalid({
        taskId: c.taskId,
        message: "Phải nêu lý do hủy nhiệm vụ",
        messageEn: "voiding needs a reason",
      }),
    )
  const { _tag, ...fields } = c
  return Result.succeed([new PlanTaskVoided(fields)])
}

const known = knownEventGuard(planTaskStreamType, planTaskEventTypes)

const evolve = (state: PlanTaskState, event: PlanTaskEvent): PlanTaskState => {
  known(event)
  if (event._tag === "PlanTaskAssigned") {
    const { _tag, ...task } = event
    return { status: "open", task: { ...task, progress: [], completedOn: null } }
  }
  if (state.status === "unassigned") return state
  const task = state.task
  switch (event._tag) {
    case "PlanTaskVoided":
      return { status: "void", task }
    case "PlanTaskProgressReported":
      return {
        ...state,
        task: {
          ...task,
          progress: [
            ...task.progress,
            { reportedOn: event.reportedOn, summary: event.summary, percentComplete: event.percentComplete },
          ],
        },
      }
    case "PlanTaskCompleted":
      return { status: "completed", task: { ...task, completedOn: event.completedOn } }
    case "PlanTaskRecordCorrected": {
      const next: PlanTaskView = {
        ...task,
        ...(event.content !== undefined ? { content: event.content } : {}),
        ...(event.lead !== undefined ? { lead: event.lead } : {}),
        ...(event.coordinating !== undefined ? { coordinating: event.coordinating } : {}),
        ...(event.timeFrame !== undefined ? { timeFrame: event.timeFrame } : {}),
        ...(event.dueDate !== undefined ? { dueDate: event.dueDate } : {}),
        ...(event.reopens === true ? { completedOn: null } : {}),
      }
      if (state.status === "void") return { status: "void", task: next }
      return { status: next.completedOn === null ? "open" : "completed", task: next }
    }
    default:
      return unknownEvent(planTaskStreamType, event)
  }
}

const decide = (command: PlanTaskCommand, state: PlanTaskState): Decision => {
  switch (command._tag) {
    case "AssignPlanTask":
      return assign(command, state)
    case "ReportPlanTaskProgress":
      return report(command, state)
    case "CompletePlanTask":
      return complete(command, state)
    case "CorrectPlanTaskRecord":
      return correct(command, state)
    case "VoidPlanTask":
      return voidTask(command, state)
  }
}

export const planTaskDecider: Decider<PlanTaskCommand, PlanTaskState, PlanTaskEvent, PlanTaskRejection> = {
  initialState: { status: "unassigned" },
  decide,
  evolve,
}
