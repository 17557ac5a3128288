import { compareCheckpoints, parseCheckpoint } from "@xkld/event-store"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { Client, TestApp } from "./support/test-app.ts"

let t: TestApp
let auditor: Client
let signIn: (app: TestApp["app"], username: string) => Promise<Client>
let writeRoutes: ReadonlyArray<{ method: string; path: string }>
beforeAll(async () => {
  const support = await import("./support/test-app.ts")
  signIn = support.signIn
  t = await support.openTestApp({ demoEvents: 2000 })
  auditor = await signIn(t.app, "kiem-toan")
  writeRoutes = (await import("../src/routes/planning.ts")).planningRoutes.filter((r) => r.method !== "get")
})
afterAll(() => t.close())

describe("the raw log for the auditor", () => {
  test("pages through the whole log in commit order, without gaps or duplicates", async () => {
    const ids: string[] = []
    const checkpoints: string[] = []
    let after: string | null = null
    let pages = 0
    do {
      const query: string = after ? `?limit=500&after=${after}` : "?limit=500"
      const { status, body } = await auditor.json("GET", `/api/events${query}`)
      expect(status).toBe(200)
      for (const e of body.items) {
        ids.push(e.eventId)
        checkpoints.push(e.checkpoint)
      }
      after = body.next
      pages++
    } while (after !== null && pages < 100)
    expect(ids.length).toBe(await t.services.log.count())
    expect(new Set(ids).size).toBe(ids.length)
    for (let i = 1; i < checkpoints.length; i++)
      expect(compareCheckpoints(parseCheckpoint(checkpoints[i - 1]!)!, parseCheckpoint(checkpoints[i]!)!)).toBeLessThan(
        0,
      )
    expect(pages).toBeGreaterThan(1)
  })

  test("every column of an event; filters by stream type and event type", async () => {
    const { body } = await auditor.json("GET", "/api/events?limit=5&streamType=QuotaPlan")
    expect(body.items.length).toBeGreaterThan(0)
    const e = body.items[0]
    expect(Object.keys(e).sort()).toEqual(
      [
        "checkpoint",
        "data",
        "eventId",
        "globalPosition",
        "hash",
        "metadata",
        "occurredAt",
        "recordedAt",
        "schemaVersion",
        "streamId",
        "streamPosition",
        "streamType",
        "transactionId",
        "type",
      ].sort(),
    )
    expect(body.items.every((i: any) => i.streamType === "QuotaPlan")).toBe(true)
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/)
    const issued = await auditor.json("GET", "/api/events?type=PlanIssued&limit=500")
    expect(issued.body.items.length).toBeGreaterThan(0)
    expect(issued.body.items.every((i: any) => i.type === "PlanIssued")).toBe(true)
    expect(issued.body.next).toBeNull()
  })

  test("a malformed checkpoint or limit is a 400", async () => {
    for (const q of ["after=12", "after=a:b", "limit=0", "limit=501"])
      expect((await auditor.json("GET", `/api/events?${q}`)).status, q).toBe(400)
  })

  test("verify: the log is intact", async () => {
    const { status, body } = await auditor.json("GET", "/api/verify")
    expect(status).toBe(200)
    expect(body.ok).toBe(true)
    expect(body.firstProblem).toBeNull()
    expect(body.checked.events).toBe(await t.services.log.count())
  })

  test("projection status for operators; only the administrator resumes", async () => {
    const status = await auditor.json("GET", "/api/projections")
    expect(status.status).toBe(200)
    expect(status.body.items.map((s: any) => s.projection)).toEqual(
      expect.arrayContaining(["workers", "plans", "enterprises", "plan_tasks", "reporting"]),
    )
    expect(status.body.items.every((s: any) => s.state !== undefined && typeof s.checkpoint === "string")).toBe(true)
    const admin = await signIn(t.app, "quan-tri")
    expect((await admin.json("POST", "/api/projections/plans/resume")).status).toBe(200)
    expect((await admin.json("POST", "/api/projections/nothing/resume")).status).toBe(404)
    expect((await auditor.json("POST", "/api/projections/plans/resume")).status).toBe(403)
  })
})

describe("access", () => {
  test("the leader, officers and the administrator may not read the raw log", async () => {
    for (const username of ["lanh-dao", "so-noi-vu", "to-hieu", "quan-tri"]) {
      const client = await signIn(t.app, username)
      expect((await client.json("GET", "/api/events")).status, username).toBe(403)
    }
    expect((await (await signIn(t.app, "lanh-dao")).json("GET", "/api/verify")).status).toBe(403)
  })

  test("the auditor writes nothing: every write route of plans, enterprises, tasks, obligations and projections is 403", async () => {
    expect(writeRoutes.length).toBeGreaterThanOrEqual(12)
    const before = await t.services.log.count()
    for (const route of writeRoutes) {
      const path = route.path.replace(/:(\w+)/g, "x")
      const r = await auditor.json(route.method.toUpperCase(), path, {})
      expect(r.status, `${route.method} ${route.path}`).toBe(403)
      expect(r.body.type).toMatch(/forbidden$/)
    }
    expect(await t.services.log.count()).toBe(before)
  })
})
