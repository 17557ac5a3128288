import { randomUUID } from "node:crypto"
import { AdminUnit, IsoDate, QuotaPlan } from "@xkld/domain"
import type { PlanRow } from "@xkld/projections"
import { Result, Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import { answerWith, executeCommand } from "../commands/execute.ts"
import type { RequestContext } from "../commands/request.ts"
import { fail } from "../http/problem.ts"
import { defineRoute } from "../http/route.ts"
import { requireIdOf } from "../http/stream-ids.ts"
import { notFound } from "../http/to-problem.ts"
import {
  AsOfText,
  businessDateOf,
  collator,
  LimitText,
  OffsetText,
  pageOf,
  paginate,
  parseAsOf,
  parseYear,
  ProvinceCode,
  UnitCode,
  YearText,
} from "../http/query.ts"
import { AGGREGATE_READERS, provinceOf, unitScope } from "../access/jurisdiction.ts"
import type { AppServices } from "../services.ts"
import { RecordAnswerBody } from "../http/answers.ts"
import { ApportionmentBody, PlanBody, PlanListBody } from "../reports/answers.ts"
import { AmendmentFields, requireEventOf } from "../tasks/routes.ts"
import { apportionmentOf, metadataBasis, planItem } from "./view.ts"

const TAGS = ["Kế hoạch, chỉ tiêu"]
const WRITERS = ["province-officer"] as const

const AllocationInput = Schema.Struct({
  unitCode: UnitCode,
  unitName: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
  /** As printed: "3,46". */
  sharePercentPrinted: Schema.String.check(Schema.isMaxLength(20)),
  headCount: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  note: Schema.optional(Schema.String.check(Schema.isMaxLength(500))),
})
type AllocationInput = typeof AllocationInput.Type

const toAllocation = (a: AllocationInput): QuotaPlan.Allocation => ({
  ...QuotaPlan.allocation(a.unitCode, a.unitName, a.sharePercentPrinted, a.headCount),
  ...(a.note ? { note: a.note } : {}),
})

const Reason = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(2000))

const PlanIdParams = Schema.Struct({ id: QuotaPlan.PlanId })

/** A plan command's answer: the plan's id, its new version, the events written and the plan as it now stands (null once void). */
const PlanAnswerBody = RecordAnswerBody("plan", PlanBody)

const planRows = async (services: AppServices, provinceCode: string, asOf?: Date, year?: number) =>
  services.models.plans({ provinceCode, asOf, ...(year === undefined ? {} : { years: [year] }) })

async function findPlan(services: AppServices, actor: Actor, id: string, asOf?: Date): Promise<PlanRow> {
  const row = (await planRows(services, actor.provinceCode, asOf)).find((p) => p.planId === id)
  if (!row) throw notFound(`kế hoạch ${id}`, `Plan ${id}`)
  return row
}

/** Every allocated unit must exist in the province's catalogue on 1 January of the plan year. */
async function checkUnits(
  services: AppServices,
  provinceCode: string,
  year: number,
  rows: ReadonlyArray<AllocationInput>,
) {
  const catalogue = await services.models.catalogues.at()
  const inProvince = new Set(AdminUnit.unitsOf(catalogue, provinceCode, `${year}-01-01`).map((u) => u.code))
  const unknown = rows.filter((r) => !inProvince.has(r.unitCode))
  if (unknown.length > 0)
    throw fail(
      "validation",
      `Mã ĐVHC không thuộc tỉnh ${provinceCode} vào ngày 01/01/${year}: ${unknown.map((u) => `${u.unitName} (${u.unitCode})`).join(", ")}.`,
      `Unit codes not in province ${provinceCode} on ${year}-01-01: ${unknown.map((u) => u.unitCode).join(", ")}.`,
      {
        fields: unknown.map((u) => ({
          path: "body.allocations.unitCode",
          message: `Mã ${u.unitCode} không thuộc tỉnh`,
          messageEn: `Unknown unit ${u.unitCode}`,
        })),
      },
    )
}

/** Commands on an existing plan: it must exist and belong to the officer's province. */
const ownPlan = (actor: Actor, planId: string) => (state: QuotaPlan.QuotaPlanState) => {
  if (state.status === "not-issued") return Result.fail(notFound(`kế hoạch ${planId}`, `Plan ${planId}`))
  if (state.plan.provinceCode !== actor.provinceCode)
    return Result.fail(fail("forbidden", "Kế hoạch này thuộc tỉnh khác.", "This plan belongs to another province."))
  return Result.succeed(undefined)
}

/** A plan command through the pipeline, answered with the plan as the read model now holds it. */
async function runPlanCommand(
  services: AppServices,
  request: RequestContext,
  planId: string,
  command: QuotaPlan.QuotaPlanCommand,
  legalBasis: QuotaPlan.PrintedLegalBasis | undefined,
  mustOwn = true,
) {
  const result = await executeCommand(services, request, {
    streamId: planId,
    streamType: QuotaPlan.quotaPlanStreamType,
    decider: QuotaPlan.quotaPlanDecider,
    legalBasis: legalBasis === undefined ? undefined : metadataBasis(legalBasis),
    ...(mustOwn ? { authorise: ownPlan(request.actor, planId) } : {}),
    command,
  })
  return answerWith(result, (done) => commandAnswer(services, request.actor, done))
}

const commandAnswer = async (
  services: AppServices,
  actor: Actor,
  result: { streamId: string; version: number; events: ReadonlyArray<unknown> },
) => {
  const row = (await planRows(services, actor.provinceCode)).find((p) => p.planId === result.streamId)
  const catalogue = await services.models.catalogues.at()
  return {
    id: result.streamId,
    version: result.version,
    events: result.events,
    plan: row ? planItem(row, catalogue) : null,
  }
}

const PlanListQuery = Schema.Struct({
  province: Schema.optional(ProvinceCode),
  year: Schema.optional(YearText),
  unit: Schema.optional(UnitCode),
  asOf: Schema.optional(AsOfText),
  limit: Schema.optional(LimitText),
  offset: Schema.optional(OffsetText),
})

export const planRoutes = [
  defineRoute({
    method: "get",
    path: "/api/plans",
    summary: "Kế hoạch và bảng giao chỉ tiêu (như đã ban hành, kèm chênh lệch giữa tổng các dòng và chỉ tiêu)",
    summaryEn:
      "Quota plans and allocation tables as issued, with the discrepancy between the rows' total and the target",
    tags: TAGS,
    access: AGGREGATE_READERS,
    query: PlanListQuery,
    response: PlanListBody,
    handler: async ({ query, actor, services }) => {
      const provinceCode = provinceOf(actor, query.province)
      const asOf = parseAsOf(query.asOf)
      const year = parseYear(query.year)
      const units = await unitScope(
        services,
        actor,
        query.unit,
        year === undefined ? { asOf } : { date: `${year}-01-01` },
      )
      const catalogue = await services.models.catalogues.at()
      const rows = (await planRows(services, provinceCode, asOf, year)).toSorted(
        (a, b) =>
          b.year - a.year || (a.kind === b.kind ? 0 : a.kind === "plan" ? -1 : 1) || collator.compare(a.title, b.title),
      )
      const keep =
        units === undefined ? undefined : (unitId: string | null) => unitId !== null && units.includes(unitId)
      return paginate(
        rows.map((row) => planItem(row, catalogue, keep)),
        pageOf(query),
      )
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/plans/:id",
    summary: "Một kế hoạch: chỉ tiêu, bảng giao chỉ tiêu, các lần điều chỉnh",
    summaryEn: "One plan: targets, allocation table, amendments",
    tags: TAGS,
    access: AGGREGATE_READERS,
    params: PlanIdParams,
    query: Schema.Struct({ asOf: Schema.optional(AsOfText) }),
    response: PlanBody,
    handler: async ({ params, query, actor, services }) => {
      const row = await findPlan(services, actor, params.id, parseAsOf(query.asOf))
      const units = await unitScope(services, actor, undefined)
      const keep =
        units === undefined ? undefined : (unitId: string | null) => unitId !== null && units.includes(unitId)
      return planItem(row, await services.models.catalogues.at(), keep)
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/plans/:id/apportionment",
    summary: "Đề xuất phân bổ chỉ tiêu theo tỷ lệ (số dư lớn nhất), so với chỉ tiêu đã giao",
    summaryEn: "Proposed apportionment of the target over the shares (largest remainder), against the issued quotas",
    tags: TAGS,
    access: ["province-officer", "leader", "auditor", "department-officer"],
    params: PlanIdParams,
    query: Schema.Struct({
      method: Schema.optional(Schema.Literals(["largest-remainder"])),
      asOf: Schema.optional(AsOfText),
    }),
    response: ApportionmentBody,
    handler: async ({ params, query, actor, services }) => {
      const row = await findPlan(services, actor, params.id, parseAsOf(query.asOf))
      const proposal = apportionmentOf(row, await services.models.catalogues.at(), query.method ?? "largest-remainder")
      if (!proposal)
        throw fail(
          "rejected",
          "Kế hoạch không có chỉ tiêu số người đi làm việc ở nước ngoài của năm để phân bổ.",
          "The plan has no departures target to apportion.",
        )
      return proposal
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/plans",
    summary: "Ban hành kế hoạch năm với bảng giao chỉ tiêu (ghi nhận đúng như bản in)",
    summaryEn: "Issue a yearly plan with its allocation table (recorded as printed)",
    tags: TAGS,
    access: WRITERS,
    write: true,
    response: PlanAnswerBody,
    successStatus: 201,
    body: Schema.Struct({
      planId: Schema.optional(QuotaPlan.PlanId),
      schemeId: Schema.optional(Schema.NullOr(Schema.String)),
      year: Schema.Int.check(Schema.isBetween({ minimum: 1990, maximum: 2100 })),
      title: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(1000)),
      targets: Schema.Array(QuotaPlan.Target),
      allocations: Schema.Array(AllocationInput).check(Schema.isMaxLength(2000)),
      printedTotal: Schema.optional(Schema.NullOr(Schema.Int)),
      legalBasis: QuotaPlan.PrintedLegalBasis,
    }),
    idempotent: true,
    handler: async ({ body, actor, request, services }) => {
      await checkUnits(services, actor.provinceCode, body.year, body.allocations)
      // the stream id is made here or checked to be a plan id of the officer's province, never taken as is
      const planId =
        body.planId === undefined
          ? QuotaPlan.planStreamId(actor.provinceCode, body.year, randomUUID().slice(0, 8))
          : requireIdOf(QuotaPlan.planIds, body.planId, actor.provinceCode, "body.planId")
      return runPlanCommand(
        services,
        request,
        planId,
        {
          _tag: "IssuePlan",
          planId,
          schemeId: body.schemeId ?? null,
          provinceCode: actor.provinceCode,
          year: body.year,
          title: body.title,
          targets: body.targets,
          allocations: body.allocations.map(toAllocation),
          printedTotal: body.printedTotal ?? null,
          legalBasis: body.legalBasis,
        },
        body.legalBasis,
        false,
      )
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/plans/:id/allocation-amendments",
    summary: "Điều chỉnh chỉ tiêu giao cho một số đơn vị theo quyết định",
    summaryEn: "Amend some units' allocations by a cited decision",
    tags: TAGS,
    access: WRITERS,
    write: true,
    response: PlanAnswerBody,
    params: PlanIdParams,
    body: Schema.Struct({
      changes: Schema.Array(AllocationInput).check(Schema.isMinLength(1), Schema.isMaxLength(2000)),
      legalBasis: QuotaPlan.PrintedLegalBasis,
      effectiveOn: IsoDate,
      reason: Reason,
    }),
    idempotent: true,
    handler: async ({ params, body, request, services }) => {
      return runPlanCommand(
        services,
        request,
        params.id,
        {
          _tag: "AmendAllocation",
          planId: params.id,
          changes: body.changes.map(toAllocation),
          legalBasis: body.legalBasis,
          effectiveOn: body.effectiveOn,
          reason: body.reason,
        },
        body.legalBasis,
      )
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/plans/:id/target-amendments",
    summary: "Điều chỉnh một chỉ tiêu của kế hoạch theo quyết định",
    summaryEn: "Amend a target of the plan by a cited decision",
    tags: TAGS,
    access: WRITERS,
    write: true,
    response: PlanAnswerBody,
    params: PlanIdParams,
    body: Schema.Struct({
      target: QuotaPlan.Target,
      legalBasis: QuotaPlan.PrintedLegalBasis,
      effectiveOn: IsoDate,
      reason: Reason,
    }),
    idempotent: true,
    handler: async ({ params, body, request, services }) => {
      return runPlanCommand(
        services,
        request,
        params.id,
        { _tag: "AmendTarget", planId: params.id, ...body },
        body.legalBasis,
      )
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/plans/:id/supersession",
    summary: "Thay thế kế hoạch bằng một kế hoạch khác",
    summaryEn: "Supersede the plan by another one",
    tags: TAGS,
    access: WRITERS,
    write: true,
    response: PlanAnswerBody,
    params: PlanIdParams,
    body: Schema.Struct({
      supersededBy: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
      legalBasis: QuotaPlan.PrintedLegalBasis,
      effectiveOn: IsoDate,
    }),
    idempotent: true,
    handler: async ({ params, body, request, services }) => {
      return runPlanCommand(
        services,
        request,
        params.id,
        { _tag: "SupersedePlan", planId: params.id, ...body },
        body.legalBasis,
      )
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/plans/:id/voids",
    summary:
      "Hủy một kế hoạch ghi nhầm hoặc bị bãi bỏ (có lý do, căn cứ nếu có); số liệu của kế hoạch không còn được tính từ khi hủy, bản gốc vẫn được lưu",
    summaryEn:
      "Void a plan recorded by mistake or annulled (with a reason, and the decision if any); its figures count no more from the void on, the original stays in the log",
    tags: TAGS,
    access: WRITERS,
    write: true,
    response: PlanAnswerBody,
    params: PlanIdParams,
    body: Schema.Struct({ ...AmendmentFields, legalBasis: Schema.optional(QuotaPlan.PrintedLegalBasis) }),
    idempotent: true,
    handler: async ({ params, body, request, services }) => {
      // the void names the plan's issuing event (or any of its own): one of another stream's is refused, nothing written
      await requireEventOf(services, params.id, body.correctsEventId)
      return runPlanCommand(
        services,
        request,
        params.id,
        {
          _tag: "VoidPlan",
          planId: params.id,
          correctsEventId: body.correctsEventId,
          reason: body.reason,
          voidedOn: businessDateOf(undefined),
          ...(body.legalBasis ? { legalBasis: body.legalBasis } : {}),
        },
        body.legalBasis,
      )
    },
  }),
]
