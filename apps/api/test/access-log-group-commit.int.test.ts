import type { Database } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AccessLogWriter } from "../src/personal-data/access-log.ts"
import { migrateApi } from "../src/storage/migrations.ts"

/**
 * The access log's group commit (personal-data/access-log.ts, ADR 0024): grouping saves commits, never records, and
 * no caller is told its read is logged before its row is committed. Killing the process (kill -9) can only stop
 * a commit that no caller has been answered for: the route sends names only after `record` resolved.
 */
const backend = process.env.DATABASE_URL ? "postgres" : "pglite"
let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
  await migrateApi(database.owner)
})
afterAll(() => database.close())

const rowsOf = async (purpose: string) =>
  Number(
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM pd_access_log WHERE purpose = ${purpose}`.execute(
        database.db,
      )
    ).rows[0]!.n,
  )

const actor = { userId: "u1", role: "province-officer" }

describe(`access-log group commit (${backend})`, () => {
  test("200 concurrent reads are logged whole in a few commits; each caller resolves with its rows committed", async () => {
    const writer = new AccessLogWriter(database.db)
    const seen: number[] = []
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        writer
          .record([0, 1].map((k) => ({ ...actor, workerId: `w-${i}-${k}`, purpose: "list" as const })))
          .then(async () => {
            // committed (another connection would see it): the row is there when the caller goes on
            const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pd_access_log
              WHERE worker_id = ${`w-${i}-1`}`.execute(database.db)
            seen.push(Number(rows[0]!.n))
          }),
      ),
    )
    expect(seen).toEqual(Array.from({ length: 200 }, () => 1))
    expect(await rowsOf("list")).toBe(400)
    expect(writer.rows).toBe(400)
    expect(writer.commits).toBeLessThan(20)
  })

  test("a batch whose commit fails fails every caller in it (no answer shows a name whose read was not stored)", async () => {
    const writer = new AccessLogWriter(database.db)
    const before = await rowsOf("detail")
    // A NUL byte cannot be stored in text: the whole insert fails, as a connection lost mid-commit would.
    const outcomes = await Promise.allSettled([
      writer.record([{ ...actor, workerId: "fine-1", purpose: "detail" }]),
      writer.record([{ ...actor, workerId: "bad\u0000", purpose: "detail" }]),
      writer.record([{ ...actor, workerId: "fine-2", purpose: "detail" }]),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"])
    expect(await rowsOf("detail")).toBe(before)
    // the writer goes on with the next batch
    await writer.record([{ ...actor, workerId: "fine-3", purpose: "detail" }])
    expect(await rowsOf("detail")).toBe(before + 1)
  })

  test("while the commit is held up, the caller is not answered (the route's answer waits with it)", async () => {
    const writer = new AccessLogWriter(database.db)
    let settled = false
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    // A transaction that holds the table: PostgreSQL makes the insert wait for its lock; PGlite's one connection
    // makes every statement wait for it. Either way the insert cannot commit before `release`.
    const holder = database.owner.transaction().execute(async (trx) => {
      await sql`LOCK TABLE pd_access_log IN ACCESS EXCLUSIVE MODE`.execute(trx)
      await held
    })
    await new Promise((r) => setTimeout(r, 50))
    const recorded = writer
      .record([{ ...actor, workerId: "held", purpose: "departure-age-check" }])
      .then(() => (settled = true))
    await new Promise((r) => setTimeout(r, 300))
    expect(settled).toBe(false)
    release()
    await holder
    await recorded
    expect(settled).toBe(true)
    expect(await rowsOf("departure-age-check")).toBe(1)
  })
})
