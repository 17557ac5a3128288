import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { sql } from "kysely"
import { expect, test } from "vitest"
import { migrateToLatest, openEventLog, openPglite } from "../src/index.ts"
import { openTestDatabase, testEvent } from "../src/testing/index.ts"

test("migrations are versioned and idempotent: a second run applies nothing and keeps the data", async () => {
  const database = await openTestDatabase()
  const log = await openEventLog(database)
  try {
    await log.append({ streamId: "m", streamType: "M", expectedVersion: "no_stream", events: [testEvent()] })
    expect(await migrateToLatest(database.owner)).toEqual([])
    const { rows } = await sql<any>`SELECT name FROM es_migrations ORDER BY name`.execute(database.owner)
    expect(rows.map((r) => r.name)).toEqual([
      "0001-event-log",
      "0002-append-function",
      "0003-immutability",
      "0004-application-role",
      "0005-faster-append",
      "0006-stream-type-guard",
      "0007-application-role-login",
      "0008-append-batch",
    ])
    expect(await log.count()).toBe(1)
  } finally {
    await log.close()
  }
})

test("the embedded database keeps its data in its directory across restarts", async () => {
  const dir = mkdtempSync(join(tmpdir(), "xkld-pglite-"))
  try {
    const first = await openEventLog(await openPglite({ dataDir: dir }))
    await first.append({
      streamId: "p",
      streamType: "P",
      expectedVersion: "no_stream",
      events: [testEvent({ kept: "Mường La" })],
    })
    await first.close()
    const second = await openEventLog(await openPglite({ dataDir: dir }))
    const [event] = await second.readStream("p")
    expect(event?.data).toEqual({ kept: "Mường La" })
    await second.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test("the log appends and answers a conflict with a typed error", async () => {
  const log = await openEventLog(await openTestDatabase())
  try {
    const first = await log.append({
      streamId: "e",
      streamType: "E",
      expectedVersion: "no_stream",
      events: [testEvent()],
    })
    const second = await log.append({
      streamId: "e",
      streamType: "E",
      expectedVersion: "no_stream",
      events: [testEvent()],
    })
    if (!first.ok || second.ok) throw new Error("expected one append and one conflict")
    const result = { ok: first.result, conflict: second.error, count: await log.count() }
    expect(result.ok.nextExpectedVersion).toBe(1)
    expect(result.conflict).toMatchObject({ _tag: "WrongExpectedVersion", actualVersion: 1 })
    expect(result.count).toBe(1)
  } finally {
    await log.close()
  }
})
