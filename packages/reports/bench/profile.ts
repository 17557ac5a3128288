/**
 * Stage profile of one commune's report and the province's (not part of `pnpm bench`): the read, the build and each
 * format timed alone, with each file's sha256 (the bytes must not change with speed work). PROFILE_CONTENT=<dir>
 * keeps the built contents as JSON there, and PROFILE_RENDER_ONLY=1 renders those again without loading a history.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import {
  buildReport,
  loadProvinceData,
  renderReport,
  reportPeriod,
  REPORT_FORMATS,
  type ReportContent,
} from "../src/index.ts"

const dir = process.env.PROFILE_CONTENT || "/tmp/rp"
const rounds = Number(process.env.PROFILE_ROUNDS) || 7
const median = (xs: ReadonlyArray<number>) => [...xs].toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!
const time = async (run: () => Promise<unknown> | unknown) => {
  const t = performance.now()
  const c = process.cpuUsage()
  await run()
  const u = process.cpuUsage(c)
  return { wall: performance.now() - t, cpu: (u.user + u.system) / 1000 }
}
const stage = async (name: string, run: () => Promise<unknown> | unknown) => {
  await run()
  const walls: number[] = []
  const cpus: number[] = []
  for (let i = 0; i < rounds; i++) {
    const r = await time(run)
    walls.push(r.wall)
    cpus.push(r.cpu)
  }
  console.log(
    `  ${name.padEnd(28)} wall ${median(walls).toFixed(1).padStart(8)} ms   cpu ${median(cpus).toFixed(1).padStart(8)} ms`,
  )
}

const contents: Record<string, ReportContent> = {}
if (process.env.PROFILE_RENDER_ONLY && existsSync(join(dir, "commune.json"))) {
  for (const name of ["commune", "province"])
    contents[name] = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"))
} else {
  const { reportFixture } = await import("../test/fixture.ts")
  const fx = await reportFixture({ targetEvents: Number(process.env.BENCH_EVENTS) || 40_000 })
  const query = { provinceCode: "14", period: reportPeriod("2026")!, asOf: new Date("2026-11-23T00:00:00Z") }
  const whole = await loadProvinceData(fx.models, query)
  const code = whole.attainment.items[0]!.unitCode
  const read = () => loadProvinceData(fx.models, query, { scoreboard: false, rowsOf: code })
  const data = await read()
  console.log(`commune ${code}: ${data.departures.length} departures, ${data.workers.length} workers`)
  await stage("commune read", read)
  await stage("  attainment", () =>
    fx.models.attainment({ provinceCode: "14", year: 2026, asOf: query.asOf, splitRule: "not-attributable" }),
  )
  await stage("  tasks", () => fx.models.tasks({ asOf: query.asOf }))
  await stage("  obligations", () => fx.models.obligations({ provinceCode: "14", asOf: query.asOf }))
  await stage("  catalogue", () => fx.models.catalogues.at(query.asOf))
  const unitIds = [...new Set(data.workers.map((w) => w.unitId))]
  await stage("  departures rows", () =>
    fx.models.departures({ provinceCode: "14", asOf: query.asOf, unitIds, years: [2026] }),
  )
  await stage("  worker rows", () => fx.models.workers({ provinceCode: "14", asOf: query.asOf, unitIds }))
  await stage("commune build", () => buildReport(data, code))
  await stage("province read", () => loadProvinceData(fx.models, query))
  await stage("province build", () => buildReport(whole, "province"))
  contents.commune = buildReport(data, code)
  contents.province = buildReport(whole, "province")
  mkdirSync(dir, { recursive: true })
  for (const [name, c] of Object.entries(contents)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(c))
  await fx.close()
}
for (const [name, content] of Object.entries(contents)) {
  console.log(name)
  for (const f of REPORT_FORMATS) await stage(f, () => renderReport(content, f))
  for (const f of REPORT_FORMATS) console.log(`  ${f} ${(await renderReport(content, f)).sha256}`)
}
