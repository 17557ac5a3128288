import { randomUUID } from "node:crypto"
import { IsoDate, QuotaPlan, ReportingObligation } from "@xkld/domain"
import { Result, Schema } from "effect"
import { EventDate } from "../http/dates.ts"
import type { Actor } from "../access/actor.ts"
import { answerWithRecord, executeCommand } from "../commands/execute.ts"
import type { RequestContext } from "../commands/request.ts"
import { fail } from "../http/problem.ts"
import { defineRoute } from "../http/route.ts"
import { requireIdOf } from "../http/stream-ids.ts"
import { notFound } from "../http/to-problem.ts"
import { metadataBasis } from "../plans/view.ts"
import {
  AsOfText,
  businessDateOf,
  collator,
  LimitText,
  OffsetText,
  pageOf,
  parseAsOf,
  parsePeriodText,
  PeriodText,
  ProvinceCode,
  statusPage,
  UnitCode,
} from "../http/query.ts"
import { outsideJurisdiction, ownUnitCodes, provinceOf } from "../access/jurisdiction.ts"
import type { AppServices } from "../services.ts"
import { ObligationAnswerBody, ObligationListBody, ObligationStatus } from "./answers.ts"
import { AmendmentFields, requireEventOf } from "../tasks/routes.ts"
import { COMMUNES, DEPARTMENTS, READERS, TAGS } from "../tasks/vocabulary.ts"

type Obligation = ReportingObligation.ReportingObligationView

const isUnitReporter = (o: Obligation, codes: ReadonlySet<string>) =>
  o.reporter.kind === "unit" && o.reporter.code !== null && codes.has(o.reporter.code)

/** Who sees an obligation: a commune officer its units' (and those addressed to all communes); a department its agency's. */
const visibleTo =
  (actor: Actor, ownCodes: ReadonlySet<string>) =>
  (o: Obligation): boolean => {
    if (actor.role === "commune-officer") return isUnitReporter(o, ownCodes) || o.reporter.code === COMMUNES
    if (actor.role === "department-officer")
      return (
        o.reporter.code === DEPARTMENTS ||
        [o.reporter, o.recipient, o.via].some((p) => p !== null && p.code !== null && p.code === actor.agency)
      )
    return true
  }

/** Who may record a submission: the reporter itself (a commune for its unit, a department for its agency) or a province officer. */
const maySubmit = (actor: Actor, ownCodes: ReadonlySet<string>, o: Obligation): boolean => {
  if (actor.role === "province-officer") return true
  if (actor.role === "commune-officer") return isUnitReporter(o, ownCodes)
  if (actor.role === "department-officer")
    return o.reporter.kind === "agency" && actor.agency !== null && o.reporter.code === actor.agency
  return false
}

const obligationItem = (o: Obligation, on: string) => {
  const { status, daysLate } = ReportingObligation.submissionStatus(o, on)
  return {
    id: o.obligationId,
    ...o,
    status,
    daysLate,
    lastOnTimeDay: ReportingObligation.lastOnTimeDay(o.deadline, o.deadlineRule),
  }
}

const IdParams = Schema.Struct({ id: ReportingObligation.ObligationId })

async function runObligationCommand(
  services: AppServices,
  request: RequestContext,
  obligationId: string,
  command: ReportingObligation.ReportingObligationCommand,
  options: { readonly mustExist: boolean; readonly legalBasis?: QuotaPlan.PrintedLegalBasis },
) {
  const { actor } = request
  const ownCodes = actor.role === "commune-officer" ? await ownUnitCodes(services, actor) : new Set<string>()
  const result = await executeCommand(services, request, {
    streamId: obligationId,
    streamType: ReportingObligation.reportingObligationStreamType,
    decider: ReportingObligation.reportingObligationDecider,
    legalBasis: options.legalBasis ? metadataBasis(options.legalBasis) : undefined,
    command,
    authorise: (state) => {
      if (!options.mustExist) return Result.succeed(undefined)
      if (state.status === "not-set" || state.obligation.provinceCode !== actor.provinceCode)
        return Result.fail(notFound(`nghĩa vụ báo cáo ${obligationId}`, `Reporting obligation ${obligationId}`))
      if (!maySubmit(actor, ownCodes, state.obligation))
        return Result.fail(
          fail(
            "forbidden",
            "Chỉ đơn vị phải báo cáo (hoặc Sở Nội vụ) được ghi nhận việc nộp báo cáo này.",
            "Only the reporter (or the province officer) may record this submission.",
          ),
        )
      return Result.succeed(undefined)
    },
  })
  return answerWithRecord(result, obligationId, "obligation", async () => {
    const row = (await services.models.obligations({ provinceCode: actor.provinceCode })).find(
      (o) => (o as Obligation).obligationId === obligationId,
    ) as Obligation | undefined
    return row ? obligationItem(row, businessDateOf(undefined)) : null
  })
}

export const obligationRoutes = [
  defineRoute({
    method: "get",
    path: "/api/reporting-obligations",
    summary: "Nghĩa vụ báo cáo: ai báo cáo gì, cho ai, hạn nào; đúng hạn, trễ hạn, quá hạn",
    summaryEn: "Reporting obligations: who reports what to whom by when; on time, late, overdue",
    tags: TAGS,
    access: READERS,
    query: Schema.Struct({
      province: Schema.optional(ProvinceCode),
      unit: Schema.optional(UnitCode),
      period: Schema.optional(PeriodText),
      asOf: Schema.optional(AsOfText),
      status: Schema.optional(ObligationStatus),
      reporter: Schema.optional(Schema.String.check(Schema.isPattern(/^[A-Z0-9-]{2,30}$/))),
      limit: Schema.optional(LimitText),
      offset: Schema.optional(OffsetText),
    }),
    response: ObligationListBody,
    handler: async ({ query, actor, services }) => {
      const provinceCode = provinceOf(actor, query.province)
      const asOf = parseAsOf(query.asOf)
      const period = parsePeriodText(query.period)
      const on = businessDateOf(asOf)
      const ownCodes = actor.role === "commune-officer" ? await ownUnitCodes(services, actor) : new Set<string>()
      if (query.unit !== undefined && actor.role === "commune-officer" && !ownCodes.has(query.unit))
        throw outsideJurisdiction()
      const rows = (await services.models.obligations({ provinceCode, asOf })) as ReadonlyArray<Obligation>
      const items = rows
        .filter(visibleTo(actor, ownCodes))
        .filter((o) => !query.unit || (o.reporter.kind === "unit" && o.reporter.code === query.unit))
        .filter((o) => !query.reporter || o.reporter.code === query.reporter)
        .filter((o) => !period || (o.deadline >= period.from && o.deadline <= period.to))
        .map((o) => obligationItem(o, on))
        .filter((o) => !query.status || o.status === query.status)
        .toSorted(
          (a, b) =>
            a.deadline.localeCompare(b.deadline) ||
            collator.compare(a.reporter.name, b.reporter.name) ||
            a.id.localeCompare(b.id),
        )
      return statusPage(items, { asOf, on, page: pageOf(query) })
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/reporting-obligations",
    summary: "Đặt nghĩa vụ báo cáo theo văn bản (hạn nộp là dữ liệu của văn bản)",
    summaryEn: "Set a reporting obligation from a document (the deadline is the document's)",
    tags: TAGS,
    access: ["province-officer"],
    write: true,
    successStatus: 201,
    body: Schema.Struct({
      obligationId: Schema.optional(ReportingObligation.ObligationId),
      reporter: ReportingObligation.ReportingParty,
      recipient: ReportingObligation.ReportingParty,
      via: Schema.optional(Schema.NullOr(ReportingObligation.ReportingParty)),
      reportKind: ReportingObligation.ReportKind,
      period: ReportingObligation.ReportingPeriod,
      deadline: IsoDate,
      deadlineRule: ReportingObligation.DeadlineRule,
      deadlinePrinted: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500)),
      legalBasis: QuotaPlan.PrintedLegalBasis,
      note: Schema.optional(Schema.String.check(Schema.isMaxLength(2000))),
    }),
    idempotent: true,
    response: ObligationAnswerBody,
    handler: async ({ body, actor, request, services }) => {
      // the stream id is made here or checked to be an obligation id of the officer's province, never taken as is
      const obligationId =
        body.obligationId === undefined
          ? ReportingObligation.obligationStreamId(
              actor.provinceCode,
              body.period.year,
              body.reportKind,
              randomUUID().slice(0, 8),
            )
          : requireIdOf(ReportingObligation.obligationIds, body.obligationId, actor.provinceCode, "body.obligationId")
      return runObligationCommand(
        services,
        request,
        obligationId,
        {
          _tag: "SetReportingObligation",
          obligationId,
          provinceCode: actor.provinceCode,
          reporter: body.reporter,
          recipient: body.recipient,
          via: body.via ?? null,
          reportKind: body.reportKind,
          period: body.period,
          deadline: body.deadline,
          deadlineRule: body.deadlineRule,
          deadlinePrinted: body.deadlinePrinted,
          legalBasis: body.legalBasis,
          ...(body.note ? { note: body.note } : {}),
        },
        { mustExist: false, legalBasis: body.legalBasis },
      )
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/reporting-obligations/:id/submissions",
    summary: "Ghi nhận việc nộp báo cáo (số, ngày văn bản; số liệu, mã băm tệp, khó khăn báo cáo lên)",
    summaryEn:
      "Record a report's submission (number, date; its figures, the file's hash, difficulties reported upward)",
    tags: TAGS,
    access: ["province-officer", "commune-officer", "department-officer"],
    write: true,
    params: IdParams,
    body: Schema.Struct({
      submittedOn: Schema.optional(EventDate),
      documentRef: ReportingObligation.ReportDocumentRef,
      /** What was submitted: the figures the report states, the sha256 of the file sent, the difficulties reported upward. */
      figures: Schema.optional(
        Schema.Array(
          Schema.Struct({
            ref: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
            label: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500)),
            value: Schema.Finite,
            unit: Schema.optional(Schema.String.check(Schema.isMaxLength(40))),
          }),
        ).check(Schema.isMaxLength(200)),
      ),
      contentSha256: Schema.optional(ReportingObligation.ReportSha256),
      difficulties: Schema.optional(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(5000))),
    }),
    idempotent: true,
    response: ObligationAnswerBody,
    handler: ({ params, body, actor, request, services }) =>
      runObligationCommand(
        services,
        request,
        params.id,
        {
          _tag: "SubmitReport",
          obligationId: params.id,
          submittedOn: body.submittedOn ?? businessDateOf(undefined),
          documentRef: body.documentRef,
          submittedBy: actor.displayName,
          ...(body.figures !== undefined ? { figures: body.figures } : {}),
          ...(body.contentSha256 !== undefined ? { contentSha256: body.contentSha256 } : {}),
          ...(body.difficulties !== undefined ? { difficulties: body.difficulties } : {}),
        },
        { mustExist: true },
      ),
  }),

  defineRoute({
    method: "post",
    path: "/api/reporting-obligations/:id/corrections",
    summary: "Đính chính một nghĩa vụ báo cáo hoặc việc nộp ghi nhầm (hạn, ngày nộp; hủy lần nộp ghi nhầm)",
    summaryEn: "Correct an obligation or its submission (deadline, submission date; void a mistaken submission)",
    tags: TAGS,
    access: ["province-officer"],
    write: true,
    params: IdParams,
    body: Schema.Struct({
      ...AmendmentFields,
      deadline: Schema.optional(IsoDate),
      deadlineRule: Schema.optional(ReportingObligation.DeadlineRule),
      deadlinePrinted: Schema.optional(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500))),
      submittedOn: Schema.optional(EventDate),
      note: Schema.optional(Schema.String.check(Schema.isMaxLength(2000))),
      voidsSubmission: Schema.optional(Schema.Boolean),
    }),
    idempotent: true,
    response: ObligationAnswerBody,
    handler: async ({ params, body, request, services }) => {
      await requireEventOf(services, params.id, body.correctsEventId)
      return runObligationCommand(
        services,
        request,
        params.id,
        {
          _tag: "CorrectReportingObligationRecord",
          obligationId: params.id,
          correctedOn: businessDateOf(undefined),
          ...body,
        },
        { mustExist: true },
      )
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/reporting-obligations/:id/voids",
    summary: "Hủy một nghĩa vụ báo cáo ghi nhầm (bản gốc vẫn được lưu)",
    summaryEn: "Void a reporting obligation set by mistake (the original stays in the log)",
    tags: TAGS,
    access: ["province-officer"],
    write: true,
    params: IdParams,
    body: Schema.Struct(AmendmentFields),
    idempotent: true,
    response: ObligationAnswerBody,
    handler: async ({ params, body, request, services }) => {
      await requireEventOf(services, params.id, body.correctsEventId)
      return runObligationCommand(
        services,
        request,
        params.id,
        {
          _tag: "VoidReportingObligation",
          obligationId: params.id,
          voidedOn: businessDateOf(undefined),
          correctsEventId: body.correctsEventId,
          reason: body.reason,
        },
        { mustExist: true },
      )
    },
  }),
]
