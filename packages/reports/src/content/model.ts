/**
 * A periodic report as data: what every format prints. The renderers (DOCX, XLSX, PDF, JSON) only lay this out,
 * so the four files carry the same figures, and a new form is a new builder of this shape, not a new renderer.
 */

export type ReportFormat = "docx" | "xlsx" | "pdf" | "json"
export const REPORT_FORMATS: ReadonlyArray<ReportFormat> = ["docx", "xlsx", "pdf", "json"]

export type ColumnKind = "text" | "count" | "percent" | "amount"

/** What a figure counts, so that a difference can be explained by the events of the same rows. */
export type FigureSource = "departures" | "workers" | "plan" | "tasks" | "obligations" | "targets"

export interface Column {
  readonly label: string
  readonly kind: ColumnKind
  /** Share of the text width (the renderers turn it into DXA, points or characters). */
  readonly width: number
  readonly source?: FigureSource
}

export type Cell = string | number | null

/** Whom a row's figures count: the whole province, or the workers of some units (their ids, with predecessors). */
export type Scope = { readonly kind: "province" } | { readonly kind: "units"; readonly unitIds: ReadonlyArray<string> }

export interface Row {
  /** Printed beside the row ("1.05") and the key of its figures in the lineage appendix. */
  readonly ref: string
  /** Stable across as-of times (the first cell's text): how the difference report matches rows. */
  readonly key: string
  readonly cells: ReadonlyArray<Cell>
  /** The `GET /api/lineage` query listing the events and legal documents behind the row's departures. */
  readonly lineage: string | null
  readonly scope: Scope
  readonly total?: boolean
}

export interface Table {
  /** Short id: the XLSX sheet name and the anchor of the table. */
  readonly id: string
  readonly title: string
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<Row>
  readonly note?: string
}

export interface Section {
  readonly heading: string
  readonly paragraphs: ReadonlyArray<string>
  readonly tables: ReadonlyArray<Table>
}

/** One number of the report: each numeric cell of each table. */
export interface Figure {
  readonly ref: string
  /** table id | row key | column label: the same figure in another report of the same reporter and period. */
  readonly key: string
  readonly label: string
  readonly value: number | null
  readonly lineage: string | null
  readonly scope: Scope
  readonly source: FigureSource | null
}

export interface Signer {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"… */
  readonly authority: string
  /** "GIÁM ĐỐC", "CHỦ TỊCH"… */
  readonly position: string
  readonly name: string
}

export interface ReportContent {
  readonly schema: "xkld.periodic-report/1"
  readonly reporter: {
    readonly kind: "province" | "unit" | "agency"
    /** "province", the unit's official code, or a department's agency code ("SYT"). */
    readonly code: string
    readonly name: string
    readonly unitIds: ReadonlyArray<string>
  }
  readonly provinceCode: string
  readonly period: { readonly code: string; readonly label: string; readonly from: string; readonly to: string }
  /** The recorded instant the figures are as of (ISO, UTC). */
  readonly asOf: string
  readonly heading: {
    readonly parentAgency: string
    readonly agency: string
    /** The code after "BC-": "SNV", "UBND". */
    readonly agencyCode: string
    readonly place: string
    /** yyyy-mm-dd: the document's date (the Vietnamese day of the as-of instant unless given). */
    readonly date: string
    readonly number: string | null
  }
  readonly title: string
  readonly summary: string
  readonly sections: ReadonlyArray<Section>
  readonly signer: Signer | null
  readonly recipients: ReadonlyArray<string>
}

/** Every numeric cell of every table, as a figure with its reference. */
export function figuresOf(content: ReportContent): ReadonlyArray<Figure> {
  const figures: Figure[] = []
  for (const section of content.sections)
    for (const table of section.tables)
      for (const row of table.rows)
        row.cells.forEach((cell, i) => {
          const column = table.columns[i]!
          if (column.kind === "text") return
          figures.push({
            ref: row.ref,
            key: `${table.id}|${row.key}|${column.label}`,
            label: `${table.title} — ${row.key} — ${column.label}`,
            value: typeof cell === "number" ? cell : null,
            lineage: column.source === "departures" || column.source === "targets" ? row.lineage : null,
            scope: row.scope,
            source: column.source ?? null,
          })
        })
  return figures
}
