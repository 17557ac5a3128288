import { SchemaAST } from "effect"
import { fieldsOfAst } from "./schema-fields.ts"

export interface TypeTextOptions {
  /** A name to print instead of the structure (e.g. a link to where the type is described). */
  readonly nameOf?: (ast: SchemaAST.AST) => string | undefined
  /** Describe the type itself rather than print its name (for the place where a named type is described). */
  readonly expand?: boolean
}

const num = (u: unknown): string => String(u)

/** One check in words, or undefined when the base type already says it (integer, finite). */
const checkText = (check: SchemaAST.Check<unknown>): ReadonlyArray<string> => {
  if (check._tag === "FilterGroup") return check.checks.flatMap(checkText)
  const annotations = check.annotations as
    | { readonly expected?: string; readonly representation?: { readonly id?: string; readonly payload?: any } }
    | undefined
  const { id, payload } = annotations?.representation ?? {}
  switch (id) {
    case "effect/schema/isInt":
    case "effect/schema/isFinite":
      return []
    case "effect/schema/isMinLength":
      return [payload.minLength === 1 ? "non-empty" : `length ≥ ${num(payload.minLength)}`]
    case "effect/schema/isMaxLength":
      return [`length ≤ ${num(payload.maxLength)}`]
    case "effect/schema/isPattern":
      return [`pattern \`${String(payload.source)}\``]
    case "effect/schema/isGreaterThan":
      return [`> ${num(payload.exclusiveMinimum)}`]
    case "effect/schema/isGreaterThanOrEqualTo":
      return [`≥ ${num(payload.minimum)}`]
    case "effect/schema/isLessThan":
      return [`< ${num(payload.exclusiveMaximum)}`]
    case "effect/schema/isLessThanOrEqualTo":
      return [`≤ ${num(payload.maximum)}`]
    case "effect/schema/isBetween":
      return payload.exclusiveMinimum === true || payload.exclusiveMaximum === true
        ? [
            `${payload.exclusiveMinimum === true ? ">" : "≥"} ${num(payload.minimum)}`,
            `${payload.exclusiveMaximum === true ? "<" : "≤"} ${num(payload.maximum)}`,
          ]
        : [`${num(payload.minimum)}–${num(payload.maximum)}`]
    default:
      return [annotations?.expected ?? "checked"]
  }
}

const isInteger = (ast: SchemaAST.AST): boolean =>
  (ast.checks ?? []).some(
    (check) =>
      check._tag === "Filter" &&
      (check.annotations as { representation?: { id?: string } } | undefined)?.representation?.id ===
        "effect/schema/isInt",
  )

const withChecks = (base: string, ast: SchemaAST.AST): string => {
  const constraints = (ast.checks ?? []).flatMap(checkText)
  return constraints.length === 0 ? base : `${base} (${constraints.join(", ")})`
}

/**
 * A schema type as short readable text, e.g. `string (non-empty)`, `integer (≥ 0)`, `IsoDate | null`,
 * `"male" | "female"`, `string[]`, `{ year: integer, label: string }`. Types with an identifier annotation
 * (IsoDate, event classes) print by name. Markdown-safe apart from the pipes of unions (no angle brackets).
 */
export const typeText = (ast: SchemaAST.AST, options: TypeTextOptions = {}): string => {
  const inner: TypeTextOptions = options.nameOf ? { nameOf: options.nameOf } : {}
  const text = (member: SchemaAST.AST): string => typeText(member, inner)
  const element = (member: SchemaAST.AST): string => {
    const shown = text(member)
    return SchemaAST.isUnion(member) && shown.includes(" | ") ? `(${shown})[]` : `${shown}[]`
  }
  if (options.expand !== true) {
    const named = options.nameOf?.(ast)
    if (named !== undefined) return named
    const identifier = SchemaAST.resolveIdentifier(ast)
    if (identifier !== undefined) return identifier
  }
  switch (ast._tag) {
    case "String":
      return withChecks("string", ast)
    case "Number":
      return withChecks(isInteger(ast) ? "integer" : "number", ast)
    case "Boolean":
    case "Null":
    case "Undefined":
    case "Unknown":
    case "Any":
    case "Never":
    case "Void":
      return ast._tag.toLowerCase()
    case "BigInt":
      return withChecks("bigint", ast)
    case "Literal":
      return JSON.stringify(ast.literal)
    case "Union":
      return ast.types.map(text).join(" | ")
    case "Arrays": {
      if (ast.elements.length === 0 && ast.rest.length === 1) return withChecks(element(ast.rest[0]!), ast)
      const rest = ast.rest.map((r, i) => (i === 0 ? `...${element(r)}` : text(r)))
      return withChecks(`[${[...ast.elements.map(text), ...rest].join(", ")}]`, ast)
    }
    case "Objects": {
      const properties = fieldsOfAst(ast).map((f) => `${f.name}${f.optional ? "?" : ""}: ${text(f.type)}`)
      const indexes = ast.indexSignatures.map((s) => `[${text(s.parameter)}]: ${text(s.type)}`)
      const all = [...properties, ...indexes]
      return all.length === 0 ? "{}" : `{ ${all.join(", ")} }`
    }
    case "Declaration":
      return "object"
    case "Suspend":
      return "recursive type"
    default:
      return ast._tag
  }
}
