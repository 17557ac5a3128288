import type { EventLog } from "../src/index.ts"
import { benchEvent, benchEvents, rawInsertMany, rawInsertManyParams, rawInsertOne, rawInsertOneParams, STREAM_TYPE } from "./fixtures.ts"
import { compare, runFor } from "./measure.ts"
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
  const single = backend === "pglite" ? "PGlite has one connection: concurrent writers queue on it" : undefined

  for (const writers of [1, 8]) {
    const rates = await eventsPerTransaction(target, log, settings, writers, 1)
    report(
      measurement(`append 1 event/tx, ${writers} writer${writers > 1 ? "s" : ""}`, backend, rates.ours, rates.baseline, TARGETS.single, single),
    )
  }
  for (const size of [100, 1000]) {
    const rates = await eventsPerTransaction(target, log, settings, 1, size)
    report(measurement(`append ${size.toLocaleString("en")} events/tx, 1 writer`, backend, rates.ours, rates.baseline, TARGETS.batch))
  }
}

async function eventsPerTransaction(
  target: BenchDatabase,
  log: EventLog,
  settings: AppendSettings,
  writers: number,
  size: number,
): Promise<{ ours: number; baseline: number }> {
  const tag = `${writers}w${size}`
  const versions = new Array<number>(writers).fill(0)
  const positions = new Array<number>(writers).fill(0)
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

  try {
    return await compare(
      settings.rounds,
      async () => {
        await runFor(writers, settings.warmUpSeconds, baseline)
        await runFor(writers, settings.warmUpSeconds, ours)
      },
      () => runFor(writers, settings.seconds, baseline),
      () => runFor(writers, settings.seconds, ours),
    )
  } finally {
    await raw.close()
  }
}
