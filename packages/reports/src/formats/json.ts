import { figuresOf, type ReportContent } from "../content/model.ts"

/** The report as JSON: the content the documents print and every figure with its reference and lineage query. */
export function reportJson(content: ReportContent) {
  return { ...content, figures: figuresOf(content) }
}

export const renderJson = (content: ReportContent): Uint8Array =>
  new TextEncoder().encode(`${JSON.stringify(reportJson(content), null, 2)}\n`)
