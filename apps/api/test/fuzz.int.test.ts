import { createHash, randomInt } from "node:crypto"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { RouteSpec } from "../src/http/route.ts"
import { pathParamNames } from "../src/openapi/document.ts"
import { allRoutes } from "../src/routes/index.ts"
import { openTestApp, type TestApp } from "./support/test-app.ts"
import {
  bodySchemaOf,
  encode,
  fromSchema,
  type FuzzRequest,
  type Node,
  queryNames,
  realIdOf,
  realIds,
  requestArb,
} from "./support/fuzz-requests.ts"
import { keyOf, send, snapshotTiming, watchWritesOf } from "./support/fuzz-writes.ts"

/**
 * Property-based fuzzing of every route in `allRoutes`: random and malformed bodies, headers and query strings.
 * Whatever comes in, the API answers 2xx or 4xx — never a 5xx — and a rejected request (4xx) writes nothing: no
 * row of any table is added, removed or changed (the tables are read from the database's catalogue), except the
 * few writes listed in `allowedWrites`, each with its reason. Signed in as the province officer, then once more
 * without a session. The time budget is shared by the routes (FUZZ_SECONDS, default 90 s in all), so the suite
 * stays within about two minutes whatever the registry holds; FUZZ_RUNS caps the runs per route.
 *
 * Every run explores new requests: the seed is fresh unless FC_SEED is set (test/fast-check.setup.ts, the same
 * for every package). Each route's seed is derived from that one seed and the route, so a run is replayed by its
 * seed whatever the time budget let other routes do; a finding prints the exact command that replays it
 * (FC_SEED, FC_PATH — the failing run — and FUZZ_ROUTES). See docs/testing.md.
 */

const BUDGET_MS = Number(process.env.FUZZ_SECONDS ?? 90) * 1000
const MAX_RUNS = Number(process.env.FUZZ_RUNS ?? process.env.FC_RUNS ?? 200)
const SIGNED_IN_SHARE = 0.75
/**
 * Every route gets at least this many runs, past its share of the budget if need be: on a busy machine a slow
 * route (sign-in hashes passwords) would otherwise get one or two, and the check below would fail by chance.
 */
const MIN_RUNS = Math.min(5, MAX_RUNS)
/** The seed of this run (FC_SEED, else fresh); the routes' seeds are derived from it. */
const BASE_SEED = fc.readConfigureGlobal().seed ?? randomInt(2 ** 31)
const seedOf = (label: string) => createHash("sha256").update(`${BASE_SEED}/${label}`).digest().readInt32BE(0)
const shellQuoted = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`
const escapedForRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
/** What a developer pastes to replay one route's failing run (from the repository root). */
const replayCommand = (testName: string, routeKey: string, path: string | null) =>
  `(cd apps/api && FC_SEED=${BASE_SEED}${path ? ` FC_PATH=${shellQuoted(path)}` : ""} ` +
  `FUZZ_ROUTES=${shellQuoted(`^${escapedForRegExp(routeKey)}$`)} ` +
  `npx -y pnpm@12 exec vitest run test/fuzz.int.test.ts -t ${shellQuoted(escapedForRegExp(testName))})`

let t: TestApp
let officer: Session
/** A second session of the officer, for the deterministic sweep (after the fuzzing of sign-in, nobody can sign in). */
let spare: Session

beforeAll(async () => {
  t = await openTestApp({ demoEvents: 4000 })
  watchWritesOf(t)
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

// ---- the property -------------------------------------------------------------------------------------------

interface Finding {
  readonly route: string
  readonly status: number | string
  readonly request: string
  readonly answer: string
  /** The command that replays it (fuzzed requests only). */
  readonly replay?: string
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

/** A 5xx (or no HTTP answer), or a refused request that wrote something: what went wrong, else undefined. */
const findingOf = (
  route: RouteSpec,
  r: FuzzRequest,
  { status, answer, wrote }: { status: number; answer: string; wrote: string[] },
): Finding | undefined =>
  status >= 500 || status < 200 || wrote.length
    ? {
        route: keyOf(route),
        status: wrote.length ? `${status}, yet wrote: ${wrote.join("; ")}` : status,
        request: describeRequest(route, r),
        answer: answer.slice(0, 300),
      }
    : undefined

/** What the fuzzer saw: answers by status class, and runs per route (a run of a route that ran nothing proves nothing). */
const seen = { runs: new Map<string, number>(), statuses: new Map<number, number>(), passed: new Set<string>() }

/** Thrown when a route's time is up: ends its runs (fast-check's own time limit would abandon a request in flight). */
class BudgetSpent extends Error {}

/**
 * Fuzzes one route; returns what went wrong (a 5xx, or a write by a rejected request), each finding with the
 * command that replays it. The route's seed depends only on FC_SEED, the test and the route, and a request
 * depends only on its seed and its run, so FC_PATH (the failing run) sends the same request again.
 */
async function fuzzRoute(
  route: RouteSpec,
  session: Session | undefined,
  timeLimit: number,
  testName: string,
): Promise<Finding[]> {
  const findings: Finding[] = []
  const deadline = Date.now() + timeLimit
  let runs = 0
  const details = await fc.check(
    fc.asyncProperty(requestArb(route), async (r) => {
      if (Date.now() > deadline && runs >= MIN_RUNS) throw new BudgetSpent()
      runs++
      const outcome = await send(route, r, {
        ...r.headers,
        ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrfToken } : {}),
      })
      seen.runs.set(keyOf(route), (seen.runs.get(keyOf(route)) ?? 0) + 1)
      seen.statuses.set(outcome.status, (seen.statuses.get(outcome.status) ?? 0) + 1)
      if (outcome.status < 300) seen.passed.add(keyOf(route))
      const finding = findingOf(route, r, outcome)
      if (finding) findings.push(finding)
      return finding === undefined
    }),
    { numRuns: MAX_RUNS, endOnFailure: true, seed: seedOf(`${testName}/${keyOf(route)}`) },
  )
  if (details.failed && findings.length === 0 && !(details.errorInstance instanceof BudgetSpent))
    findings.push({
      route: keyOf(route),
      status: "fuzzer error",
      request: String(details.counterexample?.[0] && describeRequest(route, details.counterexample[0])),
      answer: String(details.errorInstance),
    })
  const replay = replayCommand(testName, keyOf(route), details.failed ? details.counterexamplePath : null)
  for (const finding of findings) console.error("fuzz finding", JSON.stringify(finding), `\n  replay: ${replay}`)
  return findings.map((finding) => ({ ...finding, replay }))
}

/**
 * Session routes go last, and signing in last of all: a sign-out ends the officer's session (it signs in
 * again), and failed sign-ins are throttled per client, after which nobody from here can sign in again.
 */
const lateness = (r: RouteSpec) =>
  r.path === "/api/session" && r.method === "post" ? 2 : r.path.startsWith("/api/session") ? 1 : 0
const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : undefined // e.g. FUZZ_ROUTES=enterprises
const ordered = [...allRoutes].filter((r) => !only || only.test(keyOf(r))).toSorted((a, b) => lateness(a) - lateness(b))

describe("fuzzing every route: only 2xx/4xx, and rejected requests write nothing", () => {
  const SIGNED_IN = "signed in as the province officer"
  test(SIGNED_IN, async () => {
    console.info(`fuzz: FC_SEED=${BASE_SEED}${process.env.FC_PATH ? ` FC_PATH=${process.env.FC_PATH}` : ""}`)
    const findings: Finding[] = []
    const perRoute = (BUDGET_MS * SIGNED_IN_SHARE) / ordered.length
    for (const route of ordered) {
      // A previous route may have ended the session (sign-out): sign in again (before the sign-in route is fuzzed).
      if (!(await signedIn(officer))) officer = await signInRaw("so-noi-vu")
      findings.push(...(await fuzzRoute(route, officer, perRoute, SIGNED_IN)))
    }
    if (findings.length) console.error(JSON.stringify(findings, null, 2))
    expect(findings).toEqual([])
  })

  const ANONYMOUS = "without a session"
  test(ANONYMOUS, async () => {
    const findings: Finding[] = []
    const perRoute = (BUDGET_MS * (1 - SIGNED_IN_SHARE)) / ordered.length
    for (const route of ordered) findings.push(...(await fuzzRoute(route, undefined, perRoute, ANONYMOUS)))
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
        // A fixed sample (seed 42, and no FC_PATH: that one is for the fuzzed runs).
        const sample = schema ? fc.sample(fromSchema(schema), { seed: 42, path: "", numRuns: 1 })[0] : undefined
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
          const outcome = await send(route, r, { ...r.headers, cookie: spare.cookie, "x-csrf-token": spare.csrfToken })
          const finding = findingOf(route, r, outcome)
          if (finding) findings.push(finding)
        }
      }
    if (findings.length) console.error(JSON.stringify(findings, null, 2))
    expect(findings).toEqual([])
  })

  test("named regressions: inputs the fuzz (or a sweep) once got a 5xx or a wrongful write for", async () => {
    expect(await signedIn(spare)).toBe(true)
    /** A registration in Tô Hiệu consistent in itself: the citizen ID matches the date of birth and the sex. */
    const registration = (serial: number, dates: { occurredOn?: string; dateOfBirth?: string } = {}) => {
      const dateOfBirth = dates.dateOfBirth ?? "1998-05-12"
      const year = Number(dateOfBirth.slice(0, 4))
      return JSON.stringify({
        occurredOn: dates.occurredOn ?? "2026-01-05",
        identity: {
          fullName: "Lò Văn Hồi Quy",
          citizenId: `014${Math.floor((year - 1900) / 100) * 2}${String(year % 100).padStart(2, "0")}${serial}`,
          dateOfBirth,
          sex: "male",
        },
        residenceUnit: "03646",
        ethnicMinority: true,
      })
    }
    const route = (method: string, path: string) => ordered.find((r) => keyOf(r) === `${method} ${path}`)
    // [route, url, body, the field a 400 must name (a 422 domain rejection also does), why it is here]
    const cases: Array<[RouteSpec | undefined, string, string | undefined, string, string]> = [
      [route("GET", "/api/tasks"), "/api/tasks?period=0251", undefined, "query.period", "issue 14: 500"],
      [route("GET", "/api/tasks"), "/api/tasks?period=0000", undefined, "query.period", "issue 14: 500"],
      [route("GET", "/api/tasks"), "/api/tasks?period=0999", undefined, "query.period", "issue 14: 500"],
      [
        route("GET", "/api/reports/departures"),
        "/api/reports/departures?province=14&period=0251",
        undefined,
        "query.period",
        "issue 14: 500, year = ANY([NaN]) in SQL",
      ],
      [
        route("POST", "/api/workers"),
        "/api/workers",
        registration(901_001, { occurredOn: "0251-01-01" }),
        "body.occurredOn",
        "issue 14: 201, filed under the unit as it was before 2025",
      ],
      [
        route("POST", "/api/workers"),
        "/api/workers",
        registration(901_002, { dateOfBirth: "2099-01-03" }),
        "body.identity.dateOfBirth",
        "issue 14: 201, born 73 years after the registration",
      ],
    ]
    const findings: Finding[] = []
    for (const [spec, url, body, field, why] of cases) {
      if (!spec) continue // FUZZ_ROUTES left the route out
      const r: FuzzRequest = {
        url,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        ...(body === undefined ? {} : { body }),
        note: `named regression (${why})`,
      }
      const outcome = await send(spec, r, { ...r.headers, cookie: spare.cookie, "x-csrf-token": spare.csrfToken })
      const problem = (() => {
        try {
          return JSON.parse(outcome.answer) as { fields?: Array<{ path: string }> }
        } catch {
          return {}
        }
      })()
      const refusedAsItShould =
        (outcome.status === 400 && (problem.fields ?? []).some((f) => f.path === field)) || outcome.status === 422
      const finding = findingOf(spec, r, outcome)
      if (finding || !refusedAsItShould)
        findings.push(
          finding ?? {
            route: keyOf(spec),
            status: `${outcome.status}, expected a 400 naming ${field} or a 422`,
            request: describeRequest(spec, r),
            answer: outcome.answer.slice(0, 300),
          },
        )
    }
    // The registration itself is valid: with plausible dates the same body is accepted.
    const valid = route("POST", "/api/workers")
    if (valid) {
      const accepted = await send(
        valid,
        { url: "/api/workers", headers: {}, body: registration(901_003), note: "control" },
        { "content-type": "application/json", cookie: spare.cookie, "x-csrf-token": spare.csrfToken },
      )
      expect(accepted.status, accepted.answer).toBe(201)
    }
    if (findings.length) console.error(JSON.stringify(findings, null, 2))
    expect(findings).toEqual([])
  })

  test("the fuzzer exercised every route, and got past validation as well as being refused", () => {
    const runs = [...seen.runs.values()]
    console.info(
      `fuzz (FC_SEED=${BASE_SEED}): ${runs.reduce((a, b) => a + b, 0)} requests over ${seen.runs.size} routes (min ${Math.min(...runs)} per route); statuses ${JSON.stringify(Object.fromEntries([...seen.statuses].toSorted(([a], [b]) => a - b)))}; ` +
        `never 2xx: ${ordered.filter((r) => !seen.passed.has(keyOf(r))).length} route(s); ` +
        `${snapshotTiming.cheap} write-horizon checks, ${snapshotTiming.n} snapshots of ${snapshotTiming.tables} tables (${(snapshotTiming.ms / Math.max(1, snapshotTiming.n)).toFixed(1)} ms each)`,
    )
    expect(seen.runs.size).toBe(ordered.length)
    if (!only) expect(ordered).toHaveLength(allRoutes.length)
    for (const [route, n] of seen.runs) expect(n, route).toBeGreaterThanOrEqual(MIN_RUNS)
    expect([...seen.statuses.keys()].some((s) => s < 300)).toBe(true)
    expect(seen.statuses.get(400) ?? 0).toBeGreaterThan(0)
    expect(seen.statuses.get(401) ?? 0).toBeGreaterThan(0)
  })
})
