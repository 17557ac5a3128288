import type { Database, EventLog } from "@xkld/event-store"
import { createReadModels, readModelProjections, type ReadModels } from "../src/index.ts"
import { rawQuery } from "./targets.ts"

/** The columns every log read selects (event-store src/rows.ts), so the baseline transfers and parses the same. */
const readColumns = `global_position, transaction_id::text AS transaction_text, stream_id, stream_type,
  stream_position, event_id::text AS event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at,
  encode(hash, 'hex') AS hash`

/** The bare cursor read: keyset scan of es_events in primary-key order, no visibility guard, rows discarded. */
const keysetScan = `SELECT ${readColumns} FROM es_events WHERE global_position > $1 ORDER BY global_position LIMIT $2`

export interface RebuildSettings {
  /** Rows per keyset page of the baseline scan. */
  readonly readBatch: number
  /** The runner's batch size (events per read and per transaction); undefined = the runner's default. */
  readonly runnerBatch: number | undefined
  /** The batch a loop that is behind grows to (ADR 0031); undefined = the runner's default for the backend. */
  readonly runnerMaxBatch?: number | undefined
}

export interface RebuildResult {
  readonly events: number
  /** Start from zero to caught up, all projections. */
  readonly seconds: number
  /** The bare scan, run before and after the rebuild (to bracket drift in the background load). */
  readonly scanSeconds: ReadonlyArray<number>
  /** When each projection's loop caught up, seconds after start. */
  readonly byProjection: Readonly<Record<string, number>>
  /** The read models, running and caught up, for the queries. */
  readonly models: ReadModels
}

/** Bare scan of the whole log; returns seconds. Throws if it did not read `expected` rows. */
export async function scanLog(database: Database, expected: number, batch: number): Promise<number> {
  const started = performance.now()
  let n = 0
  let last = 0
  for (;;) {
    const rows = await rawQuery(database, keysetScan, [last, batch])
    if (rows.length === 0) break
    n += rows.length
    last = Number(rows[rows.length - 1].global_position)
  }
  const seconds = (performance.now() - started) / 1000
  if (n !== expected) throw new Error(`bare scan read ${n} events, expected ${expected}`)
  return seconds
}

/**
 * Ours: a new runner over an empty read-model schema, `start()` (creates generation 1 of every projection
 * and starts one loop each) and `caughtUp()`: every projection built from zero over the whole log.
 * Baseline: the bare scan of the same events, once before and once after.
 */
export async function benchRebuild(log: EventLog, events: number, settings: RebuildSettings): Promise<RebuildResult> {
  const database = log.database
  const scanSeconds = [await scanLog(database, events, settings.readBatch)]
  const models = createReadModels(log, {
    ...(settings.runnerBatch ? { batchSize: settings.runnerBatch } : {}),
    ...(settings.runnerMaxBatch ? { maxBatchSize: settings.runnerMaxBatch } : {}),
  })
  const byProjection: Record<string, number> = {}
  const started = performance.now()
  await models.runner.start()
  await Promise.all(
    readModelProjections.map(async ({ name }) => {
      await models.runner.caughtUp(name)
      byProjection[name] = (performance.now() - started) / 1000
    }),
  )
  await models.runner.caughtUp()
  const seconds = (performance.now() - started) / 1000
  const statuses = await models.runner.status()
  const stuck = statuses.filter((s) => s.state !== "running")
  if (stuck.length > 0)
    throw new Error(
      `projections not running after the rebuild: ${stuck.map((s) => `${s.projection} ${s.state} ${s.errorMessage ?? ""}`).join("; ")}`,
    )
  scanSeconds.push(await scanLog(database, events, settings.readBatch))
  return { events, seconds, scanSeconds, byProjection, models }
}

/**
 * The ordering guard hides transactions newer than the oldest one open anywhere in the cluster (ids
 * are cluster-wide): wait until the whole load is visible, so the runner and the scan see the same rows.
 */
export async function untilVisible(database: Database, expected: number): Promise<void> {
  const started = performance.now()
  for (;;) {
    const [row] = await rawQuery(
      database,
      "SELECT count(*)::int AS n FROM es_events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())",
    )
    if (Number(row?.n) >= expected) return
    if (performance.now() - started > 300_000)
      throw new Error(
        `only ${row?.n} of ${expected} events visible after 300 s: a long transaction is open in the cluster`,
      )
    if (performance.now() - started > 1_000)
      console.log(`  waiting: ${row?.n} of ${expected} events visible to the runner`)
    await new Promise((resolve) => setTimeout(resolve, 2_000))
  }
}
