import { Schema } from "effect"
import type { EventType } from "../shared/event-type.ts"
import { IsoDate } from "../shared/values.ts"

export const issuedReportStreamType = "IssuedReport"

/**
 * Who issues a periodic report: the province (Sở Nội vụ), a commune/ward (its official code), or a department,
 * board or sector of the province (sở, ban, ngành: its agency code of `Reference.agencies`, e.g. "SYT").
 */
export const ReportReporter = Schema.Struct({
  kind: Schema.Literals(["province", "unit", "agency"]),
  code: Schema.String,
  name: Schema.String,
})
export type ReportReporter = typeof ReportReporter.Type

/** Who signs: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / the name, as the signature block prints them. */
export const ReportSigner = Schema.Struct({ authority: Schema.String, position: Schema.String, name: Schema.String })
export type ReportSigner = typeof ReportSigner.Type

const Sha256 = Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/))

/** The sha256 of each file as issued: a re-download regenerates the file and must match. */
export const ContentHashes = Schema.Struct({ docx: Sha256, xlsx: Sha256, pdf: Sha256, json: Sha256 })
export type ContentHashes = typeof ContentHashes.Type

/**
 * A periodic report was issued: its figures are those of the log as recorded up to `asOf`, so the same files can
 * be regenerated on any later day; the officer's free text is kept here, with the document's number and signer.
 */
export class ReportIssued extends Schema.TaggedClass<ReportIssued>()("ReportIssued", {
  reportId: Schema.String,
  provinceCode: Schema.String,
  reporter: ReportReporter,
  /** `yyyy-H1` (6 tháng) or `yyyy` (năm). */
  period: Schema.String,
  /** The recorded instant the figures are as of (ISO, UTC). */
  asOf: Schema.String,
  documentNumber: Schema.String,
  documentDate: IsoDate,
  signer: ReportSigner,
  difficulties: Schema.optional(Schema.String),
  proposals: Schema.optional(Schema.String),
  contentHashes: ContentHashes,
  /** The reporting obligation the issue fulfils, if one matches (reporter, kind and year). */
  obligationId: Schema.NullOr(Schema.String),
  /**
   * The version of the report builder that made the files (packages/reports, ADR 0020): a re-download rebuilds
   * them with that version. Absent in reports issued before the field existed: version 1 (or 2, the builder of
   * the few hours before the field; the recorded hash tells which).
   */
  contentVersion: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
}) {}

export type IssuedReportEvent = ReportIssued

export const eventTypes: ReadonlyArray<EventType> = [
  {
    type: "ReportIssued",
    version: 1,
    streamType: issuedReportStreamType,
    description:
      "A periodic report was issued as of a recorded instant, with its number, signer and the hash of each file",
    personalFields: [],
    schema: ReportIssued,
  },
]
