import type { JsonSchema } from "effect"
import { roleLabelVi } from "../access/roles.ts"
import type { RouteSpec } from "../http/route.ts"
import { SESSION_COOKIE } from "../auth/sessions.ts"
import { compileSchemas, type SchemaEntry } from "./json-schemas.ts"
import { ProblemSchema } from "./problem-schema.ts"

type Json = Record<string, unknown>

/** The OpenAPI document's parts this module builds (enough for tests to read it without casts everywhere). */
export interface OpenApiDocument {
  readonly openapi: "3.1.0"
  readonly info: Json
  readonly tags: ReadonlyArray<{ readonly name: string; readonly description?: string }>
  readonly paths: Record<string, Record<string, OpenApiOperation>>
  readonly components: {
    readonly schemas: Record<string, JsonSchema.JsonSchema>
    readonly responses: Record<string, Json>
    readonly parameters: Record<string, Json>
    readonly securitySchemes: Record<string, Json>
  }
  /** Schemas Effect could not describe (documented as `{}`); empty when everything was described. */
  readonly "x-schema-failures": ReadonlyArray<{ readonly key: string; readonly error: string }>
}

export interface OpenApiOperation {
  readonly operationId: string
  readonly summary: string
  readonly description: string
  readonly tags: ReadonlyArray<string>
  readonly parameters: ReadonlyArray<Json>
  readonly requestBody?: Json
  readonly responses: Record<string, Json>
  readonly security: ReadonlyArray<Record<string, ReadonlyArray<string>>>
  readonly "x-access": "public" | "signed-in" | ReadonlyArray<string>
  readonly "x-write": boolean
}

const FILE_TYPES: Readonly<Record<string, string>> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
}

/**
 * The media types of the files a route answers: those it declares, else the one its path names
 * (`/api/imports/templates/quota.xlsx` is an Excel file).
 */
export const filesOf = (route: Pick<RouteSpec, "files" | "path">): ReadonlyArray<string> => {
  if (route.files) return route.files
  const type = FILE_TYPES[/\.([a-z]+)$/.exec(route.path)?.[1] ?? ""]
  return type ? [type] : []
}

/** Hono's `/api/workers/:id` (or `:id{[0-9]+}`, `:id?`) → OpenAPI's `/api/workers/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?\??/g, "{$1}")

/** The names of a Hono path's parameters, in order. */
export const pathParamNames = (path: string): ReadonlyArray<string> =>
  [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!)

/** Writes change something: CSRF-checked (every non-GET route), and may carry Idempotency-Key and If-Match. */
export const isWrite = (route: RouteSpec): boolean => route.write === true || route.method !== "get"

const PROBLEM_RESPONSES = {
  BadRequest: [
    "400",
    "Dữ liệu không hợp lệ (danh sách trường lỗi trong `fields`)",
    "Invalid input (offending fields in `fields`)",
  ],
  Unauthorized: ["401", "Chưa đăng nhập", "Not signed in"],
  Forbidden: ["403", "Không có quyền, hoặc thiếu/sai X-CSRF-Token", "Forbidden, or missing/wrong X-CSRF-Token"],
  NotFound: ["404", "Không tìm thấy", "Not found"],
  Conflict: [
    "409",
    "Dữ liệu đã bị thay đổi (If-Match lệch phiên bản hiện tại)",
    "Version conflict (If-Match differs from the current version)",
  ],
  Unprocessable: [
    "422",
    "Yêu cầu bị từ chối theo quy định, hoặc Idempotency-Key đã dùng cho yêu cầu khác",
    "Rejected by a business rule, or Idempotency-Key reused",
  ],
  PayloadTooLarge: ["413", "Dữ liệu gửi lên quá lớn", "Payload too large"],
  UnsupportedMediaType: ["415", "Định dạng dữ liệu không được hỗ trợ", "Unsupported media type"],
} as const

type ProblemResponse = keyof typeof PROBLEM_RESPONSES

const problemRef = (name: ProblemResponse) => ({ $ref: `#/components/responses/${name}` })

/**
 * The OpenAPI 3.1 document of a route registry: one operation per route, its schemas compiled from the
 * route's Effect Schemas (shared definitions under `components.schemas`), its access (cookie session, CSRF
 * header on writes, the roles in `x-access`), the write headers and the problem responses it can answer.
 */
export function buildOpenApiDocument(routes: ReadonlyArray<RouteSpec>, version = "0.1.0"): OpenApiDocument {
  const entries: SchemaEntry[] = [{ key: "Problem", schema: ProblemSchema, side: "output" }]
  routes.forEach((route, i) => {
    for (const part of ["params", "query", "body"] as const) {
      const schema = route[part]
      if (schema) entries.push({ key: `${i}.${part}`, schema, side: "input" })
    }
    if (route.response) entries.push({ key: `${i}.response`, schema: route.response, side: "output" })
  })
  const compiled = compileSchemas(entries)
  const schemaOf = (key: string): JsonSchema.JsonSchema | undefined => compiled.schemas.get(key)
  const resolve = (schema: JsonSchema.JsonSchema | undefined): JsonSchema.JsonSchema | undefined => {
    const ref = schema?.$ref
    return typeof ref === "string" && ref.startsWith("#/components/schemas/")
      ? resolve(compiled.components[ref.slice(21)])
      : schema
  }

  const paths: Record<string, Record<string, OpenApiOperation>> = {}
  const tags = new Map<string, number>()
  routes.forEach((route, i) => {
    const path = openApiPath(route.path)
    const write = isWrite(route)
    const parameters: Json[] = []
    // Path parameters: every `:name` of the path, with the params schema's property where there is one.
    const params = resolve(schemaOf(`${i}.params`))
    for (const name of pathParamNames(route.path))
      parameters.push({ name, in: "path", required: true, schema: propertyOf(params, name) ?? { type: "string" } })
    const query = resolve(schemaOf(`${i}.query`))
    for (const [name, schema] of Object.entries((query?.properties ?? {}) as Record<string, JsonSchema.JsonSchema>))
      parameters.push({ name, in: "query", required: ((query?.required ?? []) as string[]).includes(name), schema })
    if (write && route.access !== "public")
      parameters.push({ $ref: "#/components/parameters/IdempotencyKey" }, { $ref: "#/components/parameters/IfMatch" })

    const responses: Record<string, Json> = {}
    const status = String(route.successStatus ?? 200)
    const files = filesOf(route)
    responses[status] =
      status === "204"
        ? { description: "Thành công, không có nội dung / Success, no content" }
        : {
            description: "Thành công / Success",
            content: {
              // a route answering only files (a download, a page) has no JSON answer to describe
              ...(route.response || files.length === 0
                ? { "application/json": { schema: schemaOf(`${i}.response`) ?? {} } }
                : {}),
              ...Object.fromEntries(files.map((t) => [t, { schema: { type: "string", contentMediaType: t } }])),
            },
          }
    const problems = new Set<ProblemResponse>()
    if (route.params || route.query || route.body || route.rawBody || write) problems.add("BadRequest")
    if (route.access !== "public") problems.add("Unauthorized")
    if (route.access !== "public" && (route.access !== "signed-in" || write)) problems.add("Forbidden")
    if (pathParamNames(route.path).length > 0) problems.add("NotFound")
    if (write && route.access !== "public") problems.add("Conflict").add("Unprocessable")
    if (route.body || route.rawBody) problems.add("PayloadTooLarge").add("UnsupportedMediaType")
    for (const name of [...problems].toSorted((a, b) => PROBLEM_RESPONSES[a][0].localeCompare(PROBLEM_RESPONSES[b][0])))
      responses[PROBLEM_RESPONSES[name][0]] = problemRef(name)
    responses.default = { $ref: "#/components/responses/Problem" }

    const operation: OpenApiOperation = {
      operationId: operationIdOf(route),
      summary: route.summary,
      description: describeAccess(route),
      tags: route.tags,
      parameters,
      ...(route.body
        ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(`${i}.body`) ?? {} } } } }
        : route.rawBody
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(
                  route.rawBody.contentTypes.map((t) => [t, { schema: { type: "string", contentMediaType: t } }]),
                ),
              },
            }
          : {}),
      responses,
      security:
        route.access === "public" ? [] : write ? [{ sessionCookie: [], csrfToken: [] }] : [{ sessionCookie: [] }],
      "x-access": route.access,
      "x-write": write,
    }
    paths[path] = { ...paths[path], [route.method]: operation }
    for (const tag of route.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1)
  })

  return {
    openapi: "3.1.0",
    info: {
      title: "API hệ thống quản lý người lao động đi làm việc ở nước ngoài theo hợp đồng (XKLĐ)",
      version,
      description: [
        "Mọi nội dung người dùng đọc bằng tiếng Việt trước, tiếng Anh sau; ngày theo ISO (yyyy-mm-dd); lỗi theo RFC 9457 (`application/problem+json`).",
        `Đăng nhập bằng \`POST /api/session\` (cookie \`${SESSION_COOKIE}\`); mọi yêu cầu ghi gửi kèm header \`X-CSRF-Token\` của phiên. Có thể gửi \`Idempotency-Key\` (chống trùng khi gửi lại) và \`If-Match\` (phiên bản hồ sơ đã đọc).`,
        "",
        "Registry API for sending workers abroad under contract. Vietnamese first, English second; ISO dates; RFC 9457 problems.",
        `Sign in with \`POST /api/session\` (cookie \`${SESSION_COOKIE}\`); every write carries the session's \`X-CSRF-Token\` header, optionally \`Idempotency-Key\` (safe retries) and \`If-Match\` (the version you read).`,
      ].join("\n"),
    },
    tags: [...tags.keys()].toSorted(new Intl.Collator("vi").compare).map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        ...compiled.components,
        ...(compiled.schemas.get("Problem")?.$ref ? {} : { Problem: compiled.schemas.get("Problem")! }),
      },
      responses: Object.fromEntries(
        [
          ...Object.entries(PROBLEM_RESPONSES),
          ["Problem", ["default", "Lỗi khác (ví dụ 423, 429)", "Any other problem (e.g. 423, 429)"]] as const,
        ].map(([name, [, vi, en]]) => [
          name,
          {
            description: `${vi} / ${en}`,
            content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
          },
        ]),
      ),
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Khóa chống trùng: gửi lại cùng yêu cầu với cùng khóa trả về kết quả lần đầu, không ghi thêm / Retry key: the same request with the same key returns the first answer and writes nothing",
          schema: { type: "string", minLength: 1, maxLength: 200 },
        },
        IfMatch: {
          name: "If-Match",
          in: "header",
          required: false,
          description:
            "Phiên bản hồ sơ đã đọc; khác phiên bản hiện tại → 409 / The version you read; a different current version → 409",
          schema: { type: "string", pattern: '^(W/)?"?[0-9]+"?$' },
        },
      },
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "Phiên đăng nhập (POST /api/session) / Session cookie",
        },
        csrfToken: {
          type: "apiKey",
          in: "header",
          name: "X-CSRF-Token",
          description: "Mã chống giả mạo của phiên, bắt buộc khi ghi / The session's CSRF token, required on writes",
        },
      },
    },
    "x-schema-failures": compiled.failures,
  }
}

const propertyOf = (schema: JsonSchema.JsonSchema | undefined, name: string): JsonSchema.JsonSchema | undefined =>
  (schema?.properties as Record<string, JsonSchema.JsonSchema> | undefined)?.[name]

/** `get /api/workers/:id/counselling` → `getApiWorkersIdCounselling`. */
const operationIdOf = (route: RouteSpec): string =>
  route.method +
  route.path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("")

const describeAccess = (route: RouteSpec): string => {
  const who =
    route.access === "public"
      ? "Không cần đăng nhập / Public"
      : route.access === "signed-in"
        ? "Mọi người dùng đã đăng nhập / Any signed-in user"
        : `Vai trò / Roles: ${route.access.map((r) => `${roleLabelVi[r]} (\`${r}\`)`).join(", ")}`
  return `${route.summaryEn}\n\n${who}`
}
