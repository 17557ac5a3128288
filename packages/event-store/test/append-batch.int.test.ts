import { randomUUID } from "node:crypto"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openEventLog, type AppendRequest, type EventLog } from "../src/index.ts"
import { openTestDatabase, testEvent } from "../src/testing/index.ts"

let log: EventLog
let oneByOne: EventLog
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
  oneByOne = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
})
afterAll(async () => {
  await log.close()
  await oneByOne.close()
})

const stream = () => `batch-${randomUUID()}`
const request = (streamId: string, expectedVersion: AppendRequest["expectedVersion"], n = 1, type = "Test") => ({
  streamId,
  streamType: type,
  expectedVersion,
  recordedAt: new Date("2025-03-01T08:00:00Z"),
  events: Array.from({ length: n }, (_, i) => testEvent({ i, ten: "Lò Thị Hoa" })),
})

const rowsOf = async (of: EventLog, streamIds: ReadonlyArray<string>) =>
  (
    await sql<any>`SELECT stream_id, stream_position, event_id, hash, recorded_at FROM es_events
      WHERE stream_id = ANY (${[...streamIds]}::text[]) ORDER BY global_position`.execute(of.database.db)
  ).rows.map((r) => ({
    ...r,
    hash: Buffer.from(r.hash).toString("hex"),
    recorded_at: new Date(r.recorded_at).toISOString(),
  }))

describe(`appendBatch (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  test("writes exactly what the same appends one by one write: positions, order, hash chains, versions", async () => {
    const [a, b, c] = [stream(), stream(), stream()]
    await log.append(request(c, "no_stream", 2))
    const requests = [
      request(a, "no_stream", 2),
      request(b, "no_stream"),
      request(a, 2, 3),
      request(c, 2),
      request(b, "stream_exists"),
      request(a, "any"),
    ]
    const outcome = await log.appendBatch(requests)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(
      outcome.results.map((r) => [r.streamId, r.firstStreamPosition, r.lastStreamPosition, r.nextExpectedVersion]),
    ).toEqual([
      [a, 1, 2, 2],
      [b, 1, 1, 1],
      [a, 3, 5, 5],
      [c, 3, 3, 3],
      [b, 2, 2, 2],
      [a, 6, 6, 6],
    ])
    expect(new Set(outcome.results.map((r) => r.transactionId)).size).toBe(1)
    // the same requests, the same first append of c, one at a time into another log
    await oneByOne.append({ ...request(c, "no_stream", 2), events: (await log.readStream(c)).slice(0, 2) })
    for (const r of requests) expect((await oneByOne.append(r)).ok).toBe(true)
    expect(await rowsOf(log, [a, b, c])).toEqual(await rowsOf(oneByOne, [a, b, c]))
    expect(await log.verify()).toMatchObject({ ok: true })
    // the streams' versions and last hashes are where the next single append expects them
    expect(await log.append(request(a, 6))).toMatchObject({ ok: true, result: { firstStreamPosition: 7 } })
    expect((await log.verify()).ok).toBe(true)
  })

  test("all or nothing: a wrong expected version anywhere writes none of the batch and names the request", async () => {
    const [a, b] = [stream(), stream()]
    const before = await log.count()
    const outcome = await log.appendBatch([request(a, "no_stream"), request(b, "no_stream"), request(a, 5)])
    expect(outcome).toMatchObject({ ok: false, index: 2, error: { _tag: "WrongExpectedVersion", actualVersion: 1 } })
    expect(await log.count()).toBe(before)
    // no stream row was left behind either: the stream can still be created with any type
    expect(await log.append(request(a, "no_stream", 1, "Other"))).toMatchObject({ ok: true })
  })

  test("a retried batch is a duplicate of each request: original positions, nothing written", async () => {
    const [a, b] = [stream(), stream()]
    const requests = [request(a, "no_stream", 2), request(b, "no_stream"), request(a, 2)]
    const first = await log.appendBatch(requests)
    const before = await log.count()
    const retry = await log.appendBatch(requests)
    expect(retry.ok && retry.results.map((r) => [r.duplicate, r.firstStreamPosition, r.lastStreamPosition])).toEqual([
      [true, 1, 2],
      [true, 1, 1],
      [true, 3, 3],
    ])
    expect(retry.ok && first.ok && retry.results[0]!.transactionId).toBe(first.ok && first.results[0]!.transactionId)
    expect(await log.count()).toBe(before)
  })

  test("refuses reused event ids, a stream's other type and an empty request, writing nothing", async () => {
    const a = stream()
    await log.append(request(a, "no_stream"))
    const [existing] = await log.readStream(a)
    const before = await log.count()
    const reused = await log.appendBatch([
      request(stream(), "no_stream"),
      { ...request(stream(), "no_stream"), events: [{ ...testEvent(), eventId: existing!.eventId }] },
    ])
    expect(reused).toMatchObject({ ok: false, index: 1, error: { _tag: "IdempotencyConflict" } })
    const otherType = await log.appendBatch([request(a, 1, 1, "Other")])
    expect(otherType).toMatchObject({
      ok: false,
      index: 0,
      error: { _tag: "StreamTypeMismatch", expectedStreamType: "Other", actualStreamType: "Test" },
    })
    const fresh = stream()
    const mixed = await log.appendBatch([request(fresh, "no_stream"), request(fresh, 1, 1, "Other")])
    expect(mixed).toMatchObject({
      ok: false,
      index: 1,
      error: { _tag: "StreamTypeMismatch", actualStreamType: "Test" },
    })
    const twice = testEvent()
    const sameIdTwice = await log.appendBatch([
      { ...request(stream(), "no_stream"), events: [twice] },
      { ...request(stream(), "no_stream"), events: [twice] },
    ])
    expect(sameIdTwice).toMatchObject({ ok: false, error: { _tag: "StoreFailure" } })
    expect(await log.appendBatch([{ ...request(stream(), "no_stream"), events: [] }])).toMatchObject({
      ok: false,
      error: { _tag: "StoreFailure" },
    })
    expect(await log.count()).toBe(before)
  })

  test("the recorded time is the database's unless the store allows callers to set it", async () => {
    const strict = await openEventLog(await openTestDatabase())
    try {
      const a = stream()
      expect((await strict.appendBatch([request(a, "no_stream")])).ok).toBe(true)
      const [read] = await strict.readStream(a)
      expect(read!.recordedAt.getUTCFullYear()).not.toBe(2025)
    } finally {
      await strict.close()
    }
  })
})
