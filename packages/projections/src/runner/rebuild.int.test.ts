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

/** Holds a rebuilt generation at its switch until the test opens it. */
const switchGate = () => {
  let reached!: (generation: number) => void
  let open!: () => void
  const atGate = new Promise<number>((resolve) => (reached = resolve))
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { atGate, open, beforeSwitch: async (_name: string, generation: number) => (reached(generation), opened) }
}

describe(`blue/green rebuilds (${backend})`, () => {
  test("the live generation keeps serving and updating while the next one builds; the switch is atomic", async () => {
    const gate = switchGate()
    const runner = createProjectionRunner(log, [countsProjection({ name: "blue" })], {
      batchSize: 100,
      pollIntervalMs: 20,
      beforeSwitch: gate.beforeSwitch,
    })
    await runner.start()
    try {
      const { db } = log.database
      await appendEvents(log, 1200, seededRandom(21))
      await runner.caughtUp()
      const g1 = runner.tablesOf("blue")

      const rebuilt = runner.rebuild("blue")
      expect(await gate.atGate).toBe(2)
      expect((await runner.status())[0]).toMatchObject({
        state: "rebuilding",
        activeGeneration: 1,
        buildingGeneration: 2,
      })
      expect(runner.tablesOf("blue")).toEqual(g1)

      // appends during the build: the live generation takes them, queries on it still work
      await appendEvents(log, 300, seededRandom(22))
      await runner.caughtUp("blue")
      expect(await actualCounts(db, g1)).toEqual(await expectedCounts(db))
      const g2 = { by_stream_type: "rm_blue_by_stream_type_g2", last_position: "rm_blue_last_position_g2" }
      const partial = await actualCounts(db, g2)
      expect(partial.byType.reduce((n, r) => n + r.events, 0)).toBe(1200)

      gate.open()
      expect(await rebuilt).toBe(2)
      expect(runner.tablesOf("blue")).toEqual(g2)
      // the switch took the rest in its own transaction
      expect(await actualCounts(db, g2)).toEqual(await expectedCounts(db))
      expect(await tableExists(db, g1.by_stream_type!)).toBe(false)
      expect(await tableExists(db, "rm_blue_applied_g1")).toBe(false)
      expect((await runner.status())[0]).toMatchObject({
        state: "running",
        activeGeneration: 2,
        buildingGeneration: null,
      })

      await appendEvents(log, 50, seededRandom(23))
      await runner.caughtUp()
      expect(await actualCounts(db, g2)).toEqual(await expectedCounts(db))
    } finally {
      await runner.stop()
    }
  })

  test("a new definition version rebuilds on start; the old generation serves frozen until the switch", async () => {
    const { db } = log.database
    const v1 = countsProjection({ name: "versioned" })
    const first = createProjectionRunner(log, [v1], { pollIntervalMs: 20 })
    await first.start()
    await first.caughtUp()
    const old = first.tablesOf("versioned")
    await first.stop()
    const oldContents = await actualCounts(db, old)

    // version 2 only counts alpha and beta
    const v2 = countsProjection({ name: "versioned", version: 2, filter: { streamTypes: ["alpha", "beta"] } })
    const gate = switchGate()
    const second = createProjectionRunner(log, [v2], { pollIntervalMs: 20, beforeSwitch: gate.beforeSwitch })
    await second.start()
    try {
      await gate.atGate
      expect((await second.status())[0]).toMatchObject({
        state: "rebuilding",
        version: 1,
        buildingVersion: 2,
        activeGeneration: 1,
      })
      await appendEvents(log, 40, seededRandom(24))
      expect(second.tablesOf("versioned")).toEqual(old)
      expect(await actualCounts(db, old)).toEqual(oldContents) // frozen: no new code on old tables
      gate.open()
      await second.caughtUp()
      expect((await second.status())[0]).toMatchObject({
        state: "running",
        version: 2,
        activeGeneration: 2,
        buildingGeneration: null,
      })
      expect(await actualCounts(db, second.tablesOf("versioned"))).toEqual(await expectedCounts(db, ["alpha", "beta"]))
    } finally {
      await second.stop()
    }
  })

  test("a rebuild interrupted by a restart resumes from its own checkpoint and switches", async () => {
    const { db } = log.database
    const projection = countsProjection({ name: "restarted" })
    const gate = switchGate()
    const first = createProjectionRunner(log, [projection], {
      batchSize: 50,
      pollIntervalMs: 20,
      beforeSwitch: gate.beforeSwitch,
    })
    await first.start()
    await first.caughtUp()
    const rebuilt = first.rebuild("restarted").catch((error: Error) => error)
    await gate.atGate
    await first.stop()
    expect(await rebuilt).toBeInstanceOf(Error)
    expect((await first.status())[0]).toMatchObject({ state: "rebuilding", buildingGeneration: 2 })

    const second = createProjectionRunner(log, [projection], { batchSize: 50, pollIntervalMs: 20 })
    await second.start()
    try {
      for (let i = 0; i < 300 && (await second.status())[0]!.activeGeneration !== 2; i++)
        await new Promise((r) => setTimeout(r, 20))
      expect((await second.status())[0]).toMatchObject({ state: "running", activeGeneration: 2 })
      await second.caughtUp()
      expect(await actualCounts(db, second.tablesOf("restarted"))).toEqual(await expectedCounts(db))
    } finally {
      await second.stop()
    }
  })
})
