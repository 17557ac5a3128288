import { afterAll, expect, test } from "vitest"
import { startApi } from "../src/api-process.ts"
import { signIn } from "../src/client.ts"
import { recordFigures } from "../src/figures.ts"
import { LoadRecord, reading, registering, serials, type Seen } from "../src/load.ts"
import { startCluster, type Cluster } from "../src/postgres-cluster.ts"
import { endAllProcesses, removeDir, sleep, tempDir } from "../src/processes.ts"
import { inspectStore } from "../src/store-checks.ts"
import { OFFICER_OF } from "../src/workers.ts"

/** How long the server stays down, each time. */
const OUTAGE_MS = 20_000
/** The app must write again within this long after the server is back (it reconnects by itself). */
const RECOVERY_BOUND_MS = 15_000

let cluster: Cluster | undefined
const dir = tempDir("pg-outage")
afterAll(async () => {
  endAllProcesses()
  await cluster?.destroy()
  removeDir(dir)
})

test("PostgreSQL stopped for 20 s under load, fast then immediate shutdown: 503 with Retry-After meanwhile, never a 500 or a hang; the app recovers by itself; nothing acknowledged lost", async () => {
  cluster = await startCluster("outage")
  const api = await startApi({ databaseUrl: cluster.url, logDir: dir })
  const writers = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => signIn(api.url, i % 2 ? "chieng-an" : "to-hieu")))
  const readers = await Promise.all([signIn(api.url, "so-noi-vu"), signIn(api.url, "so-noi-vu")])
  const record = new LoadRecord()
  const next = serials(50_000)
  let stopped = false
  const loops = [
    ...writers.map((s) => registering(s, OFFICER_OF[s.username]!, next, record, () => stopped, 100)),
    ...readers.map((s) => reading(s, record, () => stopped, 150)),
  ]
  const outages: Array<{ mode: string; from: number; to: number; recoveredAt: number }> = []
  try {
    await sleep(4_000)
    for (const mode of ["fast", "immediate"] as const) {
      const from = performance.now() - record.started
      cluster.stop(mode)
      await sleep(OUTAGE_MS)
      await cluster.start()
      const to = performance.now() - record.started
      // recovered: the first registration acknowledged after the server is back
      const deadline = performance.now() + RECOVERY_BOUND_MS + 10_000
      let recoveredAt = Number.NaN
      while (performance.now() < deadline) {
        const ok = record.seen.find((s) => s.at > to && s.route === "POST /api/workers" && s.status === 201)
        if (ok) {
          recoveredAt = ok.at
          break
        }
        await sleep(100)
      }
      outages.push({ mode, from, to, recoveredAt })
      await sleep(4_000)
    }
  } finally {
    stopped = true
    await Promise.all(loops)
  }
  const during = (o: (typeof outages)[number]) => (s: Seen) => s.at >= o.from + 500 && s.at + s.ms <= o.to
  await api.stop()
  const report = await inspectStore({ databaseUrl: cluster.url }, { eventIds: record.acknowledged })
  const missing = record.acknowledged.filter((id) => !report.present.has(id))
  const figures = {
    outageMs: OUTAGE_MS,
    answers: record.statuses(),
    outages: outages.map((o) => ({
      mode: o.mode,
      answersDuringOutage: record.statuses(during(o)),
      recoveryAfterRestartMs: Math.round(o.recoveredAt - o.to),
      slowestAnswerDuringOutageMs: Math.round(Math.max(...record.seen.filter(during(o)).map((s) => s.ms))),
    })),
    acknowledgedWrites: record.acknowledged.length,
    missing: missing.length,
  }
  recordFigures("postgres-outage", figures)
  // never a 5xx other than 503, never a hang past the deadline, never a lost connection to the API itself
  const bad = record.seen.filter((s) => (s.status >= 500 && s.status !== 503) || s.status < 0)
  expect(bad).toEqual([])
  // every 503 says when to retry
  expect(record.seen.filter((s) => s.status === 503 && s.retryAfter === null)).toEqual([])
  for (const outage of outages) {
    const seen = record.seen.filter(during(outage))
    expect(seen.length, outage.mode).toBeGreaterThan(10)
    // during the outage: refusals only, each a 503 (no write can succeed, no read of the database either)
    expect(
      seen.filter((s) => s.status !== 503),
      outage.mode,
    ).toEqual([])
    expect(outage.recoveredAt - outage.to, outage.mode).toBeLessThan(RECOVERY_BOUND_MS)
  }
  expect(record.acknowledged.length).toBeGreaterThan(20)
  expect(missing).toEqual([])
  expect(report.verified).toBe(true)
})
