import { afterAll, expect, test } from "vitest"
import { CALIBRATION_CORRELATION, IMPORT_CORRELATION, IMPORT_ROWS, killDuringImport } from "../src/kill-scenario.ts"
import { startCluster, type Cluster } from "../src/postgres-cluster.ts"
import { endAllProcesses, removeDir, tempDir } from "../src/processes.ts"
import { recordFigures } from "../src/figures.ts"

let cluster: Cluster | undefined
const dir = tempDir("api-kill")
afterAll(async () => {
  endAllProcesses()
  await cluster?.destroy()
  removeDir(dir)
})

test("kill -9 of the API on PostgreSQL while 8 officers register and an import runs: nothing acknowledged lost, the import all or nothing, verify and check pass", async () => {
  cluster = await startCluster("api-kill")
  const outcome = await killDuringImport({ databaseUrl: cluster.url }, dir, { firstSerial: 10_000 })
  const { record, report } = outcome
  const missing = record.acknowledged.filter((id) => !report.present.has(id))
  const imported = report.byCorrelation.get(IMPORT_CORRELATION)!
  recordFigures("api-kill-postgres", {
    acknowledgedWrites: record.acknowledged.length,
    missing: missing.length,
    importStatus: outcome.importStatus,
    importMs: Math.round(outcome.calibrationMs),
    killAfterMs: outcome.killAfterMs,
    importedRegistrations: imported.registrations,
    eventsPerImportedRow: report.byCorrelation.get(CALIBRATION_CORRELATION)!.events / IMPORT_ROWS,
    restartReadyMs: Math.round(outcome.restartReadyMs),
    firstWriteAfterRestartMs: Math.round(outcome.firstWriteAfterRestartMs),
    events: report.events,
    logBytesPerEvent: report.logBytes === null ? null : Math.round(report.logBytes / report.events),
    readModelsDifferingFromRebuildBeforeTheLoad: outcome.baselineMismatches,
  })
  expect(record.acknowledged.length).toBeGreaterThan(20)
  expect(missing).toEqual([])
  expect(report.byCorrelation.get(CALIBRATION_CORRELATION)!.registrations).toBe(IMPORT_ROWS)
  expect([0, IMPORT_ROWS]).toContain(imported.registrations)
  if (imported.registrations === 0) expect(imported.events).toBe(0)
  if (outcome.importStatus === 200) expect(imported.registrations).toBe(IMPORT_ROWS)
  expect(report.verifyProblems).toEqual([])
  expect(report.verified).toBe(true)
  expect(report.mismatches).toEqual([])
  // no answer but 2xx or "no answer" (the kill): the killed process never answered 5xx first
  expect(Object.keys(record.statuses()).filter((s) => Number(s) >= 500)).toEqual([])
})
