import { describe, expect, test } from "vitest"
import { testEvent } from "@xkld/event-store/testing"
import { backend, log, setUpTestLog } from "./test-log.ts"
import { createProjectionRunner } from "./runner.ts"
import { actualCounts, appendEvents, countsProjection, expectedCounts, seededRandom } from "./test-projections.ts"

setUpTestLog()

const totalOf = (counts: { byType: ReadonlyArray<{ events: number }> }) =>
  counts.byType.reduce((n, r) => n + r.events, 0)

describe(`poison events (${backend})`, () => {
  test("a failing event pauses only its projection, visibly; resume after the fix completes it", async () => {
    // "fragile" cannot handle PoisonHappened until it is fixed; "sturdy" handles everything
    let fixed = false
    const fragile = countsProjection({
      name: "fragile",
      sabotage: {
        check: (event) => {
          if (event.type === "PoisonHappened" && !fixed) throw new Error(`cannot read ${JSON.stringify(event.data)}`)
        },
      },
    })
    const sturdy = countsProjection({ name: "sturdy" })
    const errors: Array<string> = []
    const options = { batchSize: 50, pollIntervalMs: 20, onError: (name: string) => void errors.push(name) }
    let runner = createProjectionRunner(log, [fragile, sturdy], options)
    await runner.start()

    await appendEvents(log, 120, seededRandom(5))
    const poison = testEvent({ bad: true }, "PoisonHappened")
    const appended = await log.append({
      streamId: "alpha-poison",
      streamType: "alpha",
      expectedVersion: "any",
      events: [poison],
    })
    if (!appended.ok) throw appended.error
    await appendEvents(log, 80, seededRandom(6))
    const before = new Date(Date.now() - 1000)
    await runner.caughtUp()

    const status = Object.fromEntries((await runner.status()).map((s) => [s.projection, s]))
    expect(status.sturdy).toMatchObject({ state: "running", pausedAt: null, errorMessage: null })
    expect(status.fragile).toMatchObject({
      state: "paused",
      failedEventId: poison.eventId,
      failedEventType: "PoisonHappened",
      failedStreamId: "alpha-poison",
      failedGeneration: 1,
    })
    expect(status.fragile!.errorMessage).toContain('cannot read {"bad":true}')
    expect(status.fragile!.pausedAt!.getTime()).toBeGreaterThan(before.getTime())
    const [recorded] = await log.readEvents([poison.eventId])
    expect(status.fragile!.failedGlobalPosition).toBe(recorded!.globalPosition)
    expect(errors).toContain("fragile")

    // the events before the poison (also those of its own batch) are in; nothing after it
    const { db } = log.database
    expect(totalOf(await actualCounts(db, runner.tablesOf("fragile")))).toBe(120)
    expect(await actualCounts(db, runner.tablesOf("sturdy"))).toEqual(await expectedCounts(db))

    // the other projection keeps going; the paused one stays put, also across a restart
    await appendEvents(log, 30, seededRandom(7))
    await runner.stop()
    runner = createProjectionRunner(log, [fragile, sturdy], options)
    await runner.start()
    await runner.caughtUp()
    expect(totalOf(await actualCounts(db, runner.tablesOf("sturdy")))).toBe(231)
    expect(totalOf(await actualCounts(db, runner.tablesOf("fragile")))).toBe(120)
    expect((await runner.status()).find((s) => s.projection === "fragile")!.state).toBe("paused")

    // resuming without a fix pauses again on the same event
    await runner.resume("fragile")
    await runner.caughtUp("fragile")
    const again = (await runner.status()).find((s) => s.projection === "fragile")!
    expect(again).toMatchObject({ state: "paused", failedEventId: poison.eventId })

    // fixed: resume completes it, and it equals a rebuild
    fixed = true
    await runner.resume("fragile")
    await runner.caughtUp("fragile")
    const healed = (await runner.status()).find((s) => s.projection === "fragile")!
    expect(healed).toMatchObject({ state: "running", pausedAt: null })
    expect(await actualCounts(db, runner.tablesOf("fragile"))).toEqual(await expectedCounts(db))
    const hash = await runner.contentHash("fragile")
    await runner.rebuild("fragile")
    expect(await runner.contentHash("fragile")).toBe(hash)
    expect(await runner.contentHash("fragile")).toBe(await runner.contentHash("sturdy"))
    await runner.stop()
  })

  test("a rebuild that meets a failing event pauses and reports it; resume after the fix switches", async () => {
    let fixed = true
    const shaky = countsProjection({
      name: "shaky",
      sabotage: {
        check: (event) => {
          if (event.type === "PoisonHappened" && !fixed) throw new Error("still broken")
        },
      },
    })
    const runner = createProjectionRunner(log, [shaky], { batchSize: 40, pollIntervalMs: 20 })
    await runner.start()
    try {
      await runner.caughtUp()
      fixed = false
      await expect(runner.rebuild("shaky")).rejects.toThrow(/paused at event .*PoisonHappened.*still broken/)
      const paused = (await runner.status())[0]!
      expect(paused).toMatchObject({ state: "paused", activeGeneration: 1, buildingGeneration: 2, failedGeneration: 2 })
      fixed = true
      await runner.resume("shaky")
      await runner.caughtUp("shaky")
      // the build resumed from its checkpoint and switched
      for (let i = 0; i < 200 && (await runner.status())[0]!.activeGeneration !== 2; i++)
        await new Promise((r) => setTimeout(r, 20))
      expect((await runner.status())[0]).toMatchObject({
        state: "running",
        activeGeneration: 2,
        buildingGeneration: null,
      })
      expect(await actualCounts(log.database.db, runner.tablesOf("shaky"))).toEqual(
        await expectedCounts(log.database.db),
      )
    } finally {
      await runner.stop()
    }
  })
})
