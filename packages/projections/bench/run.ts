/**
 * `pnpm bench` for the projections (docs/benchmarks.md, "Projections"): rebuilding every read model from
 * zero against a bare read of the same log, and as-of attainment queries against live ones, at several
 * history sizes, on PostgreSQL (and PGlite at the smallest size).
 *
 * Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a fresh database is created
 * for each size and dropped after), BENCH_BACKENDS=pglite,postgres, BENCH_SIZES_PG (default
 * 100000,1000000), BENCH_SIZES_PGLITE (default 100000), BENCH_QUERIES (as-of queries per size, default
 * 200), BENCH_LANES (concurrent loader transactions, default 2), BENCH_RUNNER_BATCH (the runner's batch
 * size; default: the runner's own), BENCH_RUNNER_MAX_BATCH (the batch a loop that is behind grows to; default: the
 * runner's own for the backend, ADR 0031), BENCH_OUT (default bench/results/projections.json at the repository root),
 * BENCH_FIRST_START=0 to skip the first-start row (bench/first-start.ts, its own results file).
 * `pnpm bench:growth` runs this with PostgreSQL only at 10^5, 10^6 and 10^7 events (bench/results/projections-growth.json).
 */
import { Generator, demoSeedRecordedAt, recordSeedDocuments } from "@xkld/demo"
import { toStoreRecords } from "../src/index.ts"
import { openEventLog, type BackendName, type Database } from "@xkld/event-store"
import { cpus, loadavg, totalmem } from "node:os"
import { resolve } from "node:path"
import { benchAsOf, type AsOfResult } from "./as-of.ts"
import { benchFirstStart } from "./first-start.ts"
import { loadHistory } from "./load.ts"
import { latency, scale, TARGETS, throughput, type Measurement } from "./measurement.ts"
import { benchRebuild, untilVisible } from "./rebuild.ts"
import { formatTable, measurement, writeResults } from "@xkld/event-store/bench"
import { DEFAULT_DATABASE_URL, freshPglite, freshPostgres, ownerQuery, probePostgres } from "./targets.ts"

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}
const sizes = (name: string, fallback: ReadonlyArray<number>): ReadonlyArray<number> => {
  const value = process.env[name]
  if (!value) return fallback
  return value
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isFinite(n) && n > 0)
}

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
const backends = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",").map((b) => b.trim())
const queries = number("BENCH_QUERIES", 200)
const lanes = number("BENCH_LANES", 2)
const runnerBatch = process.env.BENCH_RUNNER_BATCH ? number("BENCH_RUNNER_BATCH", 500) : undefined
const runnerMaxBatch = process.env.BENCH_RUNNER_MAX_BATCH ? number("BENCH_RUNNER_MAX_BATCH", 10_000) : undefined
const readBatch = 5000
const out = process.env.BENCH_OUT || resolve(import.meta.dirname, "../../../bench/results/projections.json")
const PROVINCE = "14"
const YEARS = [2026, 2025]

const results: Measurement[] = []
const report = (m: Measurement) => {
  results.push(m)
  console.log(
    `  ${m.name}: ours ${m.ours.toLocaleString("en")} vs baseline ${m.baseline.toLocaleString("en")} ${m.unit} → ${m.ratio.toFixed(2)}`,
  )
}
const seconds = (since: number) => (performance.now() - since) / 1000
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")

interface SizeResult {
  readonly events: number
  /**
   * The resident set's peak while the read models were rebuilt and queried (sampled every 250 ms, after a full
   * GC once the load is done): what the API process holds. The loader's own peak (`maxRSS`) is printed beside it.
   */
  readonly peakRssMiB: number
  readonly rebuildRate: number
  readonly scanRate: number
  readonly asOf: AsOfResult
}

/** Samples the resident set until `stop()`, which returns its peak in MiB. */
const sampleRss = () => {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 250)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, process.memoryUsage.rss()) / 2 ** 20
    },
  }
}

async function benchSize(backend: BackendName, open: () => Promise<Database>, size: number): Promise<SizeResult> {
  const label = scale(size)
  console.log(`\n-- ${backend}, ${label} events (load average ${load()}) --`)
  const log = await openEventLog(await open(), { allowRecordedAt: true })
  try {
    let started = performance.now()
    await recordSeedDocuments(log, toStoreRecords, demoSeedRecordedAt)
    const history = Generator.generateHistory({ seed: 7, targetEvents: size, provinces: [PROVINCE] })
    await loadHistory(log, history, {
      appendsPerTransaction: 2000,
      lanes: backend === "pglite" ? 1 : lanes,
      onProgress: (n) => console.log(`  loaded ${n.toLocaleString("en")} events (${Math.round(seconds(started))} s)`),
    })
    const events = await log.count()
    const loadSeconds = seconds(started)
    console.log(
      `  loaded ${events.toLocaleString("en")} events in ${Math.round(loadSeconds)} s (generate + log.appendBatch, 2,000 appends/tx): ${Math.round(events / loadSeconds).toLocaleString("en")} events/s`,
    )
    // Settle the freshly written pages (hint bits, visibility map, statistics) so no side pays for that alone.
    await ownerQuery(log.database, "VACUUM ANALYZE es_events")
    await untilVisible(log.database, events)

    ;(globalThis as { gc?: () => void }).gc?.() // the loader's garbage is not the read models'
    const rss = sampleRss()
    started = performance.now()
    const rebuild = await benchRebuild(log, events, { readBatch, runnerBatch, runnerMaxBatch })
    const scanSeconds = rebuild.scanSeconds.reduce((a, b) => a + b, 0) / rebuild.scanSeconds.length
    const rebuildRate = events / rebuild.seconds
    const scanRate = events / scanSeconds
    const byProjection = Object.entries(rebuild.byProjection)
      .toSorted(([, a], [, b]) => b - a)
      .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
      .join(", ")
    report(
      throughput(
        `rebuild all projections from zero, ${label} events`,
        backend,
        rebuildRate,
        scanRate,
        TARGETS.rebuild,
        `ours: runner start() to caughtUp() from zero, ${rebuild.seconds.toFixed(1)} s (caught up: ${byProjection}); ` +
          `baseline: bare keyset scan of es_events, same columns, ${readBatch}/page, rows discarded, ` +
          `${rebuild.scanSeconds.map((s) => s.toFixed(1)).join(" s before, ")} s after` +
          (backend === "pglite" ? "; PGlite: 10^5 events only (loading is slow in memory)" : ""),
      ),
    )

    // The new read-model tables get their statistics, as autovacuum would give them soon after a rebuild.
    await ownerQuery(log.database, "VACUUM ANALYZE")
    const asOf = await benchAsOf(log.database, rebuild.models, {
      queries,
      provinceCode: PROVINCE,
      years: YEARS,
      seed: 2026,
    })
    const f = (x: number) => x.toFixed(1)
    report(
      latency(
        `as-of province attainment p95, ${label} events`,
        backend,
        asOf.asOf.p95,
        asOf.live.p95,
        TARGETS.asOfP95Ms,
        `${queries} attainment queries (province ${PROVINCE}, years ${YEARS.join(" and ")} alternating) as known at a random instant between ` +
          `${asOf.from.toISOString().slice(0, 10)} and ${asOf.to.toISOString().slice(0, 10)}; ` +
          `as-of p50/p95/p99/max ${f(asOf.asOf.p50)}/${f(asOf.asOf.p95)}/${f(asOf.asOf.p99)}/${f(asOf.asOf.max)} ms; ` +
          `baseline: the same queries live (no asOf), p50/p95/p99/max ${f(asOf.live.p50)}/${f(asOf.live.p95)}/${f(asOf.live.p99)}/${f(asOf.live.max)} ms; ` +
          `ratio = live p95 / as-of p95`,
      ),
    )
    await rebuild.models.runner.stop()
    console.log(`  rebuild + queries took ${Math.round(seconds(started))} s`)
    const peakRssMiB = rss.stop()
    console.log(
      `  peak RSS while rebuilding and querying: ${Math.round(peakRssMiB)} MiB (process maxRSS, loader included: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB)`,
    )
    return { events, rebuildRate, scanRate, asOf, peakRssMiB }
  } finally {
    await log.close()
  }
}

async function benchBackend(backend: BackendName, open: () => Promise<Database>, list: ReadonlyArray<number>) {
  console.log(`\n== ${backend} ==`)
  const bySize = new Map<number, SizeResult>()
  for (const size of list) bySize.set(size, await benchSize(backend, open, size))
  const measured = [...bySize.entries()].toSorted(([a], [b]) => a - b)
  const [smallSize, small] = measured[0] ?? []
  for (const [size, large] of measured.slice(1)) {
    const from = scale(smallSize!)
    const to = scale(size)
    report({
      ...throughput(
        `growth ${from} → ${to}: rebuild throughput`,
        backend,
        large.rebuildRate,
        small!.rebuildRate,
        TARGETS.growth,
        `ours = rebuild events/s at ${to}, baseline = at ${from}; 1.00 = time linear in the number of events ` +
          `(the bare scan: ${Math.round(large.scanRate).toLocaleString("en")} vs ${Math.round(small!.scanRate).toLocaleString("en")} events/s)`,
      ),
    })
    report(
      latency(
        `growth ${from} → ${to}: as-of attainment p95`,
        backend,
        large.asOf.asOf.p95,
        small!.asOf.asOf.p95,
        undefined,
        `ours = as-of p95 at ${to}, baseline = at ${from}; 1.00 = flat, target ≥ ${(1 / TARGETS.asOfGrowth).toFixed(2)} (p95 at most ${TARGETS.asOfGrowth}× the smallest size's; live p95: ${large.asOf.live.p95.toFixed(1)} vs ${small!.asOf.live.p95.toFixed(1)} ms)`,
      ),
    )
  }
  const [largestSize, largest] = measured[measured.length - 1] ?? []
  if (largest && measured.length > 1)
    report(
      measurement(
        `peak RSS of the process holding the read models, up to ${scale(largestSize!)} events`,
        backend,
        "MiB",
        largest.peakRssMiB,
        small!.peakRssMiB,
        {
          ratio: "baseline / ours",
          ...(backend === "postgres" ? { limit: TARGETS.peakRssMiB } : {}),
          note: `ours: peak resident set while the largest size was rebuilt and queried (runner with its state caches, as-of queries; sampled every 250 ms after a full GC once the load was done — the loader is the bench's, not the API's); baseline: the same at ${scale(smallSize!)}`,
        },
      ),
    )
}

console.log(
  `projections bench — node ${process.version}, ${cpus().length} cpus, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${load()}`,
)
const started = performance.now()

if (process.env.BENCH_FIRST_START !== "0") {
  console.log("\n== first start (PGlite, the API in demo mode) ==")
  const rows = await benchFirstStart()
  for (const row of rows) report(row)
  await writeResults(resolve(import.meta.dirname, "../../../bench/results/projections-first-start.json"), rows)
  results.splice(0, results.length)
}

if (backends.includes("pglite")) await benchBackend("pglite", freshPglite, sizes("BENCH_SIZES_PGLITE", [100_000]))
if (backends.includes("postgres")) {
  const probe = await probePostgres(url)
  if (probe.ok) {
    console.log(`\nPostgreSQL: ${probe.version}`)
    await benchBackend("postgres", () => freshPostgres(url), sizes("BENCH_SIZES_PG", [100_000, 1_000_000]))
  } else {
    console.log(`\n!! PostgreSQL is not reachable at ${new URL(url).host} (${probe.reason}): benching PGlite only.`)
  }
}

console.log(`\n${formatTable(results)}\n`)
await writeResults(out, results)
console.log(
  `wrote ${results.length} measurements to ${out} in ${Math.round(seconds(started))} s (load average now ${load()})`,
)
