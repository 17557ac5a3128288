import type { Database } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { recordAccess } from "../src/personal-data/access-log.ts"
import { migrateApi } from "../src/storage/migrations.ts"

const backend = process.env.DATABASE_URL ? "postgres" : "pglite"
let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
  await migrateApi(database.owner)
})
afterAll(() => database.close())

/** The statement fails with exactly this SQLSTATE and message. */
const refusal = async (statement: Promise<unknown>) => {
  const error = await statement.then(
    () => undefined,
    (e: unknown) => e as { code?: string; message?: string },
  )
  return error === undefined ? undefined : { code: error.code, message: error.message }
}
const byTrigger = (op: string) => ({
  code: "P0001",
  message: `Nhật ký sự kiện chỉ được ghi thêm: không được ${op} bảng pd_access_log / the event log is append-only: ${op} on pd_access_log is not allowed`,
})
const byGrant = { code: "42501", message: "permission denied for table pd_access_log" }

describe(`the identity access log is append-only (${backend})`, () => {
  test("the application appends to it but cannot TRUNCATE, DELETE or UPDATE it; neither can the owner", async () => {
    await recordAccess(database.db, { userId: "u1", role: "province-officer" }, ["w1"], "detail")
    const count = async () =>
      Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pd_access_log`.execute(database.db)).rows[0]!.n)
    expect(await count()).toBe(1)
    const statements = {
      TRUNCATE: (db: Database["db"]) => sql`TRUNCATE pd_access_log`.execute(db),
      DELETE: (db: Database["db"]) => sql`DELETE FROM pd_access_log`.execute(db),
      UPDATE: (db: Database["db"]) => sql`UPDATE pd_access_log SET purpose = 'x'`.execute(db),
    }
    for (const [op, run] of Object.entries(statements)) {
      // the application: on PostgreSQL its grants stop it before any trigger; on PGlite the trigger does
      expect(await refusal(run(database.db)), `${op} as the application`).toEqual(
        backend === "postgres" ? byGrant : byTrigger(op),
      )
      expect(await refusal(run(database.owner)), `${op} as the owner`).toEqual(byTrigger(op))
    }
    expect(await count()).toBe(1)
  })

  if (backend === "postgres")
    test("the application role holds only SELECT and INSERT on it", async () => {
      const { rows } = await sql<any>`SELECT current_user::text AS who,
          has_table_privilege('pd_access_log', 'SELECT') AS sel, has_table_privilege('pd_access_log', 'INSERT') AS ins,
          has_table_privilege('pd_access_log', 'UPDATE') AS upd, has_table_privilege('pd_access_log', 'DELETE') AS del,
          has_table_privilege('pd_access_log', 'TRUNCATE') AS trunc`.execute(database.db)
      expect(rows[0]).toEqual({ who: "xkld_app", sel: true, ins: true, upd: false, del: false, trunc: false })
    })
})
