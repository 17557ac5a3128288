import { Generator, recordHistory } from "@xkld/demo"
import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { contentHash, createReadModels, readModelProjections } from "../src/index.ts"
import { createVersionedTable, diffOf, insertVersions } from "../src/versioned/table.ts"
import type { RowVersion } from "../src/versioned/versions.ts"

/*
 * The set-based build (docs/benchmarks.md, first start; ADR 0031): a loop that is behind reads growing batches (up to
 * `maxBatchSize`), and the versions of one key in one INSERT travel as the fields that differ from the key's first
 * version there, merged by the database. Both must leave exactly the rows the incremental path leaves.
 */
const backend = process.env.DATABASE_URL ? "postgres" : "pglite"
let log: EventLog
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true, notifyIntervalMs: 10 })
})
afterAll(() => log.close())

describe(`set-based build (${backend})`, () => {
  test("versions inserted as diffs equal the same versions inserted whole", async () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)]!
    const versions: RowVersion[] = []
    const at = Date.parse("2025-01-01T00:00:00Z")
    for (let i = 0; i < 3000; i++) {
      const key = `k${Math.floor(random() * 200)}`
      const shape = random()
      // mostly rows with the same fields (diffs), some with other fields, arrays, null, nested values, non-objects
      const data =
        shape < 0.8
          ? {
              stage: pick(["registered", "trained", "departed", null]),
              n: pick([0, 1, 2.5, -3]),
              on: pick([null, "2025-02-01"]),
              groups: pick([[], ["a"], ["a", "b"]]),
              nested: pick([{ x: 1 }, { x: 1, y: [null] }, null]),
              text: pick(["Sơn La", "Lào Cai", 'x"y\\z']),
            }
          : shape < 0.9
            ? { stage: pick(["registered", "returned"]), other: pick([true, false]) }
            : pick<unknown>([[1, 2], "plain", 5, null, {}])
      const row = { key, provinceCode: pick(["14", null]), year: pick([2025, null]), unitId: pick(["u1", null]), data }
      const from = new Date(at + i * 60_000)
      const closed = random() < 0.5
      versions.push({
        ...row,
        table: "t",
        recordedFrom: from,
        recordedTo: closed ? new Date(from.getTime() + 1000 + Math.floor(random() * 1e6)) : null,
        eventId: crypto.randomUUID(),
        closedBy: closed ? crypto.randomUUID() : null,
      })
    }
    const db = log.database.owner
    const whole = "rm_setbased_test_whole_g1"
    const diffs = "rm_setbased_test_diffs_g1"
    await createVersionedTable(db, whole)
    await createVersionedTable(db, diffs)
    await insertVersions(db, whole, versions, { diffs: false })
    for (let i = 0; i < versions.length; i += 1000) await insertVersions(db, diffs, versions.slice(i, i + 1000))
    expect(await contentHash(db, { t: diffs })).toBe(await contentHash(db, { t: whole }))
    // and the diffs were used: the same fields differ only where a value changed
    expect(diffOf({ a: 1, b: [1] }, { a: 1, b: [2] })).toEqual({ b: [2] })
    expect(diffOf({ a: 1 }, { b: 1 })).toBeUndefined()
  })

  test("every read model built from zero in large batches equals the one built in small batches", async () => {
    await recordHistory(
      log,
      Generator.generateHistory({ seed: "set-based-build", targetEvents: 12_000, provinces: ["14", "12"] }),
    )
    // incremental: small fixed batches (mostly one version per key and batch, closed by UPDATE in a later batch)
    const incremental = createReadModels(log, { batchSize: 23, maxBatchSize: 23, pollIntervalMs: 20 })
    await incremental.runner.start()
    await incremental.runner.caughtUp()
    const hashes = new Map<string, string>()
    for (const { name } of readModelProjections) hashes.set(name, await incremental.runner.contentHash(name))
    await incremental.runner.stop()
    // from zero: loops that read 10,000-event batches once behind (PGlite's default; versions written once, as diffs)
    const built = createReadModels(log, { maxBatchSize: 10_000, pollIntervalMs: 20 })
    await built.runner.start()
    for (const { name } of readModelProjections) {
      await built.runner.rebuild(name)
      expect(await built.runner.contentHash(name), name).toBe(hashes.get(name))
    }
    const workers = await built.workers({})
    expect(workers.length).toBeGreaterThan(100)
    await built.runner.stop()
  })
})
