import { randomUUID } from "node:crypto"
import { IsoDate, Report, ReportingObligation } from "@xkld/domain"
import {
  CONTENT_TYPES,
  CONTENT_VERSION,
  VERSIONS_BEFORE_RECORDING,
  documentCode,
  renderAll,
  renderReport,
  reportContent,
  differenceSinceIssue,
  reportPeriod,
  departmentsNamedIn,
  isAgencyReporter,
  UnknownDepartment,
  type ObligationRow,
  type TaskRow,
  UnknownReporter,
  type RenderedReport,
  type ReportFormat,
  type ReportRequest,
} from "@xkld/reports"
import { Result, Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import { AGGREGATE_READERS, outsideJurisdiction, provinceOf, unitScope } from "../access/jurisdiction.ts"
import { appendDecided, commandResult, decideCommand, loadAggregate } from "../commands/execute.ts"
import { newEventId, type RequestContext } from "../commands/request.ts"
import { fail } from "../http/problem.ts"
import { AsOfText, businessDateOf, parseAsOf, ProvinceCode } from "../http/query.ts"
import { defineRoute } from "../http/route.ts"
import { notFound } from "../http/to-problem.ts"
import type { AppServices } from "../services.ts"
import { IssuedReportBody, PeriodicReportBody, ReportDifferenceBody } from "./document-answers.ts"
import { issuedListRoute } from "./issued-list.ts"

/**
 * The 6-month and annual reports as files an office signs (packages/reports): generated as of a recorded instant,
 * issued into the log (ReportIssued, which fulfils the matching reporting obligation), re-downloaded by
 * regenerating them and checking the hash, and compared with what is known now.
 */

const TAGS = ["Số liệu, báo cáo"]
const FILE_TYPES = Object.values(CONTENT_TYPES)
const Format = Schema.Literals(["docx", "xlsx", "pdf", "json"])
const Reporter = Schema.String.check(
  Schema.isPattern(/^(province|\d{5}|[A-Z][A-Z0-9-]{1,15})$/, {
    message: "Đơn vị báo cáo: province, mã xã, phường gồm 5 chữ số, hoặc mã sở, ban, ngành (SYT, STP…)",
  }),
)
const ReportPeriodText = Schema.String.check(
  Schema.isPattern(/^\d{4}(-H1)?$/, { message: "Kỳ báo cáo: yyyy-H1 (6 tháng) hoặc yyyy (năm)" }),
)
const Text = (max: number) => Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(max))

const periodOf = (text: string) => {
  const period = reportPeriod(text)
  if (!period)
    throw fail("validation", `Kỳ báo cáo “${text}” không hợp lệ.`, `Unknown reporting period “${text}”.`, {
      fields: [{ path: "query.period", message: "yyyy-H1 hoặc yyyy", messageEn: "yyyy-H1 or yyyy" }],
    })
  return period
}

/**
 * The figures of a report must already be recorded: as of a moment not after now. Recorded times are the
 * database's clock (docs/dates.md), so "now" here is the machine's, not the app's business clock.
 */
const recordedNow = () => new Date()
const asOfOf = (text: string | undefined, path: string): Date => {
  const asOf = parseAsOf(text, path) ?? recordedNow()
  if (asOf.getTime() > recordedNow().getTime())
    throw fail(
      "validation",
      "Thời điểm số liệu chưa đến: báo cáo chỉ lập được cho số liệu đã ghi nhận.",
      "The as-of instant is in the future: a report is made of figures already recorded.",
      { fields: [{ path, message: "Không được sau thời điểm hiện tại", messageEn: "Must not be in the future" }] },
    )
  return asOf
}

/**
 * Who may have a reporter's report: a commune officer only its own commune's; a department officer its own
 * department's (and, as an aggregate reader, the province's and the communes'), not another department's; the
 * others any in the province.
 */
async function checkReporter(services: AppServices, actor: Actor, reporter: string, periodTo: string) {
  if (actor.role === "department-officer") {
    if (isAgencyReporter(reporter) && reporter !== actor.agency) throw outsideJurisdiction()
    return
  }
  if (actor.role !== "commune-officer") return
  if (reporter === "province" || isAgencyReporter(reporter)) throw outsideJurisdiction()
  await unitScope(services, actor, reporter, { date: periodTo })
}

async function contentOf(services: AppServices, request: ReportRequest) {
  try {
    return await reportContent(services.models, request)
  } catch (error) {
    if (error instanceof UnknownDepartment)
      throw fail(
        "not-found",
        `Sở, ban, ngành mã ${error.code} không có nhiệm vụ hoặc chế độ báo cáo trong kế hoạch năm ${request.period.slice(0, 4)} của tỉnh.`,
        `Agency ${error.code} has no task or reporting obligation in the province's plan for the year.`,
      )
    if (error instanceof UnknownReporter)
      throw fail(
        "not-found",
        `Đơn vị mã ${error.code} không có trong kế hoạch năm ${request.period.slice(0, 4)} của tỉnh.`,
        `Unit ${error.code} is not in the province's plan for the year.`,
      )
    throw error
  }
}

const fileResponse = (rendered: { bytes: Uint8Array; contentType: string; fileName: string; sha256: string }) =>
  new Response(rendered.bytes as unknown as ConstructorParameters<typeof Response>[0], {
    status: 200,
    headers: {
      "content-type": rendered.contentType,
      "content-disposition": `attachment; filename="${rendered.fileName}"`,
      "x-content-sha256": rendered.sha256,
      "cache-control": "no-store",
    },
  })

const requestOf = (report: Omit<Report.ReportIssued, "_tag">, contentVersion: number): ReportRequest => ({
  contentVersion,
  provinceCode: report.provinceCode,
  reporter: report.reporter.kind === "province" ? "province" : report.reporter.code,
  period: report.period,
  asOf: new Date(report.asOf),
  number: report.documentNumber,
  date: report.documentDate,
  signer: report.signer,
  ...(report.difficulties !== undefined ? { difficulties: report.difficulties } : {}),
  ...(report.proposals !== undefined ? { proposals: report.proposals } : {}),
})

/** The issued report a reader may see, or 404 (another province's, or a commune officer's other commune). */
async function issuedReport(services: AppServices, actor: Actor, id: string) {
  const { state } = await loadAggregate(services, id, Report.issuedReportDecider)
  const missing = () => notFound(`báo cáo đã ban hành ${id}`, `Issued report ${id}`)
  if (state.status !== "issued") throw missing()
  const report = state.report
  if (actor.role !== "national-officer" && report.provinceCode !== actor.provinceCode) throw missing()
  if (actor.role === "department-officer" && report.reporter.kind === "agency" && report.reporter.code !== actor.agency)
    throw missing()
  if (actor.role === "commune-officer") {
    if (report.reporter.kind !== "unit") throw missing()
    await unitScope(services, actor, report.reporter.code, { date: reportPeriod(report.period)!.to }).catch(() => {
      throw missing()
    })
  }
  return report
}

/**
 * The builder versions that may have made an issued report's files, most likely first: the recorded one, or,
 * for a report issued before `ReportIssued` recorded it, the versions of that time (ADR 0020).
 */
const versionsOf = (report: Omit<Report.ReportIssued, "_tag">): ReadonlyArray<number> =>
  report.contentVersion !== undefined ? [report.contentVersion] : VERSIONS_BEFORE_RECORDING

/**
 * An issued report's file regenerated: with its recorded builder version, or the first of the candidate versions
 * whose bytes match the recorded hash; the last attempt when none does (the caller refuses it).
 */
async function regenerated(services: AppServices, report: Omit<Report.ReportIssued, "_tag">, format: ReportFormat) {
  const versions = versionsOf(report)
  let last: RenderedReport | undefined
  for (const version of versions) {
    last = await renderReport(await contentOf(services, requestOf(report, version)), format, version)
    if (last.sha256 === report.contentHashes[format]) return { rendered: last, version }
  }
  return { rendered: last!, version: versions.at(-1)! }
}

const kindOf = (period: string) => (reportPeriod(period)!.kind === "six-month" ? "six-month" : "annual")

/** The reporting obligation an issue fulfils: same year and kind, this reporter, not yet submitted. */
async function matchingObligation(services: AppServices, provinceCode: string, reporter: string, period: string) {
  const year = Number(period.slice(0, 4))
  const rows = (await services.models.obligations({
    provinceCode,
  })) as ReadonlyArray<ReportingObligation.ReportingObligationView>
  return rows
    .filter((o) => o.period.year === year && o.reportKind === kindOf(period) && o.submission === null)
    .filter((o) =>
      reporter === "province"
        ? o.reporter.kind === "agency" && o.reporter.code === "SNV"
        : isAgencyReporter(reporter)
          ? o.reporter.kind === "agency" && o.reporter.code === reporter
          : o.reporter.kind === "unit" && o.reporter.code === reporter,
    )
    .toSorted((a, b) => a.obligationId.localeCompare(b.obligationId))[0]
}

const filesOf = (id: string) =>
  Object.fromEntries(
    (["docx", "xlsx", "pdf", "json"] as const).map((f) => [
      f,
      `/api/reports/issued/${encodeURIComponent(id)}?format=${f}`,
    ]),
  ) as Record<ReportFormat, string>

async function issue(services: AppServices, request: RequestContext, body: IssueBody) {
  const { actor } = request
  const provinceCode = provinceOf(actor, body.province)
  const period = periodOf(body.period)
  await checkReporter(services, actor, body.reporter, period.to)
  const asOf = asOfOf(body.asOf, "body.asOf")
  const documentDate = body.documentDate ?? businessDateOf(asOf)
  const content = await contentOf(services, {
    provinceCode,
    reporter: body.reporter,
    period: body.period,
    asOf,
    number: body.documentNumber,
    date: documentDate,
    signer: body.signer,
    ...(body.difficulties !== undefined ? { difficulties: body.difficulties } : {}),
    ...(body.proposals !== undefined ? { proposals: body.proposals } : {}),
  })
  const files = await renderAll(content)
  const obligation = await matchingObligation(services, provinceCode, body.reporter, body.period)
  const reportId = Report.issuedReportIds.make(provinceCode, body.period, body.reporter, randomUUID().slice(0, 8))
  const issued = await decideCommand(services, request, {
    streamId: reportId,
    streamType: Report.issuedReportStreamType,
    decider: Report.issuedReportDecider,
    command: {
      _tag: "IssueReport",
      reportId,
      provinceCode,
      reporter: { kind: content.reporter.kind, code: content.reporter.code, name: content.reporter.name },
      period: body.period,
      asOf: content.asOf,
      documentNumber: body.documentNumber,
      documentDate,
      signer: body.signer,
      ...(body.difficulties !== undefined ? { difficulties: body.difficulties } : {}),
      ...(body.proposals !== undefined ? { proposals: body.proposals } : {}),
      contentHashes: {
        docx: files.docx.sha256,
        xlsx: files.xlsx.sha256,
        pdf: files.pdf.sha256,
        json: files.json.sha256,
      },
      obligationId: obligation?.obligationId ?? null,
      contentVersion: CONTENT_VERSION,
    },
  })
  if (Result.isFailure(issued)) return issued
  const steps = [issued.success]
  if (obligation) {
    const submitted = await decideCommand(services, request, {
      streamId: obligation.obligationId,
      streamType: ReportingObligation.reportingObligationStreamType,
      decider: ReportingObligation.reportingObligationDecider,
      checkIfMatch: false,
      command: {
        _tag: "SubmitReport",
        obligationId: obligation.obligationId,
        submittedOn: documentDate,
        documentRef: { number: documentCode(body.documentNumber, content.heading.agencyCode), date: documentDate },
        submittedBy: actor.displayName,
        // what was submitted: the issued report and its PDF's hash (issue 9 §4)
        issuedReportId: reportId,
        contentSha256: files.pdf.sha256,
        ...(body.difficulties !== undefined ? { difficulties: body.difficulties } : {}),
      },
      // slots after the report's own event: the same Idempotency-Key gives both streams distinct event ids
      eventIdOf: (_e, i) => newEventId(request, 100 + i),
    })
    if (Result.isFailure(submitted)) return submitted
    steps.push(submitted.success as never)
  }
  const appended = await appendDecided(services, steps)
  if (Result.isFailure(appended)) return appended
  const result = commandResult(issued.success, appended.success[0])
  const state = result.state
  if (state.status !== "issued") throw new Error("issued report not folded")
  return Result.succeed({
    id: reportId,
    version: result.version,
    events: [
      ...result.events,
      ...(steps[1] ? steps[1].append.events.map((e) => ({ eventId: e.eventId, type: e.type })) : []),
    ],
    report: state.report,
    files: filesOf(reportId),
  })
}

const IssueRequest = Schema.Struct({
  province: Schema.optional(ProvinceCode),
  reporter: Reporter,
  period: ReportPeriodText,
  asOf: Schema.optional(AsOfText),
  documentNumber: Schema.String.check(
    Schema.isPattern(/^[0-9A-Za-z.-]{1,20}$/, { message: "Số văn bản: tối đa 20 chữ số, chữ cái, dấu chấm, gạch" }),
  ),
  documentDate: Schema.optional(IsoDate),
  signer: Schema.Struct({ authority: Text(100), position: Text(100), name: Text(100) }),
  difficulties: Schema.optional(Schema.String.check(Schema.isMaxLength(5000))),
  proposals: Schema.optional(Schema.String.check(Schema.isMaxLength(5000))),
})
type IssueBody = typeof IssueRequest.Type

const IdParams = Schema.Struct({ id: Report.IssuedReportId })

const ReportersBody = Schema.Struct({
  provinceCode: Schema.String,
  period: Schema.String,
  items: Schema.Array(
    Schema.Struct({
      kind: Schema.Literals(["province", "unit", "agency"]),
      code: Schema.String,
      name: Schema.String,
    }),
  ),
}).annotate({ identifier: "ReportReporters" })

/**
 * Who can report for a period (what `GET /api/reports/periodic?reporter=` takes): the province, the communes and
 * wards of the year's plan, the departments named by its tasks or reporting obligations — as the actor may have
 * them (a commune officer its own; a department officer the province, the communes and its own department).
 */
const reportersRoute = defineRoute({
  method: "get",
  path: "/api/reports/reporters",
  summary:
    "Các đơn vị lập báo cáo định kỳ của một kỳ: tỉnh, xã, phường của kế hoạch, sở, ban, ngành được giao nhiệm vụ",
  summaryEn: "Who reports for a period: the province, the plan's communes and wards, the departments it assigns tasks",
  tags: TAGS,
  access: AGGREGATE_READERS,
  query: Schema.Struct({
    province: Schema.optional(ProvinceCode),
    period: ReportPeriodText,
    asOf: Schema.optional(AsOfText),
  }),
  response: ReportersBody,
  handler: async ({ query, actor, services }) => {
    const provinceCode = provinceOf(actor, query.province)
    const period = periodOf(query.period)
    const asOf = asOfOf(query.asOf, "query.asOf")
    const [attainment, tasks, obligations] = await Promise.all([
      services.models.attainment({ provinceCode, year: period.year, asOf, splitRule: "not-attributable" }),
      services.models.tasks({ asOf }) as Promise<ReadonlyArray<TaskRow>>,
      services.models.obligations({ provinceCode, asOf }) as Promise<ReadonlyArray<ObligationRow>>,
    ])
    // the rows loadProvinceData keeps: the year's plan's tasks, the year's obligations
    const planId = attainment.plan?.planId
    const departments = departmentsNamedIn(
      tasks.filter((t) => planId === undefined || t.planId === planId),
      obligations.filter((o) => o.period.year === period.year),
    )
    const units =
      actor.role === "commune-officer"
        ? attainment.items.filter((i) => actor.unitIds.includes(i.unitId))
        : attainment.items
    return {
      provinceCode,
      period: period.code,
      items: [
        ...(actor.role === "commune-officer"
          ? []
          : [{ kind: "province" as const, code: "province", name: "Toàn tỉnh" }]),
        ...units.map((i) => ({ kind: "unit" as const, code: i.unitCode, name: i.unitName })),
        ...departments
          .filter(
            (a) => actor.role !== "commune-officer" && (actor.role !== "department-officer" || a.code === actor.agency),
          )
          .map((a) => ({ kind: "agency" as const, code: a.code, name: a.nameVi })),
      ],
    }
  },
})

export const reportDocumentRoutes = [
  defineRoute({
    method: "get",
    path: "/api/reports/periodic",
    summary: "Báo cáo 6 tháng, năm (DOCX, XLSX, PDF, JSON) theo số liệu ghi nhận đến một thời điểm",
    summaryEn: "The 6-month or annual report (DOCX, XLSX, PDF, JSON) as of a recorded instant",
    tags: TAGS,
    access: AGGREGATE_READERS,
    query: Schema.Struct({
      province: Schema.optional(ProvinceCode),
      reporter: Reporter,
      period: ReportPeriodText,
      asOf: Schema.optional(AsOfText),
      format: Schema.optional(Format),
    }),
    response: PeriodicReportBody,
    files: FILE_TYPES,
    handler: async ({ query, actor, services }) => {
      const provinceCode = provinceOf(actor, query.province)
      const period = periodOf(query.period)
      await checkReporter(services, actor, query.reporter, period.to)
      const asOf = asOfOf(query.asOf, "query.asOf")
      const content = await contentOf(services, { provinceCode, reporter: query.reporter, period: query.period, asOf })
      return fileResponse(await renderReport(content, query.format ?? "json"))
    },
  }),

  defineRoute({
    method: "post",
    path: "/api/reports/issued",
    summary:
      "Ban hành báo cáo định kỳ: ghi vào sổ sự kiện số, ngày, người ký, mã băm từng tệp; hoàn thành nghĩa vụ báo cáo",
    summaryEn:
      "Issue a periodic report: its number, date, signer and each file's hash into the log; fulfils the obligation",
    tags: TAGS,
    access: ["province-officer", "commune-officer", "department-officer"],
    write: true,
    successStatus: 201,
    idempotent: true,
    body: IssueRequest,
    response: IssuedReportBody,
    handler: ({ body, request, services }) => issue(services, request, body),
  }),

  issuedListRoute,

  reportersRoute,

  defineRoute({
    method: "get",
    path: "/api/reports/issued/:id",
    summary: "Tải lại báo cáo đã ban hành: tạo lại tệp và kiểm tra mã băm",
    summaryEn: "Re-download an issued report: the file is regenerated and its hash checked",
    tags: TAGS,
    access: AGGREGATE_READERS,
    params: IdParams,
    query: Schema.Struct({ format: Schema.optional(Format) }),
    response: PeriodicReportBody,
    files: FILE_TYPES,
    handler: async ({ params, query, actor, services }) => {
      const report = await issuedReport(services, actor, params.id)
      const format: ReportFormat = query.format ?? "json"
      const { rendered } = await regenerated(services, report, format)
      if (rendered.sha256 !== report.contentHashes[format])
        throw fail(
          "report-not-reproducible",
          `Tệp ${format.toUpperCase()} tạo lại không trùng mã băm đã ban hành (${report.contentHashes[format].slice(0, 12)}…); không gửi tệp khác với tệp đã ký.`,
          `The regenerated ${format} does not match the issued hash; a file other than the signed one is not sent.`,
        )
      return fileResponse(rendered)
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/reports/issued/:id/difference",
    summary: "Những gì thay đổi từ khi ban hành: từng số liệu đã báo cáo và hiện biết, cùng các sự kiện giải thích",
    summaryEn: "What changed since issue: each figure as reported and as known now, with the events that explain it",
    tags: TAGS,
    access: AGGREGATE_READERS,
    params: IdParams,
    response: ReportDifferenceBody,
    handler: async ({ params, actor, services }) => {
      const report = await issuedReport(services, actor, params.id)
      // both sides by the builder that made the issued files: a later builder's new rows are not differences
      const { version } = await regenerated(services, report, "json")
      // the same days as known now (ADR 0020): nothing dated after the issued as-of day
      return {
        reportId: report.reportId,
        ...(await differenceSinceIssue(services.log, services.models, requestOf(report, version), recordedNow())),
      }
    },
  }),
]
