import { sql } from "kysely"
import { describe, expect, test } from "vitest"
import { backend, log, setUpTestLog } from "./test-log.ts"
import { createProjectionRunner } from "./runner.ts"
import {
  actualCounts,
  appendEvents,
  countsProjection,
  expectedCounts,
  seededRandom,
  tableExists,
} from "./test-projections.ts"

setUpTestLog()

describe(`projection runner (${backend})`, () => {
  test("live tables equal the log, and a full rebuild gives the same content hash", async () => {
    const runner = createProjectionRunner(log, [countsProjection()], { batchSize: 97, pollIntervalMs: 50 })
    await runner.start()
    try {
      expect(runner.tablesOf("counts")).toEqual({
        by_stream_type: "rm_counts_by_stream_type_g1",
        last_position: "rm_counts_last_position_g1",
      })
      // appends race the loop: half before, half while it runs
      await appendEvents(log, 1500, seededRandom(11))
      await Promise.all([appendEvents(log, 1500, seededRandom(12)), runner.caughtUp("counts")])
      await runner.caughtUp()
      const live = await actualCounts(log.database.db, runner.tablesOf("counts"))
      expect(live).toEqual(await expectedCounts(log.database.db))
      expect(live.byType.reduce((n, r) => n + r.events, 0)).toBe(3000)
      const liveHash = await runner.contentHash("counts")

      expect(await runner.rebuild("counts")).toBe(2)
      expect(runner.tablesOf("counts").by_stream_type).toBe("rm_counts_by_stream_type_g2")
      expect(await runner.contentHash("counts")).toBe(liveHash)
      expect(await tableExists(log.database.db, "rm_counts_by_stream_type_g1")).toBe(false)
      const [status] = await runner.status()
      expect(status).toMatchObject({
        projection: "counts",
        activeGeneration: 2,
        buildingGeneration: null,
        state: "running",
      })
      const checkpoints = await log.listCheckpoints("projection:counts:")
      expect([...checkpoints.keys()]).toEqual(["projection:counts:g2"])
    } finally {
      await runner.stop()
    }
  })

  // PostgreSQL only: the ordering guard holds events back behind another connection's open transaction, which
  // PGlite (one connection) cannot have.
  test.runIf(backend === "postgres")(
    "caughtUp waits for events the ordering guard holds back behind an older open transaction",
    async () => {
      const runner = createProjectionRunner(log, [countsProjection({ name: "held" })], { pollIntervalMs: 60_000 })
      await runner.start()
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      let begun!: () => void
      const holding = new Promise<void>((resolve) => (begun = resolve))
      try {
        await runner.caughtUp()
        // an older transaction with an id, still open: every event committed after it is held back until it ends
        const blocker = log.database.db.transaction().execute(async (trx) => {
          await sql`SELECT pg_current_xact_id()`.execute(trx)
          begun()
          await released
        })
        await holding
        await appendEvents(log, 20, seededRandom(21))
        // what the read model holds at the moment caughtUp answers; the blocker ends a little later
        const seen = runner.caughtUp().then(() => actualCounts(log.database.db, runner.tablesOf("held")))
        const timer = setTimeout(release, 300)
        const counts = await seen
        clearTimeout(timer)
        release()
        await blocker
        expect(counts).toEqual(await expectedCounts(log.database.db))
      } finally {
        release()
        await runner.stop()
      }
    },
  )

  test("the hash tells different contents apart", async () => {
    const runner = createProjectionRunner(log, [countsProjection({ name: "hashed" })], { pollIntervalMs: 50 })
    await runner.start()
    try {
      await runner.caughtUp()
      const before = await runner.contentHash("hashed")
      await sql`UPDATE ${sql.table(runner.tablesOf("hashed").by_stream_type!)} SET events = events + 1
        WHERE stream_type = 'alpha'`.execute(log.database.db)
      expect(await runner.contentHash("hashed")).not.toBe(before)
    } finally {
      await runner.stop()
    }
  })

  test("the application role may write the tables the owner created", async () => {
    const runner = createProjectionRunner(log, [countsProjection({ name: "grants" })], { pollIntervalMs: 50 })
    await runner.start()
    try {
      await runner.caughtUp()
      const { db } = log.database
      const { rows } = await sql<any>`SELECT current_user AS who,
          has_table_privilege(${runner.tablesOf("grants").by_stream_type!}, 'INSERT, UPDATE, DELETE') AS model,
          has_table_privilege('projection_status', 'UPDATE') AS status`.execute(db)
      if (backend === "postgres") expect(rows[0].who).toBe("xkld_app")
      expect(rows[0]).toMatchObject({ model: true, status: true })
      const { rows: owners } =
        await sql<any>`SELECT tableowner FROM pg_tables WHERE tablename = ${runner.tablesOf("grants").by_stream_type!}`.execute(
          db,
        )
      if (backend === "postgres") expect(owners[0].tableowner).not.toBe("xkld_app")
    } finally {
      await runner.stop()
    }
  })

  test("two runners on the same projection (two processes) share the work without counting twice", async () => {
    const errors: Array<unknown> = []
    const options = { batchSize: 13, pollIntervalMs: 10, onError: (_: string, e: unknown) => void errors.push(e) }
    const one = createProjectionRunner(log, [countsProjection({ name: "shared" })], options)
    const two = createProjectionRunner(log, [countsProjection({ name: "shared" })], options)
    await Promise.all([one.start(), two.start()])
    try {
      await appendEvents(log, 400, seededRandom(13))
      await Promise.all([one.caughtUp(), two.caughtUp()])
      expect(await actualCounts(log.database.db, one.tablesOf("shared"))).toEqual(await expectedCounts(log.database.db))
      expect((await one.status())[0]!.state).toBe("running")
      expect(errors).toEqual([]) // no deadlocks or other failures between them
    } finally {
      await Promise.all([one.stop(), two.stop()])
    }
  })

  test("rejects projection names that would not make distinct, safe table names", () => {
    expect(() => createProjectionRunner(log, [countsProjection({ name: "Bad-Name" })])).toThrow(/must match/)
    expect(() => createProjectionRunner(log, [countsProjection(), countsProjection()])).toThrow(/twice/)
    expect(() => createProjectionRunner(log, [{ ...countsProjection(), tables: ["applied"] }])).toThrow(/reserved/)
  })
})
