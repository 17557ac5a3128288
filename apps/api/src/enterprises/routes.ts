import { randomUUID } from "node:crypto"
import { Enterprise, IsoDate, LegalBasis } from "@xkld/domain"
import type { EnterpriseRow } from "@xkld/projections"
import { Result, Schema } from "effect"
import { EventDate } from "../http/dates.ts"
import type { Actor } from "../access/actor.ts"
import type { Role } from "../access/roles.ts"
import { answerWith, executeCommand } from "../commands/execute.ts"
import type { RequestContext } from "../commands/request.ts"
import { fail } from "../http/problem.ts"
import { defineRoute } from "../http/route.ts"
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
  ProvinceCode,
} from "../http/query.ts"
import { provinceOf } from "../access/jurisdiction.ts"
import type { AppServices } from "../services.ts"
import { EnterpriseAnswerBody, EnterpriseItemBody, EnterpriseListBody } from "./answers.ts"

const TAGS = ["Doanh nghiệp"]
const READERS: ReadonlyArray<Role> = [
  "province-officer",
  "commune-officer",
  "enterprise-officer",
  "bank-officer",
  "department-officer",
  "leader",
  "auditor",
]
const WRITERS = ["province-officer"] as const

const EnterpriseId = Schema.String.check(
  Schema.isPattern(/^[\w.-]{1,100}$/, { message: "Mã doanh nghiệp: 1–100 ký tự chữ, số, . _ -" }),
)
const IdParams = Schema.Struct({ id: EnterpriseId })
const Text = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(2000))

/** An enterprise as the API shows it, with where it stands in the asked province. */
const enterpriseItem = (row: EnterpriseRow, provinceCode: string) => ({
  id: row.enterpriseId,
  ...row,
  vettedInProvince: row.vettedIn.includes(provinceCode),
  mayRecruitInProvince: row.vettedIn.includes(provinceCode) && !row.suspended,
})

const legalBasisOf = (basis: LegalBasis | undefined) =>
  basis
    ? { number: basis.number, date: basis.date, issuer: basis.issuer, ...(basis.title ? { title: basis.title } : {}) }
    : undefined

async function runEnterpriseCommand(
  services: AppServices,
  request: RequestContext,
  enterpriseId: string,
  command: Enterprise.EnterpriseCommand,
  legalBasis: LegalBasis | undefined,
  mustExist: boolean,
) {
  const { actor } = request
  const result = await executeCommand(services, request, {
    streamId: Enterprise.enterpriseStreamId(enterpriseId),
    streamType: Enterprise.ENTERPRISE_STREAM_TYPE,
    decider: Enterprise.enterpriseDecider,
    legalBasis: legalBasisOf(legalBasis),
    command,
    authorise: (state) => {
      if (mustExist && state.licence === undefined)
        return Result.fail(notFound(`doanh nghiệp ${enterpriseId}`, `Enterprise ${enterpriseId}`))
      if (PROVINCE_LIST_ONLY.has(command._tag) && !(actor.provinceCode in state.vettingPeriods))
        return Result.fail(
          fail(
            "forbidden",
            `Doanh nghiệp ${enterpriseId} chưa từng có trong danh sách doanh nghiệp được tỉnh mình lựa chọn; việc đình chỉ, khôi phục hoạt động hay vi phạm do tỉnh có doanh nghiệp hoạt động ghi nhận.`,
            `Enterprise ${enterpriseId} was never on your province's vetted list; suspensions, reinstatements and violations are recorded by a province it works in.`,
          ),
        )
      return Result.succeed(undefined)
    },
  })
  return answerWith(result, async (done) => {
    const row = (await services.models.enterprises({})).find((e) => e.enterpriseId === enterpriseId)
    return {
      id: enterpriseId,
      version: done.version,
      events: done.events,
      enterprise: row ? enterpriseItem(row, actor.provinceCode) : null,
    }
  })
}

/**
 * A suspension, reinstatement or violation changes what the enterprise may do in every province (it is one
 * national record): only a province whose vetted list it is or was on may record one (ADR 0013).
 */
const PROVINCE_LIST_ONLY: ReadonlySet<Enterprise.EnterpriseCommand["_tag"]> = new Set([
  "SuspendEnterprise",
  "ReinstateEnterprise",
  "RecordEnterpriseViolation",
])

/** A command route on one enterprise: body fields + `occurredOn` (default today), one decider command. */
const enterpriseCommand = <F extends Schema.Struct.Fields>(spec: {
  path: string
  summary: string
  summaryEn: string
  fields: F
  make: (
    enterpriseId: string,
    occurredOn: string,
    body: Schema.Struct<F>["Type"],
    actor: Actor,
  ) => Enterprise.EnterpriseCommand
  legalBasis: (body: Schema.Struct<F>["Type"]) => LegalBasis | undefined
}) =>
  defineRoute({
    method: "post",
    path: `/api/enterprises/:id/${spec.path}`,
    summary: spec.summary,
    summaryEn: spec.summaryEn,
    tags: TAGS,
    access: WRITERS,
    write: true,
    params: IdParams,
    body: Schema.Struct({ ...spec.fields, occurredOn: Schema.optional(EventDate) }),
    idempotent: true,
    response: EnterpriseAnswerBody,
    handler: ({ params, body, actor, request, services }) =>
      runEnterpriseCommand(
        services,
        request,
        params.id,
        spec.make(
          params.id,
          (body as { occurredOn?: string }).occurredOn ?? businessDateOf(undefined),
          body as any,
          actor,
        ),
        spec.legalBasis(body as any),
        true,
      ),
  })

export const enterpriseRoutes = [
  defineRoute({
    method: "get",
    path: "/api/enterprises",
    summary: "Doanh nghiệp dịch vụ: giấy phép, danh sách được tỉnh lựa chọn, đình chỉ, vi phạm",
    summaryEn: "Recruitment enterprises: licence, province vetted lists, suspension, violations",
    tags: TAGS,
    access: READERS,
    query: Schema.Struct({
      province: Schema.optional(ProvinceCode),
      vetted: Schema.optional(Schema.Literals(["true", "false"])),
      suspended: Schema.optional(Schema.Literals(["true", "false"])),
      q: Schema.optional(Schema.String.check(Schema.isMaxLength(200))),
      asOf: Schema.optional(AsOfText),
      limit: Schema.optional(LimitText),
      offset: Schema.optional(OffsetText),
    }),
    response: EnterpriseListBody,
    handler: async ({ query, actor, services }) => {
      const provinceCode = provinceOf(actor, query.province)
      const needle = query.q?.normalize("NFC").toLocaleLowerCase("vi")
      const rows = (await services.models.enterprises({ asOf: parseAsOf(query.asOf) }))
        .map((row) => enterpriseItem(row, provinceCode))
        .filter((e) => query.vetted === undefined || e.vettedInProvince === (query.vetted === "true"))
        .filter((e) => query.suspended === undefined || e.suspended === (query.suspended === "true"))
        .filter(
          (e) =>
            !needle ||
            e.name.normalize("NFC").toLocaleLowerCase("vi").includes(needle) ||
            e.licenceNumber.toLocaleLowerCase("vi").includes(needle),
        )
        .toSorted((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
      return paginate(rows, pageOf(query))
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/enterprises/:id",
    summary: "Một doanh nghiệp dịch vụ",
    summaryEn: "One recruitment enterprise",
    tags: TAGS,
    access: READERS,
    params: IdParams,
    query: Schema.Struct({ asOf: Schema.optional(AsOfText) }),
    response: EnterpriseItemBody,
    handler: async ({ params, query, actor, services }) => {
      const row = (await services.models.enterprises({ asOf: parseAsOf(query.asOf) })).find(
        (e) => e.enterpriseId === params.id,
      )
      if (!row) throw notFound(`doanh nghiệp ${params.id}`, `Enterprise ${params.id}`)
      return enterpriseItem(row, actor.provinceCode)
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/enterprises",
    summary: "Ghi nhận doanh nghiệp có giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài",
    summaryEn: "Record a licensed recruitment enterprise",
    tags: TAGS,
    access: WRITERS,
    write: true,
    successStatus: 201,
    body: Schema.Struct({
      enterpriseId: Schema.optional(EnterpriseId),
      name: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500)),
      licenceNumber: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
      licenceDate: EventDate,
      occurredOn: Schema.optional(EventDate),
    }),
    idempotent: true,
    response: EnterpriseAnswerBody,
    handler: async ({ body, request, services }) => {
      const enterpriseId = body.enterpriseId ?? randomUUID()
      const command = new Enterprise.LicenseEnterprise({
        enterpriseId,
        occurredOn: body.occurredOn ?? businessDateOf(undefined),
        name: body.name,
        licenceNumber: body.licenceNumber,
        licenceDate: body.licenceDate,
      })
      return runEnterpriseCommand(services, request, enterpriseId, command, undefined, false)
    },
  }),

  enterpriseCommand({
    path: "vettings",
    summary: "Đưa doanh nghiệp vào danh sách doanh nghiệp được tỉnh lựa chọn",
    summaryEn: "Put the enterprise on the province's vetted list",
    fields: { legalBasis: LegalBasis },
    make: (enterpriseId, occurredOn, body, actor) =>
      new Enterprise.VetEnterprise({
        enterpriseId,
        occurredOn,
        provinceCode: actor.provinceCode,
        legalBasis: body.legalBasis,
      }),
    legalBasis: (body) => body.legalBasis,
  }),
  enterpriseCommand({
    path: "removals",
    summary: "Đưa doanh nghiệp ra khỏi danh sách của tỉnh",
    summaryEn: "Take the enterprise off the province's vetted list",
    fields: { legalBasis: LegalBasis, reason: Text },
    make: (enterpriseId, occurredOn, body, actor) =>
      new Enterprise.RemoveEnterpriseFromVettedList({
        enterpriseId,
        occurredOn,
        provinceCode: actor.provinceCode,
        legalBasis: body.legalBasis,
        reason: body.reason,
      }),
    legalBasis: (body) => body.legalBasis,
  }),
  enterpriseCommand({
    path: "suspensions",
    summary: "Đình chỉ hoạt động của doanh nghiệp",
    summaryEn: "Suspend the enterprise",
    fields: { legalBasis: LegalBasis, reason: Text, until: Schema.optional(IsoDate) },
    make: (enterpriseId, occurredOn, body) =>
      new Enterprise.SuspendEnterprise({
        enterpriseId,
        occurredOn,
        legalBasis: body.legalBasis,
        reason: body.reason,
        ...(body.until ? { until: body.until } : {}),
      }),
    legalBasis: (body) => body.legalBasis,
  }),
  enterpriseCommand({
    path: "reinstatements",
    summary: "Khôi phục hoạt động của doanh nghiệp",
    summaryEn: "Reinstate the enterprise",
    fields: { legalBasis: LegalBasis },
    make: (enterpriseId, occurredOn, body) =>
      new Enterprise.ReinstateEnterprise({ enterpriseId, occurredOn, legalBasis: body.legalBasis }),
    legalBasis: (body) => body.legalBasis,
  }),
  enterpriseCommand({
    path: "violations",
    summary: "Ghi nhận vi phạm của doanh nghiệp",
    summaryEn: "Record a violation by the enterprise",
    fields: {
      description: Text,
      legalBasis: Schema.optional(LegalBasis),
      penaltyAmount: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
    },
    make: (enterpriseId, occurredOn, body) =>
      new Enterprise.RecordEnterpriseViolation({
        enterpriseId,
        occurredOn,
        description: body.description,
        ...(body.legalBasis ? { legalBasis: body.legalBasis } : {}),
        ...(body.penaltyAmount !== undefined ? { penaltyAmount: body.penaltyAmount } : {}),
      }),
    legalBasis: (body) => body.legalBasis,
  }),
]
