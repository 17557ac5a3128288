/**
 * `pnpm bench` for the demo (docs/benchmarks.md, "Demo"): what the first `pnpm start` writes, on the embedded
 * database. Ours: Sơn La's history plus Lai Châu's and Lào Cai's workers (30% more events), written by
 * `appendBatch` in batches of whole commands, as `loadDemo` does. Baseline, in the same run: Sơn La's history alone,
 * one commit per command, as the loader did before the other provinces came. The ratio is baseline time / ours
 * (≥ 1: the first start is no slower).
 *
 * Environment: BENCH_DEMO_EVENTS (Sơn La's history, default 40,000 as in the demo), BENCH_OUT (default
 * bench/results/demo.json at the repository root).
 */
import { openEventLog, type EventLog } from "@xkld/event-store"
import { formatTable, measurement, writeResults, type Measurement } from "@xkld/event-store/bench"
import { openTestDatabase } from "@xkld/event-store/testing"
import { resolve } from "node:path"
import { generateHistory, type GeneratedAppend } from "../src/generator/index.ts"
import { DEMO_SEED, OTHER_PROVINCES_SHARE } from "../src/load.ts"
import { appendRequestOf, mergeByRecordedAt, recordHistory } from "../src/record-history.ts"

const events = Number(process.env.BENCH_DEMO_EVENTS) || 40_000
const out = process.env.BENCH_OUT || resolve(import.meta.dirname, "../../../bench/results/demo.json")
const ALL = ["12", "14", "15"] as const
const NOW = "2026-11-23T00:00:00Z"

async function timed(write: (log: Awaited<ReturnType<typeof openEventLog>>) => Promise<number>) {
  const log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
  try {
    const started = performance.now()
    const written = await write(log)
    return { ms: performance.now() - started, written }
  } finally {
    await log.close()
  }
}

/** The loader before: each command in a transaction of its own, one `append` per stream. */
async function oneCommitPerCommand(log: EventLog, appends: Iterable<GeneratedAppend>): Promise<number> {
  let written = 0
  let group: GeneratedAppend[] = []
  const flush = async () => {
    const pending = group
    group = []
    if (pending.length === 0) return
    await log.database.db.transaction().execute(async (trx) => {
      for (const append of pending) {
        const outcome = await log.append(appendRequestOf(append), trx)
        if (!outcome.ok) throw outcome.error
        written += append.events.length
      }
    })
  }
  for (const append of appends) {
    if (group.length > 0 && group[0]!.commandId !== append.commandId) await flush()
    group.push(append)
  }
  await flush()
  return written
}

const baseline = await timed((log) =>
  oneCommitPerCommand(log, generateHistory({ seed: DEMO_SEED, targetEvents: events, provinces: ["14"], now: NOW })),
)
const ours = await timed((log) =>
  recordHistory(
    log,
    mergeByRecordedAt(
      generateHistory({ seed: DEMO_SEED, targetEvents: events, provinces: ["14"], enterpriseProvinces: ALL, now: NOW }),
      generateHistory({
        seed: `${DEMO_SEED}/lai-chau-lao-cai`,
        enterpriseSeed: DEMO_SEED,
        targetEvents: Math.round(events * OTHER_PROVINCES_SHARE),
        provinces: ["12", "15"],
        enterpriseProvinces: ALL,
        systemAppends: false,
        now: NOW,
      }),
    ),
  ),
)
const results: Measurement[] = [
  measurement(
    "demo: first-start writes (3 provinces, batched) vs Sơn La alone, one commit per command",
    "pglite",
    "ms",
    ours.ms,
    baseline.ms,
    {
      target: 1,
      note: `${ours.written} events vs ${baseline.written}; generation included, read models not (they catch up after, in proportion to the events)`,
    },
  ),
  measurement(
    "demo: events written per second",
    "pglite",
    "events/s",
    (ours.written / ours.ms) * 1000,
    (baseline.written / baseline.ms) * 1000,
  ),
]
console.log(formatTable(results))
await writeResults(out, results)
