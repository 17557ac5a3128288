import { Schema } from "effect"

/** One offending field of a 400 problem. */
export const ProblemFieldSchema = Schema.Struct({
  path: Schema.String.annotate({ description: "JSON path of the field, e.g. body.birthDate / query.limit" }),
  message: Schema.String.annotate({ description: "Lỗi (tiếng Việt)" }),
  messageEn: Schema.optional(Schema.String.annotate({ description: "Error (English)" })),
}).annotate({ identifier: "ProblemField" })

/**
 * RFC 9457 problem details as the API sends them (`application/problem+json`): Vietnamese title and detail
 * first, English beside them; `type` is the stable URI clients branch on. Extensions (e.g. `currentVersion`
 * on a 409, `rejection` on a 422) may follow.
 */
export const ProblemSchema = Schema.StructWithRest(
  Schema.Struct({
    type: Schema.String.annotate({
      description: "Stable problem type URI, e.g. https://xkld.gov.vn/problems/validation",
    }),
    title: Schema.String.annotate({ description: "Tiêu đề (tiếng Việt)" }),
    titleEn: Schema.String.annotate({ description: "Title (English)" }),
    status: Schema.Int.annotate({ description: "HTTP status" }),
    detail: Schema.String.annotate({ description: "Chi tiết (tiếng Việt)" }),
    detailEn: Schema.String.annotate({ description: "Detail (English)" }),
    fields: Schema.optional(Schema.Array(ProblemFieldSchema)),
  }),
  [Schema.Record(Schema.String, Schema.Unknown)],
).annotate({ identifier: "Problem", description: "Problem details (RFC 9457), Vietnamese first / tiếng Việt trước" })
