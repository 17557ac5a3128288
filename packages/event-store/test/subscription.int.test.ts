import { randomUUID } from "node:crypto"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openEventLog, type EventLog } from "../src/index.ts"
import { processNextBatch } from "../src/subscription/catch-up.ts"
import { advanceCheckpoint, loadCheckpoint } from "../src/subscription/checkpoint-store.ts"
import { openTestDatabase, testEvent } from "../src/testing/index.ts"

let log: EventLog
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase(), { notifyIntervalMs: 10 })
  await sql`CREATE TABLE seen (subscriber text, event_id uuid, PRIMARY KEY (subscriber, event_id))`.execute(
    log.database.owner,
  )
  if (log.backend === "postgres") await sql`GRANT ALL ON seen TO xkld_app`.execute(log.database.owner)
})
afterAll(() => log.close())

const countSeen = async (subscriber: string) => {
  const { rows } = await sql<{
    n: number
  }>`SELECT count(*)::int8 AS n FROM seen WHERE subscriber = ${subscriber}`.execute(log.database.db)
  return Number(rows[0]!.n)
}

const appendSome = async (type: string, n: number) => {
  for (let i = 0; i < n; i++)
    await log.append({
      streamId: `${type}-${i % 4}`,
      streamType: type,
      expectedVersion: "any",
      events: [testEvent({ i })],
    })
}

const recordSeen = (subscriber: string) => async (trx: any, events: ReadonlyArray<{ eventId: string }>) => {
  for (const e of events) await sql`INSERT INTO seen VALUES (${subscriber}, ${e.eventId})`.execute(trx)
}

describe(`catch-up subscription (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  test("handles everything, stops, and resumes from its stored checkpoint without repeating", async () => {
    const type = `Sub${randomUUID().slice(0, 6)}`
    const subscriber = `s-${type}`
    await appendSome(type, 30)
    const first = log.subscribe({
      subscriber,
      handle: recordSeen(subscriber),
      batchSize: 7,
      filter: { streamTypes: [type] },
    })
    await first.caughtUp()
    await first.stop()
    expect(await countSeen(subscriber)).toBe(30)
    await appendSome(type, 10)
    const second = log.subscribe({
      subscriber,
      handle: recordSeen(subscriber),
      batchSize: 7,
      filter: { streamTypes: [type] },
    })
    await second.caughtUp()
    expect(await countSeen(subscriber)).toBe(40) // a repeat would violate the primary key and stall
    await second.stop()
  })

  test("wakes on the hint of a local append without waiting for the poll", async () => {
    const type = `Wake${randomUUID().slice(0, 6)}`
    const subscriber = `s-${type}`
    const sub = log.subscribe({
      subscriber,
      handle: recordSeen(subscriber),
      pollIntervalMs: 60_000,
      filter: { streamTypes: [type] },
    })
    await sub.caughtUp()
    await appendSome(type, 3)
    const started = Date.now()
    while ((await countSeen(subscriber)) < 3) await new Promise((r) => setTimeout(r, 5))
    expect(Date.now() - started).toBeLessThan(10_000)
    await sub.stop()
  })

  test("falls back to polling when no hint arrives (an append that bypasses this process)", async () => {
    const type = `Poll${randomUUID().slice(0, 6)}`
    const subscriber = `s-${type}`
    const sub = log.subscribe({
      subscriber,
      handle: recordSeen(subscriber),
      pollIntervalMs: 50,
      filter: { streamTypes: [type] },
    })
    await sub.caughtUp()
    // straight through SQL: no in-process hint, no NOTIFY
    const event = testEvent()
    await sql`SELECT * FROM es_append(${"p-" + type}, ${type}, 'any', ${JSON.stringify([{ ...event, occurredAt: event.occurredAt.toISOString() }])}::jsonb, NULL)`.execute(
      log.database.db,
    )
    const deadline = Date.now() + 10_000
    while ((await countSeen(subscriber)) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(await countSeen(subscriber)).toBe(1)
    await sub.stop()
  })

  test("a failing handler rolls back its writes and its checkpoint together", async () => {
    const type = `Fail${randomUUID().slice(0, 6)}`
    const subscriber = `s-${type}`
    await appendSome(type, 5)
    const failing = async (trx: any, events: ReadonlyArray<{ eventId: string }>) => {
      await recordSeen(subscriber)(trx, events)
      throw new Error("projection bug")
    }
    await expect(
      processNextBatch(log.database.db, { subscriber, handle: failing, filter: { streamTypes: [type] } }),
    ).rejects.toThrow("projection bug")
    expect(await countSeen(subscriber)).toBe(0)
    expect(await loadCheckpoint(log.database.db, subscriber)).toEqual({ transactionId: 0n, globalPosition: 0 })
    expect(
      await processNextBatch(log.database.db, {
        subscriber,
        handle: recordSeen(subscriber),
        filter: { streamTypes: [type] },
      }),
    ).toBe(5)
    expect(await countSeen(subscriber)).toBe(5)
  })

  test("the checkpoint moves only by compare-and-set: a stale runner cannot advance it", async () => {
    const subscriber = `cas-${randomUUID()}`
    const start = await loadCheckpoint(log.database.db, subscriber)
    const next = { transactionId: 10n, globalPosition: 3 }
    await log.database.db.transaction().execute((trx) => advanceCheckpoint(trx, subscriber, start, next))
    await expect(
      log.database.db
        .transaction()
        .execute((trx) => advanceCheckpoint(trx, subscriber, start, { transactionId: 11n, globalPosition: 4 })),
    ).rejects.toMatchObject({ _tag: "CheckpointConflict" })
    expect(await loadCheckpoint(log.database.db, subscriber)).toEqual(next)
  })
})
