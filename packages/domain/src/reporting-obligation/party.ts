import { Schema } from "effect"

/**
 * Who reports or receives: an agency (code from reference/agencies.ts), an administrative unit (5-digit
 * code, e.g. a commune's People's Committee) or a group the document addresses collectively
 * ("Các Sở, ban, ngành"). `name` is as printed.
 */
export const Party = Schema.Struct({
  kind: Schema.Literals(["agency", "unit", "group"]),
  code: Schema.NullOr(Schema.String),
  name: Schema.String,
})
export type Party = typeof Party.Type
