import fc from "fast-check"
import { sql } from "kysely"
import { afterAll, beforeAll, expect, test } from "vitest"
import {
  buildReport,
  differenceSinceIssue,
  figuresOf,
  loadProvinceData,
  renderReport,
  reportDifference,
  reportPeriod,
  REPORT_FORMATS,
  type Reporter,
} from "../src/index.ts"
import { reportFixture, type Fixture } from "./fixture.ts"

/**
 * A report as of T is a function of the log up to T: the history recorded after the cut (late records and
 * corrections of earlier facts among it) changes nothing in a report as of any T up to the cut.
 */

const CUT = "2026-07-01T00:00:00.000Z"
const period = reportPeriod("2026-H1")!
let fx: Fixture
beforeAll(async () => {
  fx = await reportFixture({ cut: CUT })
})
afterAll(() => fx.close())

const json = async (asOf: Date, reporter: Reporter) => {
  const data = await loadProvinceData(fx.models, { provinceCode: "14", period, asOf })
  return new TextDecoder().decode((await renderReport(buildReport(data, reporter), "json")).bytes)
}

test("a report as of T is unchanged by any events recorded after T (property over T and the reporter)", async () => {
  const lo = Date.parse("2026-01-01T00:00:00Z")
  const hi = Date.parse(CUT)
  const fixedAsOf = new Date("2026-06-15T00:00:00Z")
  const fixed = await loadProvinceData(fx.models, { provinceCode: "14", period, asOf: fixedAsOf })
  const reporters: ReadonlyArray<Reporter> = ["province", ...fixed.attainment.items.map((i) => i.unitCode)]
  const cases = fc.sample(fc.record({ t: fc.integer({ min: lo, max: hi }), reporter: fc.constantFrom(...reporters) }), {
    numRuns: 6,
  })
  const filesBefore = await Promise.all(REPORT_FORMATS.map((f) => renderReport(buildReport(fixed, "province"), f)))
  const before = await Promise.all(cases.map((c) => json(new Date(c.t), c.reporter)))
  const atCutBefore = await json(new Date(CUT), "province")

  const written = await fx.recordLater()
  expect(written).toBeGreaterThan(100)

  for (const [i, c] of cases.entries()) expect(await json(new Date(c.t), c.reporter), JSON.stringify(c)).toBe(before[i])
  const fixedAfter = await loadProvinceData(fx.models, { provinceCode: "14", period, asOf: fixedAsOf })
  for (const [i, f] of REPORT_FORMATS.entries())
    expect(
      Buffer.from((await renderReport(buildReport(fixedAfter, "province"), f)).bytes).equals(
        Buffer.from(filesBefore[i]!.bytes),
      ),
      f,
    ).toBe(true)
  // The later history does change what is known now about the same period: the test can tell.
  const values = (text: string) =>
    (JSON.parse(text) as { figures: ReadonlyArray<{ key: string; value: number | null }> }).figures.map(
      (f) => `${f.key}=${f.value}`,
    )
  expect(values(await json(new Date("2026-11-30T00:00:00Z"), "province"))).not.toEqual(values(atCutBefore))
})

test("the difference since issue names, for every changed figure, the events recorded after it that explain it", async () => {
  // runs after the property: the later history is recorded
  const asOf = new Date("2026-06-15T00:00:00Z")
  const now = new Date("2026-11-30T00:00:00Z")
  const then = buildReport(await loadProvinceData(fx.models, { provinceCode: "14", period, asOf }), "province")
  const request = { provinceCode: "14", reporter: "province", period: "2026-H1", asOf }
  const diff = await differenceSinceIssue(fx.log, fx.models, request, now)
  expect(diff.differences.length).toBeGreaterThan(0)
  // "Now" is the same days as known now (ADR 0020): the departures dated up to the issued day (15/06/2026) as the
  // log knows them at `now`, not those of the months after it.
  const knownNow = (await fx.models.departures({ provinceCode: "14", years: [2026], asOf: now })).filter(
    (d) => d.counted,
  )
  const sameDays = knownNow.filter((d) => d.departedOn <= "2026-06-15").length
  expect(knownNow.length, "the later history has later departures: the test can tell").toBeGreaterThan(sameDays)
  const totalKey = "ket-qua|Toàn tỉnh|Đã xuất cảnh (người)"
  const reportedTotal = figuresOf(then).find((f) => f.key === totalKey)!.value
  const total = diff.differences.find((d) => d.key === totalKey)
  expect(total?.now ?? reportedTotal).toBe(sameDays)
  expect(total, "late records or corrections about those days changed the total").toBeDefined()
  // the same through reportDifference with a "now" read for those days: the library's two paths agree
  const known = buildReport(
    await loadProvinceData(fx.models, { provinceCode: "14", period, asOf: now }, { through: "2026-06-15" }),
    "province",
  )
  expect((await reportDifference(fx.log, fx.models, then, known)).differences).toEqual(diff.differences)
  const departures = diff.differences.filter(
    (d) => d.key.startsWith("ket-qua|") && d.key.endsWith("|Đã xuất cảnh (người)"),
  )
  expect(departures.length).toBeGreaterThan(0)
  const byId = new Map(diff.events.map((e) => [e.eventId, e]))
  for (const d of diff.differences) {
    expect(d.eventIds.length, d.key).toBeGreaterThan(0)
    for (const id of d.eventIds) {
      const e = byId.get(id)!
      expect(e.recordedAt > asOf.toISOString() && e.recordedAt <= now.toISOString(), id).toBe(true)
    }
  }
  // A commune's departures difference names only events of workers of that commune (or its predecessors).
  const commune = departures.find((d) => !d.key.startsWith("ket-qua|Toàn tỉnh"))!
  const unitFigure = then.sections[0]!.tables[0]!.rows.find(
    (r) => `ket-qua|${r.key}|Đã xuất cảnh (người)` === commune.key,
  )!
  expect(unitFigure.scope.kind).toBe("units")
  const { rows } = await sql<{ unit_id: string; event_id: string }>`SELECT unit_id, event_id::text AS event_id
    FROM ${sql.table(fx.models.runner.tablesOf("workers")["departures"]!)}`.execute(fx.log.database.db)
  const units = new Map(rows.map((r) => [r.event_id, r.unit_id]))
  const scoped = unitFigure.scope.kind === "units" ? unitFigure.scope.unitIds : []
  for (const id of commune.eventIds) if (units.has(id)) expect(scoped).toContain(units.get(id))
})
