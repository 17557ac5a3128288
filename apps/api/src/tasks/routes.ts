import { PlanTask } from "@xkld/domain"
import { yearsOf } from "@xkld/projections"
import { Result, Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import { answerWithRecord, executeCommand } from "../commands/execute.ts"
import type { RequestContext } from "../commands/request.ts"
import { fail } from "../http/problem.ts"
import { defineRoute } from "../http/route.ts"
import { notFound } from "../http/to-problem.ts"
import {
  AsOfText,
  businessDateOf,
  LimitText,
  OffsetText,
  pageOf,
  parseAsOf,
  parsePeriodText,
  PeriodText,
  ProvinceCode,
  statusPage,
} from "../http/query.ts"
import { provinceOf } from "../access/jurisdiction.ts"
import type { AppServices } from "../services.ts"
import { TaskAnswerBody, TaskListBody, TaskStatus } from "./answers.ts"
import { COMMUNES, READERS, TAGS } from "./vocabulary.ts"

const WRITERS = ["province-officer", "department-officer"] as const
const GROUP_ORDER: ReadonlyArray<string> = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]

type TaskRow = PlanTask.PlanTaskView & { readonly status: "open" | "completed" }

const namesAgency = (task: TaskRow, agency: string) =>
  task.lead.agencyCodes.includes(agency) || task.coordinating.agencyCodes.includes(agency)

/** The tasks an actor may see: a department its agency's (lead or coordinating), a commune officer the communes'. */
const visibleTo =
  (actor: Actor) =>
  (task: TaskRow): boolean => {
    if (actor.role === "department-officer") return actor.agency !== null && namesAgency(task, actor.agency)
    if (actor.role === "commune-officer") return namesAgency(task, COMMUNES)
    return true
  }

/** The plans of the actor's province: tasks belong to a province through their plan. */
const provincePlanIds = async (services: AppServices, provinceCode: string) =>
  new Set((await services.models.plans({ provinceCode })).map((p) => p.planId))

const taskItem = (task: TaskRow, on: string) => {
  const status = PlanTask.taskStatus(task, on)
  return {
    id: task.taskId,
    ...task,
    recordStatus: task.status,
    status,
    overdue: status === "overdue",
    daysOverdue:
      status === "overdue" && task.dueDate ? Math.round((Date.parse(on) - Date.parse(task.dueDate)) / 86_400_000) : 0,
    latestProgress: task.progress.at(-1) ?? null,
  }
}

const IdParams = Schema.Struct({ id: PlanTask.TaskId })
const DocumentRefText = Schema.String.check(Schema.isMaxLength(200))
const Summary = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(5000))
const IsoDay = Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/, { message: "Ngày dạng yyyy-mm-dd" }))

/** Progress and completion: a department officer of the task's lead agency, or a province officer of the task's province. */
async function runTaskCommand(
  services: AppServices,
  request: RequestContext,
  taskId: string,
  command: PlanTask.PlanTaskCommand,
) {
  const { actor } = request
  const planIds = await provincePlanIds(services, actor.provinceCode)
  const result = await executeCommand(services, request, {
    streamId: taskId,
    streamType: PlanTask.planTaskStreamType,
    decider: PlanTask.planTaskDecider,
    command,
    authorise: (state) => {
      if (state.status === "unassigned" || !planIds.has(state.task.planId))
        return Result.fail(notFound(`nhiệm vụ ${taskId}`, `Task ${taskId}`))
      if (
        actor.role === "department-officer" &&
        (actor.agency === null || !state.task.lead.agencyCodes.includes(actor.agency))
      )
        return Result.fail(
          fail(
            "forbidden",
            "Chỉ cơ quan chủ trì nhiệm vụ được báo cáo tiến độ, hoàn thành.",
            "Only the task's lead agency may report on it.",
          ),
        )
      return Result.succeed(undefined)
    },
  })
  return answerWithRecord(result, taskId, "task", async () => {
    const row = (await services.models.tasks({})).find((t) => (t as TaskRow).taskId === taskId) as TaskRow | undefined
    return row ? taskItem(row, businessDateOf(undefined)) : null
  })
}

/** Corrections and voids name an event of the task's own stream (422 otherwise: nothing is written). */
export async function requireEventOf(services: AppServices, streamId: string, eventId: string) {
  const events = await services.log.readStream(streamId)
  if (events.length > 0 && !events.some((e) => e.eventId === eventId))
    throw fail(
      "rejected",
      `Sự kiện ${eventId} không thuộc hồ sơ ${streamId}; không có gì được ghi.`,
      `Event ${eventId} is not one of ${streamId}'s; nothing was written.`,
    )
}

export const AmendmentFields = {
  correctsEventId: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
  reason: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(2000)),
}
const AgencyListBody = Schema.Struct({
  printed: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(1000)),
  agencyCodes: Schema.Array(Schema.String.check(Schema.isMaxLength(40))).check(Schema.isMaxLength(40)),
})

export const taskRoutes = [
  defineRoute({
    method: "get",
    path: "/api/tasks",
    summary: "Nhiệm vụ của kế hoạch: cơ quan chủ trì, phối hợp, thời hạn, tiến độ, quá hạn",
    summaryEn: "Plan tasks: lead and coordinating agencies, due dates, progress, overdue",
    tags: TAGS,
    access: READERS,
    query: Schema.Struct({
      province: Schema.optional(ProvinceCode),
      period: Schema.optional(PeriodText),
      asOf: Schema.optional(AsOfText),
      agency: Schema.optional(Schema.String.check(Schema.isPattern(/^[A-Z0-9-]{2,30}$/))),
      status: Schema.optional(TaskStatus),
      overdue: Schema.optional(Schema.Literals(["true", "false"])),
      plan: Schema.optional(Schema.String.check(Schema.isMaxLength(200))),
      limit: Schema.optional(LimitText),
      offset: Schema.optional(OffsetText),
    }),
    response: TaskListBody,
    handler: async ({ query, actor, services }) => {
      const provinceCode = provinceOf(actor, query.province)
      const asOf = parseAsOf(query.asOf)
      const period = parsePeriodText(query.period)
      const on = businessDateOf(asOf)
      const planIds = await provincePlanIds(services, provinceCode)
      const years = period ? yearsOf(period) : undefined
      const rows = (await services.models.tasks({ asOf, ...(years ? { years } : {}) })) as ReadonlyArray<TaskRow>
      const items = rows
        .filter((t) => planIds.has(t.planId) && (!query.plan || t.planId === query.plan))
        .filter(visibleTo(actor))
        .filter((t) => !query.agency || namesAgency(t, query.agency))
        .filter((t) => !period || t.dueDate === null || (t.dueDate >= period.from && t.dueDate <= period.to))
        .map((t) => taskItem(t, on))
        .filter((t) => !query.status || t.status === query.status)
        .filter((t) => query.overdue === undefined || t.overdue === (query.overdue === "true"))
        .toSorted(
          (a, b) =>
            a.planId.localeCompare(b.planId) ||
            GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
            a.number - b.number,
        )
      return statusPage(items, { asOf, on, page: pageOf(query) })
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/tasks/:id/progress-reports",
    summary: "Báo cáo tiến độ thực hiện nhiệm vụ",
    summaryEn: "Report progress on a task",
    tags: TAGS,
    access: WRITERS,
    write: true,
    params: IdParams,
    body: Schema.Struct({
      reportedOn: Schema.optional(IsoDay),
      summary: Summary,
      percentComplete: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100 }))),
      documentRef: Schema.optional(DocumentRefText),
    }),
    idempotent: true,
    response: TaskAnswerBody,
    handler: ({ params, body, actor, request, services }) =>
      runTaskCommand(services, request, params.id, {
        _tag: "ReportPlanTaskProgress",
        taskId: params.id,
        reportedOn: body.reportedOn ?? businessDateOf(undefined),
        summary: body.summary,
        reportedBy: actor.agency ?? actor.displayName,
        ...(body.percentComplete !== undefined ? { percentComplete: body.percentComplete } : {}),
        ...(body.documentRef ? { documentRef: body.documentRef } : {}),
      }),
  }),

  defineRoute({
    method: "post",
    path: "/api/tasks/:id/completion",
    summary: "Báo cáo hoàn thành nhiệm vụ",
    summaryEn: "Report a task completed",
    tags: TAGS,
    access: WRITERS,
    write: true,
    params: IdParams,
    body: Schema.Struct({
      completedOn: Schema.optional(IsoDay),
      summary: Summary,
      documentRef: Schema.optional(DocumentRefText),
    }),
    idempotent: true,
    response: TaskAnswerBody,
    handler: ({ params, body, request, services }) =>
      runTaskCommand(services, request, params.id, {
        _tag: "CompletePlanTask",
        taskId: params.id,
        completedOn: body.completedOn ?? businessDateOf(undefined),
        summary: body.summary,
        ...(body.documentRef ? { documentRef: body.documentRef } : {}),
      }),
  }),

  defineRoute({
    method: "post",
    path: "/api/tasks/:id/corrections",
    summary: "Đính chính một nhiệm vụ ghi nhầm (nội dung, cơ quan, thời hạn; mở lại nhiệm vụ ghi hoàn thành nhầm)",
    summaryEn: "Correct a task's record (content, agencies, time frame; reopen a mistaken completion)",
    tags: TAGS,
    access: ["province-officer"],
    write: true,
    params: IdParams,
    body: Schema.Struct({
      ...AmendmentFields,
      content: Schema.optional(Summary),
      lead: Schema.optional(AgencyListBody),
      coordinating: Schema.optional(AgencyListBody),
      timeFrameLabel: Schema.optional(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100))),
      reopens: Schema.optional(Schema.Boolean),
    }),
    idempotent: true,
    response: TaskAnswerBody,
    handler: async ({ params, body, request, services }) => {
      await requireEventOf(services, params.id, body.correctsEventId)
      return runTaskCommand(services, request, params.id, {
        _tag: "CorrectPlanTaskRecord",
        taskId: params.id,
        correctedOn: businessDateOf(undefined),
        ...body,
      })
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/tasks/:id/voids",
    summary: "Hủy một nhiệm vụ giao nhầm (bản gốc vẫn được lưu)",
    summaryEn: "Void a task assigned by mistake (the original stays in the log)",
    tags: TAGS,
    access: ["province-officer"],
    write: true,
    params: IdParams,
    body: Schema.Struct(AmendmentFields),
    idempotent: true,
    response: TaskAnswerBody,
    handler: async ({ params, body, request, services }) => {
      await requireEventOf(services, params.id, body.correctsEventId)
      return runTaskCommand(services, request, params.id, {
        _tag: "VoidPlanTask",
        taskId: params.id,
        voidedOn: businessDateOf(undefined),
        correctsEventId: body.correctsEventId,
        reason: body.reason,
      })
    },
  }),
]
