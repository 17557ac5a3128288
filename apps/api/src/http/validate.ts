import { Schema } from "effect"
import { fail, type ProblemField } from "./problem.ts"

type Issue = { readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> }

const pathOf = (issue: Issue, where: string): string =>
  [where, ...(issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p))].join(".")

/** English parser messages rendered for an officer: the common ones in Vietnamese, the rest quoted. */
const vietnamese = (message: string): string => {
  if (message.startsWith("Missing key")) return "Thiếu trường bắt buộc"
  if (message.startsWith("Expected string")) return "Phải là chuỗi ký tự"
  if (/^Expected number|^Expected a finite number/.test(message)) return "Phải là số"
  if (message.startsWith("Expected an integer")) return "Phải là số nguyên"
  if (message.startsWith("Expected boolean")) return "Phải là đúng/sai (true/false)"
  if (message.startsWith("Expected array")) return "Phải là danh sách"
  if (/^Expected object|^Expected \{/.test(message)) return "Phải là một đối tượng"
  if (/^Unexpected key|^Expected no excess property/.test(message)) return "Trường không được phép"
  if (message.startsWith('Expected "')) return `Giá trị không nằm trong danh sách cho phép (${message})`
  if (/[àáảãạăâđèéêìíòóôơùúưỳý]/i.test(message)) return message // already Vietnamese (domain checks)
  return `Giá trị không hợp lệ (${message})`
}

type Standard = { readonly "~standard": { readonly validate: (input: unknown) => unknown } }
const standards = new WeakMap<Schema.Top, Standard>()

/** The route's schema as a validator, built once per schema (building it per request showed in the API's profile). */
const standardOf = (schema: Schema.Top): Standard => {
  let standard = standards.get(schema)
  if (!standard) {
    standard = Schema.toStandardSchemaV1(
      schema as any,
      { parseOptions: { onExcessProperty: "error", errors: "all" } } as any,
    ) as unknown as Standard
    standards.set(schema, standard)
  }
  return standard
}

/**
 * Decodes untrusted input with an Effect Schema; on failure throws a 400 problem listing every offending
 * field. Unknown keys are rejected, so a typo never passes silently.
 */
export function decodeInput<S extends Schema.Top>(
  schema: S,
  input: unknown,
  where: "body" | "query" | "params",
): S["Type"] {
  const result = standardOf(schema)["~standard"].validate(input) as { value?: unknown; issues?: ReadonlyArray<Issue> }
  if (!result.issues) return result.value as S["Type"]
  const fields: ProblemField[] = result.issues.map((issue) => ({
    path: pathOf(issue, where),
    message: vietnamese(issue.message),
    messageEn: issue.message,
  }))
  throw fail(
    "validation",
    `Có ${fields.length} trường không hợp lệ: ${fields.map((f) => `${f.path} (${f.message})`).join("; ")}`,
    `${fields.length} invalid field(s): ${fields.map((f) => `${f.path} (${f.messageEn})`).join("; ")}`,
    { fields },
  )
}

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
/** No request of this API nests deeper; deeper input is refused before anything walks it recursively. */
export const MAX_DEPTH = 32

/**
 * The path of the first string the database cannot store (a NUL or a lone surrogate), or of the first value
 * nested deeper than MAX_DEPTH. Iterative, so hostile nesting cannot exhaust the stack.
 */
export function unstorablePath(value: unknown, path: string): { path: string; tooDeep: boolean } | undefined {
  const stack: Array<[unknown, string, number]> = [[value, path, 0]]
  while (stack.length > 0) {
    const [item, at, depth] = stack.pop()!
    if (typeof item === "string") {
      if (UNSTORABLE.test(item)) return { path: at, tooDeep: false }
    } else if (item !== null && typeof item === "object") {
      if (depth >= MAX_DEPTH) return { path: at, tooDeep: true }
      for (const [key, child] of Object.entries(item)) {
        if (UNSTORABLE.test(key)) return { path: `${at}.${key}`, tooDeep: false }
        stack.push([child, `${at}.${key}`, depth + 1])
      }
    }
  }
  return undefined
}

/** Refuses (400) input holding text the database cannot store, whatever the route: before any schema or SQL sees it. */
export function assertStorableInput(value: unknown, where: "body" | "query" | "params"): void {
  const found = unstorablePath(value, where)
  if (found?.tooDeep)
    throw fail(
      "validation",
      `${found.path}: dữ liệu lồng nhau quá ${MAX_DEPTH} cấp.`,
      `${found.path}: nested deeper than ${MAX_DEPTH} levels.`,
      {
        fields: [{ path: found.path, message: "Lồng nhau quá sâu", messageEn: "Nested too deeply" }],
      },
    )
  if (found)
    throw fail(
      "validation",
      `${found.path}: chứa ký tự không hợp lệ (NUL hoặc mã UTF-16 lẻ).`,
      `${found.path}: contains an invalid character (NUL or a lone surrogate).`,
      {
        fields: [{ path: found.path, message: "Chứa ký tự không hợp lệ", messageEn: "Contains an invalid character" }],
      },
    )
}
