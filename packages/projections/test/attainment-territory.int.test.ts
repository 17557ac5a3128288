import { readFileSync } from "node:fs"
import { Generator, demoSeedRecordedAt, recordHistory, recordSeedDocuments } from "@xkld/demo"
import { QuotaPlan, Target } from "@xkld/domain"
import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createReadModels, targetScoreboard, toStoreRecords, type ReadModels } from "../src/index.ts"

/**
 * Attainment applies ADR 0017 as the target scoreboard does (issue 9 §1): the old Lào Cai's (10) 2025 plan is
 * measured over the old Lào Cai's territory for the whole year, across the 1 July 2025 merger (Lào Cai 10 + Yên
 * Bái 15 → Lào Cai 15). The reference is the published succession table itself, not the catalogue: a departure
 * counts when its unit's code on the departure date is an old Lào Cai commune (before 1 July) or a new unit every
 * old commune of which was the old Lào Cai's (from 1 July).
 */

const NOW = "2026-11-23T00:00:00Z"
const MERGER = "2025-07-01"
let log: EventLog
let models: ReadModels

beforeAll(async () => {
  log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
  await recordSeedDocuments(log, toStoreRecords, demoSeedRecordedAt)
  await recordHistory(
    log,
    Generator.generateHistory({ seed: "dia-ban-ban-hanh", targetEvents: 5_000, provinces: ["15"], now: NOW }),
  )
  models = createReadModels(log, { batchSize: 1000 })
  await models.runner.start()
  await models.runner.caughtUp()
})
afterAll(async () => {
  await models.runner.stop()
  await log.close()
})

/** The old Lào Cai's communes and the new units formed only from them, read from the published CSV. */
function publishedTerritory() {
  const text = readFileSync(
    new URL("../../../../shared/data/admin-units/succession-2025-07-01.csv", import.meta.url),
    "utf8",
  )
  const [header, ...lines] = text.trim().split("\n")
  const columns = header!.split(",")
  const at = (name: string) => columns.indexOf(name)
  const rows = lines.map((line) => line.split(","))
  const old = rows.filter((r) => r[at("old_province_code")] === "10")
  const oldCodes = new Set(old.map((r) => r[at("old_unit_code")]!))
  const fromOld = new Set(old.map((r) => r[at("new_unit_code")]!))
  const fromElsewhere = new Set(
    rows.filter((r) => r[at("old_province_code")] !== "10").map((r) => r[at("new_unit_code")]!),
  )
  const newCodes = new Set([...fromOld].filter((code) => !fromElsewhere.has(code)))
  return { oldCodes, newCodes, partly: [...fromOld].filter((code) => fromElsewhere.has(code)) }
}

/**
 * A unit of record in the published territory: an old commune of the old Lào Cai (a worker who has not moved keeps
 * the unit registered, past the merger), or a unit formed on 1 July 2025 only from them. A unit's id is its birth
 * mark (`au/<province>/<code>/<since>`), not its current code, which may be another unit's old one.
 */
const insidePublished = (unitId: string, oldCodes: ReadonlySet<string>, newCodes: ReadonlySet<string>) => {
  const [, province, code, since] = unitId.split("/")
  return since === MERGER ? newCodes.has(code!) : province === "10" && oldCodes.has(code!)
}

describe(`attainment over the issuing authority's territory (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  test("given the old Lào Cai's 2025 plan, when the new Lào Cai's 2025 attainment is asked for, then it counts the old Lào Cai's territory only, as the published table draws it, and echoes the rule", async () => {
    const { oldCodes, newCodes, partly } = publishedTerritory()
    expect(oldCodes.size).toBe(151)
    expect(partly).toEqual([]) // the published table forms no unit partly from the old Lào Cai

    const a = await models.attainment({ provinceCode: "15", year: 2025 })
    expect(a.plan).toMatchObject({
      planId: QuotaPlan.laoCai2025PlanId,
      provinceCode: "10",
      territoryOn: "2025-01-24",
      territoryUnits: 151,
      partlyInTerritory: 0,
      target: 350,
    })
    expect(a.territoryRule).toEqual(Target.territoryRule)

    const departures = (
      await Promise.all(["10", "15"].map((code) => models.departures({ provinceCode: code, years: [2025] })))
    )
      .flat()
      .filter((d) => d.counted)
    const inside = departures.filter((d) => insidePublished(d.unitId, oldCodes, newCodes))
    const afterMerger = inside.filter((d) => d.departedOn >= MERGER).length
    expect(afterMerger).toBeGreaterThan(0) // the year runs across the merger
    expect(inside.length).toBeLessThan(departures.length) // Yên Bái's departures are outside
    expect(a.total.departed).toBe(inside.length)
    expect(a.total.remaining).toBe(Math.max(0, 350 - inside.length))

    // The same departures as the scoreboard's head-count, and the same answer asked under the old code.
    const board = await targetScoreboard(models, { provinceCode: "15", year: 2025 })
    expect(board.items.find((i) => i.kind === "departures")!.measured.value).toBe(a.total.departed)
    // The lineage of the figure rests on the same departures (its value is attainment's total).
    const lineage = await models.lineage({ provinceCode: "15", year: 2025 })
    expect(lineage.value).toBe(a.total.departed)
    const departureIds = new Set(inside.map((d) => d.departureEventId))
    expect(lineage.events.filter((e) => departureIds.has(e.eventId))).toHaveLength(inside.length)
    const underOldCode = await models.attainment({ provinceCode: "10", year: 2025 })
    expect(underOldCode.total).toEqual(a.total)
    expect(underOldCode.plan?.planId).toBe(QuotaPlan.laoCai2025PlanId)
  })

  test("as of a time before the merger was recorded, '15' is Yên Bái: the old Lào Cai's plan is not its plan, and the old Lào Cai counts its own communes", async () => {
    const asOf = new Date("2025-06-20T00:00:00Z")
    const yenBai = await models.attainment({ provinceCode: "15", year: 2025, asOf })
    expect(yenBai.plan).toBeNull()
    const old = await models.attainment({ provinceCode: "10", year: 2025, asOf })
    expect(old.plan).toMatchObject({ planId: QuotaPlan.laoCai2025PlanId, provinceCode: "10", territoryUnits: 151 })
    const { oldCodes } = publishedTerritory()
    const known = (await models.departures({ provinceCode: "10", years: [2025], asOf })).filter((d) => d.counted)
    expect(old.total.departed).toBe(known.filter((d) => insidePublished(d.unitId, oldCodes, new Set())).length)
    expect(old.total.departed).toBeLessThan(
      (await models.attainment({ provinceCode: "10", year: 2025 })).total.departed,
    )
  })
})
