import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openEventLog, type EventLog } from "../src/index.ts"
import { openTestDatabase, testEvent } from "../src/testing/index.ts"

let log: EventLog
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase())
})
afterAll(() => log.close())

describe(`reads (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  test("one stream forward, backward, by version range and up to a recorded time", async () => {
    const streamId = `read-${randomUUID()}`
    await log.append({
      streamId,
      streamType: "Read",
      expectedVersion: "no_stream",
      events: [1, 2, 3].map((n) => testEvent({ n })),
    })
    await sleep(20)
    const cut = new Date()
    await sleep(20)
    await log.append({ streamId, streamType: "Read", expectedVersion: 3, events: [4, 5].map((n) => testEvent({ n })) })
    const ns = (events: ReadonlyArray<{ data: any }>) => events.map((e) => e.data.n)
    expect(ns(await log.readStream(streamId))).toEqual([1, 2, 3, 4, 5])
    expect(ns(await log.readStream(streamId, { direction: "backward", maxCount: 2 }))).toEqual([5, 4])
    expect(ns(await log.readStream(streamId, { fromVersion: 2, toVersion: 4 }))).toEqual([2, 3, 4])
    expect(ns(await log.readStream(streamId, { recordedUpTo: cut }))).toEqual([1, 2, 3])
    expect(await log.readStream(`missing-${randomUUID()}`)).toEqual([])
  })

  test("several streams in one query, each up to its own version", async () => {
    const tag = randomUUID().slice(0, 8)
    const streams = [`${tag}-a`, `${tag}-b`, `${tag}-c`]
    for (const [i, streamId] of streams.entries())
      await log.append({
        streamId,
        streamType: "Read",
        expectedVersion: "no_stream",
        events: [1, 2, 3, 4].map((n) => testEvent({ n: 10 * i + n })),
      })
    const ns = (events: ReadonlyArray<{ streamId: string; data: any }>) =>
      events.map((e) => `${e.streamId.slice(-1)}${e.data.n}`)
    expect(ns(await log.readStreams([streams[2]!, streams[0]!]))).toEqual([
      "a1",
      "a2",
      "a3",
      "a4",
      "c21",
      "c22",
      "c23",
      "c24",
    ])
    expect(ns(await log.readStreams([streams[2]!, streams[0]!, streams[1]!], { toVersions: [1, 3, 0] }))).toEqual([
      "a1",
      "a2",
      "a3",
      "c21",
    ])
    await expect(log.readStreams([streams[0]!, streams[0]!], { toVersions: [1, 2] })).rejects.toThrow(/distinct/)
    await expect(log.readStreams([streams[0]!], { toVersions: [1, 2] })).rejects.toThrow(/one version/)
  })

  test("the whole log in batches from a checkpoint, by event type and by stream type", async () => {
    const tag = randomUUID().slice(0, 8)
    for (let i = 0; i < 25; i++) {
      // one stream type per stream (the store refuses another, migration 0006): the parity is part of the id
      await log.append({
        streamId: `${tag}-${i % 2 ? "odd" : "even"}-${i % 3}`,
        streamType: i % 2 ? `Odd${tag}` : `Even${tag}`,
        expectedVersion: "any",
        events: [testEvent({ i }, i % 5 === 0 ? `Fifth${tag}` : `Other${tag}`)],
      })
    }
    const collected: number[] = []
    for await (const batch of log.readAll({ batchSize: 4, streamTypes: [`Odd${tag}`, `Even${tag}`] })) {
      expect(batch.length).toBeLessThanOrEqual(4)
      collected.push(...batch.map((e) => e.data.i))
    }
    expect(collected).toEqual(Array.from({ length: 25 }, (_, i) => i))
    const fifths = await log.readAllBatch({ eventTypes: [`Fifth${tag}`] })
    expect(fifths.map((e) => e.data.i)).toEqual([0, 5, 10, 15, 20])
    const odd = await log.readAllBatch({ streamTypes: [`Odd${tag}`] })
    expect(odd.every((e) => e.data.i % 2 === 1)).toBe(true)
    const fromMiddle = await log.readAllBatch({ after: odd[3]!, streamTypes: [`Odd${tag}`] })
    expect(fromMiddle.map((e) => e.data.i)).toEqual([9, 11, 13, 15, 17, 19, 21, 23])
  })

  test("refreshStatistics gives the planner the log's statistics (the application role may not ANALYZE)", async () => {
    const tag = randomUUID().slice(0, 8)
    await log.append({
      streamId: `stats-${tag}`,
      streamType: `Stats${tag}`,
      expectedVersion: "no_stream",
      events: Array.from({ length: 20 }, () => testEvent()),
    })
    await log.refreshStatistics()
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stats
      WHERE tablename = 'es_events' AND attname = 'stream_type'`.execute(log.database.owner)
    expect(rows[0]!.n).toBe(1)
  })
})
