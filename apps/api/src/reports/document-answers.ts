import { Report } from "@xkld/domain"
import { Schema } from "effect"

/** What the periodic report routes answer (their OpenAPI response schemas). */

const Scope = Schema.Union([
  Schema.Struct({ kind: Schema.Literals(["province"]) }),
  Schema.Struct({ kind: Schema.Literals(["units"]), unitIds: Schema.Array(Schema.String) }),
])
const Cell = Schema.NullOr(Schema.Union([Schema.String, Schema.Number]))
const Row = Schema.Struct({
  ref: Schema.String,
  key: Schema.String,
  cells: Schema.Array(Cell),
  lineage: Schema.NullOr(Schema.String),
  scope: Scope,
  total: Schema.optional(Schema.Boolean),
})
const Column = Schema.Struct({
  label: Schema.String,
  kind: Schema.Literals(["text", "count", "percent", "amount"]),
  width: Schema.Number,
  source: Schema.optional(Schema.String),
})
const Table = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  columns: Schema.Array(Column),
  rows: Schema.Array(Row),
  note: Schema.optional(Schema.String),
})

/** `format=json`: the report's content (what the documents print) and every figure with its reference. */
export const PeriodicReportBody = Schema.Struct({
  schema: Schema.Literals(["xkld.periodic-report/1"]),
  reporter: Schema.Struct({
    kind: Schema.Literals(["province", "unit", "agency"]),
    code: Schema.String,
    name: Schema.String,
    unitIds: Schema.Array(Schema.String),
  }),
  provinceCode: Schema.String,
  period: Schema.Struct({ code: Schema.String, label: Schema.String, from: Schema.String, to: Schema.String }),
  asOf: Schema.String,
  heading: Schema.Struct({
    parentAgency: Schema.String,
    agency: Schema.String,
    agencyCode: Schema.String,
    place: Schema.String,
    date: Schema.String,
    number: Schema.NullOr(Schema.String),
  }),
  title: Schema.String,
  summary: Schema.String,
  sections: Schema.Array(
    Schema.Struct({ heading: Schema.String, paragraphs: Schema.Array(Schema.String), tables: Schema.Array(Table) }),
  ),
  signer: Schema.NullOr(Report.ReportSigner),
  recipients: Schema.Array(Schema.String),
  figures: Schema.Array(
    Schema.Struct({
      ref: Schema.String,
      key: Schema.String,
      label: Schema.String,
      value: Schema.NullOr(Schema.Number),
      lineage: Schema.NullOr(Schema.String),
      scope: Scope,
      source: Schema.NullOr(Schema.String),
    }),
  ),
}).annotate({ identifier: "PeriodicReport" })

const IssuedReport = Schema.Struct({
  reportId: Schema.String,
  provinceCode: Schema.String,
  reporter: Report.ReportReporter,
  period: Schema.String,
  asOf: Schema.String,
  documentNumber: Schema.String,
  documentDate: Schema.String,
  signer: Report.ReportSigner,
  difficulties: Schema.optional(Schema.String),
  proposals: Schema.optional(Schema.String),
  contentHashes: Report.ContentHashes,
  obligationId: Schema.NullOr(Schema.String),
  /** The report builder's version that made the files (ADR 0020); absent in reports issued before it was kept. */
  contentVersion: Schema.optional(Schema.Int),
})

export const IssuedReportBody = Schema.Struct({
  id: Schema.String,
  version: Schema.Number,
  events: Schema.Array(Schema.Struct({ eventId: Schema.String, type: Schema.String })),
  report: IssuedReport,
  /** Where each issued file is re-downloaded (regenerated and checked against its hash). */
  files: Schema.Struct({ docx: Schema.String, xlsx: Schema.String, pdf: Schema.String, json: Schema.String }),
}).annotate({ identifier: "IssuedReportAnswer" })

const LineageEventBody = Schema.Struct({
  eventId: Schema.String,
  type: Schema.String,
  streamId: Schema.String,
  recordedAt: Schema.String,
  occurredAt: Schema.String,
  actor: Schema.Unknown,
  legalBasis: Schema.Unknown,
  source: Schema.Unknown,
  corrects: Schema.NullOr(Schema.Struct({ eventId: Schema.String, reason: Schema.String })),
})

export const ReportDifferenceBody = Schema.Struct({
  reportId: Schema.String,
  asOf: Schema.String,
  now: Schema.String,
  differences: Schema.Array(
    Schema.Struct({
      ref: Schema.String,
      key: Schema.String,
      label: Schema.String,
      reported: Schema.NullOr(Schema.Number),
      now: Schema.NullOr(Schema.Number),
      eventIds: Schema.Array(Schema.String),
    }),
  ),
  events: Schema.Array(LineageEventBody),
}).annotate({ identifier: "ReportDifference" })
