import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openEventLog, type EventLog, type RecordedEvent } from "../src/index.ts"
import { openTestDatabase, testEvent } from "../src/testing/index.ts"

let log: EventLog
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase())
})
afterAll(() => log.close())

const backend = process.env.DATABASE_URL ? "postgres" : "pglite"

describe(`concurrency (${backend})`, () => {
  test("8 concurrent writers on one stream: exactly one wins each version, the others get the conflict", async () => {
    const streamId = `race-${randomUUID()}`
    for (let version = 0; version < 20; version++) {
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () =>
          log.append({
            streamId,
            streamType: "Race",
            expectedVersion: version === 0 ? "no_stream" : version,
            events: [testEvent()],
          }),
        ),
      )
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
      const losers = outcomes.filter((o) => !o.ok)
      expect(losers).toHaveLength(7)
      for (const loser of losers)
        expect(loser).toMatchObject({ error: { _tag: "WrongExpectedVersion", actualVersion: version + 1 } })
    }
    expect(await log.readStream(streamId)).toHaveLength(20)
  })

  test("the ordering race: a catch-up reader sees every committed event exactly once, none skipped", async () => {
    const writers = 8
    const perWriter = backend === "postgres" ? 400 : 150
    const seen = new Map<string, number>()
    let after = { transactionId: 0n, globalPosition: 0 }
    let done = false
    const reader = (async () => {
      for (;;) {
        const finished = done
        const batch: ReadonlyArray<RecordedEvent> = await log.readAllBatch({
          after,
          batchSize: 200,
          streamTypes: ["Ordering"],
        })
        for (const e of batch) seen.set(e.eventId, (seen.get(e.eventId) ?? 0) + 1)
        const last = batch.at(-1)
        if (last) after = { transactionId: last.transactionId, globalPosition: last.globalPosition }
        else if (finished) return
        else await sleep(1)
      }
    })()
    const written: string[] = []
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          const event = testEvent({ w, i })
          // random delay inside the transaction, between taking a position and committing
          await log.database.db.transaction().execute(async (trx) => {
            const outcome = await log.append(
              { streamId: `order-${w}-${i % 7}`, streamType: "Ordering", expectedVersion: "any", events: [event] },
              trx,
            )
            if (!outcome.ok) throw outcome.error
            await sleep(Math.random() * 3)
          })
          written.push(event.eventId)
        }
      }),
    )
    done = true
    await reader
    expect(written).toHaveLength(writers * perWriter)
    expect(seen.size).toBe(written.length)
    for (const id of written) expect(seen.get(id)).toBe(1)
  })
})
