import { decodeEvent, Report } from "@xkld/domain"
import { Result, Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import { AGGREGATE_READERS, provinceOf, unitScope } from "../access/jurisdiction.ts"
import { ProvinceCode } from "../http/query.ts"
import { defineRoute } from "../http/route.ts"
import type { AppServices } from "../services.ts"

/** One issued report as the admin's list shows it: whose, which period, as of when, its number, signer, hashes. */
export const IssuedReportItem = Schema.Struct({
  id: Schema.String,
  reporter: Report.ReportReporter,
  period: Schema.String,
  asOf: Schema.String,
  documentNumber: Schema.String,
  documentDate: Schema.String,
  signer: Report.ReportSigner,
  contentHashes: Report.ContentHashes,
  obligationId: Schema.NullOr(Schema.String),
  /** When it was issued (recorded in the log). */
  issuedAt: Schema.String,
})

export const IssuedReportListBody = Schema.Struct({
  provinceCode: Schema.String,
  items: Schema.Array(IssuedReportItem),
}).annotate({ identifier: "IssuedReportList" })

/**
 * The province's issued reports, newest first, from the log's `ReportIssued` events (a handful a year per
 * reporter). A commune officer sees only its own commune's, as for the reports themselves.
 */
async function issuedReports(services: AppServices, actor: Actor, provinceCode: string) {
  const items: Array<typeof IssuedReportItem.Type> = []
  for await (const batch of services.log.readAll({
    streamTypes: [Report.issuedReportStreamType],
    eventTypes: ["ReportIssued"],
    batchSize: 1000,
  }))
    for (const recorded of batch) {
      const decoded = decodeEvent(recorded.type, recorded.schemaVersion, recorded.data)
      if (Result.isFailure(decoded)) continue
      const r = decoded.success as Report.ReportIssued
      if (r.provinceCode !== provinceCode) continue
      items.push({
        id: recorded.streamId,
        reporter: r.reporter,
        period: r.period,
        asOf: r.asOf,
        documentNumber: r.documentNumber,
        documentDate: r.documentDate,
        signer: r.signer,
        contentHashes: r.contentHashes,
        obligationId: r.obligationId,
        issuedAt: recorded.recordedAt.toISOString(),
      })
    }
  if (actor.role === "department-officer")
    // its own department's, not another department's (as GET /api/reports/issued/{id} answers)
    return items.filter((i) => i.reporter.kind !== "agency" || i.reporter.code === actor.agency).toReversed()
  if (actor.role !== "commune-officer") return items.toReversed()
  const own: typeof items = []
  for (const item of items) {
    if (item.reporter.kind !== "unit") continue
    const period = item.period.slice(0, 4) + (item.period.endsWith("-H1") ? "-06-30" : "-12-31")
    const allowed = await unitScope(services, actor, item.reporter.code, { date: period }).then(
      () => true,
      () => false,
    )
    if (allowed) own.push(item)
  }
  return own.toReversed()
}

export const issuedListRoute = defineRoute({
  method: "get",
  path: "/api/reports/issued",
  summary: "Danh sách báo cáo đã ban hành của tỉnh: đơn vị, kỳ, thời điểm số liệu, số, người ký, mã băm",
  summaryEn: "The province's issued reports: reporter, period, as-of instant, number, signer, hashes",
  tags: ["Số liệu, báo cáo"],
  access: AGGREGATE_READERS,
  query: Schema.Struct({ province: Schema.optional(ProvinceCode) }),
  response: IssuedReportListBody,
  handler: async ({ query, actor, services }) => {
    const provinceCode = provinceOf(actor, query.province)
    return { provinceCode, items: await issuedReports(services, actor, provinceCode) }
  },
})
