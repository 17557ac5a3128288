import { JsonSchema, Schema, SchemaAST, SchemaRepresentation } from "effect"

/** One schema to describe: `input` is what the API decodes (JSON as sent), `output` what it answers (JSON as sent back). */
export interface SchemaEntry {
  readonly key: string
  readonly schema: Schema.Top
  readonly side: "input" | "output"
}

export interface CompiledSchemas {
  /** The JSON Schema (OpenAPI 3.1 dialect) of each entry, by key; shared definitions are `$ref`s into `components.schemas`. */
  readonly schemas: ReadonlyMap<string, JsonSchema.JsonSchema>
  /** Named definitions shared by the entries: they go under `components.schemas`. */
  readonly components: Record<string, JsonSchema.JsonSchema>
  /** Entries Effect could not describe (they are documented as `{}`), with the reason. */
  readonly failures: ReadonlyArray<{ readonly key: string; readonly error: string }>
}

/**
 * Compiles Effect Schemas to JSON Schemas sharing one definitions pool, with the machinery of
 * `Schema.toJsonSchemaDocument` (representation → JSON Schema draft 2020-12 → OpenAPI 3.1 components), but
 * several roots at once so that named definitions (`identifier` annotations) are shared. Objects are closed
 * for inputs (unknown keys are refused with a 400) and optional keys are just optional: a JSON `null` is not
 * "absent".
 */
export function compileSchemas(entries: ReadonlyArray<SchemaEntry>): CompiledSchemas {
  const failures: Array<{ key: string; error: string }> = []
  const usable: Array<SchemaEntry & { ast: SchemaAST.AST }> = []
  for (const entry of entries) {
    try {
      const ast = astOf(entry)
      // Probe alone first: one schema Effect cannot describe must not take the whole document down.
      compile([ast], entry.side)
      usable.push({ ...entry, ast })
    } catch (error) {
      failures.push({ key: entry.key, error: error instanceof Error ? error.message : String(error) })
    }
  }
  const schemas = new Map<string, JsonSchema.JsonSchema>()
  const components: Record<string, JsonSchema.JsonSchema> = {}
  for (const side of ["input", "output"] as const) {
    const group = usable.filter((e) => e.side === side)
    if (group.length === 0) continue
    const compiled = compile(
      group.map((e) => e.ast),
      side,
    )
    // Inputs and outputs may give one name to different definitions (closed vs open objects): rename the later.
    const renamed = new Map<string, string>()
    for (const [name, definition] of Object.entries(compiled.definitions))
      if (name in components && JSON.stringify(components[name]) !== JSON.stringify(definition))
        renamed.set(name, `${name}.${side}`)
    const rename = renamer(renamed)
    group.forEach((entry, i) => schemas.set(entry.key, rename(compiled.schemas[i]!)))
    for (const [name, definition] of Object.entries(compiled.definitions))
      components[renamed.get(name) ?? name] = rename(definition)
  }
  for (const failure of failures)
    schemas.set(failure.key, { description: "Không mô tả được bằng JSON Schema / not representable" })
  return { schemas, components, failures }
}

const REF_PREFIX = "#/components/schemas/"

/** Rewrites `$ref`s to renamed definitions. */
const renamer = (renamed: ReadonlyMap<string, string>) => {
  const rewrite = (node: unknown): unknown => {
    if (renamed.size === 0) return node
    if (Array.isArray(node)) return node.map(rewrite)
    if (node === null || typeof node !== "object") return node
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => {
        if (k !== "$ref" || typeof v !== "string" || !v.startsWith(REF_PREFIX)) return [k, rewrite(v)]
        const [name, ...rest] = v.slice(REF_PREFIX.length).split("/")
        const to = renamed.get(name!)
        return [k, to ? [REF_PREFIX + to, ...rest].join("/") : v]
      }),
    )
  }
  return (schema: JsonSchema.JsonSchema) => rewrite(schema) as JsonSchema.JsonSchema
}

/**
 * The encoded side of the schema is what travels: the API decodes request JSON with the schema itself, and
 * answers with `JSON.stringify` of values of the response schema's encoded form. (`Schema.toCodecJson` would
 * describe a JSON codec instead, e.g. `null` for every optional key, which the API does not accept.)
 */
const astOf = (entry: SchemaEntry): SchemaAST.AST => entry.schema.ast

function compile(
  asts: ReadonlyArray<SchemaAST.AST>,
  side: "input" | "output",
): JsonSchema.MultiDocument<"openapi-3.1"> {
  const multi = SchemaRepresentation.toRepresentations(asts as [SchemaAST.AST, ...Array<SchemaAST.AST>])
  const cleaned: SchemaRepresentation.MultiDocument = {
    representations: multi.representations.map(prepare) as [
      SchemaRepresentation.Representation,
      ...Array<SchemaRepresentation.Representation>,
    ],
    references: Object.fromEntries(Object.entries(multi.references).map(([k, r]) => [k, prepare(r)])),
  }
  const document = SchemaRepresentation.toJsonSchemaMultiDocument(cleaned, {
    onExcessProperty: side === "input" ? "error" : "ignore",
  })
  return JsonSchema.toMultiDocumentOpenApi3_1(document)
}

type Representation = SchemaRepresentation.Representation
type Check = SchemaRepresentation.Check

/**
 * Readies a representation for JSON Schema: optional keys lose their `undefined` member (`Schema.optional(X)`
 * is `X | undefined` under an optional key; JSON Schema has no `undefined`, so Effect writes it as `null` —
 * which the API refuses), and RegExp patterns without the `u` flag are kept (Effect keeps only `u` patterns,
 * JSON Schema's dialect; a flagless pattern that compiles with `u` means the same there).
 */
function prepare(r: Representation): Representation {
  const checked =
    "checks" in r && r.checks.length > 0 ? ({ ...r, checks: r.checks.map(withPattern) } as Representation) : r
  switch (checked._tag) {
    case "Objects":
      return {
        ...checked,
        propertySignatures: checked.propertySignatures.map((p) => ({
          ...p,
          type: prepare(p.isOptional ? dropUndefined(p.type) : p.type),
        })),
        indexSignatures: checked.indexSignatures.map((s) => ({
          ...s,
          parameter: prepare(s.parameter),
          type: prepare(s.type),
        })),
      }
    case "Arrays":
      return {
        ...checked,
        elements: checked.elements.map((e) => ({ ...e, type: prepare(e.isOptional ? dropUndefined(e.type) : e.type) })),
        rest: checked.rest.map(prepare),
      }
    case "Union":
      return { ...checked, types: checked.types.map(prepare) }
    case "Suspend":
      return { ...checked, thunk: prepare(checked.thunk) }
    case "Declaration":
      return { ...checked, typeParameters: checked.typeParameters.map(prepare) }
    default:
      return checked
  }
}

function withPattern(check: Check): Check {
  if (check._tag === "FilterGroup")
    return { ...check, checks: check.checks.map(withPattern) as [Check, ...Array<Check>] }
  const representation = check.representation as
    { id?: string; payload?: { source?: string; flags?: string } } | undefined
  const { source, flags } = representation?.id === "effect/schema/isPattern" ? (representation.payload ?? {}) : {}
  if (source === undefined || flags === undefined || /[^dgu]/.test(flags) || !compilesAsUnicode(source)) return check
  return { ...check, annotations: { ...check.annotations, toJsonSchema: () => ({ pattern: source }) } }
}

const compilesAsUnicode = (source: string): boolean => {
  try {
    return new RegExp(source, "u").unicode
  } catch {
    return false
  }
}

function dropUndefined(r: Representation): Representation {
  if (r._tag !== "Union") return r
  const types = r.types.filter((t) => t._tag !== "Undefined")
  if (types.length === r.types.length || types.length === 0) return r
  if (types.length === 1 && r.checks.length === 0 && r.annotations === undefined) return types[0]!
  return { ...r, types }
}
