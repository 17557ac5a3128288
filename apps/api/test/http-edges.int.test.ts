import { AdminUnit } from "@xkld/domain"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { API_CSP } from "../src/app.ts"
import { today } from "../src/clock.ts"
import { DOCS_CSP } from "../src/openapi/swagger-ui.ts"
import { openTestApp, signIn, type Client, type TestApp } from "./support/test-app.ts"

/**
 * What every response carries, and what every request's trace headers must be (issue 15 item 6, ADR 0009):
 * `Cache-Control: no-store` on every /api answer that does not say otherwise (identities above all), a
 * Content-Security-Policy everywhere (the docs page keeps its own and still loads), and `X-Correlation-Id` /
 * `X-Request-Id` checked at one edge before they can reach an event's metadata.
 */

let t: TestApp
let province: Client
let workerId = ""
let registeredOn = ""
beforeAll(async () => {
  t = await openTestApp({ demoEvents: 3000 })
  province = await signIn(t.app, "so-noi-vu")
  const workers = await t.services.models.workers({ provinceCode: "14" })
  // a worker still at registration: counselling is the next fact it may get
  // a worker still at registration, counselled on the day it registered: no later date can precede it, whichever
  // worker the backend lists first
  const worker = workers.find((w) => w.stage === "registered") ?? workers[0]!
  workerId = worker.workerId
  registeredOn = worker.registeredOn
}, 120_000)
afterAll(() => t.close())

describe("Cache-Control and Content-Security-Policy", () => {
  test("a worker's decrypted identity is answered with Cache-Control: no-store and the API's CSP", async () => {
    const response = await province.request("GET", `/api/workers/${workerId}`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { identityStatus: string; identity: Record<string, unknown> | null }
    expect(body.identityStatus).toBe("shown")
    expect(body.identity).toHaveProperty("fullName")
    expect(response.headers.get("cache-control")).toBe("no-store")
    expect(response.headers.get("content-security-policy")).toBe(API_CSP)
  })

  test("every private answer is no-store: lists, the session (with its CSRF token), problems, unknown paths", async () => {
    const answers = [
      await province.request("GET", "/api/workers?limit=5"),
      await province.request("GET", "/api/session"),
      await t.app.request("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "kiem-toan", password: "demo" }),
      }),
      await t.app.request("/api/users"), // 401
      await t.app.request("/api/khong-co"), // 404
    ]
    for (const response of answers) {
      expect(response.headers.get("cache-control"), response.url).toBe("no-store")
      expect(response.headers.get("content-security-policy")).toBe(API_CSP)
    }
  })

  test("the docs page keeps its own CSP and still loads every asset it names; only those assets may be cached", async () => {
    const page = await t.app.request("/api/docs")
    expect(page.status).toBe(200)
    expect(page.headers.get("content-security-policy")).toBe(DOCS_CSP)
    const html = await page.text()
    const urls = [...html.matchAll(/(?:src|href)="(\/api\/docs\/assets\/[^"]+)"/g)].map((m) => m[1]!)
    expect(urls.length).toBeGreaterThan(2)
    for (const url of urls) {
      const asset = await t.app.request(url)
      expect(asset.status, url).toBe(200)
      expect(asset.headers.get("content-security-policy"), url).toBe(DOCS_CSP)
      expect(asset.headers.get("cache-control"), url).not.toBe("no-store")
    }
    const document = await t.app.request("/api/openapi.json")
    expect(document.status).toBe(200)
    expect(document.headers.get("content-security-policy")).toBe(API_CSP)
  })
})

describe("X-Correlation-Id and X-Request-Id", () => {
  const counselling = (headers: Record<string, string>) =>
    province.json(
      "POST",
      `/api/workers/${workerId}/counselling`,
      { occurredOn: registeredOn, provider: "TTDVVL" },
      headers,
    )

  test("a value outside 1–128 characters of [A-Za-z0-9._:-] is a 400 naming the header, and nothing is written", async () => {
    const before = await t.services.log.count()
    for (const [name, value] of [
      ["x-correlation-id", "a".repeat(129)],
      ["x-correlation-id", "<script>"],
      ["x-request-id", "ab cd"],
      ["x-request-id", "café"],
      ["x-correlation-id", ""],
    ] as const) {
      const answer = await counselling({ [name]: value })
      expect(answer.status, `${name}: ${value}`).toBe(400)
      expect(answer.body).toMatchObject({
        type: expect.stringMatching(/validation$/),
        detail: expect.stringContaining(name),
        fields: [expect.objectContaining({ path: `headers.${name}` })],
      })
    }
    expect((await t.app.request("/api/health", { headers: { "x-request-id": "x".repeat(500) } })).status).toBe(400)
    expect(await t.services.log.count()).toBe(before)
  })

  test("a plain value is accepted and stored in the event's metadata as sent", async () => {
    const correlationId = "ho-so:2026.03_02-A1"
    const requestId = "req-" + "9".repeat(124)
    const answer = await counselling({ "x-correlation-id": correlationId, "x-request-id": requestId })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    const written = []
    for await (const batch of t.services.log.readAll())
      written.push(...batch.filter((e) => e.metadata.correlationId === correlationId))
    expect(written).toHaveLength(1)
    expect(written[0]!.metadata.source).toMatchObject({ requestId })
  })
})

describe("account rules against the registry (ADR 0009)", () => {
  test("a commune officer of a ward in force and an enterprise officer of a registered enterprise are created; a ward of another province is not", async () => {
    const admin = await signIn(t.app, "quan-tri")
    const catalogue = await t.services.models.catalogues.at()
    const ward = AdminUnit.unitOn(catalogue, "03646", today())[0]!.unitId // Phường Tô Hiệu, Sơn La
    const enterprise = (await t.services.models.enterprises({}))[0]!.enterpriseId
    const base = { displayName: "Cán bộ mới", provinceCode: "14", password: "Mật khẩu tốt 2026" }
    const commune = await admin.json("POST", "/api/users", {
      ...base,
      username: "to-hieu-2",
      role: "commune-officer",
      unitIds: [ward],
    })
    expect(commune.status, JSON.stringify(commune.body)).toBe(201)
    const recruiter = await admin.json("POST", "/api/users", {
      ...base,
      username: "doanh-nghiep-2",
      role: "enterprise-officer",
      enterpriseId: enterprise,
    })
    expect(recruiter.status, JSON.stringify(recruiter.body)).toBe(201)
    const elsewhere = AdminUnit.unitsOf(catalogue, "15", today())[0] // a commune of Lào Cai (in the demo catalogue)
    expect(elsewhere).toBeDefined()
    const foreign = await admin.json("POST", "/api/users", {
      ...base,
      username: "xa-lao-cai",
      role: "commune-officer",
      unitIds: [elsewhere!.unitId],
    })
    expect(foreign.status).toBe(422)
    expect(foreign.body.fields).toEqual([expect.objectContaining({ path: "body.unitIds" })])
    expect((await signIn(t.app, "to-hieu-2", base.password)).csrfToken).toBeTruthy()
  })
})
