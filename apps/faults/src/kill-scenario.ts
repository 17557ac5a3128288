import { startApi } from "./api-process.ts"
import { signIn, type Session } from "./client.ts"
import { LoadRecord, registering, serials } from "./load.ts"
import { sleep } from "./processes.ts"
import { inspectStore, loadDemoAndRebuild, type StoreReport } from "./store-checks.ts"
import { OFFICER_OF, registration, TO_HIEU, workersFile } from "./workers.ts"

export const IMPORT_ROWS = 300
export const IMPORT_CORRELATION = "fault-kill-import"
/** A first import under the same load, answered in full: its duration places the kill in the second one's middle. */
export const CALIBRATION_CORRELATION = "fault-kill-calibration"

export interface KillOutcome {
  readonly record: LoadRecord
  /** The import's answer (−1 when the kill came first). */
  readonly importStatus: number
  /** How long the same import took under the same load, and when the kill came after the second was sent. */
  readonly calibrationMs: number
  readonly killAfterMs: number
  readonly report: StoreReport
  /** From the kill until the restarted API was ready, and until its first acknowledged write. */
  readonly restartReadyMs: number
  readonly firstWriteAfterRestartMs: number
  /** Read models that differed from a rebuild already before the load (after the demo history was loaded). */
  readonly baselineMismatches: ReadonlyArray<string>
}

/**
 * Eight officers register workers while a 300-row Excel import runs; the API is killed with SIGKILL part-way
 * through the import (at 60% of the time the same import took just before under the same load), started again on
 * the same database and port, written to once, stopped, and the store inspected.
 */
export async function killDuringImport(
  database: { readonly databaseUrl?: string; readonly dataDir?: string },
  logDir: string,
  options: { readonly firstSerial: number },
): Promise<KillOutcome> {
  const baselineMismatches = await loadDemoAndRebuild(database, logDir)
  const api = await startApi({ ...database, logDir })
  const usernames = ["to-hieu", "chieng-an"]
  const sessions: Session[] = []
  for (let i = 0; i < 8; i++) sessions.push(await signIn(api.url, usernames[i % 2]!))
  const importer = await signIn(api.url, "to-hieu")
  const record = new LoadRecord()
  const next = serials(options.firstSerial)
  let stopped = false
  const loops = sessions.map((s) => registering(s, OFFICER_OF[s.username]!, next, record, () => stopped, 20))
  await sleep(1_000)
  const calibration = await importer.upload(
    "/api/imports/workers",
    await workersFile(IMPORT_ROWS, options.firstSerial + 200_000, TO_HIEU),
    "danh-sach-1.xlsx",
    { "x-correlation-id": CALIBRATION_CORRELATION },
  )
  if (calibration.status !== 200)
    throw new Error(`calibration import: ${calibration.status} ${JSON.stringify(calibration.body)}`)
  const file = await workersFile(IMPORT_ROWS, options.firstSerial + 500_000, TO_HIEU)
  const importing = importer.upload("/api/imports/workers", file, "danh-sach-2.xlsx", {
    "x-correlation-id": IMPORT_CORRELATION,
  })
  const killAfterMs = Math.round(calibration.ms * 0.6)
  await sleep(killAfterMs)
  await api.kill9()
  const killedAt = performance.now()
  stopped = true
  await Promise.all(loops)
  const importStatus = (await importing).status

  const restarted = await startApi({ ...database, logDir, port: api.port })
  const restartReadyMs = performance.now() - killedAt
  const after = await sessions[0]!.send(
    "POST",
    "/api/workers",
    registration(next(), OFFICER_OF[sessions[0]!.username]!),
  )
  record.note("POST /api/workers", after)
  if (after.status !== 201) throw new Error(`write after restart: ${after.status} ${JSON.stringify(after.body)}`)
  const firstWriteAfterRestartMs = performance.now() - killedAt
  await restarted.stop()

  const report = await inspectStore(database, {
    eventIds: record.acknowledged,
    correlationIds: [IMPORT_CORRELATION, CALIBRATION_CORRELATION],
  })
  return {
    record,
    importStatus,
    calibrationMs: calibration.ms,
    killAfterMs,
    report,
    restartReadyMs,
    firstWriteAfterRestartMs,
    baselineMismatches,
  }
}
