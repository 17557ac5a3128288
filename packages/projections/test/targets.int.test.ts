import { Generator, demoSeedRecordedAt, recordHistory, recordSeedDocuments } from "@xkld/demo"
import { AdminUnit, decodeEvent, QuotaPlan, Reference, Target, Worker } from "@xkld/domain"
import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { Result } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import {
  createReadModels,
  targetScoreboard,
  toStoreRecords,
  type ReadModels,
  type TargetScoreboard,
} from "../src/index.ts"

/**
 * The target scoreboard (issue 9 §2) over a generated history of the three provinces: each measured value equals
 * what replaying the worker streams of the log through the worker decider gives, cut at the same recorded time —
 * the departures in effect, their residence on the departure date, the trainings and counselling in effect —
 * with no read model involved. About 12,000 events: the set-up takes ~15 s on PGlite, the property ~10 s.
 */

const NOW = "2026-11-23T00:00:00Z"
let log: EventLog
let models: ReadModels
let catalogueAt: (t: number) => AdminUnit.Catalogue
const seedPlans = [
  QuotaPlan.sonLa2026Plan,
  QuotaPlan.laoCai2025Plan,
  QuotaPlan.laiChauProgramme,
  QuotaPlan.sonLaScheme20252030,
]

beforeAll(async () => {
  log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
  await recordSeedDocuments(log, toStoreRecords, demoSeedRecordedAt)
  await recordHistory(
    log,
    Generator.generateHistory({ seed: "bang-chi-tieu", targetEvents: 12_000, provinces: ["12", "14", "15"], now: NOW }),
  )
  models = createReadModels(log, { batchSize: 1000 })
  await models.runner.start()
  await models.runner.caughtUp()
})
afterAll(async () => {
  await models.runner.stop()
  await log.close()
})

type Measured = { value: number | null; numerator: number | null; denominator: number | null }

/** Every worker event of the log, decoded once; `at(t)` folds those recorded by t through the worker decider. */
async function workerStates() {
  const events: Array<{ streamId: string; recordedAt: number; event: Worker.WorkerEvent }> = []
  for await (const batch of log.readAll({ streamTypes: [Worker.WORKER_STREAM_TYPE], batchSize: 5000 }))
    for (const e of batch) {
      const decoded = decodeEvent(e.type, e.schemaVersion, e.data)
      if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
      events.push({
        streamId: e.streamId,
        recordedAt: e.recordedAt.getTime(),
        event: decoded.success as Worker.WorkerEvent,
      })
    }
  return (t: number) => {
    const states = new Map<string, Worker.WorkerState>()
    for (const { streamId, recordedAt, event } of events)
      if (recordedAt <= t)
        states.set(
          streamId,
          Worker.workerDecider.evolve(states.get(streamId) ?? Worker.workerDecider.initialState, event),
        )
    return [...states.values()].filter((s) => s.registration !== undefined)
  }
}

/** The reference: the seed plans' targets measured over decider states, by the domain's definitions. */
function reference(
  catalogue: AdminUnit.Catalogue,
  states: ReadonlyArray<Worker.WorkerState>,
  known: ReadonlySet<string>,
  provinceCode: string,
  year: number,
  through: string,
) {
  const codes = Target.relatedProvinceCodes(catalogue, provinceCode)
  const out = new Map<string, Measured>()
  for (const plan of seedPlans.filter((p) => known.has(p.planId))) {
    const view = {
      ...plan,
      fromYear: plan._tag === "IssueScheme" ? plan.fromYear : plan.year,
      toYear: plan._tag === "IssueScheme" ? plan.toYear : plan.year,
    }
    if (!codes.includes(plan.provinceCode) || Target.firstYearOf(view) > year || year > view.toYear) continue
    const territory = Target.territoryOf(
      catalogue,
      plan.provinceCode,
      plan.legalBasis.date ?? `${Target.firstYearOf(view)}-01-01`,
    )
    const inside = (unitId: string) => Target.territoryShare(catalogue, unitId, territory) === "inside"
    for (const target of plan.targets) {
      const period = Target.targetPeriod(view, target)
      const upTo = period.to < through ? period.to : through
      const within = (date: string) => date >= period.from && date <= upTo
      const departures = states.flatMap((s) =>
        codes.includes(s.registration!.provinceCode)
          ? s.countedDepartures
              .filter((d) => within(d.date) && inside(d.residenceUnitId))
              .map((d) => ({ state: s, departure: d }))
          : [],
      )
      const factsOf = (s: Worker.WorkerState, tag: string) => s.facts.filter((f) => f._tag === tag)
      let m: Measured
      if (target.kind === "departures") {
        const n = departures.length
        const years = Target.yearsElapsed(period, upTo)
        m =
          target.aggregation === "yearly-average"
            ? { value: years ? Math.round((n / years) * 10) / 10 : null, numerator: n, denominator: years }
            : { value: n, numerator: n, denominator: null }
      } else if (target.kind === "trained-before-departure-share") {
        const trained = departures.filter(({ state, departure }) => {
          const trainings = factsOf(state, "WorkerTrainingCompleted") as ReadonlyArray<Worker.WorkerTrainingCompleted>
          return Target.preparedBefore(
            {
              language: trainings.filter((t) => t.kind === "language").map((t) => t.occurredOn),
              orientation: trainings.filter((t) => t.kind === "orientation").map((t) => t.occurredOn),
              legalCounselling: factsOf(state, "WorkerLegalCounselled").map((f) => f.occurredOn),
            },
            departure.date,
          )
        }).length
        m = { value: Target.percent(trained, departures.length), numerator: trained, denominator: departures.length }
      } else if (target.kind === "communes-with-departures-share") {
        const units = new Set(
          plan._tag === "IssuePlan"
            ? plan.allocations.map((a) => AdminUnit.unitOn(catalogue, a.unitCode, `${plan.year}-01-01`)[0]!.unitId)
            : [],
        )
        const reached = new Set<string>()
        for (const { departure } of departures) {
          if (units.has(departure.residenceUnitId)) reached.add(departure.residenceUnitId)
          else {
            const next = AdminUnit.successorsToday(catalogue, departure.residenceUnitId, upTo).filter((s) =>
              units.has(s.unitId),
            )
            if (next.length === 1 && !next[0]!.viaSplit) reached.add(next[0]!.unitId)
          }
        }
        m = { value: Target.percent(reached.size, units.size), numerator: reached.size, denominator: units.size }
      } else if (target.kind === "high-income-market-share") {
        const markets = new Set(
          Reference.highIncomeClassifications
            .filter((c) => c.provinceCode === plan.provinceCode)
            .map((c) => c.marketCode),
        )
        const high = departures.filter(({ state, departure }) => {
          const fact = state.facts.find(
            (f) => f._tag === "WorkerDeparted" && f.eventId === departure.eventId,
          ) as Worker.WorkerDeparted
          const contract = state.contracts[fact.contractEventId]!
          return markets.has(Reference.programmeByCode(contract.programme)?.marketCode ?? contract.country)
        }).length
        m = { value: Target.percent(high, departures.length), numerator: high, denominator: departures.length }
      } else {
        const trainings = states.flatMap((s) => {
          const unit = s.residence.at(-1)?.residenceUnitId ?? s.registration!.residenceUnitId
          if (!codes.includes(s.registration!.provinceCode) || !inside(unit)) return []
          return (factsOf(s, "WorkerTrainingCompleted") as ReadonlyArray<Worker.WorkerTrainingCompleted>).filter(
            (t) => t.kind === "language" && within(t.occurredOn),
          )
        })
        const n =
          target.kind === "language-trainees"
            ? new Set(trainings.map((t) => t.workerId)).size
            : new Set(trainings.map((t) => t.provider.toLocaleLowerCase("vi"))).size
        m = { value: n, numerator: n, denominator: null }
      }
      out.set(Target.targetId(plan.planId, target), m)
    }
  }
  return out
}

const measuredOf = (board: TargetScoreboard) => new Map(board.items.map((i) => [i.id, i.measured]))

describe(`target scoreboard over three provinces (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  test("given the seed plans, when Lai Châu, Sơn La 2026 and Lào Cai 2025 are asked for, then every seed target is listed and measured", async () => {
    const laiChau = await targetScoreboard(models, { provinceCode: "12", year: 2026, today: "2026-11-22" })
    expect(
      laiChau.items.map((i) => `${i.kind}/${i.target.comparator}/${i.target.value}/${i.period.from}..${i.period.to}`),
    ).toEqual([
      "departures/at-least/450/2023-01-01..2025-12-31",
      "language-training-centres/at-least/1/2023-01-01..2025-12-31",
      "language-trainees/target/200/2023-01-01..2025-12-31",
      "departures/at-least/750/2026-01-01..2030-12-31",
      "language-trainees/more-than/1000/2023-01-01..2030-12-31",
      "high-income-market-share/more-than/80/2023-01-01..2030-12-31",
    ])
    for (const item of laiChau.items) expect(item.measured.value, item.id).not.toBeNull()
    const average2030 = laiChau.items[3]!
    expect(average2030.target.unit).toBe("người/năm")
    expect(average2030.measured.denominator).toBe(1) // 2026 only, so far
    expect(average2030.met).toBe(average2030.measured.value! >= 750)
    expect(laiChau.items[5]!.legalBasis.issuer).toBe("Ban Thường vụ Tỉnh ủy Lai Châu")

    const sonLa = await targetScoreboard(models, { provinceCode: "14", year: 2026, today: "2026-11-22" })
    expect(sonLa.items.map((i) => i.kind)).toEqual([
      "departures",
      "trained-before-departure-share",
      "communes-with-departures-share",
    ])
    expect(sonLa.items[2]!.measured.denominator).toBe(75)
    const attainment = await models.attainment({ provinceCode: "14", year: 2026 })
    expect(sonLa.items[0]!.measured.value).toBe(attainment.total.departed) // the same departures as attainment
    expect(sonLa.items[2]!.measured.numerator).toBe(75 - attainment.unitsWithNobody.length)

    const laoCai = await targetScoreboard(models, { provinceCode: "15", year: 2025 })
    expect(laoCai.items.map((i) => [i.planId, i.kind, i.target.value])).toEqual([
      [QuotaPlan.laoCai2025PlanId, "departures", 350],
      [QuotaPlan.laoCai2025PlanId, "trained-before-departure-share", 100],
    ])
    expect(laoCai.plans[0]).toMatchObject({ provinceCode: "10", territoryOn: "2025-01-24", territoryUnits: 151 })
    expect(laoCai.territoryRule.id).toBe("issuing-authority-territory")
    // Measured over the old Lào Cai only: fewer than every 2025 departure of the new province.
    const all2025 = (await models.departures({ provinceCode: "15", years: [2025] })).filter((d) => d.counted).length
    expect(laoCai.items[0]!.measured.value!).toBeGreaterThan(0)
    expect(laoCai.items[0]!.measured.value!).toBeLessThan(all2025)
    expect(await targetScoreboard(models, { provinceCode: "15", year: 2026 })).toMatchObject({ items: [] })
  })

  test("the lineage of a measured value lists events of the log, and as-of works as for attainment", async () => {
    const board = await targetScoreboard(models, { provinceCode: "12", year: 2025 })
    const trainees = board.items.find((i) => i.kind === "language-trainees")!
    const lineage = await models.targetLineage({ provinceCode: "12", year: 2025, targetId: trainees.id })
    expect(lineage?.value).toBe(trainees.measured.value)
    expect(lineage!.events.length).toBeGreaterThanOrEqual(trainees.measured.value!)
    expect(new Set(lineage!.events.map((e) => e.type))).toContain("WorkerTrainingCompleted")
    expect(
      await models.targetLineage({
        provinceCode: "12",
        year: 2025,
        targetId: "quota-plan:12:2025/departures/year/2025",
      }),
    ).toBeUndefined()
    const early = await targetScoreboard(models, {
      provinceCode: "12",
      year: 2025,
      asOf: new Date("2025-10-15T00:00:00Z"),
    })
    expect(early.through).toBe("2025-10-15")
    expect(early.items.find((i) => i.id === trainees.id)!.measured.value!).toBeLessThan(trainees.measured.value!)
  })

  /** 60 cuts by default (FC_RUNS to change it), spread over the history and aimed at corrections. */
  test("property: every measured value equals a replay of the log cut at the same recorded time", async () => {
    const statesAt = await workerStates()
    const planRecorded = new Map<string, number>()
    for await (const batch of log.readAll({ streamTypes: [QuotaPlan.quotaPlanStreamType] }))
      for (const e of batch) if (!planRecorded.has(e.streamId)) planRecorded.set(e.streamId, e.recordedAt.getTime())
    // The unit catalogue as the log knew it (the reorganisation is recorded on 1 July 2025), folded independently.
    const units: Array<{ at: number; event: AdminUnit.AdminUnitEvent }> = []
    for await (const batch of log.readAll({ streamTypes: [AdminUnit.adminUnitStreamType], batchSize: 5000 }))
      for (const e of batch) {
        const decoded = decodeEvent(e.type, e.schemaVersion, e.data)
        if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
        units.push({ at: e.recordedAt.getTime(), event: decoded.success as AdminUnit.AdminUnitEvent })
      }
    catalogueAt = (t) => AdminUnit.buildCatalogue(units.filter((u) => u.at <= t).map((u) => u.event))
    const knownAt = (t: number) => new Set([...planRecorded].filter(([, at]) => at <= t).map(([id]) => id))
    const lo = Date.parse("2024-01-01T00:00:00Z")
    const hi = Date.parse(NOW)
    const corrections: Array<number> = []
    for await (const batch of log.readAll({ eventTypes: ["WorkerFactCorrected", "WorkerFactVoided"], batchSize: 5000 }))
      for (const e of batch) corrections.push(e.recordedAt.getTime())
    expect(corrections.length).toBeGreaterThan(5)
    const cut = fc.record({
      t: fc.oneof(
        fc.integer({ min: lo, max: hi }),
        fc.constantFrom(...corrections).chain((t) => fc.constantFrom(t - 1, t, t + 1)),
      ),
      query: fc.constantFrom(["12", 2025], ["12", 2026], ["14", 2026], ["15", 2025], ["10", 2025], ["12", 2024]),
    })
    await fc.assert(
      fc.asyncProperty(cut, async ({ t, query: [provinceCode, year] }) => {
        const asOf = new Date(t)
        const board = await targetScoreboard(models, {
          provinceCode: provinceCode as string,
          year: year as number,
          asOf,
        })
        const expected = reference(
          catalogueAt(t),
          statesAt(t),
          knownAt(t),
          provinceCode as string,
          year as number,
          board.through,
        )
        expect(measuredOf(board)).toEqual(expected)
      }),
      { numRuns: fc.readConfigureGlobal().numRuns ?? 60 },
    )
  })
})
