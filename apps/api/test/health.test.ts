import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase, testEvent } from "@xkld/event-store/testing"
import { afterAll, beforeAll, expect, test } from "vitest"
import { createApp } from "../src/app.ts"

let log: EventLog
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase())
})
afterAll(() => log.close())

test("GET /api/health reports the store and its event count", async () => {
  const app = createApp({ log })
  const before = await (await app.request("/api/health")).json()
  expect(before).toEqual({ status: "ok", store: process.env.DATABASE_URL ? "postgres" : "pglite", events: 0 })
  await log.append({ streamId: "h", streamType: "H", expectedVersion: "no_stream", events: [testEvent(), testEvent()] })
  const after = await app.request("/api/health")
  expect(after.status).toBe(200)
  expect(await after.json()).toMatchObject({ events: 2 })
})
