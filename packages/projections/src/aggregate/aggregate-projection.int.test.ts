import { Worker } from "@xkld/domain"
import type { RecordedEvent } from "@xkld/event-store"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { historyFixture, type Fixture } from "../../test/history.ts"
import { workerView } from "../worker/view.ts"
import { BULK_BATCH, aggregateProjection, type AggregateProjection } from "./aggregate-projection.ts"

const backend = process.env.DATABASE_URL ? "postgres" : "pglite"
let fx: Fixture
let events: RecordedEvent[]
beforeAll(async () => {
  fx = await historyFixture(3000)
  events = []
  for await (const batch of fx.log.readAll({ streamTypes: [Worker.WORKER_STREAM_TYPE], batchSize: 5000 }))
    events.push(...batch)
})
afterAll(() => fx.close())

/** Table names of a generation of its own, created empty (by the owner role, as the runner creates them). */
const tablesFor = async (projection: AggregateProjection, tag: string) => {
  const names = Object.fromEntries(workerView.tables.map((t) => [t, `rm_cache_${tag}_${t}`]))
  await projection.createTables(fx.log.database.owner, names)
  return names
}

/** Every row of every table of a generation, in one order. */
const contents = async (names: Record<string, string>) => {
  const tables: Record<string, unknown[]> = {}
  for (const [table, name] of Object.entries(names)) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(fx.log.database.owner)
    tables[table] = rows.map((r) => JSON.stringify(r)).toSorted()
  }
  return tables
}

describe(`the per-stream cache of an aggregate projection (${backend})`, () => {
  test("live batches keep it at its live limit, a bulk batch may fill it, and evicted streams refold to the same rows", async () => {
    const streams = new Set(events.map((e) => e.streamId)).size
    expect(streams).toBeGreaterThan(100)
    expect(events.length - 1).toBeGreaterThanOrEqual(BULK_BATCH)
    // the tables of these generations are made as the runner makes them, by the owner role (PostgreSQL)
    const db = fx.log.database.owner

    // catch-up: everything but the last event in one batch (a rebuild's way), then the last one as a command would
    const bulk = aggregateProjection(workerView, { live: 20 })
    const bulkNames = await tablesFor(bulk, "bulk")
    await db.transaction().execute((trx) => bulk.handle(trx, events.slice(0, -1), bulkNames, fx.log))
    expect(bulk.cachedStreams()).toBe(new Set(events.slice(0, -1).map((e) => e.streamId)).size)
    await db.transaction().execute((trx) => bulk.handle(trx, events.slice(-1), bulkNames, fx.log))
    expect(bulk.cachedStreams()).toBe(20)

    // live: one event a transaction, most of them for a stream evicted since its last event (refolded from the log)
    const live = aggregateProjection(workerView, { live: 20 })
    const liveNames = await tablesFor(live, "live")
    let most = 0
    for (const event of events) {
      await db.transaction().execute((trx) => live.handle(trx, [event], liveNames, fx.log))
      most = Math.max(most, live.cachedStreams())
    }
    expect(most).toBe(20)
    expect(await contents(liveNames)).toEqual(await contents(bulkNames))
  })

  test("a batch refolds every stream it lost in one read of the log, to the same rows", async () => {
    const db = fx.log.database.owner
    const whole = aggregateProjection(workerView)
    const wholeNames = await tablesFor(whole, "whole")
    await db.transaction().execute((trx) => whole.handle(trx, events, wholeNames, fx.log))

    // a cache of 5 streams under batches of BULK_BATCH: most streams were evicted before their next event
    const reads = { streams: 0, stream: 0 }
    const log = new Proxy(fx.log, {
      get: (target, key, receiver) => {
        if (key === "readStreams" || key === "readStream") reads[key === "readStreams" ? "streams" : "stream"]++
        return Reflect.get(target, key, receiver)
      },
    })
    const small = aggregateProjection(workerView, { bulk: 5 })
    const smallNames = await tablesFor(small, "small")
    let batches = 0
    for (let i = 0; i < events.length; i += BULK_BATCH, batches++)
      await db.transaction().execute((trx) => small.handle(trx, events.slice(i, i + BULK_BATCH), smallNames, log))
    expect(reads.stream).toBe(0)
    expect(reads.streams).toBeGreaterThan(batches / 2)
    expect(reads.streams).toBeLessThanOrEqual(batches)
    expect(await contents(smallNames)).toEqual(await contents(wholeNames))
  })
})
