import { Schema } from "effect"

const Source = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("api"), requestId: Schema.optional(Schema.String) }),
  Schema.Struct({
    kind: Schema.Literal("import"),
    fileName: Schema.String,
    fileSha256: Schema.String,
    row: Schema.Int,
  }),
  Schema.Struct({ kind: Schema.Literal("cli"), command: Schema.String }),
  Schema.Struct({ kind: Schema.Literal("seed"), dataset: Schema.String }),
  Schema.Struct({ kind: Schema.Literal("system"), process: Schema.String }),
])

/** The schema every event's metadata must satisfy; checked before an append. */
export const EventMetadataSchema = Schema.Struct({
  actor: Schema.Struct({
    userId: Schema.String,
    role: Schema.String,
    unit: Schema.optional(Schema.String),
  }),
  commandId: Schema.String,
  correlationId: Schema.String,
  causationId: Schema.optional(Schema.String),
  legalBasis: Schema.optional(
    Schema.Struct({
      number: Schema.String,
      date: Schema.String,
      issuer: Schema.String,
      title: Schema.optional(Schema.String),
    }),
  ),
  source: Source,
})
