import { AdminUnit } from "@xkld/domain"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { Role } from "../src/access/roles.ts"
import type { RouteSpec } from "../src/http/route.ts"
import { isWrite, pathParamNames } from "../src/openapi/document.ts"
import { allRoutes } from "../src/routes/index.ts"
import { openTestApp, signIn, type Client, type TestApp } from "./support/test-app.ts"
import {
  createExtraAccounts,
  EXTRA_ACCOUNTS,
  expectOk,
  freshEnterprise,
  jsonPayload,
  ROLE_LIST,
  unitIdIn,
  writeCases,
  type WriteCase,
  type WriteContext,
} from "./support/write-cases.ts"
import { allowed, jurisdictionOf, label, queryOf, subjectOf, type Subject } from "./support/route-requests.ts"
import { openSession, witness, type Answer as WriteAnswer, type Session } from "./support/write-sessions.ts"

/**
 * Every route × every role (the demo accounts, plus a department officer made through the API) × own/other
 * jurisdiction where the route takes a worker or a unit. What each cell must answer follows from the route's
 * declared `access`: 401 without a session, 403 for a role not listed, never a 5xx; a listed role is never
 * turned away for its role, and a commune or enterprise officer never reaches someone else's worker or unit.
 */

const ACCOUNTS: ReadonlyArray<readonly [string, Role]> = [
  ["so-noi-vu", "province-officer"],
  ["to-hieu", "commune-officer"],
  ["chieng-an", "commune-officer"],
  ["doanh-nghiep", "enterprise-officer"],
  ["ngan-hang", "bank-officer"],
  ["so-y-te", "department-officer"],
  ["lanh-dao", "leader"],
  ["kiem-toan", "auditor"],
  ["quan-tri", "administrator"],
  ["lao-cai", "province-officer"], // the new Lào Cai (15)
  ["lai-chau", "province-officer"], // Lai Châu (12)
  ["bo-noi-vu", "national-officer"], // every province's aggregates, no personal data
]
const TO_HIEU = "03646"
const CHIENG_AN = "03664"
const ROLE_REFUSAL = "Your role may not use this route."

let t: TestApp
const clients = new Map<string, Client>()
/** Per account: a worker (and a unit) inside and outside its jurisdiction. */
const subjects = new Map<string, { own: Subject; other: Subject }>()
let enterpriseId = "khong-co"
let planId = "khong-co"

beforeAll(async () => {
  t = await openTestApp({ demoEvents: 4000 })
  const admin = await signIn(t.app, "quan-tri")
  const created = await admin.json("POST", "/api/users", {
    username: "so-y-te",
    displayName: "Cán bộ Sở Y tế",
    role: "department-officer",
    provinceCode: "14",
    agency: "SYT",
    password: "Sở Y tế tỉnh 2026",
  })
  expect(created.status).toBe(201)
  for (const [username] of ACCOUNTS)
    clients.set(username, await signIn(t.app, username, username === "so-y-te" ? "Sở Y tế tỉnh 2026" : "demo"))

  const catalogue = await t.services.models.catalogues.at()
  const unitOf = (code: string) => AdminUnit.unitOn(catalogue, code, "2026-01-01")[0]!.unitId
  const workers = await t.services.models.workers({ provinceCode: "14" })
  const inToHieu = workers.find((w) => w.unitId === unitOf(TO_HIEU))
  const inChiengAn = workers.find((w) => w.unitId === unitOf(CHIENG_AN))
  expect(inToHieu, "a demo worker of Phường Tô Hiệu").toBeDefined()
  expect(inChiengAn, "a demo worker of Phường Chiềng An").toBeDefined()
  const toHieu = subjectOf(inToHieu!, TO_HIEU)
  const chiengAn = subjectOf(inChiengAn!, CHIENG_AN)
  const me = await clients.get("doanh-nghiep")!.json("GET", "/api/session")
  enterpriseId = me.body.enterpriseId ?? enterpriseId
  const recruited = workers.find((w) => w.enterpriseId === enterpriseId)
  const notRecruited =
    workers.find((w) => w.enterpriseId !== null && w.enterpriseId !== enterpriseId) ??
    workers.find((w) => w.enterpriseId === null)!
  for (const [username] of ACCOUNTS) {
    if (username === "chieng-an") subjects.set(username, { own: chiengAn, other: toHieu })
    else if (username === "doanh-nghiep" && recruited)
      subjects.set(username, {
        own: subjectOf(recruited, recruited.unitCode),
        other: subjectOf(notRecruited, notRecruited.unitCode),
      })
    else subjects.set(username, { own: toHieu, other: chiengAn })
  }
  planId = (await t.services.models.plans({ provinceCode: "14" }))[0]?.planId ?? planId
})
afterAll(() => t.close())

/** A plausible value for a path parameter: the resource named by the segment before it. */
const pathValue = (route: RouteSpec, name: string, subject: Subject): string => {
  const before = route.path.split(`/:${name}`)[0]!.split("/").pop()
  if (before === "workers") return subject.workerId
  if (before === "units") return subject.unitId
  if (before === "enterprises") return enterpriseId
  if (before === "plans") return planId
  if (name === "file") return "swagger-ui.css"
  return "khong-co"
}

const urlOf = (route: RouteSpec, subject: Subject) =>
  pathParamNames(route.path).reduce(
    (path, name) =>
      path.replace(new RegExp(`:${name}(\\{[^}]*\\})?\\??`), encodeURIComponent(pathValue(route, name, subject))),
    route.path,
  ) + queryOf(route, subject)

interface Answer {
  readonly status: number
  readonly problem?: { type?: string; detailEn?: string }
}

const send = async (route: RouteSpec, username: string | undefined, url: string): Promise<Answer> => {
  const method = route.method.toUpperCase()
  const body = route.body ? {} : undefined
  const response = username
    ? await clients.get(username)!.request(method, url, body)
    : await t.app.request(url, {
        method,
        ...(body ? { headers: { "content-type": "application/json" }, body: "{}" } : {}),
      })
  const text = await response.text()
  const problem = /problem\+json/.test(response.headers.get("content-type") ?? "") ? JSON.parse(text) : undefined
  // A write may have ended the session (sign-out): sign back in so the next cell still has one.
  if (
    username &&
    isWrite(route) &&
    response.status < 400 &&
    (await clients.get(username)!.request("GET", "/api/session")).status !== 200
  )
    clients.set(username, await signIn(t.app, username, username === "so-y-te" ? "Sở Y tế tỉnh 2026" : "demo"))
  return { status: response.status, problem }
}

describe("access matrix over every route in allRoutes", () => {
  test("the registry has routes, each declaring who may call it", () => {
    expect(allRoutes.length).toBeGreaterThan(10)
    for (const route of allRoutes)
      expect(route.access === "public" || route.access === "signed-in" || route.access.length > 0, label(route)).toBe(
        true,
      )
  })

  test("without a session: 401 on every route that is not public, never a 5xx", async () => {
    const failures: string[] = []
    for (const route of allRoutes) {
      const { status } = await send(route, undefined, urlOf(route, subjects.get("so-noi-vu")!.own))
      if (status >= 500 || (route.access !== "public" && status !== 401)) failures.push(`${label(route)} → ${status}`)
    }
    expect(failures).toEqual([])
  })

  test("every role: 403 on routes not granted to it, never turned away from routes granted to it, never a 5xx", async () => {
    const failures: string[] = []
    const counts = { refused: 0, reached: 0 }
    for (const route of allRoutes)
      for (const [username, role] of ACCOUNTS) {
        const answer = await send(route, username, urlOf(route, subjects.get(username)!.own))
        const cell = `${label(route)} as ${username} (${role}) → ${answer.status} ${answer.problem?.detailEn ?? ""}`
        if (answer.status >= 500) failures.push(cell)
        else if (!allowed(route, role)) {
          counts.refused++
          if (answer.status !== 403 || answer.problem?.detailEn !== ROLE_REFUSAL)
            failures.push(`${cell} (expected 403 for the role)`)
        } else {
          counts.reached++
          if (
            answer.status === 401 ||
            (answer.status === 403 && answer.problem?.detailEn === ROLE_REFUSAL) ||
            (answer.problem?.type ?? "").endsWith("/csrf")
          )
            failures.push(`${cell} (the role is granted)`)
        }
      }
    expect(failures).toEqual([])
    expect(counts.refused).toBeGreaterThan(0)
    expect(counts.reached).toBeGreaterThan(0)
  })

  test("own and other jurisdiction: a commune or enterprise officer reaches its own workers and units, never another's", async () => {
    const failures: string[] = []
    let cells = 0
    for (const route of allRoutes) {
      const kind = jurisdictionOf(route)
      if (!kind) continue
      for (const [username, role] of ACCOUNTS) {
        if (!allowed(route, role)) continue
        const bound = role === "commune-officer" || (role === "enterprise-officer" && kind === "worker")
        const { own, other } = subjects.get(username)!
        for (const [side, subject] of [
          ["own", own],
          ["other", other],
        ] as const) {
          const before = await t.services.log.count()
          const answer = await send(route, username, urlOf(route, subject))
          const written = (await t.services.log.count()) - before
          cells++
          const cell = `${label(route)} as ${username} on the ${side} ${kind} → ${answer.status} ${answer.problem?.detailEn ?? ""}`
          if (answer.status >= 500) failures.push(cell)
          if (!bound) continue
          if (side === "other" && (answer.status < 400 || written > 0))
            failures.push(`${cell} (must not reach another jurisdiction; ${written} event(s) written)`)
          if (side === "own" && route.method === "get" && (answer.status === 403 || answer.status === 404))
            failures.push(`${cell} (own jurisdiction refused)`)
        }
      }
    }
    expect(failures).toEqual([])
    expect(cells).toBeGreaterThan(0)
  })
})

describe("named case: Phường Tô Hiệu's officer and a worker of Phường Chiềng An", () => {
  test("the commune officer of Tô Hiệu can neither read nor write a Chiềng An worker; Chiềng An's officer can read it", async () => {
    const worker = subjects.get("chieng-an")!.own
    const toHieu = clients.get("to-hieu")!
    const chiengAn = clients.get("chieng-an")!

    // The worker's own commune reads it: the route exists and the worker is real.
    const read = await chiengAn.json("GET", `/api/workers/${worker.workerId}`)
    expect(read.status).toBe(200)

    const foreignRead = await toHieu.json("GET", `/api/workers/${worker.workerId}`)
    expect([403, 404]).toContain(foreignRead.status)
    expect(foreignRead.body.type).toMatch(/(forbidden|not-found)$/)

    const before = await t.services.log.count()
    const foreignWrite = await toHieu.json("POST", `/api/workers/${worker.workerId}/counselling`, {
      occurredOn: "2026-03-02",
      provider: "Trung tâm Dịch vụ việc làm tỉnh Sơn La",
    })
    expect([403, 404]).toContain(foreignWrite.status)
    expect(await t.services.log.count()).toBe(before)

    // Nor does the worker appear in Tô Hiệu's list; Chiềng An's officer may record the same fact (reaches the domain).
    const list = await toHieu.json("GET", "/api/workers?limit=500")
    expect(list.status).toBe(200)
    expect(JSON.stringify(list.body)).not.toContain(worker.workerId)
    const ownWrite = await chiengAn.json("POST", `/api/workers/${worker.workerId}/counselling`, {
      occurredOn: "2026-03-02",
      provider: "Trung tâm Dịch vụ việc làm tỉnh Sơn La",
    })
    expect([200, 201, 422]).toContain(ownWrite.status)
  })
})

/**
 * Every write route with a request that is valid in every respect but who sends it (support/write-cases.ts):
 * roles the route does not grant get 403 for their role, actors of another jurisdiction 403/404, and neither
 * writes anything (the log, accounts, sessions, keys, erasures, identity reads); then the same request by an
 * actor in its own jurisdiction succeeds. Every role a route grants must succeed once; every route bound to a
 * jurisdiction must have been tried from another one. A write route without a case fails the matrix.
 */
describe("valid writes: the owner is let through, another jurisdiction and other roles are turned away", () => {
  const MATRIX_ACCOUNTS = [...ACCOUNTS, ...EXTRA_ACCOUNTS]
  const sessions = new Map<string, Session>()
  const roles = new Map<string, Role>(MATRIX_ACCOUNTS)
  const passwords = new Map<string, string>()
  const cases = new Map<string, WriteCase>()
  const writeRoutes = allRoutes.filter(isWrite)
  const totals = { routes: 0, scenarios: 0, owners: 0, foreign: 0, roleRefusals: 0, setupMs: 0 }

  beforeAll(async () => {
    const started = Date.now()
    for (const [username] of ACCOUNTS) passwords.set(username, username === "so-y-te" ? "Sở Y tế tỉnh 2026" : "demo")
    for (const [username] of ACCOUNTS)
      sessions.set(username, await openSession(t.app, username, passwords.get(username)!))
    const province = sessions.get("so-noi-vu")!
    // The demo enterprise officer's enterprise may recruit in Sơn La (vetted, not suspended); another one too.
    const own = (await sessions.get("doanh-nghiep")!.send("GET", "/api/session")).body.enterpriseId as string
    const standing = (await province.send("GET", `/api/enterprises/${own}`)).body
    const basis = { number: "58/QĐ-UBND", date: "2026-02-01", issuer: "UBND tỉnh Sơn La" }
    if (!standing.vettedInProvince)
      await expectOk(
        province,
        "POST",
        `/api/enterprises/${own}/vettings`,
        jsonPayload({ legalBasis: basis, occurredOn: "2026-02-01" }),
      )
    if (standing.suspended)
      await expectOk(
        province,
        "POST",
        `/api/enterprises/${own}/reinstatements`,
        jsonPayload({ legalBasis: basis, occurredOn: "2026-02-01" }),
      )
    const otherEnterprise = await freshEnterprise(province, { vetted: true })
    const remember = (username: string, role: Role, password: string) => {
      roles.set(username, role)
      passwords.set(username, password)
    }
    const base = { as: (username: string) => sessions.get(username)!, remember }
    await createExtraAccounts(t, base, otherEnterprise)
    for (const [username] of EXTRA_ACCOUNTS)
      sessions.set(username, await openSession(t.app, username, passwords.get(username)!))
    const catalogue = await t.services.models.catalogues.at()
    const ctx: WriteContext = {
      t,
      ...base,
      roleOf: (username) => roles.get(username)!,
      passwordOf: (username) => passwords.get(username)!,
      enterpriseId: own,
      otherEnterpriseId: otherEnterprise,
      unitIdOf: (code) => unitIdIn(catalogue, code),
    }
    for (const c of writeCases(ctx, allRoutes)) cases.set(c.route, c)
    totals.setupMs = Date.now() - started
  }, 120_000)
  afterAll(() => {
    console.info(
      `write matrix: ${totals.routes} routes, ${totals.scenarios} scenarios; ${totals.owners} owners let through, ` +
        `${totals.foreign} other-jurisdiction and ${totals.roleRefusals} role refusals (set-up ${totals.setupMs} ms)`,
    )
  })

  test("every write route of allRoutes has a valid-request case, and every case names a route", () => {
    expect(writeRoutes.length).toBeGreaterThan(30)
    expect(writeRoutes.map(label).filter((route) => !cases.has(route))).toEqual([])
    expect([...cases.keys()].filter((route) => !writeRoutes.some((r) => label(r) === route))).toEqual([])
  })

  const granted = (route: RouteSpec): ReadonlySet<Role> =>
    new Set(typeof route.access === "string" ? ROLE_LIST : route.access)

  for (const route of writeRoutes)
    test(`${label(route)}`, async () => {
      const c = cases.get(label(route))
      expect(c, `no valid-request case for ${label(route)} in support/write-cases.ts`).toBeDefined()
      const method = route.method.toUpperCase()
      const success = route.successStatus ?? 200
      const grants = granted(route)
      const failures: string[] = []
      const reached = new Set<Role>()
      let foreignCells = 0
      for (const [index, scenario] of c!.scenarios.entries()) {
        totals.scenarios++
        const prepared = await scenario.prepare()
        const sendAs = (who: string) => {
          const request = prepared.request(who)
          return (request.session ?? sessions.get(who)!).send(method, request.path, request.payload)
        }
        const cell = (who: string, answer: WriteAnswer) =>
          `${scenario.name}: as ${who} (${roles.get(who)}) → ${answer.status} ${answer.body?.detailEn ?? ""}`
        // Nothing may change between two refusals: each cell's "after" is the next one's "before".
        let written = await witness(t)
        const refused = async (who: string, statuses: ReadonlyArray<number>, reason: string, detail?: string) => {
          const answer = await sendAs(who)
          const now = await witness(t)
          const wrote = now !== written
          written = now
          if (!statuses.includes(answer.status) || (detail !== undefined && answer.body?.detailEn !== detail) || wrote)
            failures.push(`${cell(who, answer)} (${reason}${wrote ? "; it wrote something" : ""})`)
        }
        if (index === 0)
          for (const [who, role] of MATRIX_ACCOUNTS)
            if (!grants.has(role)) {
              totals.roleRefusals++
              await refused(who, [403], "expected 403 for the role", ROLE_REFUSAL)
            }
        for (const foreign of scenario.foreign) {
          foreignCells++
          totals.foreign++
          if (!grants.has(roles.get(foreign.who)!))
            failures.push(`${scenario.name}: ${foreign.who}'s role is not granted: that refusal proves no jurisdiction`)
          await refused(
            foreign.who,
            foreign.statuses ?? [403, 404],
            `another jurisdiction must be refused${foreign.why ? `: ${foreign.why}` : ""}`,
          )
        }
        const owner = prepared.owner ?? scenario.owner
        const answer = await sendAs(owner)
        if (answer.status !== success) {
          failures.push(`${cell(owner, answer)} (expected ${success}: the owner's own jurisdiction)`)
          continue
        }
        totals.owners++
        reached.add(roles.get(owner)!)
        try {
          await prepared.check?.(answer)
        } catch (error) {
          failures.push(`${scenario.name}: ${(error as Error).message}`)
        }
      }
      for (const role of grants)
        if (!reached.has(role)) failures.push(`no scenario lets a ${role} (granted) through with a valid request`)
      if (!c!.unbound && foreignCells === 0) failures.push("no actor of another jurisdiction was tried")
      totals.routes++
      expect(failures).toEqual([])
    })
})
