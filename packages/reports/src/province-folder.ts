import { mkdir, writeFile } from "node:fs/promises"
import { join } from "node:path"
import type { ReadModels } from "@xkld/projections"
import { buildReport, type Reporter } from "./content/build.ts"
import { departmentReporters } from "./content/department.ts"
import { REPORT_FORMATS, type ReportFormat } from "./content/model.ts"
import { loadProvinceData, reportPeriod } from "./content/province-data.ts"
import { renderReport } from "./render.ts"

export interface ProvinceReportsProgress {
  /** Reports written so far, of `total` (the province, each commune or ward of the plan, each department). */
  readonly done: number
  readonly total: number
  readonly reporter: Reporter
  readonly reporterName: string
  readonly files: ReadonlyArray<string>
}

export interface ProvinceReportsOptions {
  readonly provinceCode: string
  /** `yyyy-H1` or `yyyy`. */
  readonly period: string
  /** The recorded instant the figures are as of; the same instant gives the same files on any later day. */
  readonly asOf: Date
  readonly folder: string
  readonly formats?: ReadonlyArray<ReportFormat>
  readonly onProgress?: (progress: ProvinceReportsProgress) => void
}

/**
 * Writes the province's report, every commune's and ward's and every department's report of a period, in every
 * format, to a folder
 * (for the CLI's `report` command): the province's data is read once and every report cut from it.
 */
export async function writeProvinceReports(
  models: ReadModels,
  options: ProvinceReportsOptions,
): Promise<{ readonly files: ReadonlyArray<string> }> {
  const period = reportPeriod(options.period)
  if (!period) throw new Error(`Kỳ báo cáo phải có dạng yyyy-H1 hoặc yyyy: “${options.period}”.`)
  const formats = options.formats ?? REPORT_FORMATS
  const data = await loadProvinceData(models, { provinceCode: options.provinceCode, period, asOf: options.asOf })
  // the province, its communes and wards, and its departments (sở, ban, ngành) with tasks or obligations
  const reporters: Reporter[] = [
    "province",
    ...data.attainment.items.map((i) => i.unitCode),
    ...departmentReporters(data).map((a) => a.code),
  ]
  await mkdir(options.folder, { recursive: true })
  const all: string[] = []
  for (const [index, reporter] of reporters.entries()) {
    const content = buildReport(data, reporter)
    const files: string[] = []
    for (const format of formats) {
      const rendered = await renderReport(content, format)
      const path = join(options.folder, rendered.fileName)
      await writeFile(path, rendered.bytes)
      files.push(path)
    }
    all.push(...files)
    options.onProgress?.({
      done: index + 1,
      total: reporters.length,
      reporter,
      reporterName: content.reporter.name,
      files,
    })
  }
  return { files: all }
}
