import { sql } from "kysely"
import type { EventLog } from "../src/index.ts"
import { benchEvents, commitOrderScan, keysetScan, STREAM_TYPE } from "./fixtures.ts"
import { rotate, runOnce } from "./measure.ts"
import { measurement, TARGETS, type Measurement } from "./measurement.ts"
import type { BenchDatabase, RawClient } from "./targets.ts"

export interface ReplaySettings {
  readonly events: number
  readonly rounds: number
  readonly readBatch: number
}

const LOAD_BATCH = 1000
const LOADERS = 2
const STREAMS = 200

/**
 * Full replay: ours iterates `log.readAll({ batchSize })` over the whole log (what a projection rebuild
 * does: commit-order query with the transaction-id guard, rows mapped to RecordedEvent). Baseline: a bare
 * keyset scan of es_events in primary-key order from Node, same columns, rows discarded. A diagnostic
 * third side runs the log's own commit-order query bare, to split SQL cost from Node-side mapping.
 */
export async function benchReplay(
  target: BenchDatabase,
  log: EventLog,
  settings: ReplaySettings,
  report: (m: Measurement) => void,
): Promise<void> {
  const backend = target.backend
  const loadRate = await load(log, settings.events)
  console.log(
    `  loaded ${settings.events.toLocaleString("en")} events via log.append (${LOAD_BATCH}/tx, ${LOADERS} writers): ${Math.round(loadRate).toLocaleString("en")} events/s`,
  )
  // Settle the freshly written pages (hint bits, visibility map) so no side pays for that alone.
  await sql`VACUUM ANALYZE es_events`.execute(target.database.owner)

  const raw = target.raw(1)
  const expected = settings.events
  await untilVisible(raw, expected)
  const check = (side: string, n: number) => {
    if (n !== expected) throw new Error(`${side} replay read ${n} events, expected ${expected}`)
    return n
  }
  const keyset = async () => {
    let n = 0
    let last = 0
    for (;;) {
      const rows = await raw.query(keysetScan, [last, settings.readBatch])
      if (rows.length === 0) return check("keyset", n)
      n += rows.length
      last = Number(rows[rows.length - 1].global_position)
    }
  }
  const ours = async () => {
    let n = 0
    for await (const batch of log.readAll({ batchSize: settings.readBatch })) n += batch.length
    return check("readAll", n)
  }
  const bareCommitOrder = async () => {
    let n = 0
    let after = { tx: "0", pos: 0 }
    for (;;) {
      const rows = await raw.query(commitOrderScan, [after.tx, after.pos, settings.readBatch])
      if (rows.length === 0) return check("commit-order", n)
      n += rows.length
      const last = rows[rows.length - 1]
      after = { tx: String(last.transaction_text), pos: Number(last.global_position) }
    }
  }

  try {
    const [baseline = 0, mine = 0, bare = 0] = await rotate(
      settings.rounds,
      async () => undefined, // the VACUUM above already read every page; each side runs whole scans
      [() => runOnce(keyset), () => runOnce(ours), () => runOnce(bareCommitOrder)],
    )
    const size = scale(settings.events)
    const note =
      backend === "pglite"
        ? "PGlite: 2×10^5 events instead of 10^6 (loading 10^6 into in-memory PGlite takes too long)"
        : undefined
    report(
      measurement(
        `replay ${size} events (readAll, batch ${settings.readBatch.toLocaleString("en")})`,
        backend,
        mine,
        baseline,
        TARGETS.replay,
        note,
      ),
    )
    report(
      measurement(
        `replay ${size} events: bare commit-order query, no mapping (diagnostic)`,
        backend,
        bare,
        baseline,
        null,
        "ours = the log's WHERE (transaction_id, global_position) > … AND transaction_id < pg_snapshot_xmin(…) query run bare",
      ),
    )
  } finally {
    await raw.close()
  }
}

/**
 * The ordering guard hides events of transactions newer than the oldest one still open anywhere in the
 * cluster (transaction ids are cluster-wide): a long transaction in another database on a shared server
 * holds readAll back. Wait until the whole load is visible so every side reads the same rows.
 */
async function untilVisible(raw: RawClient, expected: number): Promise<void> {
  const started = performance.now()
  for (;;) {
    const [row] = await raw.query(
      "SELECT count(*)::int AS n FROM es_events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())",
    )
    if (Number(row?.n) >= expected) return
    if (performance.now() - started > 120_000)
      throw new Error(`only ${row?.n} of ${expected} events visible to readAll after 120 s: a long transaction is open`)
    if (performance.now() - started > 1_000)
      console.log(`  waiting: ${row?.n} of ${expected} events visible to readAll`)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
}

async function load(log: EventLog, total: number): Promise<number> {
  const batches = Math.ceil(total / LOAD_BATCH)
  let next = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: LOADERS }, async () => {
      for (;;) {
        const batch = next++
        if (batch >= batches) return
        const stream = batch % STREAMS
        const size = Math.min(LOAD_BATCH, total - batch * LOAD_BATCH)
        // Streams are taken round-robin by two loaders: "any" keeps a rare overlap from being a conflict.
        const outcome = await log.append({
          streamId: `replay-${stream}`,
          streamType: STREAM_TYPE,
          expectedVersion: "any",
          events: benchEvents(size, batch * LOAD_BATCH),
        })
        if (!outcome.ok) throw new Error(`load failed: ${outcome.error._tag}`, { cause: outcome.error })
      }
    }),
  )
  return total / ((performance.now() - start) / 1000)
}

const scale = (n: number): string => {
  if (n === 1_000_000) return "10^6"
  const exponent = Math.floor(Math.log10(n))
  const mantissa = n / 10 ** exponent
  return Number.isInteger(mantissa) ? `${mantissa === 1 ? "" : `${mantissa}×`}10^${exponent}` : n.toLocaleString("en")
}
