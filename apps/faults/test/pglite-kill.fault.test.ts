import { join } from "node:path"
import { afterAll, expect, test } from "vitest"
import { recordFigures } from "../src/figures.ts"
import { CALIBRATION_CORRELATION, IMPORT_CORRELATION, IMPORT_ROWS, killDuringImport } from "../src/kill-scenario.ts"
import { endAllProcesses, removeDir, tempDir } from "../src/processes.ts"

const dir = tempDir("pglite-kill")
afterAll(() => {
  endAllProcesses()
  removeDir(dir)
})

test("PGlite after kill -9 of the API under load and an import: the data folder opens, verify and check pass, nothing acknowledged lost", async () => {
  const outcome = await killDuringImport({ dataDir: join(dir, "data") }, dir, { firstSerial: 30_000 })
  const { record, report } = outcome
  const missing = record.acknowledged.filter((id) => !report.present.has(id))
  const imported = report.byCorrelation.get(IMPORT_CORRELATION)!
  recordFigures("api-kill-pglite", {
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
  expect(Object.keys(record.statuses()).filter((s) => Number(s) >= 500)).toEqual([])
})
