import { testEvent } from "@xkld/event-store/testing"
import { afterAll, beforeAll, expect, test } from "vitest"
import { openTestApp, type TestApp } from "./support/test-app.ts"

let t: TestApp
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

test("GET /api/health reports the store and its event count", async () => {
  const before = await (await t.app.request("/api/health")).json()
  expect(before).toEqual({ status: "ok", store: process.env.DATABASE_URL ? "postgres" : "pglite", events: 0 })
  await t.services.log.append({
    streamId: "h",
    streamType: "H",
    expectedVersion: "no_stream",
    events: [testEvent(), testEvent()],
  })
  const after = await t.app.request("/api/health")
  expect(after.status).toBe(200)
  expect(await after.json()).toMatchObject({ events: 2 })
})
