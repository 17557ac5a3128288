import { Schema } from "effect"
import { IsoDate } from "../shared/values.ts"

/**
 * A legal basis recorded exactly as the document prints it.
 *
 * The shared `LegalBasis` requires a date, but drafts and the copies in the seeds often print blanks
 * ("Số:           /QĐ-UBND", "ngày … tháng … năm 2026"). We record what is printed rather than invent a
 * number or date: `number` keeps the printed text (e.g. "/QĐ-UBND" when the number is blank) and `date`
 * is null when no day is printed. Every `LegalBasis` is also a valid `PrintedLegalBasis`.
 */
export const PrintedLegalBasis = Schema.Struct({
  number: Schema.String,
  date: Schema.NullOr(IsoDate),
  issuer: Schema.String,
  title: Schema.optional(Schema.String),
  /** The citation line exactly as printed, when it says more than number/date (blank placeholders). */
  printed: Schema.optional(Schema.String),
})
export type PrintedLegalBasis = typeof PrintedLegalBasis.Type

/** True when the document number or date is printed blank (an unsigned draft or a copy without them). */
export const isPlaceholderBasis = (basis: PrintedLegalBasis): boolean =>
  basis.date === null || !/\d/.test(basis.number.split("/")[0] ?? "")
