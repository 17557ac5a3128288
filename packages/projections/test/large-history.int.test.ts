import { Generator, demoSeedRecordedAt, recordHistory, recordSeedDocuments } from "@xkld/demo"
import { openEventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { expect, test } from "vitest"
import { createReadModels, readModelProjections, toStoreRecords } from "../src/index.ts"

const names = readModelProjections.map((p) => p.name)

test("after ≥ 10^5 events and a runner killed at random points mid-batch, live read models equal a full rebuild", async () => {
  const log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
  try {
    await recordSeedDocuments(log, toStoreRecords, demoSeedRecordedAt)
    const events = await recordHistory(
      log,
      Generator.generateHistory({ seed: 2026, targetEvents: 100_000, provinces: ["14", "12"] }),
    )
    expect(events).toBeGreaterThanOrEqual(95_000)

    // Start, let it run a random while, kill it; again and again with fresh runners, as after crashes.
    let seed = 12345
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let round = 0; round < 6; round++) {
      const models = createReadModels(log, { batchSize: 200 + Math.floor(random() * 800) })
      await models.runner.start()
      await new Promise((resolve) => setTimeout(resolve, 200 + random() * 1500))
      await models.runner.stop()
    }
    const live = createReadModels(log)
    await live.runner.start()
    await live.runner.caughtUp()
    const statuses = await live.runner.status()
    expect(statuses.every((s) => s.state === "running")).toBe(true)
    const hashes = new Map<string, string>()
    for (const name of names) hashes.set(name, await live.runner.contentHash(name))
    for (const name of names) {
      await live.runner.rebuild(name)
      expect(await live.runner.contentHash(name), name).toBe(hashes.get(name))
    }
    const attainment = await live.attainment({ provinceCode: "14", year: 2026 })
    expect(attainment.total.departed).toBeGreaterThan(100)
    await live.runner.stop()
  } finally {
    await log.close()
  }
}, 1_800_000)
