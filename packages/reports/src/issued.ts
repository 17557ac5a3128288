import type { ReadModels } from "@xkld/projections"
import { buildReport, type Reporter, type ReportOptions } from "./content/build.ts"
import { REPORT_FORMATS, type ReportContent, type ReportFormat } from "./content/model.ts"
import { isAgencyReporter } from "./content/department.ts"
import { loadProvinceData, reportPeriod } from "./content/province-data.ts"
import { renderReport, type RenderedReport } from "./render.ts"

/** A report as a request names it: whose, which period, as of when, with what the officer adds. */
export interface ReportRequest extends ReportOptions {
  readonly provinceCode: string
  readonly reporter: Reporter
  /** `yyyy-H1` or `yyyy`. */
  readonly period: string
  readonly asOf: Date
  /** Figures dated up to this day only (an issued report's days, as known at `asOf`: its difference). */
  readonly through?: string
}

export class UnknownPeriod extends Error {
  readonly _tag = "UnknownPeriod"
}

/** The report's content as of its instant: the same request gives the same content on any later day. */
export async function reportContent(models: ReadModels, request: ReportRequest): Promise<ReportContent> {
  const period = reportPeriod(request.period)
  if (!period) throw new UnknownPeriod(`Kỳ báo cáo phải có dạng yyyy-H1 hoặc yyyy: “${request.period}”.`)
  const data = await loadProvinceData(
    models,
    { provinceCode: request.provinceCode, period, asOf: request.asOf },
    {
      // a department's figures are the province's (it has no territory): the province's rows, no scoreboard
      ...(request.reporter === "province"
        ? {}
        : isAgencyReporter(request.reporter)
          ? { scoreboard: false }
          : { scoreboard: false, rowsOf: request.reporter }),
      ...(request.through === undefined ? {} : { through: request.through }),
    },
  )
  return buildReport(data, request.reporter, request)
}

/**
 * Every format of a report, rendered (what issuing hashes and records). `contentVersion` is the builder version
 * `content` was built with, the current one when absent: the PDF's layout follows it too.
 */
export async function renderAll(
  content: ReportContent,
  contentVersion?: number,
): Promise<Record<ReportFormat, RenderedReport>> {
  const rendered = await Promise.all(REPORT_FORMATS.map((f) => renderReport(content, f, contentVersion)))
  return Object.fromEntries(rendered.map((r) => [r.format, r])) as Record<ReportFormat, RenderedReport>
}
