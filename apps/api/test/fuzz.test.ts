import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { RouteSpec } from "../src/http/route.ts"
import { buildOpenApiDocument, openApiPath, pathParamNames } from "../src/openapi/document.ts"
import { allRoutes } from "../src/routes/index.ts"
import { openTestApp, type TestApp } from "./support/test-app.ts"

/**
 * Property-based fuzzing of every route in `allRoutes`: random and malformed bodies, headers and query strings.
 * Whatever comes in, the API answers 2xx or 4xx — never a 5xx — and a rejected request (4xx) writes no event.
 * Signed in as the province officer, then once more without a session. The time budget is shared by the
 * routes (FUZZ_SECONDS, default 90 s in all), so the suite stays within about two minutes whatever the
 * registry holds; FUZZ_RUNS caps the runs per route.
 */

const BUDGET_MS = Number(process.env.FUZZ_SECONDS ?? 90) * 1000
const MAX_RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const SIGNED_IN_SHARE = 0.75

let t: TestApp
let officer: Session
/** A second session of the officer, for the deterministic sweep (after the fuzzing of sign-in, nobody can sign in). */
let spare: Session
const realIds: string[] = []
/** One real identifier per resource (the path segment before `:id`). */
const realIdOf: Record<string, string> = {}
const doc = buildOpenApiDocument(allRoutes)

beforeAll(async () => {
  t = await openTestApp({ demoEvents: 4000 })
  officer = await signInRaw("so-noi-vu")
  spare = await signInRaw("so-noi-vu")
  // Real identifiers make some requests reach deep into the handlers instead of stopping at "not found".
  const workers = await t.services.models.workers({ provinceCode: "14" })
  const plans = await t.services.models.plans({ provinceCode: "14" })
  const enterprises = await t.services.models.enterprises({})
  Object.assign(realIdOf, {
    workers: workers[0]?.workerId,
    units: workers[0]?.unitId,
    plans: plans[0]?.planId,
    enterprises: enterprises[0]?.enterpriseId,
  })
  realIds.push(
    ...workers.slice(0, 5).map((w) => w.workerId),
    ...workers.slice(0, 3).map((w) => w.unitId),
    ...plans.slice(0, 3).map((p) => p.planId),
    ...enterprises.slice(0, 3).map((e) => e.enterpriseId),
  )
})
afterAll(() => t.close())

/** A session's cookie and CSRF token (the support client JSON-encodes bodies; the fuzzer sends raw bytes). */
interface Session {
  readonly cookie: string
  readonly csrfToken: string
}

async function signInRaw(username: string): Promise<Session> {
  const response = await t.app.request("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  })
  expect(response.status).toBe(200)
  return {
    cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]!,
    csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken,
  }
}

const signedIn = async (session: Session) =>
  (await t.app.request("/api/session", { headers: { cookie: session.cookie } })).status === 200

// ---- values -------------------------------------------------------------------------------------------------

const NFD = "Nguyễn Thị Hồng Nhung, Phường Chiềng An".normalize("NFD")
const nastyStrings = [
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "-0",
  "1e309",
  "1.5",
  "9".repeat(400),
  "0x1F",
  "2026-13-45",
  "2026-02-30",
  "0000-00-00",
  "9999-99-99",
  "2026-06-15T25:61:00Z",
  "2026-H3",
  "2026-Q5",
  "2026-00",
  "../../package.json",
  "%00",
  "\u0000",
  "'; DROP TABLE events; --",
  NFD,
  "\uD800",
  "\uFFFE",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "🇻🇳",
  "<script>alert(1)</script>",
  "a".repeat(5000),
  "03646",
  "03664",
  "14",
  "2026",
  "2026-03-02",
  "2026-01-01T00:00:00Z",
]
const plausible = () => fc.constantFrom(...nastyStrings, ...realIds)
const text = () => fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), plausible(), plausible())
const scalar = () =>
  fc.oneof(
    text(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constant(Number.MAX_SAFE_INTEGER + 2),
  )
const anyJson = () =>
  fc.oneof(
    { weight: 3, arbitrary: scalar() },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.array(scalar(), { maxLength: 5 }) },
  )
/** Header values: printable ASCII only (anything else cannot even be sent). */
const headerText = () =>
  fc.oneof(
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
    fc.constantFrom("", "x".repeat(500)),
  )

const encode = (value: string): string => {
  try {
    return encodeURIComponent(value)
  } catch {
    return "%ED%A0%80" // a lone surrogate, as its (invalid) UTF-8 bytes
  }
}

// ---- requests -----------------------------------------------------------------------------------------------

interface FuzzRequest {
  readonly url: string
  readonly body?: string | Uint8Array
  readonly headers: Record<string, string>
  readonly note: string
}

type Node = Record<string, unknown>
const operationOf = (route: RouteSpec) => doc.paths[openApiPath(route.path)]![route.method]!
const resolve = (schema: unknown): Node | undefined => {
  const ref = (schema as Node | undefined)?.$ref
  return typeof ref === "string" ? resolve(doc.components.schemas[ref.split("/").pop()!]) : (schema as Node | undefined)
}
const queryNames = (route: RouteSpec) =>
  operationOf(route)
    .parameters.filter((p) => p.in === "query")
    .map((p) => p.name as string)
const bodyNames = (route: RouteSpec) =>
  Object.keys(
    (resolve(
      ((operationOf(route).requestBody?.content ?? {}) as Record<string, { schema?: unknown }>)["application/json"]
        ?.schema,
    )?.properties ?? {}) as Node,
  )

const pathArb = (route: RouteSpec) =>
  fc
    .tuple(
      ...pathParamNames(route.path).map(() =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...realIds, "khong-co").map(encode) },
          { weight: 2, arbitrary: text().map(encode) },
          { weight: 1, arbitrary: fc.constantFrom("%zz", "%E0%A4%A", "..", "%2e%2e%2f") },
        ),
      ),
    )
    .map((values) =>
      pathParamNames(route.path).reduce(
        (path, name, i) => path.replace(new RegExp(`:${name}(\\{[^}]*\\})?\\??`), values[i]!),
        route.path,
      ),
    )

const queryArb = (route: RouteSpec) => {
  const known = queryNames(route)
  const params = operationOf(route).parameters.filter((p) => p.in === "query")
  const documented = fc.record(
    Object.fromEntries(params.map((p) => [p.name as string, fromSchema(p.schema).map(String)])),
    { requiredKeys: params.filter((p) => p.required).map((p) => p.name as string) },
  )
  const key = known.length
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...known) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      )
    : fc.string({ maxLength: 10 })
  return fc
    .oneof(
      {
        weight: 5,
        arbitrary: documented.map((q) =>
          Object.entries(q)
            .map(([k, v]) => `${encode(k)}=${encode(v)}`)
            .join("&"),
        ),
      },
      {
        weight: 4,
        arbitrary: fc
          .dictionary(
            key,
            fc.oneof(text(), fc.constantFrom("-1", "-50", "0", "501", "100000", "1.5", "abc", "2026-13-45")),
            { maxKeys: 5 },
          )
          .map((q) =>
            Object.entries(q)
              .map(([k, v]) => `${encode(k)}=${encode(v)}`)
              .join("&"),
          ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "%E0%A4%A",
          "&&==&",
          "limit=1&limit=2",
          "a[]=1&a[]=2",
          "limit",
          "=x",
          "offset=-1&limit=-1",
          "year=2026-13-45",
          "asOf=2026-13-45",
          "on=2026-13-45",
        ),
      },
    )
    .map((q) => (q ? `?${q}` : ""))
}

/** Values the documented JSON Schema allows (so requests get past validation and into the handlers). */
function fromSchema(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const node = resolve(schema) ?? {}
  if (depth > 6) return fc.constant(null)
  const alternatives = (node.anyOf ?? node.oneOf) as unknown[] | undefined
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => fromSchema(a, depth + 1)))
  if (Array.isArray(node.allOf) && node.allOf.length && !node.type) return fromSchema(node.allOf[0], depth + 1)
  if (Array.isArray(node.enum)) return fc.constantFrom(...(node.enum as unknown[]))
  if ("const" in node) return fc.constant(node.const)
  switch (node.type) {
    case "string": {
      if (typeof node.pattern === "string") {
        try {
          return fc.stringMatching(new RegExp(node.pattern, "u"))
        } catch {
          return text()
        }
      }
      const min = (node.minLength as number | undefined) ?? 0
      return fc.oneof(
        fc.string({
          minLength: min,
          maxLength: Math.max(min, Math.min((node.maxLength as number | undefined) ?? 40, 40)),
        }),
        plausible(),
      )
    }
    case "integer":
      return fc.integer({
        min: Math.max((node.minimum as number | undefined) ?? -10, -1e9),
        max: Math.min((node.maximum as number | undefined) ?? 100_000, 1e12),
      })
    case "number":
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: (node.minimum as number | undefined) ?? -1e6,
        max: (node.maximum as number | undefined) ?? 1e9,
      })
    case "boolean":
      return fc.boolean()
    case "null":
      return fc.constant(null)
    case "array":
      return fc.array(fromSchema(node.items, depth + 1), { maxLength: 3 })
    case "object": {
      const properties = (node.properties ?? {}) as Record<string, unknown>
      return fc.record(Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, fromSchema(v, depth + 1)])), {
        requiredKeys: (node.required ?? []) as string[],
      })
    }
    default:
      return anyJson()
  }
}

const bodySchemaOf = (route: RouteSpec) =>
  ((operationOf(route).requestBody?.content ?? {}) as Record<string, { schema?: unknown }>)["application/json"]?.schema

const deep = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth)

const bodyArb = (route: RouteSpec): fc.Arbitrary<{ body?: string | Uint8Array; note: string }> => {
  const names = bodyNames(route)
  const field = names.length
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...names) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      )
    : fc.string({ maxLength: 12 })
  const shaped = fc.dictionary(field, anyJson(), { maxKeys: Math.max(names.length + 1, 3) })
  const json = (arb: fc.Arbitrary<unknown>, note: string) => arb.map((v) => ({ body: JSON.stringify(v), note }))
  const valid = bodySchemaOf(route) ? fromSchema(bodySchemaOf(route)) : fc.constant({})
  return fc.oneof(
    { weight: 6, arbitrary: json(valid, "as documented") },
    {
      weight: 4,
      arbitrary: json(
        fc
          .tuple(valid, field, anyJson())
          .map(([v, k, x]) => (v && typeof v === "object" && !Array.isArray(v) ? { ...v, [k]: x } : v)),
        "as documented, one field wrong",
      ),
    },
    { weight: 6, arbitrary: json(shaped, "shaped object, random values") },
    { weight: 2, arbitrary: json(fc.jsonValue(), "random JSON") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(10, 1000, 100_000).chain((d) =>
        field.map((k) => ({
          body: `{${JSON.stringify(k)}:${deep(d, "[", "]")}}`,
          note: `nested arrays, depth ${d}`,
        })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(10, 1000, 50_000).chain((d) =>
        field.map((k) => ({
          body: `${`{${JSON.stringify(k)}:`.repeat(d)}1${"}".repeat(d)}`,
          note: `nested objects, depth ${d}`,
        })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(field, fc.constantFrom(100_000, 900_000, 2_000_000))
        .map(([k, n]) => ({ body: JSON.stringify({ [k]: "ạ".repeat(n / 3) }), note: `huge string, ${n} bytes` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "{",
          "}",
          "[1,]",
          "undefined",
          "NaN",
          "<xml/>",
          "\u0000",
          "'{}'",
          '{"a":1}garbage',
          "",
          "null",
          "[]",
          "true",
          '"x"',
          "1e999999",
        )
        .map((body) => ({ body, note: "not JSON / not an object" })),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({
        body: new Uint8Array([0x7b, 0x22, 0x78, 0x22, 0x3a, 0x22, ...bytes, 0xff, 0xc3, 0x22, 0x7d]),
        note: "invalid UTF-8",
      })),
    },
    {
      weight: 1,
      arbitrary: json(
        fc.record(
          Object.fromEntries(names.map((n) => [n, fc.constantFrom(NFD, NFD.repeat(20), "\u0301\u0301\u0301")])),
        ),
        "NFD text in every field",
      ),
    },
    { weight: 1, arbitrary: fc.constant({ note: "no body" }) },
  )
}

const headersArb = (route: RouteSpec) =>
  fc
    .record(
      {
        contentType: fc.oneof(
          { weight: 6, arbitrary: fc.constant("application/json") },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              "application/json; charset=utf-8",
              "text/plain",
              "application/x-www-form-urlencoded",
              "multipart/form-data; boundary=x",
              "application/json; charset=latin1",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "text/csv",
              "application/json, text/plain",
              "*/*",
            ),
          },
        ),
        ifMatch: fc.oneof(
          headerText(),
          fc.constantFrom("-1", "1e3", '"7"', 'W/"3"', "99999999999999999999", "*", "0", "1.5", "0x10"),
        ),
        idempotencyKey: fc.oneof(headerText(), fc.uuid(), fc.constant("x".repeat(201))),
        correlation: headerText(),
      },
      { requiredKeys: [] },
    )
    .map((h) => ({
      ...(h.contentType !== undefined && route.method !== "get" ? { "content-type": h.contentType } : {}),
      ...(h.ifMatch !== undefined ? { "if-match": h.ifMatch } : {}),
      ...(h.idempotencyKey !== undefined ? { "idempotency-key": h.idempotencyKey } : {}),
      ...(h.correlation !== undefined ? { "x-correlation-id": h.correlation, "x-request-id": h.correlation } : {}),
    }))

const requestArb = (route: RouteSpec): fc.Arbitrary<FuzzRequest> =>
  fc
    .tuple(
      pathArb(route),
      queryArb(route),
      route.method === "get"
        ? fc.constant({ note: "GET" } as { body?: string | Uint8Array; note: string })
        : bodyArb(route),
      headersArb(route),
    )
    .map(([path, query, { body, note }, headers]) => ({
      url: path + query,
      ...(body === undefined ? {} : { body }),
      headers,
      note,
    }))

// ---- the property -------------------------------------------------------------------------------------------

interface Finding {
  readonly route: string
  readonly status: number | string
  readonly request: string
  readonly answer: string
}

const describeRequest = (route: RouteSpec, r: FuzzRequest) => {
  const body =
    r.body === undefined
      ? "(none)"
      : typeof r.body === "string"
        ? r.body.length > 300
          ? `${r.body.slice(0, 300)}… (${r.body.length} chars)`
          : r.body
        : `bytes ${Buffer.from(r.body).toString("hex").slice(0, 120)}`
  return `${route.method.toUpperCase()} ${r.url.slice(0, 300)} [${r.note}] headers=${JSON.stringify(r.headers).slice(0, 300)} body=${body}`
}

/** What the fuzzer saw: answers by status class, and runs per route (a run of a route that ran nothing proves nothing). */
const seen = { runs: new Map<string, number>(), statuses: new Map<number, number>() }

/** Fuzzes one route; returns what went wrong (a 5xx, or an event written by a rejected request). */
/** Thrown when a route's time is up: ends its runs (fast-check's own time limit would abandon a request in flight). */
class BudgetSpent extends Error {}

async function fuzzRoute(route: RouteSpec, session: Session | undefined, timeLimit: number): Promise<Finding[]> {
  const findings: Finding[] = []
  const deadline = Date.now() + timeLimit
  const details = await fc.check(
    fc.asyncProperty(requestArb(route), async (r) => {
      if (Date.now() > deadline) throw new BudgetSpent()
      const headers = {
        ...r.headers,
        ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {}),
      }
      const before = await t.services.log.count()
      const response = await t.app.request(r.url, {
        method: route.method.toUpperCase(),
        headers,
        ...(r.body === undefined ? {} : { body: r.body }),
      })
      const answer = await response.text()
      const status = response.status
      const wrote = (await t.services.log.count()) - before
      const key = `${route.method.toUpperCase()} ${route.path}`
      seen.runs.set(key, (seen.runs.get(key) ?? 0) + 1)
      seen.statuses.set(status, (seen.statuses.get(status) ?? 0) + 1)
      if (status >= 500 || status < 200)
        findings.push({
          route: `${route.method.toUpperCase()} ${route.path}`,
          status,
          request: describeRequest(route, r),
          answer: answer.slice(0, 300),
        })
      else if (status >= 400 && wrote !== 0)
        findings.push({
          route: `${route.method.toUpperCase()} ${route.path}`,
          status: `${status} with ${wrote} event(s) written`,
          request: describeRequest(route, r),
          answer: answer.slice(0, 300),
        })
      if (findings.length) console.error("fuzz finding", JSON.stringify(findings.at(-1)))
      return findings.length === 0
    }),
    {
      numRuns: MAX_RUNS,
      endOnFailure: true,
      seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31),
    },
  )
  if (details.failed && findings.length === 0 && !(details.errorInstance instanceof BudgetSpent))
    findings.push({
      route: `${route.method.toUpperCase()} ${route.path}`,
      status: "fuzzer error",
      request: String(details.counterexample?.[0] && describeRequest(route, details.counterexample[0])),
      answer: String(details.errorInstance),
    })
  return findings
}

/**
 * Session routes go last, and signing in last of all: a sign-out ends the officer's session (it signs in
 * again), and failed sign-ins are throttled per client, after which nobody from here can sign in again.
 */
const lateness = (r: RouteSpec) =>
  r.path === "/api/session" && r.method === "post" ? 2 : r.path.startsWith("/api/session") ? 1 : 0
const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : undefined // e.g. FUZZ_ROUTES=enterprises
const ordered = [...allRoutes]
  .filter((r) => !only || only.test(`${r.method.toUpperCase()} ${r.path}`))
  .toSorted((a, b) => lateness(a) - lateness(b))

describe("fuzzing every route: only 2xx/4xx, and rejected requests write nothing", () => {
  test("signed in as the province officer", async () => {
    const findings: Finding[] = []
    const perRoute = (BUDGET_MS * SIGNED_IN_SHARE) / ordered.length
    for (const route of ordered) {
      // A previous route may have ended the session (sign-out): sign in again (before the sign-in route is fuzzed).
      if (!(await signedIn(officer))) officer = await signInRaw("so-noi-vu")
      findings.push(...(await fuzzRoute(route, officer, perRoute)))
    }
    if (findings.length) console.error(JSON.stringify(findings, null, 2))
    expect(findings).toEqual([])
  })

  test("without a session", async () => {
    const findings: Finding[] = []
    const perRoute = (BUDGET_MS * (1 - SIGNED_IN_SHARE)) / ordered.length
    for (const route of ordered) findings.push(...(await fuzzRoute(route, undefined, perRoute)))
    if (findings.length) console.error(JSON.stringify(findings, null, 2))
    expect(findings).toEqual([])
  })

  test("deterministic nasties: NUL, lone surrogates and impossible dates in every path, query and body field", async () => {
    expect(await signedIn(spare)).toBe(true)
    const findings: Finding[] = []
    const replaceStrings = (value: unknown, by: string): unknown =>
      typeof value === "string"
        ? by
        : Array.isArray(value)
          ? value.map((v) => replaceStrings(v, by))
          : value && typeof value === "object"
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, by)]))
            : value
    for (const route of ordered.filter((r) => !r.path.startsWith("/api/session")))
      for (const [nasty, inPath] of [
        ["a\u0000b", true],
        ["a\u0000b", false],
        ["\uD800", true],
        ["\uD800", false],
        ["2026-13-45", false],
      ] as const) {
        const real = (name: string) => realIdOf[route.path.split(`/:${name}`)[0]!.split("/").pop()!] ?? "khong-co"
        const path = pathParamNames(route.path).reduce(
          (p, name) => p.replace(new RegExp(`:${name}(\\{[^}]*\\})?\\??`), encode(inPath ? nasty : real(name))),
          route.path,
        )
        const query = queryNames(route)
          .map((name) => `${encode(name)}=${encode(nasty)}`)
          .join("&")
        const schema = bodySchemaOf(route)
        const sample = schema ? fc.sample(fromSchema(schema), { seed: 42, numRuns: 1 })[0] : undefined
        // Every string at once, then (real ids in the path) each top-level field alone, the others as documented.
        const bodies: Array<[unknown, string]> = [[replaceStrings(sample ?? {}, nasty), "every string"]]
        if (!inPath && sample && typeof sample === "object" && !Array.isArray(sample))
          for (const key of Object.keys(sample))
            bodies.push([{ ...sample, [key]: replaceStrings((sample as Node)[key], nasty) }, `body.${key}`])
        for (const [body, where] of route.method === "get"
          ? [[undefined, "query and path"] as [unknown, string]]
          : bodies) {
          const r: FuzzRequest = {
            url: path + (query ? `?${query}` : ""),
            headers: route.method === "get" ? {} : { "content-type": "application/json" },
            ...(route.method === "get" ? {} : { body: JSON.stringify(body) }),
            note: `${where} = ${JSON.stringify(nasty)}${inPath ? "" : ", real ids in the path"}`,
          }
          const before = await t.services.log.count()
          const response = await t.app.request(r.url, {
            method: route.method.toUpperCase(),
            headers: { ...r.headers, cookie: spare.cookie, "x-csrf-token": spare.csrfToken },
            ...(r.body === undefined ? {} : { body: r.body }),
          })
          const answer = await response.text()
          const wrote = (await t.services.log.count()) - before
          if (response.status >= 500 || (response.status >= 400 && wrote !== 0))
            findings.push({
              route: `${route.method.toUpperCase()} ${route.path}`,
              status: `${response.status}${wrote ? ` with ${wrote} event(s) written` : ""}`,
              request: describeRequest(route, r),
              answer: answer.slice(0, 200),
            })
        }
      }
    if (findings.length) console.error(JSON.stringify(findings, null, 2))
    expect(findings).toEqual([])
  })

  test("the fuzzer exercised every route, and got past validation as well as being refused", () => {
    const runs = [...seen.runs.values()]
    console.info(
      `fuzz: ${runs.reduce((a, b) => a + b, 0)} requests over ${seen.runs.size} routes (min ${Math.min(...runs)} per route); statuses ${JSON.stringify(Object.fromEntries([...seen.statuses].toSorted(([a], [b]) => a - b)))}`,
    )
    expect(seen.runs.size).toBe(ordered.length)
    if (!only) expect(ordered).toHaveLength(allRoutes.length)
    for (const [route, n] of seen.runs) expect(n, route).toBeGreaterThanOrEqual(5)
    expect([...seen.statuses.keys()].some((s) => s < 300)).toBe(true)
    expect(seen.statuses.get(400) ?? 0).toBeGreaterThan(0)
    expect(seen.statuses.get(401) ?? 0).toBeGreaterThan(0)
  })
})
