import type { EventLog } from "../src/index.ts"
import {
  appendPayload,
  bareAppend,
  benchEvent,
  benchEvents,
  rawInsertMany,
  rawInsertManyParams,
  rawInsertOne,
  rawInsertOneParams,
  STREAM_TYPE,
} from "./fixtures.ts"
import { rotate, runFor } from "./measure.ts"
import { measurement, TARGETS, type Measurement } from "./measurement.ts"
import type { BenchDatabase } from "./targets.ts"

export interface AppendSettings {
  readonly seconds: number
  readonly rounds: number
  readonly warmUpSeconds: number
}

/**
 * Ours: `log.append` with the exact expected version, each writer on its own streams (no conflicts).
 * Baseline: the raw INSERT of the same rows into a same-shaped table from the same number of clients.
 */
export async function benchAppends(
  target: BenchDatabase,
  log: EventLog,
  settings: AppendSettings,
  report: (m: Measurement) => void,
): Promise<void> {
  const backend = target.backend
  const setup = target.raw(1)
  await setup.query("CREATE TABLE bench_raw_events (LIKE es_events INCLUDING ALL)")
  await setup.close()

  for (const writers of [1, 8]) {
    const rates = await eventsPerTransaction(target, log, settings, writers, 1)
    const name = `append 1 event/tx, ${writers} writer${writers > 1 ? "s" : ""}`
    const queued =
      backend === "pglite" && writers > 1 ? "PGlite has one connection: concurrent writers queue on it" : undefined
    report(measurement(name, backend, rates.ours, rates.baseline, TARGETS.single, queued))
    report(
      measurement(
        `${name}: es_append called directly (diagnostic)`,
        backend,
        rates.bare,
        rates.baseline,
        null,
        backend === "postgres"
          ? "ours = the same es_append call over a bare pg.Pool: splits server-side cost from Node-side cost"
          : "ours = the same es_append call as a precompiled query on the same connection",
      ),
    )
  }
  for (const size of [100, 1000]) {
    const rates = await eventsPerTransaction(target, log, settings, 1, size)
    const name = `append ${size.toLocaleString("en")} events/tx, 1 writer`
    report(measurement(name, backend, rates.ours, rates.baseline, TARGETS.batch))
  }
}

async function eventsPerTransaction(
  target: BenchDatabase,
  log: EventLog,
  settings: AppendSettings,
  writers: number,
  size: number,
): Promise<{ ours: number; baseline: number; bare: number }> {
  const tag = `${writers}w${size}`
  const versions = Array.from({ length: writers }, () => 0)
  const positions = Array.from({ length: writers }, () => 0)
  const bareVersions = Array.from({ length: writers }, () => 0)
  const raw = target.raw(writers)

  const ours = async (writer: number): Promise<number> => {
    const events = size === 1 ? [benchEvent(versions[writer]!)] : benchEvents(size, versions[writer])
    const outcome = await log.append({
      streamId: `ours-${tag}-${writer}`,
      streamType: STREAM_TYPE,
      expectedVersion: versions[writer]!,
      events,
    })
    if (!outcome.ok) throw new Error(`append failed: ${outcome.error._tag}`, { cause: outcome.error })
    versions[writer] = outcome.result.nextExpectedVersion
    return size
  }
  const baseline = async (writer: number): Promise<number> => {
    const streamId = `raw-${tag}-${writer}`
    const first = positions[writer]! + 1
    if (size === 1) await raw.query(rawInsertOne, rawInsertOneParams(streamId, first, benchEvent(first)))
    else await raw.query(rawInsertMany, rawInsertManyParams(streamId, first, benchEvents(size, first)))
    positions[writer] = first + size - 1
    return size
  }

  // Diagnostic (single appends only): the store's SQL function with the same payload, called bare.
  const bare = async (writer: number): Promise<number> => {
    const events = benchEvents(size, bareVersions[writer])
    const rows = await raw.query(bareAppend, [
      `bare-${tag}-${writer}`,
      STREAM_TYPE,
      String(bareVersions[writer]),
      appendPayload(events),
    ])
    if (rows[0]?.status !== "ok") throw new Error(`es_append: ${rows[0]?.status}`)
    bareVersions[writer] = Number(rows[0].actual_version)
    return size
  }
  const sides = size === 1 ? [baseline, ours, bare] : [baseline, ours]

  try {
    const [b = 0, o = 0, x = 0] = await rotate(
      settings.rounds,
      async () => {
        for (const side of sides) await runFor(writers, settings.warmUpSeconds, side)
      },
      sides.map((side) => () => runFor(writers, settings.seconds, side)),
    )
    return { ours: o, baseline: b, bare: x }
  } finally {
    await raw.close()
  }
}
