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

/** Plays the superuser who switches the guard off to tamper with rows, then switches it back on. */
const tamper = async (statement: ReturnType<typeof sql>) => {
  const owner = log.database.owner
  await owner.transaction().execute(async (trx) => {
    await sql`ALTER TABLE es_events DISABLE TRIGGER es_events_no_change`.execute(trx)
    await sql`ALTER TABLE es_seals DISABLE TRIGGER es_seals_no_change`.execute(trx)
    await statement.execute(trx)
    await sql`ALTER TABLE es_events ENABLE TRIGGER es_events_no_change`.execute(trx)
    await sql`ALTER TABLE es_seals ENABLE TRIGGER es_seals_no_change`.execute(trx)
  })
}

const seed = async () => {
  const streamId = `imm-${randomUUID()}`
  const events = [testEvent({ n: 1 }), testEvent({ n: 2 }), testEvent({ n: 3 })]
  const outcome = await log.append({ streamId, streamType: "Imm", expectedVersion: "no_stream", events })
  expect(outcome.ok).toBe(true)
  return { streamId, events }
}

describe(`immutability and tamper evidence (${backend})`, () => {
  test("UPDATE, DELETE and TRUNCATE on the log are rejected by the database", async () => {
    const { events } = await seed()
    expect(await log.seal()).toBeDefined()
    for (const db of [log.database.owner, log.database.db]) {
      await expect(
        sql`UPDATE es_events SET data = '{}' WHERE event_id = ${events[0]!.eventId}`.execute(db),
      ).rejects.toThrow()
      await expect(sql`DELETE FROM es_events WHERE event_id = ${events[0]!.eventId}`.execute(db)).rejects.toThrow()
      await expect(sql`TRUNCATE es_events`.execute(db)).rejects.toThrow()
      await expect(sql`DELETE FROM es_seals`.execute(db)).rejects.toThrow()
      await expect(sql`TRUNCATE es_seals`.execute(db)).rejects.toThrow()
    }
    await expect(sql`UPDATE es_events SET data = '{}'`.execute(log.database.owner)).rejects.toThrow(/append-only/)
    expect((await log.verify()).ok).toBe(true)
  })

  if (backend === "postgres") {
    test("the application's role has only SELECT and INSERT on the log", async () => {
      const { rows } = await sql<any>`SELECT current_user AS who,
          has_table_privilege('es_events', 'SELECT') AS sel, has_table_privilege('es_events', 'INSERT') AS ins,
          has_table_privilege('es_events', 'UPDATE') AS upd, has_table_privilege('es_events', 'DELETE') AS del,
          has_table_privilege('es_events', 'TRUNCATE') AS trunc`.execute(log.database.db)
      expect(rows[0]).toEqual({ who: "xkld_app", sel: true, ins: true, upd: false, del: false, trunc: false })
      await expect(
        sql`ALTER TABLE es_events DISABLE TRIGGER es_events_no_change`.execute(log.database.db),
      ).rejects.toThrow()
    })
  }

  test("after a superuser edits an event row, verify names exactly that event", async () => {
    await log.seal()
    const { events } = await seed()
    expect((await log.verify()).ok).toBe(true)
    const target = events[1]!
    await tamper(sql`UPDATE es_events SET data = '{"n": 20}' WHERE event_id = ${target.eventId}`)
    const report = await log.verify()
    expect(report.ok).toBe(false)
    expect(report.firstProblem).toMatchObject({
      kind: "event-hash-mismatch",
      eventId: target.eventId,
      streamPosition: 2,
    })
    expect(report.problems.filter((p) => p.kind === "event-hash-mismatch")).toHaveLength(1)
    // put it back so the next test starts from a clean log
    await tamper(sql`UPDATE es_events SET data = '{"n": 2}' WHERE event_id = ${target.eventId}`)
    expect((await log.verify()).ok).toBe(true)
  })

  test("after a superuser deletes an event row, verify names the missing event and the broken seal", async () => {
    const { streamId, events } = await seed()
    const sealed = await log.seal()
    expect(sealed).toBeDefined()
    await tamper(sql`DELETE FROM es_events WHERE event_id = ${events[1]!.eventId}`)
    const report = await log.verify()
    expect(report.firstProblem).toEqual({ kind: "event-missing", streamId, streamPosition: 2 })
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: "seal-mismatch", sealNumber: sealed!.sealNumber }),
    )
  })

  test("a rewritten seal is named", async () => {
    const fresh = await openEventLog(await openTestDatabase())
    try {
      await fresh.append({ streamId: "s", streamType: "Imm", expectedVersion: "any", events: [testEvent()] })
      await fresh.seal()
      await fresh.append({ streamId: "s", streamType: "Imm", expectedVersion: "any", events: [testEvent()] })
      await fresh.seal()
      expect((await fresh.verify()).ok).toBe(true)
      await fresh.database.owner.transaction().execute(async (trx) => {
        await sql`ALTER TABLE es_seals DISABLE TRIGGER es_seals_no_change`.execute(trx)
        await sql`UPDATE es_seals SET event_count = 5 WHERE seal_number = 2`.execute(trx)
        await sql`ALTER TABLE es_seals ENABLE TRIGGER es_seals_no_change`.execute(trx)
      })
      expect((await fresh.verify()).firstProblem).toMatchObject({ kind: "seal-mismatch", sealNumber: 2 })
    } finally {
      await fresh.close()
    }
  })
})
