import { randomUUID } from "node:crypto"
import { readFileSync } from "node:fs"
import { encodeEvent, Worker } from "@xkld/domain"
import { Result } from "effect"
import fc from "fast-check"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { historyFixture, replayCountedDepartures, workerHistory, type Fixture } from "./history.ts"

let fx: Fixture
beforeAll(async () => {
  fx = await historyFixture(12_000)
})
afterAll(() => fx.close())

const SON_LA = "14"

const successionCsv = readFileSync(
  new URL("../../domain/src/admin-unit/data/succession-2025-07-01.csv", import.meta.url),
  "utf8",
)
/** old Sơn La commune code → today's unit codes, from the published succession table. */
const successors = new Map<string, string[]>()
for (const line of successionCsv.split("\n").slice(1)) {
  const [oldProvince, , , , oldCode, , , newCode] = line.split(",")
  if (oldProvince === "14" && oldCode && newCode) successors.set(oldCode, [...(successors.get(oldCode) ?? []), newCode])
}

/** Unit ids look like `au/14/03646/2025-07-01` (today's units) or `au/14/04225/origin` (before 1 July 2025). */
const expectedByTodaysCode = (replay: Map<string, number>) => {
  const byCode = new Map<string, number>()
  let notAttributable = 0
  for (const [unitId, n] of replay) {
    const [, , code, from] = unitId.split("/")
    const to = from === "2025-07-01" ? [code!] : (successors.get(code!) ?? [])
    if (to.length !== 1) notAttributable += n
    else byCode.set(to[0]!, (byCode.get(to[0]!) ?? 0) + n)
  }
  return { byCode, notAttributable }
}

describe(`read models over a generated history (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  test("Sơn La 2026 attainment: the plan as issued (700 target, 75 rows summing to 703) and departures from the log", async () => {
    const a = await fx.models.attainment({ provinceCode: SON_LA, year: 2026 })
    expect(a.plan).toMatchObject({ target: 700, allocatedTotal: 703, discrepancy: 3 })
    expect(a.items).toHaveLength(75)
    expect(a.items.reduce((s, i) => s + i.target, 0)).toBe(703)
    const replay = await replayCountedDepartures(fx.log, 2026)
    const total = [...replay.values()].reduce((s, n) => s + n, 0)
    expect(total).toBeGreaterThan(20)
    expect(a.total.departed).toBe(total)
    // People registered before 1 July 2025 may still be recorded under their old commune: regrouped via
    // the succession table (read here straight from the CSV, independently of the domain's catalogue).
    const expected = expectedByTodaysCode(replay)
    expect(new Map(a.items.filter((i) => i.departed > 0).map((i) => [i.unitCode, i.departed]))).toEqual(expected.byCode)
    expect(a.notAttributable.reduce((s, u) => s + u.departed, 0)).toBe(expected.notAttributable)
    expect(a.unitsWithNobody.map((u) => u.unitCode).sort()).toEqual(
      a.items
        .filter((i) => !expected.byCode.has(i.unitCode))
        .map((i) => i.unitCode)
        .sort(),
    )
    const names = a.items.map((i) => i.unitName)
    expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare))
    const toHieu = a.items.find((i) => i.unitName === "Phường Tô Hiệu")
    expect(toHieu).toMatchObject({ unitCode: "03646", target: 24 }) // Phụ lục 01: 3,46% → 24
  })

  /**
   * As of T the read models answer what replaying the log cut at T answers. Uniform cut times almost never fall
   * where the answer changes, so most cuts are aimed at the windows of corrections and voids: a millisecond
   * before, at, and after the correction's recorded time and its original's (and the original's own year).
   * 300 runs (FC_RUNS to change it): a few seconds.
   */
  test("as of any past time equals replaying the log cut at that time (property, cuts aimed at corrections)", async () => {
    const db = fx.log.database.db
    const { rows } = await sql<{
      lo: Date
      hi: Date
    }>`SELECT min(recorded_at) AS lo, max(recorded_at) AS hi FROM es_events`.execute(db)
    const lo = new Date(rows[0]!.lo).getTime()
    const hi = new Date(rows[0]!.hi).getTime()
    const corrections = await sql<{ fixed: Date; original: Date; year: number }>`
      SELECT c.recorded_at AS fixed, o.recorded_at AS original, extract(year FROM o.occurred_at)::int AS year
      FROM es_events c JOIN es_events o ON o.event_id::text = c.data->>'correctsEventId'
      WHERE c.event_type IN ('WorkerFactCorrected', 'WorkerFactVoided')`.execute(db)
    expect(corrections.rows.length).toBeGreaterThan(20) // the generated history corrects and voids facts
    const aimed = corrections.rows.flatMap(({ fixed, original, year }) =>
      [new Date(fixed).getTime(), new Date(original).getTime()].flatMap((at) =>
        [at - 1, at, at + 1].map((t) => ({ t, year: year === 2025 || year === 2026 ? year : undefined })),
      ),
    )
    const cut = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .constantFrom(...aimed)
          .chain(({ t, year }) =>
            year ? fc.constant({ t, year }) : fc.constantFrom(2025, 2026).map((y) => ({ t, year: y })),
          ),
      },
      { weight: 1, arbitrary: fc.record({ t: fc.integer({ min: lo, max: hi }), year: fc.constantFrom(2025, 2026) }) },
    )
    const history = await workerHistory(fx.log)
    // The fast reference folds the same events as the store's cut: check it against the store at a few aimed cuts.
    for (const { t, year } of fc.sample(cut, { seed: 1, path: "", numRuns: 3 }))
      expect(history.at(year, new Date(t))).toEqual(await replayCountedDepartures(fx.log, year, new Date(t)))
    await fc.assert(
      fc.asyncProperty(cut, async ({ t, year }) => {
        const asOf = new Date(t)
        const replay = history.at(year, asOf)
        const a = await fx.models.attainment({ provinceCode: SON_LA, year, asOf, splitRule: "not-attributable" })
        expect(a.total.departed).toBe([...replay.values()].reduce((s, n) => s + n, 0))
        const rowsAsOf = await fx.models.departures({ provinceCode: SON_LA, years: [year], asOf })
        const counted = new Map<string, number>()
        for (const d of rowsAsOf) if (d.counted) counted.set(d.unitId, (counted.get(d.unitId) ?? 0) + 1)
        expect(counted).toEqual(replay)
      }),
      { numRuns: fc.readConfigureGlobal().numRuns ?? 300 },
    )
  })

  test("2025 regrouped into today's units: full merges move whole, split communes are shown apart or apportioned", async () => {
    const apart = await fx.models.attainment({ provinceCode: SON_LA, year: 2025, splitRule: "not-attributable" })
    const apportioned = await fx.models.attainment({ provinceCode: SON_LA, year: 2025, splitRule: "apportion" })
    const replay = await replayCountedDepartures(fx.log, 2025)
    const total = [...replay.values()].reduce((s, n) => s + n, 0)
    expect(apart.plan).toBeNull()
    expect(apart.items).toHaveLength(75) // today's units of Sơn La
    const sum = (rows: ReadonlyArray<{ departed: number }>) => rows.reduce((s, r) => s + r.departed, 0)
    expect(sum(apart.items) + sum(apart.notAttributable)).toBe(total)
    expect(Math.round(sum(apportioned.items) * 100) / 100).toBe(total)
    expect(apportioned.notAttributable).toEqual([])
    // old units (before 1 July 2025) really were regrouped
    const catalogue = await fx.models.catalogues.at()
    const oldUnitIds = [...replay.keys()].filter((id) => catalogue.units.get(id)?.validUntil === "2025-07-01")
    expect(oldUnitIds.length).toBeGreaterThan(0)
  })

  test("lineage lists the events behind a unit's figure, with the same value", async () => {
    const a = await fx.models.attainment({ provinceCode: SON_LA, year: 2026 })
    const unit = a.items.find((i) => i.departed > 0)!
    const lineage = await fx.models.lineage({ provinceCode: SON_LA, year: 2026, unitCode: unit.unitCode })
    expect(lineage.value).toBe(unit.departed)
    const departures = lineage.events.filter((e) => e.type === "WorkerDeparted")
    expect(departures.length).toBeGreaterThanOrEqual(unit.departed)
    for (const e of lineage.events) {
      expect(e.streamId).toMatch(/^worker-/)
      expect(e.actor).toBeTruthy()
      expect(new Date(e.recordedAt).getTime()).toBeGreaterThanOrEqual(new Date(e.occurredAt).getTime() - 86_400_000)
    }
    expect(lineage.events.some((e) => e.type === "WorkerContractSigned")).toBe(true)
    const province = await fx.models.lineage({ provinceCode: SON_LA, year: 2026 })
    expect(province.value).toBe(a.total.departed)
  })

  test("a correction recorded later: as of before shows the old figure, now the new one, and the difference names the event", async () => {
    const before = new Date()
    const [row] = (await fx.models.departures({ provinceCode: SON_LA, years: [2026] })).filter((d) => d.counted)
    expect(row).toBeDefined()
    const stream = await fx.log.readStream(Worker.workerStreamId(row!.workerId))
    let state = Worker.workerDecider.initialState
    const { decodeEvent } = await import("@xkld/domain")
    for (const e of stream)
      state = Worker.workerDecider.evolve(state, (decodeEvent(e.type, e.schemaVersion, e.data) as any).success)
    const voidId = randomUUID()
    const decided = Worker.workerDecider.decide(
      new Worker.VoidWorkerFact({
        eventId: voidId,
        workerId: row!.workerId,
        occurredOn: "2026-11-20",
        correctsEventId: row!.departureEventId,
        reason: "Nhập trùng, người lao động chưa xuất cảnh",
      }),
      state,
    )
    if (Result.isFailure(decided)) throw new Error(decided.failure.message)
    await new Promise((r) => setTimeout(r, 20))
    const outcome = await fx.log.append({
      streamId: Worker.workerStreamId(row!.workerId),
      streamType: Worker.WORKER_STREAM_TYPE,
      expectedVersion: stream.length,
      events: decided.success.map((event) => {
        const encoded = encodeEvent(event)
        return {
          eventId: voidId,
          ...encoded,
          occurredAt: new Date("2026-11-20"),
          metadata: {
            actor: { userId: "so-noi-vu", role: "province-officer" },
            commandId: voidId,
            correlationId: voidId,
            source: { kind: "api" },
          },
        }
      }),
    })
    expect(outcome.ok).toBe(true)
    await fx.models.runner.caughtUp()
    const now = await fx.models.attainment({ provinceCode: SON_LA, year: 2026 })
    const then = await fx.models.attainment({ provinceCode: SON_LA, year: 2026, asOf: before })
    expect(now.total.departed).toBe(then.total.departed - 1)
    const diff = await fx.models.difference({ provinceCode: SON_LA, year: 2026, from: before, to: new Date() })
    expect(diff.departedBefore - diff.departedAfter).toBe(1)
    expect(diff.changes).toEqual([
      expect.objectContaining({ departureEventId: row!.departureEventId, change: "removed" }),
    ])
    expect(diff.events.map((e) => e.eventId)).toEqual([voidId])
    expect(diff.events[0]!.corrects).toEqual({
      eventId: row!.departureEventId,
      reason: "Nhập trùng, người lao động chưa xuất cảnh",
    })
  })

  test("live read models equal a full rebuild, by content hash", async () => {
    for (const name of ["workers", "plans", "enterprises", "plan_tasks", "reporting"]) {
      const live = await fx.models.runner.contentHash(name)
      await fx.models.runner.rebuild(name)
      expect(await fx.models.runner.contentHash(name)).toBe(live)
    }
  })

  test("the other read models: funnel, breakdowns, outcomes, training, finance, enterprises, tasks, obligations", async () => {
    const filter = { provinceCode: SON_LA }
    const f = await fx.models.funnel(filter, { from: "2024-01-01", to: "2026-12-31" })
    const counts = f.stages.map((s) => s.count)
    expect(counts[0]).toBeGreaterThan(100)
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!)
    expect(f.withdrawn.total).toBeGreaterThan(0)
    const b = await fx.models.departureBreakdown(filter, { from: "2026-01-01", to: "2026-12-31" }, (d) =>
      ["JP", "KR", "DE", "AU"].includes(d.country),
    )
    const a = await fx.models.attainment({ provinceCode: SON_LA, year: 2026 })
    expect(b.total).toBe(a.total.departed)
    expect(Object.values(b.byCountry).reduce((s, n) => s + n, 0)).toBe(b.total)
    const o = await fx.models.outcomes(filter)
    expect(o.abroadNow + o.returnees + o.overstayed).toBeGreaterThan(0)
    const t = await fx.models.trainingCoverage(filter, { from: "2026-01-01", to: "2026-12-31" })
    expect(t.departed).toBe(b.total)
    const money = await fx.models.finance(filter)
    expect(money.loans.count).toBeGreaterThan(0)
    expect((await fx.models.enterprises({})).length).toBeGreaterThan(10)
    expect((await fx.models.tasks({})).length).toBeGreaterThan(30)
    expect((await fx.models.obligations({ provinceCode: SON_LA })).length).toBeGreaterThan(200)
  })
})

describe("a poison event", () => {
  test("pauses only the workers read model, visibly; the others keep going; resume after a fix", async () => {
    const { testEvent, testMetadata } = await import("@xkld/event-store/testing")
    const [enterprise] = await fx.models.enterprises({})
    const workerStream = `worker-poison-${randomUUID()}`
    // a worker event the domain cannot read (what a bug or a bad import could leave behind)
    const poison = { ...testEvent({ workerId: "x" }, "WorkerDeparted"), metadata: testMetadata() }
    expect(
      (
        await fx.log.append({
          streamId: workerStream,
          streamType: Worker.WORKER_STREAM_TYPE,
          expectedVersion: "no_stream",
          events: [poison],
        })
      ).ok,
    ).toBe(true)
    const violation = new (await import("@xkld/domain")).Enterprise.EnterpriseViolationRecorded({
      enterpriseId: enterprise!.enterpriseId,
      occurredOn: "2026-11-20",
      description: "Thu phí vượt mức quy định",
    })
    const stream = await fx.log.readStream(`enterprise-${enterprise!.enterpriseId}`)
    const encoded = encodeEvent(violation)
    expect(
      (
        await fx.log.append({
          streamId: `enterprise-${enterprise!.enterpriseId}`,
          streamType: "Enterprise",
          expectedVersion: stream.length,
          events: [{ ...testEvent(), ...encoded }],
        })
      ).ok,
    ).toBe(true)
    await fx.models.runner.caughtUp()
    const status = await fx.models.runner.status()
    const workers = status.find((s) => s.projection === "workers")!
    expect(workers.state).toBe("paused")
    expect(workers).toMatchObject({ failedEventId: poison.eventId, failedEventType: "WorkerDeparted" })
    expect(String(workers.errorMessage)).toMatch(/WorkerDeparted/)
    expect(workers.pausedAt).toBeTruthy()
    expect(status.filter((s) => s.projection !== "workers").every((s) => s.state === "running")).toBe(true)
    const after = (await fx.models.enterprises({})).find((e) => e.enterpriseId === enterprise!.enterpriseId)
    expect(after!.violations).toBe(enterprise!.violations + 1)
    // resuming without a fix pauses again on the same event: nothing is skipped silently
    await fx.models.runner.resume("workers")
    await fx.models.runner.caughtUp("workers")
    expect((await fx.models.runner.status()).find((s) => s.projection === "workers")).toMatchObject({
      state: "paused",
      failedEventId: poison.eventId,
    })
  })
})
