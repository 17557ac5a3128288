import { createHash } from "node:crypto"
import type { ReportContent, ReportFormat } from "./content/model.ts"
import { renderDocx } from "./formats/docx.ts"
import { renderJson } from "./formats/json.ts"
import { pdfLayoutOf, renderPdf } from "./formats/pdf.ts"
import { CONTENT_VERSION } from "./content/versions.ts"
import { renderXlsx } from "./formats/xlsx.ts"

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  json: "application/json; charset=utf-8",
}

export interface RenderedReport {
  readonly format: ReportFormat
  readonly bytes: Uint8Array
  readonly contentType: string
  readonly fileName: string
  /** sha256 of the bytes, hex: what an issued report records and a re-download checks. */
  readonly sha256: string
}

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex")

/** `bao-cao_14_2026-H1_province_20260615T000000Z.pdf`: reporter, period and as-of in the name, ASCII only. */
export const fileNameOf = (content: ReportContent, format: ReportFormat): string =>
  `bao-cao_${content.provinceCode}_${content.period.code}_${content.reporter.code}_${content.asOf.replace(/[-:]|\.\d{3}/g, "")}.${format}`

/** `contentVersion`: the builder version that made `content` (an issued report's), the current one when absent. */
export async function renderReport(
  content: ReportContent,
  format: ReportFormat,
  contentVersion: number = CONTENT_VERSION,
): Promise<RenderedReport> {
  const bytes =
    format === "docx"
      ? await renderDocx(content)
      : format === "xlsx"
        ? await renderXlsx(content)
        : format === "pdf"
          ? await renderPdf(content, pdfLayoutOf(contentVersion))
          : renderJson(content)
  return {
    format,
    bytes,
    contentType: CONTENT_TYPES[format],
    fileName: fileNameOf(content, format),
    sha256: sha256(bytes),
  }
}
