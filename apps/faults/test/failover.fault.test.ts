import { afterAll, expect, test } from "vitest"
import { startApi } from "../src/api-process.ts"
import { signIn } from "../src/client.ts"
import { recordFigures } from "../src/figures.ts"
import { LoadRecord, registering, serials } from "../src/load.ts"
import { startPatroniCluster, TTL_S, type PatroniCluster } from "../src/patroni-cluster.ts"
import { endAllProcesses, removeDir, sleep, tempDir, waitFor } from "../src/processes.ts"
import { inspectStore, loadDemoAndRebuild } from "../src/store-checks.ts"
import { OFFICER_OF } from "../src/workers.ts"

/**
 * Writes must come back within this long after the primary dies: the leader lease (TTL_S) running out, the
 * standby's promotion, and the app's next connection finding the new primary.
 */
const WRITE_UNAVAILABILITY_BOUND_MS = (TTL_S + 25) * 1000

let cluster: PatroniCluster | undefined
const dir = tempDir("failover")
afterAll(async () => {
  endAllProcesses()
  await cluster?.destroy()
  removeDir(dir)
})

test("failover: the Patroni primary killed under write load; the synchronous standby takes over; 0 acknowledged events lost; the app writes again within the bound", async () => {
  cluster = await startPatroniCluster()
  const baselineMismatches = await loadDemoAndRebuild({ databaseUrl: cluster.url }, dir)
  const api = await startApi({ databaseUrl: cluster.url, logDir: dir })
  const writers = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => signIn(api.url, i % 2 ? "chieng-an" : "to-hieu")))
  const record = new LoadRecord()
  const next = serials(200_000)
  let stopped = false
  const loops = writers.map((s) => registering(s, OFFICER_OF[s.username]!, next, record, () => stopped, 100))
  let killedAt = 0
  let firstWriteAfter = Number.NaN
  const old = (await cluster.primary())!
  try {
    await sleep(5_000)
    killedAt = performance.now() - record.started
    await cluster.kill(old)
    await waitFor(
      "a registration acknowledged after the kill",
      async () => {
        const ok = record.seen.find((s) => s.at > killedAt && s.route === "POST /api/workers" && s.status === 201)
        if (ok) firstWriteAfter = ok.at + ok.ms
        return ok !== undefined
      },
      WRITE_UNAVAILABILITY_BOUND_MS + 30_000,
      250,
    )
    await sleep(5_000)
  } finally {
    stopped = true
    await Promise.all(loops)
  }
  const promoted = await cluster.primary()
  await api.stop()
  // Right after the failover the cluster can still have no read-write server for a moment. On a quiet machine
  // (2 December 2026) the inspection found none in three runs of three, on this code and on eeaa63a, while
  // Patroni already named node2 the leader; a run that asked Patroni for its cluster state first passed. The
  // inspection waits up to 60 s for one, as an operator would; the bound on writes is asserted apart.
  const inspecting = performance.now()
  let report: Awaited<ReturnType<typeof inspectStore>>
  for (;;) {
    try {
      report = await inspectStore({ databaseUrl: cluster.url }, { eventIds: record.acknowledged })
      break
    } catch (error) {
      const reason = String((error as { cause?: { message?: string } })?.cause?.message ?? error)
      if (!reason.includes("no read-write server") || performance.now() - inspecting > 60_000) throw error
      await sleep(500)
    }
  }
  const settledMs = performance.now() - inspecting
  const missing = record.acknowledged.filter((id) => !report.present.has(id))
  const afterKill = record.seen.filter((s) => s.at + s.ms > killedAt && s.at < firstWriteAfter)
  const writeUnavailableMs = Math.round(firstWriteAfter - killedAt)
  recordFigures("failover", {
    leaderTtlS: TTL_S,
    killed: old.name,
    promoted: promoted?.name ?? null,
    writeUnavailableMs,
    readWriteServerForInspectionAfterMs: Math.round(settledMs),
    answersBetweenKillAndFirstWrite: record.statuses((s) => afterKill.includes(s)),
    answers: record.statuses(),
    acknowledgedWrites: record.acknowledged.length,
    acknowledgedAfterFailover: record.seen.filter((s) => s.at > firstWriteAfter - 1 && s.status === 201).length,
    missing: missing.length,
    readModelsDifferingFromRebuildBeforeTheLoad: baselineMismatches,
  })
  expect(promoted?.name).toBeDefined()
  expect(promoted!.name).not.toBe(old.name)
  expect(writeUnavailableMs).toBeLessThan(WRITE_UNAVAILABILITY_BOUND_MS)
  // while there is no primary: 503 with Retry-After, never a 500, never a hang
  expect(record.seen.filter((s) => (s.status >= 500 && s.status !== 503) || s.status < 0)).toEqual([])
  expect(record.seen.filter((s) => s.status === 503 && s.retryAfter === null)).toEqual([])
  expect(missing).toEqual([])
  expect(record.acknowledged.length).toBeGreaterThan(20)
  expect(report.verified).toBe(true)
  expect(report.mismatches).toEqual([])
})
