import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import {
  buildOpenApiDocument,
  isWrite,
  openApiPath,
  pathParamNames,
  type OpenApiDocument,
} from "../src/openapi/document.ts"
import { ProblemSchema } from "../src/openapi/problem-schema.ts"
import { allRoutes } from "../src/routes/index.ts"
import { UNTYPED_ROUTES } from "./support/response-contract.ts"
import { openTestApp, signIn, type TestApp } from "./support/test-app.ts"

let t: TestApp
let doc: OpenApiDocument
beforeAll(async () => {
  t = await openTestApp()
  const response = await t.app.request("/api/openapi.json")
  expect(response.status).toBe(200)
  expect(response.headers.get("content-type")).toMatch(/application\/json/)
  doc = (await response.json()) as OpenApiDocument
})
afterAll(() => t.close())

type Node = Record<string, unknown>
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"])

/** Every node of a JSON tree with its JSON pointer. */
function* walk(node: unknown, pointer = "#"): Generator<[Node, string]> {
  if (Array.isArray(node)) for (const [i, item] of node.entries()) yield* walk(item, `${pointer}/${i}`)
  else if (node !== null && typeof node === "object") {
    yield [node as Node, pointer]
    for (const [key, value] of Object.entries(node))
      yield* walk(value, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`)
  }
}

const resolvePointer = (root: unknown, ref: string): unknown =>
  ref
    .slice(2)
    .split("/")
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node as Node | undefined)?.[key], root)

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  )

describe("GET /api/openapi.json", () => {
  test("is an OpenAPI 3.1.0 document with the required top-level structure", () => {
    expect(doc.openapi).toBe("3.1.0")
    expect(doc.info).toMatchObject({ title: expect.stringMatching(/XKLĐ/), version: expect.any(String) })
    expect(typeof doc.paths).toBe("object")
    for (const path of Object.keys(doc.paths)) expect(path).toMatch(/^\/[^:]*$/) // no Hono `:param` left over
    for (const key of Object.keys(doc.components.schemas)) expect(key).toMatch(/^[a-zA-Z0-9.\-_]+$/)
    expect(doc["x-schema-failures"]).toEqual([])
  })

  test("has one operation per registered route, with summary (vi), description (en), tags and a unique operationId", () => {
    expect(operations()).toHaveLength(allRoutes.length)
    const ids = new Set<string>()
    const declaredTags = new Set(doc.tags.map((tag) => tag.name))
    for (const route of allRoutes) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method]
      expect(op, `${route.method} ${route.path}`).toBeDefined()
      expect(op!.summary).toBe(route.summary)
      expect(op!.description).toContain(route.summaryEn)
      expect(op!.tags).toEqual(route.tags)
      for (const tag of op!.tags) expect(declaredTags.has(tag)).toBe(true)
      expect(ids.has(op!.operationId)).toBe(false)
      ids.add(op!.operationId)
      expect(Object.keys(op!.responses).some((status) => /^2\d\d$/.test(status))).toBe(true)
    }
  })

  test("declares every path parameter (required, in: path) and no other", () => {
    for (const { path, method, op } of operations()) {
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)
      const declared = op.parameters.filter((p) => p.in === "path").map((p) => p.name)
      expect(declared.toSorted(), `${method} ${path}`).toEqual(templated.toSorted())
      for (const parameter of op.parameters.filter((p) => p.in === "path")) expect(parameter.required).toBe(true)
    }
    for (const route of allRoutes)
      expect(openApiPath(route.path).match(/\{[^}]+\}/g) ?? []).toHaveLength(pathParamNames(route.path).length)
  })

  test("every $ref resolves, and every schema is structurally sound (types, required ⊆ properties)", () => {
    let refs = 0
    for (const [node, pointer] of walk(doc)) {
      if (typeof node.$ref === "string") {
        refs++
        expect(node.$ref, pointer).toMatch(/^#\/components\//)
        expect(resolvePointer(doc, node.$ref), `${pointer} → ${node.$ref}`).toBeDefined()
      }
    }
    expect(refs).toBeGreaterThan(0)
    const schemas = [
      ...Object.values(doc.components.schemas),
      ...operations().flatMap(({ op }) => [
        ...op.parameters.map((p) => p.schema),
        ...Object.values((op.requestBody?.content ?? {}) as Record<string, { schema?: unknown }>).map((c) => c.schema),
        ...Object.values(op.responses).flatMap((r) =>
          Object.values((r.content ?? {}) as Record<string, { schema?: unknown }>).map((c) => c.schema),
        ),
      ]),
    ]
    for (const schema of schemas)
      for (const [node, pointer] of walk(schema)) {
        if ("type" in node && (typeof node.type === "string" || Array.isArray(node.type)))
          for (const type of [node.type].flat())
            expect(JSON_TYPES.has(type as string), `${pointer}: type ${String(type)}`).toBe(true)
        if (Array.isArray(node.required) && node.properties && typeof node.properties === "object")
          for (const key of node.required) expect(Object.keys(node.properties), pointer).toContain(key)
        for (const key of ["anyOf", "oneOf", "allOf", "enum"])
          if (key in node && !(key === "enum" && pointer.endsWith("/properties")))
            expect(Array.isArray(node[key])).toBe(true)
      }
  })

  test("security: cookie session on signed-in routes, CSRF header on writes, nothing on public routes", () => {
    expect(doc.components.securitySchemes.sessionCookie).toEqual(
      expect.objectContaining({ type: "apiKey", in: "cookie", name: "xkld_session" }),
    )
    expect(doc.components.securitySchemes.csrfToken).toEqual(
      expect.objectContaining({ type: "apiKey", in: "header", name: "X-CSRF-Token" }),
    )
    for (const route of allRoutes) {
      const op = doc.paths[openApiPath(route.path)]![route.method]!
      if (route.access === "public") expect(op.security).toEqual([])
      else expect(op.security).toEqual([isWrite(route) ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] }])
      expect(op["x-access"]).toEqual(route.access)
    }
  })

  test("write routes take Idempotency-Key and If-Match, and list the problem responses they can answer", () => {
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: "Idempotency-Key", in: "header" })
    expect(doc.components.parameters.IfMatch).toMatchObject({ name: "If-Match", in: "header" })
    for (const route of allRoutes) {
      const op = doc.paths[openApiPath(route.path)]![route.method]!
      const refs = op.parameters.map((p) => p.$ref)
      const signedInWrite = isWrite(route) && route.access !== "public"
      expect(refs.includes("#/components/parameters/IdempotencyKey"), `${route.method} ${route.path}`).toBe(
        signedInWrite,
      )
      expect(refs.includes("#/components/parameters/IfMatch")).toBe(signedInWrite)
      const statuses = Object.keys(op.responses)
      if (route.access !== "public") expect(statuses).toContain("401")
      if (Array.isArray(route.access)) expect(statuses).toContain("403")
      if (pathParamNames(route.path).length) expect(statuses).toContain("404")
      if (route.body || route.query || route.params) expect(statuses).toContain("400")
      if (signedInWrite) expect(statuses).toEqual(expect.arrayContaining(["403", "409", "422"]))
      if (route.body)
        expect(op.requestBody).toMatchObject({
          required: true,
          content: { "application/json": { schema: expect.any(Object) } },
        })
    }
  })

  test("problems are application/problem+json with type, title, titleEn, status, detail, detailEn and fields", () => {
    for (const [name, status] of [
      ["BadRequest", 400],
      ["Unauthorized", 401],
      ["Forbidden", 403],
      ["NotFound", 404],
      ["Conflict", 409],
      ["Unprocessable", 422],
    ] as const) {
      const response = doc.components.responses[name] as { content: Record<string, { schema: { $ref: string } }> }
      expect(response, `${status}`).toBeDefined()
      expect(response.content["application/problem+json"]!.schema.$ref).toBe("#/components/schemas/Problem")
    }
    const problem = doc.components.schemas.Problem!
    expect(problem.required).toEqual(["type", "title", "titleEn", "status", "detail", "detailEn"])
    expect(Object.keys(problem.properties as object)).toEqual([
      "type",
      "title",
      "titleEn",
      "status",
      "detail",
      "detailEn",
      "fields",
    ])
    expect((problem.properties as Node).fields).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/ProblemField" },
    })
  })

  test("the problems the API actually sends match the documented Problem schema", async () => {
    const decode = Schema.decodeUnknownSync(ProblemSchema)
    const unauthenticated = await t.app.request("/api/users")
    const client = await signIn(t.app, "quan-tri")
    const invalid = await client.request("POST", "/api/users", { username: 1, extra: true })
    const missing = await t.app.request("/api/docs/assets/khong-co.js")
    for (const [response, status] of [
      [unauthenticated, 401],
      [invalid, 400],
      [missing, 404],
    ] as const) {
      expect(response.status).toBe(status)
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/)
      expect(decode(await response.json())).toMatchObject({ status })
    }
  })

  test("inputs are closed objects and optional keys are not nullable (the API refuses null and unknown keys)", async () => {
    const op = doc.paths["/api/users"]!.post!
    const body = (op.requestBody!.content as Record<string, { schema: Node }>)["application/json"]!.schema
    expect(body.additionalProperties).toBe(false)
    expect((body.properties as Node).unitIds).toEqual({ type: "array", items: { type: "string" } })
    expect(body.required).not.toContain("unitIds")
    const client = await signIn(t.app, "quan-tri")
    const withNull = await client.json("POST", "/api/users", {
      username: "nguoi-moi",
      displayName: "Người mới",
      role: "leader",
      provinceCode: "14",
      password: "Mật khẩu đủ dài 2026",
      unitIds: null,
    })
    expect(withNull.status).toBe(400)
    expect(withNull.body.fields.map((f: { path: string }) => f.path)).toEqual(["body.unitIds"])
  })

  test("every route answering JSON declares its 2xx response schema (the allow-list of those that do not yet only shrinks)", () => {
    const untyped: string[] = []
    const files: string[] = []
    for (const { path, method, op } of operations())
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^2\d\d$/.test(status) || status === "204") continue
        const content = (response.content ?? {}) as Record<string, { schema?: Node }>
        expect(Object.keys(content).length, `${method} ${path} ${status}`).toBeGreaterThan(0)
        const json = content["application/json"]
        if (json === undefined) files.push(`${method} ${path}`)
        else if (Object.keys(json.schema ?? {}).length === 0) untyped.push(`${method} ${path}`)
      }
    // a file download states its media type, and nothing else
    for (const route of files) {
      const [method, path] = route.split(" ") as [string, string]
      const content = doc.paths[path]![method]!.responses["200"]!.content as Record<string, { schema: Node }>
      for (const [type, { schema }] of Object.entries(content))
        expect(schema, route).toEqual({ type: "string", contentMediaType: type })
    }
    expect(files).toEqual(
      expect.arrayContaining(["get /api/docs", "get /api/docs/assets/{file}", "get /api/imports/templates/quota.xlsx"]),
    )
    expect(untyped.toSorted(), "declare the response (or, for a download, its media type) of these routes").toEqual(
      Object.keys(UNTYPED_ROUTES).toSorted(),
    )
  })

  test("shared definitions live under components.schemas and are referenced, not repeated", () => {
    const document = buildOpenApiDocument(allRoutes)
    expect(document.components.schemas.IsoDate).toMatchObject({ type: "string" })
    expect(JSON.stringify(document.paths)).toContain('"$ref":"#/components/schemas/IsoDate"')
    expect(JSON.stringify(document.paths)).not.toContain("#/$defs/")
  })
})

describe("GET /api/docs (Swagger UI from the swagger-ui-dist package, no CDN)", () => {
  test("serves a Vietnamese page that loads only same-origin scripts and styles, under a strict CSP", async () => {
    const response = await t.app.request("/api/docs")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^text\/html/)
    const csp = response.headers.get("content-security-policy")!
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toMatch(/unsafe-eval/)
    const html = await response.text()
    expect(html).toContain("<title>Tài liệu API — XKLĐ</title>")
    expect(html).toContain('lang="vi"')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThanOrEqual(3)
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/src="\/api\/docs\/assets\/[^"]+"/)
      expect(content!.trim()).toBe("") // no inline script (the CSP forbids it)
    }
    const links = [...html.matchAll(/<link\b[^>]*href="([^"]+)"/g)].map((m) => m[1]!)
    for (const url of [...links, ...scripts.map((s) => /src="([^"]+)"/.exec(s[1]!)![1]!)]) {
      expect(url).not.toMatch(/^(https?:)?\/\//)
      const asset = await t.app.request(url)
      expect(asset.status, url).toBe(200)
      const type = asset.headers.get("content-type")!
      if (url.endsWith(".js")) expect(type).toMatch(/^text\/javascript/)
      if (url.endsWith(".css")) {
        expect(type).toMatch(/^text\/css/)
        const css = await asset.text()
        expect(css).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//)
      }
      if (url.endsWith(".png")) expect(type).toBe("image/png")
    }
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })

  test("the start-up script points Swagger UI at /api/openapi.json and sends no request elsewhere", async () => {
    const script = await (await t.app.request("/api/docs/assets/xkld-docs.js")).text()
    expect(script).toContain('url: "/api/openapi.json"')
    expect(script).toContain("validatorUrl: null")
    expect(script).not.toMatch(/https?:\/\//)
    const bundle = await t.app.request("/api/docs/assets/swagger-ui-bundle.js")
    expect((await bundle.text()).length).toBeGreaterThan(500_000) // the real bundle from node_modules
  })

  test("serves only the listed files: unknown names are 404, path tricks are refused", async () => {
    expect((await t.app.request("/api/docs/assets/package.json")).status).toBe(404)
    expect((await t.app.request("/api/docs/assets/..%2Fpackage.json")).status).toBe(400)
    expect((await t.app.request("/api/docs/assets/../../package.json")).status).toBe(404)
    expect((await t.app.request("/api/docs/assets/index.js")).status).toBe(404)
  })
})
