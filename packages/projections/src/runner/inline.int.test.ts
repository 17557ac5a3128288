import { randomUUID } from "node:crypto"
import { sql, type Kysely } from "kysely"
import { describe, expect, test } from "vitest"
import type { RecordedEvent } from "@xkld/event-store"
import { testEvent } from "@xkld/event-store/testing"
import { backend, log, setUpTestLog } from "./test-log.ts"
import { createProjectionRunner } from "./runner.ts"
import {
  actualCounts,
  appendEvents,
  countsProjection,
  expectedCounts,
  seededRandom,
  STREAM_TYPES,
} from "./test-projections.ts"

setUpTestLog()

const appliedRows = async (db: Kysely<any>, table: string) => {
  const { rows } = await sql<any>`SELECT count(*)::int8 AS n FROM ${sql.table(table)}`.execute(db)
  return Number(rows[0].n)
}

const request = (streamType: string, n = 1, type = "TestHappened") => ({
  streamId: `${streamType}-inline-${randomUUID().slice(0, 4)}`,
  streamType,
  expectedVersion: "any" as const,
  events: Array.from({ length: n }, (_, i) => testEvent({ i }, type)),
})

describe(`inline projections (${backend})`, () => {
  test("read-your-writes in the append's transaction, and the loop does not count it again", async () => {
    const { db } = log.database
    // the loop only runs when woken, so what the table shows right after the append is the inline apply
    const runner = createProjectionRunner(log, [countsProjection({ name: "ryw", inline: true })], {
      pollIntervalMs: 60_000,
    })
    await runner.start()
    try {
      await runner.caughtUp()
      const names = runner.tablesOf("ryw")
      const seenInside = await db.transaction().execute(async (trx) => {
        const outcome = await runner.appendInline(request("alpha", 3), trx)
        expect(outcome.ok).toBe(true)
        return actualCounts(trx, names)
      })
      expect(seenInside.byType).toEqual([{ streamType: "alpha", events: 3 }])
      expect(await appliedRows(db, "rm_ryw_applied_g1")).toBe(3)

      await runner.appendInline(request("beta", 2))
      expect(await actualCounts(db, names)).toEqual(await expectedCounts(db))
      runner.wake()
      await runner.caughtUp()
      expect(await actualCounts(db, names)).toEqual(await expectedCounts(db))
      expect(await appliedRows(db, "rm_ryw_applied_g1")).toBe(0) // the loop consumed the marks as it passed them
    } finally {
      await runner.stop()
    }
  })

  test("inline and plain appends mixed with a running loop count every event once; equals a rebuild", async () => {
    const { db } = log.database
    const runner = createProjectionRunner(log, [countsProjection({ name: "mixed", inline: true })], {
      batchSize: 7,
      pollIntervalMs: 10,
    })
    await runner.start()
    // a process without a running loop (an API server) applies inline too
    const api = createProjectionRunner(log, [countsProjection({ name: "mixed", inline: true })])
    try {
      const random = seededRandom(31)
      const inlineAppends = async (from: typeof runner, count: number) => {
        for (let i = 0; i < count; i++) {
          const outcome = await from.appendInline(request(STREAM_TYPES[random.int(0, 3)]!, random.int(1, 4)))
          expect(outcome.ok).toBe(true)
        }
      }
      await Promise.all([inlineAppends(runner, 120), inlineAppends(api, 60), appendEvents(log, 300, seededRandom(32))])
      await runner.caughtUp()
      const names = runner.tablesOf("mixed")
      expect(await actualCounts(db, names)).toEqual(await expectedCounts(db))
      expect(await appliedRows(db, "rm_mixed_applied_g1")).toBe(0)
      const hash = await runner.contentHash("mixed")
      await runner.rebuild("mixed")
      expect(await runner.contentHash("mixed")).toBe(hash)
    } finally {
      await runner.stop()
    }
  })

  test("replaying events the loop has already passed changes nothing", async () => {
    const { db } = log.database
    await appendEvents(log, 60, seededRandom(33))
    const runner = createProjectionRunner(log, [countsProjection({ name: "replayed", inline: true })], {
      pollIntervalMs: 20,
    })
    await runner.start()
    try {
      await runner.caughtUp()
      const before = await actualCounts(db, runner.tablesOf("replayed"))
      const old: ReadonlyArray<RecordedEvent> = await log.readAllBatch({ batchSize: 50 })
      expect(old).toHaveLength(50)
      await db.transaction().execute((trx) => runner.applyInline(trx, old))
      expect(await actualCounts(db, runner.tablesOf("replayed"))).toEqual(before)
    } finally {
      await runner.stop()
    }
  })

  test("a failing inline apply leaves the append standing; the loop pauses on the event", async () => {
    const { db } = log.database
    const projection = countsProjection({
      name: "brittle",
      inline: true,
      sabotage: {
        check: (e) => {
          if (e.type === "BrittleBroke") throw new Error("inline handler failed")
        },
      },
    })
    const errors: Array<unknown> = []
    const runner = createProjectionRunner(log, [projection], {
      pollIntervalMs: 20,
      onError: (_, e) => void errors.push(e),
    })
    await runner.start()
    try {
      await runner.caughtUp()
      const bad = request("gamma", 1, "BrittleBroke")
      const outcome = await runner.appendInline(bad)
      expect(outcome.ok).toBe(true)
      expect(await log.readStream(bad.streamId)).toHaveLength(1)
      expect(errors.some((e) => e instanceof Error && e.message === "inline handler failed")).toBe(true)
      await runner.caughtUp()
      expect((await runner.status())[0]).toMatchObject({ state: "paused", failedEventId: bad.events[0]!.eventId })
      // paused: inline applies wait for the loop (so each stream keeps its order)
      const later = await runner.appendInline(request("gamma", 2))
      expect(later.ok).toBe(true)
      expect(await appliedRows(db, "rm_brittle_applied_g1")).toBe(0)
    } finally {
      await runner.stop()
    }
  })

  test("read-your-writes holds across a generation switch, even for writes the ordering guard still holds back", async () => {
    const { db, owner } = log.database
    let reached!: () => void
    let open!: () => void
    const atGate = new Promise<void>((resolve) => (reached = resolve))
    const opened = new Promise<void>((resolve) => (open = resolve))
    const runner = createProjectionRunner(log, [countsProjection({ name: "switching", inline: true })], {
      pollIntervalMs: 20,
      beforeSwitch: async () => (reached(), opened),
    })
    await runner.start()
    // PostgreSQL: an older transaction stays open, so the guarded reads cannot see what commits after it
    let release: (() => void) | undefined
    let holder: Promise<void> | undefined
    try {
      await runner.caughtUp()
      const rebuilt = runner.rebuild("switching")
      await atGate
      if (backend === "postgres") {
        let started!: () => void
        const holding = new Promise<void>((resolve) => (started = resolve))
        const released = new Promise<void>((resolve) => (release = resolve))
        holder = owner.transaction().execute(async (trx) => {
          await sql`SELECT pg_current_xact_id()`.execute(trx)
          started()
          await released
        })
        await holding
      }
      const fresh = request("delta", 2)
      const outcome = await runner.appendInline(fresh)
      expect(outcome.ok).toBe(true)
      expect(await actualCounts(db, runner.tablesOf("switching"))).toEqual(await expectedCounts(db)) // g1, inline
      open()
      expect(await rebuilt).toBe(2)
      expect(await actualCounts(db, runner.tablesOf("switching"))).toEqual(await expectedCounts(db)) // g2 has it already
      if (backend === "postgres") {
        const guarded = await log.readAllBatch({ streamTypes: ["delta"], batchSize: 100_000 })
        expect(guarded.some((e) => e.streamId === fresh.streamId)).toBe(false) // still held back
        expect(await appliedRows(db, "rm_switching_applied_g2")).toBe(2)
      }
      release?.()
      await holder
      await runner.caughtUp()
      expect(await actualCounts(db, runner.tablesOf("switching"))).toEqual(await expectedCounts(db))
      expect(await appliedRows(db, "rm_switching_applied_g2")).toBe(0)
    } finally {
      release?.()
      await holder
      await runner.stop()
    }
  })
})
