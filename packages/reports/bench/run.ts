/**
 * `pnpm bench` for the reports (docs/benchmarks.md, "Reports"): a province's annual report in all four formats,
 * one commune's report (what one request costs: the province read once, one reporter built and rendered), and all
 * 75 communes' reports from one read (what the CLI's `report` command does), each against the baseline of the
 * same run: the read-model queries that feed the report (attainment, departure and worker rows as of the
 * instant, the target scoreboard, tasks, obligations). Rounds alternate ours and the baseline after a warm-up.
 *
 * Environment: BENCH_EVENTS (generated history, default 40000: the demo's size), BENCH_ROUNDS (default 5),
 * DATABASE_URL (PostgreSQL instead of PGlite), BENCH_OUT (default bench/results/reports.json at the root).
 */
import { loadavg } from "node:os"
import { resolve } from "node:path"
import { formatTable, measurement, writeResults, type Measurement } from "@xkld/event-store/bench"
import { buildReport, loadProvinceData, renderAll, reportPeriod } from "../src/index.ts"
import { reportFixture } from "../test/fixture.ts"

const events = Number(process.env.BENCH_EVENTS) || 40_000
const rounds = Number(process.env.BENCH_ROUNDS) || 5
const out = process.env.BENCH_OUT || resolve(import.meta.dirname, "../../../bench/results/reports.json")
const backend = process.env.DATABASE_URL ? "postgres" : "pglite"
const LIMITS = { provinceMs: 2000, communeMs: 300 } as const

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].toSorted((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
/**
 * Each side's CPU time too (this process: JavaScript and, on PGlite, the database): on a machine shared by other
 * jobs the wall time mostly measures the queue for the two cores; the CPU time much less so.
 */
const cpu = {
  baseline: [] as number[],
  communeBaseline: [] as number[],
  province: [] as number[],
  commune: [] as number[],
  all: [] as number[],
}
let lastCpuMs = 0
const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  await run()
  const used = process.cpuUsage(cpuStarted)
  lastCpuMs = (used.user + used.system) / 1000
  return performance.now() - started
}
const record = (side: keyof typeof cpu) => async (run: () => Promise<unknown>) => {
  sides[side].push(await timed(run))
  cpu[side].push(lastCpuMs)
}
const loads = (l: ReadonlyArray<number>) => l.map((x) => x.toFixed(1)).join(" ")
let loadAtRounds: ReadonlyArray<number> = []
const cpuNote = (side: keyof typeof cpu, base: keyof typeof cpu) =>
  `; CPU time of this process (median): ${Math.round(median(cpu[side]))} ms, baseline ${Math.round(median(cpu[base]))} ms; load average ${loads(loadAtRounds)} when the rounds began, ${loads(loadavg())} at the end`

console.log(`reports bench: ${backend}, ${events.toLocaleString("en")} generated events, ${rounds} rounds`)
let started = performance.now()
const fx = await reportFixture({ targetEvents: events })
console.log(`  loaded and projected in ${Math.round((performance.now() - started) / 1000)} s`)
const asOf = new Date("2026-11-23T00:00:00Z")
const annual = reportPeriod("2026")!
const query = { provinceCode: "14", period: annual, asOf }

const baseline = () => loadProvinceData(fx.models, query)
const province = async () => renderAll(buildReport(await loadProvinceData(fx.models, query), "province"))
const firstCommune = (await baseline()).attainment.items[0]!.unitCode
// one commune's request, as the route makes it: its own rows only, no scoreboard
const communeRead = () => loadProvinceData(fx.models, query, { scoreboard: false, rowsOf: firstCommune })
const commune = async () => renderAll(buildReport(await communeRead(), firstCommune))
const allCommunes = async () => {
  const data = await loadProvinceData(fx.models, query)
  for (const item of data.attainment.items) await renderAll(buildReport(data, item.unitCode))
  return data.attainment.items.length
}
const communes = (await baseline()).attainment.items.length

// warm-up of every side (JIT, fonts parsed, table pages cached)
await baseline()
await communeRead()
await province()
await commune()

const sides = {
  baseline: [] as number[],
  communeBaseline: [] as number[],
  province: [] as number[],
  commune: [] as number[],
  all: [] as number[],
}
loadAtRounds = loadavg()
console.log(`  load average ${loads(loadAtRounds)} (1, 5, 15 min) as the rounds begin`)
for (let r = 0; r < rounds; r++) {
  const order = [
    () => record("baseline")(baseline),
    () => record("communeBaseline")(communeRead),
    () => record("province")(province),
    () => record("commune")(commune),
    () => record("all")(allCommunes),
  ]
  for (let i = 0; i < order.length; i++) await order[(i + r) % order.length]!()
  console.log(`  round ${r + 1}/${rounds} (load average ${loads(loadavg())})`)
}
started = performance.now()
const base = median(sides.baseline)
const results: Measurement[] = [
  measurement(
    "province annual report, 4 formats (DOCX, XLSX, PDF, JSON)",
    backend,
    "ms",
    median(sides.province),
    base,
    {
      limit: LIMITS.provinceMs,
      note: `ours: read as of ${asOf.toISOString()} + build + render four files; baseline: the read-model queries alone (median of ${rounds})${cpuNote("province", "baseline")}`,
    },
  ),
  measurement(
    "one commune's report, 4 formats (one request)",
    backend,
    "ms",
    median(sides.commune),
    median(sides.communeBaseline),
    {
      limit: LIMITS.communeMs,
      note: `${firstCommune}: its own rows read (no scoreboard), built and rendered; baseline: that read alone${cpuNote("commune", "communeBaseline")}`,
    },
  ),
  measurement(`all ${communes} communes' reports, 4 formats (one read)`, backend, "ms", median(sides.all), base, {
    note: `${(median(sides.all) / communes).toFixed(1)} ms per commune after the one read (the CLI's report command)${cpuNote("all", "baseline")}`,
  }),
]
console.log(formatTable(results))
await writeResults(out, results)
console.log(`  wrote ${out}`)
await fx.close()
