import { randomUUID } from "node:crypto"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openEventLog, type EventLog } from "../src/index.ts"
import { openTestDatabase, testEvent } from "../src/testing/index.ts"

let log: EventLog
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase())
})
afterAll(() => log.close())

const backend = process.env.DATABASE_URL ? "postgres" : "pglite"
const stream = () => `typed-${randomUUID()}`

const streamRow = async (streamId: string) =>
  (
    await sql<{
      stream_type: string
      version: number
    }>`SELECT stream_type, version FROM es_streams WHERE stream_id = ${streamId}`.execute(log.database.db)
  ).rows[0]

describe(`one stream, one stream type (${backend})`, () => {
  test("an append with another stream type than the stream's is refused with StreamTypeMismatch and writes nothing", async () => {
    const id = stream()
    expect(
      await log.append({ streamId: id, streamType: "QuotaPlan", expectedVersion: "no_stream", events: [testEvent()] }),
    ).toMatchObject({ ok: true, result: { nextExpectedVersion: 1 } })
    const before = await log.count()
    // whatever the expected version says: the stream's type is checked first
    for (const expectedVersion of ["any", "stream_exists", 1, 0, "no_stream"] as const) {
      const refused = await log.append({
        streamId: id,
        streamType: "ReportingObligation",
        expectedVersion,
        events: [testEvent({ foreign: true }, "ReportingObligationSet")],
      })
      expect(refused.ok, `expected ${expectedVersion}`).toBe(false)
      if (refused.ok) continue
      expect(refused.error).toMatchObject({
        _tag: "StreamTypeMismatch",
        streamId: id,
        expectedStreamType: "ReportingObligation",
        actualStreamType: "QuotaPlan",
      })
      expect(refused.error.message).toContain(`Luồng ${id} thuộc loại QuotaPlan`)
    }
    expect(await log.count()).toBe(before)
    expect((await log.readStream(id)).map((e) => [e.streamType, e.streamPosition])).toEqual([["QuotaPlan", 1]])
    expect(await streamRow(id)).toEqual({ stream_type: "QuotaPlan", version: 1 })
    // the right type still appends at the next version: the stream is not harmed by the refusal
    expect(
      await log.append({ streamId: id, streamType: "QuotaPlan", expectedVersion: 1, events: [testEvent()] }),
    ).toMatchObject({ ok: true, result: { nextExpectedVersion: 2, firstStreamPosition: 2 } })
    expect(await log.verify()).toMatchObject({ ok: true })
  })

  test("a refused append inside a caller's transaction leaves the transaction usable and writes nothing", async () => {
    const id = stream()
    await log.append({ streamId: id, streamType: "Worker", expectedVersion: "no_stream", events: [testEvent()] })
    await log.database.db.transaction().execute(async (trx) => {
      const refused = await log.append(
        { streamId: id, streamType: "Enterprise", expectedVersion: 1, events: [testEvent()] },
        trx,
      )
      expect(refused).toMatchObject({ ok: false, error: { _tag: "StreamTypeMismatch", actualStreamType: "Worker" } })
      const ok = await log.append(
        { streamId: id, streamType: "Worker", expectedVersion: 1, events: [testEvent()] },
        trx,
      )
      expect(ok).toMatchObject({ ok: true, result: { nextExpectedVersion: 2 } })
    })
    expect((await log.readStream(id)).map((e) => e.streamType)).toEqual(["Worker", "Worker"])
  })

  test("two first appends of different types race for a new stream: one creates it, the other is refused", async () => {
    for (let round = 0; round < 5; round++) {
      const id = stream()
      const outcomes = await Promise.all(
        ["Alpha", "Beta"].map((streamType) =>
          log.append({ streamId: id, streamType, expectedVersion: "any", events: [testEvent({ streamType })] }),
        ),
      )
      const winners = outcomes.filter((o) => o.ok)
      const losers = outcomes.flatMap((o) => (o.ok ? [] : [o.error]))
      expect(winners).toHaveLength(1)
      expect(losers).toHaveLength(1)
      const row = await streamRow(id)
      expect(losers[0]).toMatchObject({ _tag: "StreamTypeMismatch", streamId: id, actualStreamType: row!.stream_type })
      const events = await log.readStream(id)
      expect(events).toHaveLength(1)
      expect(events[0]!.streamType).toBe(row!.stream_type)
    }
  })

  test("the event rows of every stream carry its one stream type", async () => {
    const { rows } = await sql<{ streams: number }>`
      SELECT count(*)::int AS streams FROM (
        SELECT e.stream_id FROM es_events e JOIN es_streams s USING (stream_id)
        GROUP BY e.stream_id HAVING count(DISTINCT e.stream_type) > 1 OR bool_or(e.stream_type <> s.stream_type)
      ) mixed`.execute(log.database.db)
    expect(rows[0]!.streams).toBe(0)
  })
})
