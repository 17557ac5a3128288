import { describe, expect, test } from "vitest"
import type { RecordedEvent } from "@xkld/event-store"
import { backend, log, setUpTestLog } from "./test-log.ts"
import { createProjectionRunner, type ProjectionRunner } from "./runner.ts"
import {
  actualCounts,
  appendEvents,
  countsProjection,
  expectedCounts,
  seededRandom,
  type Sabotage,
} from "./test-projections.ts"

setUpTestLog()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A simulated crash at the n-th event handled, midway through a batch (part of its rows already
 * written in the open transaction): the runner is told to die, and the handler either throws at once
 * or finishes its writes, so the death comes between the writes and the commit.
 */
class CrashSwitch implements Sabotage {
  countdown = 0
  throws = true
  runner: ProjectionRunner | undefined
  crashes = { throwing: 0, dying: 0 }
  check = (_event: RecordedEvent) => {
    if (this.countdown <= 0 || --this.countdown > 0) return
    const throws = this.throws
    this.throws = !throws // alternate the two kinds
    this.crashes[throws ? "throwing" : "dying"]++
    void this.runner?.stop()
    if (throws) throw new Error("simulated crash")
  }
}

describe(`projection runner under crashes (${backend})`, () => {
  // One replay variable for every randomised test (docs/testing.md): FC_SEED=<the seed in the test's name>.
  const seed = Number(process.env.FC_SEED ?? process.env.CRASH_SEED ?? Date.now() % 1_000_000)

  test(`killed at random points mid-batch and restarted, the live model equals the log and a rebuild (seed ${seed})`, async () => {
    const random = seededRandom(seed)
    const crash = new CrashSwitch()
    const projection = countsProjection({ name: "crashy", sabotage: crash })
    let stoppedMidway = 0
    let rebuildsStarted = 0
    for (let round = 0; round < 24; round++) {
      const runner = createProjectionRunner(log, [projection], { batchSize: random.int(3, 150), pollIntervalMs: 20 })
      crash.runner = runner
      crash.countdown = 0
      await runner.start()
      // early on, crashes also land in rebuilds (the building generation resumes after the restart);
      // the later rounds crash the generation that is finally compared
      if (round === 3 || round === 9) {
        rebuildsStarted++
        void runner.rebuild("crashy").catch(() => undefined)
      }
      const count = random.int(40, 220)
      const appending = appendEvents(log, count, random)
      if (random.next() < 0.6) {
        crash.countdown = random.int(1, count) // dies inside a handler
        await appending
        await sleep(random.int(0, 100))
      } else {
        await sleep(random.int(0, 120)) // stopped at a random moment; a batch in flight rolls back
        stoppedMidway++
        await appending
      }
      await runner.stop()
    }
    expect(crash.crashes.throwing).toBeGreaterThanOrEqual(2)
    expect(crash.crashes.dying).toBeGreaterThanOrEqual(2)
    expect(stoppedMidway).toBeGreaterThanOrEqual(2)
    expect(rebuildsStarted).toBe(2)

    crash.countdown = 0
    const runner = createProjectionRunner(log, [projection], { batchSize: 200, pollIntervalMs: 20 })
    await runner.start()
    try {
      await runner.caughtUp()
      const [status] = await runner.status()
      expect(status!.state).not.toBe("paused")
      const expected = await expectedCounts(log.database.db)
      expect(await actualCounts(log.database.db, runner.tablesOf("crashy"))).toEqual(expected)
      const liveHash = await runner.contentHash("crashy")
      const generation = await runner.rebuild("crashy")
      expect(runner.tablesOf("crashy").by_stream_type).toBe(`rm_crashy_by_stream_type_g${generation}`)
      expect(await runner.contentHash("crashy")).toBe(liveHash)
    } finally {
      await runner.stop()
    }
  })
})
