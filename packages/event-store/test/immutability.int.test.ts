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

interface Refusal {
  readonly code: string
  readonly message: RegExp
}
/** The trigger of migration 0003: its bilingual message names the operation and the table. */
const byTrigger = (op: string, table: string): Refusal => ({
  code: "P0001",
  message: new RegExp(
    `^Nhật ký sự kiện chỉ được ghi thêm: không được ${op} bảng ${table} / the event log is append-only: ${op} on ${table} is not allowed$`,
  ),
})
/** The application role's grants (migration 0004): PostgreSQL refuses before any trigger runs. */
const byGrant = (table: string): Refusal => ({
  code: "42501",
  message: new RegExp(`^permission denied for table ${table}$`),
})

/** The statement fails with exactly this SQLSTATE and message (not merely "some error"). */
const expectRefusal = async (statement: Promise<unknown>, label: string, expected: Refusal) => {
  const error = await statement.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  )
  expect(error, `${label} must fail`).toBeDefined()
  expect({ code: error?.code, message: error?.message }, label).toEqual({
    code: expected.code,
    message: expect.stringMatching(expected.message),
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
    const { owner, db } = log.database
    // The owner (and, on PGlite, everyone) meets the trigger; on PostgreSQL the application role is stopped
    // earlier, by its grants, before any trigger runs.
    const cases: ReadonlyArray<[string, (on: typeof db) => Promise<unknown>, string, string]> = [
      [
        "UPDATE",
        (on) => sql`UPDATE es_events SET data = '{}' WHERE event_id = ${events[0]!.eventId}`.execute(on),
        "UPDATE",
        "es_events",
      ],
      [
        "DELETE",
        (on) => sql`DELETE FROM es_events WHERE event_id = ${events[0]!.eventId}`.execute(on),
        "DELETE",
        "es_events",
      ],
      ["TRUNCATE", (on) => sql`TRUNCATE es_events`.execute(on), "TRUNCATE", "es_events"],
      ["DELETE seals", (on) => sql`DELETE FROM es_seals`.execute(on), "DELETE", "es_seals"],
      ["TRUNCATE seals", (on) => sql`TRUNCATE es_seals`.execute(on), "TRUNCATE", "es_seals"],
    ]
    for (const [label, statement, op, table] of cases) {
      await expectRefusal(statement(owner), label, byTrigger(op, table))
      await expectRefusal(statement(db), label, backend === "postgres" ? byGrant(table) : byTrigger(op, table))
    }
    await expectRefusal(
      sql`UPDATE es_events SET data = '{}'`.execute(owner),
      "UPDATE all",
      byTrigger("UPDATE", "es_events"),
    )
    expect((await log.verify()).ok).toBe(true)
  })

  if (backend === "postgres") {
    test("the application's role has only SELECT and INSERT on the log", async () => {
      const { rows } = await sql<any>`SELECT current_user AS who,
          has_table_privilege('es_events', 'SELECT') AS sel, has_table_privilege('es_events', 'INSERT') AS ins,
          has_table_privilege('es_events', 'UPDATE') AS upd, has_table_privilege('es_events', 'DELETE') AS del,
          has_table_privilege('es_events', 'TRUNCATE') AS trunc`.execute(log.database.db)
      expect(rows[0]).toEqual({ who: "xkld_app", sel: true, ins: true, upd: false, del: false, trunc: false })
      await expectRefusal(
        sql`ALTER TABLE es_events DISABLE TRIGGER es_events_no_change`.execute(log.database.db),
        "DISABLE TRIGGER",
        { code: "42501", message: /^must be owner of table es_events$/ },
      )
    })

    test("RESET ROLE does not give the application the owner's rights: it connects as its role (ADR 0008)", async () => {
      const { events } = await seed()
      await log.database.db.connection().execute(async (conn) => {
        await sql`RESET ROLE`.execute(conn)
        const { rows } = await sql<any>`SELECT current_user::text AS who, session_user::text AS session,
            has_table_privilege('es_events', 'UPDATE') AS upd, has_table_privilege('es_events', 'TRUNCATE') AS trunc,
            (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS super`.execute(conn)
        expect(rows[0]).toEqual({ who: "xkld_app", session: "xkld_app", upd: false, trunc: false, super: false })
        await expectRefusal(
          sql`UPDATE es_events SET data = '{}' WHERE event_id = ${events[0]!.eventId}`.execute(conn),
          "UPDATE after RESET ROLE",
          byGrant("es_events"),
        )
        await expectRefusal(sql`SET ROLE postgres`.execute(conn), "SET ROLE postgres", {
          code: "42501",
          message: /^permission denied to set role "postgres"$/,
        })
        await expectRefusal(sql`SET SESSION AUTHORIZATION postgres`.execute(conn), "SET SESSION AUTHORIZATION", {
          code: "42501",
          message: /^permission denied to set session authorization( "postgres")?$/,
        })
      })
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
