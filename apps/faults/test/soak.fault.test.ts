import { loadavg } from "node:os"
import { afterAll, expect, test } from "vitest"
import { apiRuntime, startApi, type ApiMemory } from "../src/api-process.ts"
import { signIn, type Session } from "../src/client.ts"
import { readFigures, recordFigures } from "../src/figures.ts"
import { LoadRecord, serials } from "../src/load.ts"
import { startCluster, type Cluster } from "../src/postgres-cluster.ts"
import { endAllProcesses, removeDir, sleep, tempDir } from "../src/processes.ts"
import { inspectStore, loadDemoAndRebuild } from "../src/store-checks.ts"
import { OFFICER_OF, registration, TO_HIEU, workersFile } from "../src/workers.ts"

/** 10 minutes by default; `XKLD_SOAK_SECONDS` shortens it to try the test (the figures say how long it ran). */
const SECONDS = Number(process.env.XKLD_SOAK_SECONDS || 600)
/**
 * The same load runs this long first, unmeasured (its answers are still checked): the process' heap and caches
 * grow to their working size in the first minutes, which is not the growth over time the soak looks for.
 */
const WARMUP_S = 90
/** The mixed load, at a constant rate: requests per second of each kind, and one import a minute. */
const ENTRY_PER_S = 3
const READS_PER_S = 2
/**
 * The worker list decrypts every worker of the ward to sort by name (benchmarks.md, API): its cost grows with the
 * ward, and while it runs it holds the process' one thread. Read as an officer opens the list, not as a dashboard
 * refreshes: once every 10 s, one ward, 50 rows.
 */
const LIST_EVERY_S = 10
const IMPORT_ROWS = 50
const IMPORT_EVERY_S = 60
const RSS_EVERY_S = 10
/** The test's own limit: about 13 minutes of run and checks, more on a loaded machine (the tier's default is 15). */
const TIMEOUT_MS = 1_200_000
/** Runs kept in results/soak.json's `runs` (date, growth, load), the newest last. */
const RUNS_KEPT = 10
/**
 * To look for a leak: a folder here makes the API write a V8 heap snapshot there (`--heapsnapshot-signal`) at the
 * measured half and near the end, to compare retained sizes by constructor (docs/reliability.md). Off by default:
 * a snapshot stops the process for seconds and doubles its heap while it is written.
 */
const SNAPSHOT_DIR = process.env.XKLD_SOAK_HEAPSNAPSHOTS
/** More options for the API's node, space-separated, to try a setting (e.g. `--trace-gc`); none by default. */
const NODE_ARGS = (process.env.XKLD_SOAK_NODE_ARGS ?? "").split(" ").filter(Boolean)

let cluster: Cluster | undefined
const dir = tempDir("soak")
afterAll(async () => {
  endAllProcesses()
  await cluster?.destroy()
  removeDir(dir)
})

/** Runs `work` every `periodMs` (a fixed schedule: a slow answer does not slow the rate down) until `end`. */
async function every(periodMs: number, end: number, work: (i: number) => Promise<void>): Promise<void> {
  const inFlight: Promise<void>[] = []
  for (let i = 0, next = performance.now(); performance.now() < end; i++) {
    inFlight.push(work(i))
    next += periodMs
    await sleep(Math.max(0, next - performance.now()))
  }
  await Promise.all(inFlight)
}

const median = (values: ReadonlyArray<number>) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!
const mib = (bytes: number) => Math.round(bytes / 2 ** 20)
/** Growth in percent of one figure of the samples: the median over the last minute against the one around the half. */
const growth = (samples: ReadonlyArray<{ at: number } & ApiMemory>, key: keyof ApiMemory) => {
  const half = SECONDS / 2
  const atHalf = median(samples.filter((s) => s.at >= half - 30 && s.at <= half + 30).map((s) => s[key]))
  const atEnd = median(samples.filter((s) => s.at >= SECONDS - 60).map((s) => s[key]))
  return Math.round((atEnd / atHalf - 1) * 1000) / 10
}

test(
  `soak: ${SECONDS} s (after ${WARMUP_S} s of warm-up) of commune officers entering, dashboards reading and an import a minute: no 5xx, nothing lost, p99 per route recorded, memory flat`,
  async () => {
    cluster = await startCluster("soak")
    const baselineMismatches = await loadDemoAndRebuild({ databaseUrl: cluster.url }, dir)
    const api = await startApi({
      databaseUrl: cluster.url,
      logDir: dir,
      nodeArgs: [
        ...NODE_ARGS,
        ...(SNAPSHOT_DIR ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${SNAPSHOT_DIR}`] : []),
      ],
    })
    const officers: Session[] = []
    for (const name of ["to-hieu", "chieng-an", "to-hieu", "chieng-an"]) officers.push(await signIn(api.url, name))
    const dashboards = [await signIn(api.url, "so-noi-vu"), await signIn(api.url, "so-noi-vu")]
    const importer = await signIn(api.url, "to-hieu")
    const record = new LoadRecord()
    const next = serials(100_000)
    const rss: Array<{ at: number; bytes: number }> = []
    /** The machine's 1-minute load average beside each RSS sample (the figures say how busy the machine was). */
    const load: number[] = []
    /** What the process says of its memory (JS heap, external, ArrayBuffers) next to the RSS, to tell where it grows. */
    const memory: Array<{ at: number } & ApiMemory> = []
    const snapshotsAt = [SECONDS / 2, SECONDS - 2 * RSS_EVERY_S]
    const imports: Array<{ correlation: string; status: number }> = []
    const measuredFrom = performance.now() + WARMUP_S * 1000
    const warmupMs = WARMUP_S * 1000
    const end = measuredFrom + SECONDS * 1000
    const reads = ["/api/reports/funnel", "/api/attainment?province=14&year=2026", "/api/units?province=14"]

    await Promise.all([
      every(1000 / ENTRY_PER_S, end, async (i) => {
        const officer = officers[i % officers.length]!
        record.note(
          "POST /api/workers",
          await officer.send("POST", "/api/workers", registration(next(), OFFICER_OF[officer.username]!)),
        )
      }),
      every(1000 / READS_PER_S, end, async (i) => {
        const path = reads[i % reads.length]!
        record.note(`GET ${path.split("?")[0]}`, await dashboards[i % dashboards.length]!.send("GET", path))
      }),
      every(LIST_EVERY_S * 1000, end, async () => {
        record.note("GET /api/workers", await dashboards[0]!.send("GET", `/api/workers?unit=${TO_HIEU}&limit=50`))
      }),
      every(IMPORT_EVERY_S * 1000, end, async (i) => {
        const correlation = `soak-import-${i}`
        const file = await workersFile(IMPORT_ROWS, 600_000 + i * IMPORT_ROWS, TO_HIEU)
        const answer = await importer.upload("/api/imports/workers", file, `nhap-${i}.xlsx`, {
          "x-correlation-id": correlation,
        })
        record.note("POST /api/imports/workers", answer)
        imports.push({ correlation, status: answer.status })
      }),
      every(RSS_EVERY_S * 1000, end, async () => {
        const at = (performance.now() - measuredFrom) / 1000
        if (at < 0) return
        rss.push({ at, bytes: await api.rss() })
        load.push(loadavg()[0]!)
        // a scrape that does not answer in time leaves a gap here (the RSS above is what the bound is on)
        const reported = await api.memory().catch(() => undefined)
        if (reported) memory.push({ at, ...reported })
        if (SNAPSHOT_DIR && at >= snapshotsAt[0]!) {
          snapshotsAt.shift()
          api.signal("SIGUSR2")
        }
      }),
    ])
    await api.stop()

    const report = await inspectStore(
      { databaseUrl: cluster.url },
      { eventIds: record.acknowledged, correlationIds: imports.map((i) => i.correlation) },
    )
    const missing = record.acknowledged.filter((id) => !report.present.has(id))
    const half = SECONDS / 2
    const rssAtHalf = median(rss.filter((s) => s.at >= half - 30 && s.at <= half + 30).map((s) => s.bytes))
    const rssAtEnd = median(rss.filter((s) => s.at >= SECONDS - 60).map((s) => s.bytes))
    const routes = [...new Set(record.seen.map((s) => s.route))].toSorted()
    const rssGrowth = Math.round((rssAtEnd / rssAtHalf - 1) * 1000) / 10
    const loadAverage = { min: Math.min(...load), max: Math.max(...load) }
    const earlier = (readFigures("soak") as { runs?: unknown[] } | undefined)?.runs ?? []
    const run = {
      endedAt: new Date().toISOString(),
      seconds: SECONDS,
      rssGrowthOverSecondHalfPercent: rssGrowth,
      loadAverage,
      triedNodeArgs: NODE_ARGS,
    }
    recordFigures("soak", {
      seconds: SECONDS,
      rate: {
        entriesPerS: ENTRY_PER_S,
        readsPerS: READS_PER_S,
        workerListEveryS: LIST_EVERY_S,
        importRowsPerMinute: IMPORT_ROWS,
      },
      answers: record.statuses(),
      warmupSeconds: WARMUP_S,
      p99Ms: Object.fromEntries(routes.map((r) => [r, Math.round(record.percentile(r, 99, warmupMs))])),
      p50Ms: Object.fromEntries(routes.map((r) => [r, Math.round(record.percentile(r, 50, warmupMs))])),
      acknowledgedWrites: record.acknowledged.length,
      imports: imports.length,
      missing: missing.length,
      rssMiB: {
        first: Math.round(rss[0]!.bytes / 2 ** 20),
        atHalf: Math.round(rssAtHalf / 2 ** 20),
        atEnd: Math.round(rssAtEnd / 2 ** 20),
        max: Math.round(Math.max(...rss.map((s) => s.bytes)) / 2 ** 20),
      },
      /** Every minute: RSS, V8 heap used, external (Buffers, WASM) and ArrayBuffers, MiB. */
      memoryMiB: memory
        .filter((_, i) => i % (60 / RSS_EVERY_S) === 0)
        .map((m) => ({
          at: Math.round(m.at),
          rss: mib(m.rss),
          heapUsed: mib(m.heapUsed),
          heapTotal: mib(m.heapTotal),
          external: mib(m.external),
          arrayBuffers: mib(m.arrayBuffers),
          // the rest of the resident set: malloc's arenas, V8's pooled pages, stacks, the binary
          other: mib(m.rss - m.heapTotal - m.external),
        })),
      heapUsedGrowthOverSecondHalfPercent: growth(memory, "heapUsed"),
      externalGrowthOverSecondHalfPercent: growth(memory, "external"),
      /** As `pnpm start` runs it (apps/api/package.json), and what XKLD_SOAK_NODE_ARGS added. */
      apiRuntime: { ...apiRuntime(), triedNodeArgs: NODE_ARGS },
      rssGrowthOverSecondHalfPercent: rssGrowth,
      /** The machine's 1-minute load average over the measured part, lowest and highest. */
      loadAverage,
      events: report.events,
      logBytesPerEvent: report.logBytes === null ? null : Math.round(report.logBytes / report.events),
      readModelsDifferingFromRebuildBeforeTheLoad: baselineMismatches,
      /** This run and the ones before it on this clone (a run of another length or with tried options says so). */
      runs: [...earlier.slice(-(RUNS_KEPT - 1)), run],
    })
    // the memory figures are read from /api/metrics: a gauge gone from it is a failure, not a NaN in the figures
    expect(memory.length).toBeGreaterThan(0)
    expect(memory.filter((m) => !Object.values(m).every(Number.isFinite))).toEqual([])
    expect(record.seen.filter((s) => s.status >= 500 || s.status < 0)).toEqual([])
    expect(record.seen.filter((s) => s.status >= 400)).toEqual([])
    expect(missing).toEqual([])
    expect(imports.length).toBeGreaterThanOrEqual(Math.floor((WARMUP_S + SECONDS) / IMPORT_EVERY_S))
    for (const i of imports) {
      expect(i.status, i.correlation).toBe(200)
      expect(report.byCorrelation.get(i.correlation)!.registrations, i.correlation).toBe(IMPORT_ROWS)
    }
    expect(report.verified).toBe(true)
    expect(report.mismatches).toEqual([])
    expect(rssAtEnd / rssAtHalf).toBeLessThanOrEqual(1.1)
  },
  TIMEOUT_MS,
)
