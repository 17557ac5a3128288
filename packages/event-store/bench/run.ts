/**
 * `pnpm bench` for the event store: our append and replay against raw PostgreSQL baselines measured in
 * the same run (docs/benchmarks.md, "Event store"), on PGlite and on PostgreSQL.
 *
 * Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a fresh database is
 * created for each part of the run and dropped after), BENCH_BACKENDS=pglite,postgres, BENCH_SECONDS
 * (per side per round, default 1.5), BENCH_ROUNDS (append rounds, default 6), BENCH_REPLAY_ROUNDS (default 2),
 * BENCH_REPLAY_EVENTS_PG (default 10^6),
 * BENCH_REPLAY_EVENTS_PGLITE (default 2×10^5), BENCH_PEER=0 to skip the Emmett peer (PostgreSQL only),
 * BENCH_PEER_READ_EVENTS (events each store reads back whole, default 10^5), BENCH_OUT (default bench/results/event-store.json
 * at the repository root).
 */
import { cpus, loadavg, totalmem } from "node:os"
import { resolve } from "node:path"
import { openEventLog } from "../src/index.ts"
import { benchAppends } from "./appends.ts"
import type { Measurement } from "./measurement.ts"
import { benchPeerEmmett } from "./peer-emmett.ts"
import { benchReplay } from "./replay.ts"
import { formatTable, writeResults } from "./results.ts"
import { DEFAULT_DATABASE_URL, freshPglite, freshPostgres, probePostgres, type BenchDatabase } from "./targets.ts"

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
const backends = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",").map((b) => b.trim())
const appendSettings = { seconds: number("BENCH_SECONDS", 1.5), rounds: number("BENCH_ROUNDS", 6), warmUpSeconds: 0.5 }
const replayRounds = number("BENCH_REPLAY_ROUNDS", 2)
const out = process.env.BENCH_OUT || resolve(import.meta.dirname, "../../../bench/results/event-store.json")

const results: Measurement[] = []
const report = (m: Measurement) => {
  results.push(m)
  console.log(
    `  ${m.name}: ours ${m.ours.toLocaleString("en")} vs baseline ${m.baseline.toLocaleString("en")} ${m.unit} → ${m.ratio.toFixed(2)}`,
  )
}

async function withLog(
  open: () => Promise<BenchDatabase>,
  body: (target: BenchDatabase, log: Awaited<ReturnType<typeof openEventLog>>) => Promise<void>,
) {
  const target = await open()
  try {
    const log = await openEventLog(target.database)
    try {
      await body(target, log)
    } finally {
      // close() also closes the database; drop() below tolerates that.
      await log.close().catch(() => undefined)
    }
  } finally {
    await target.drop().catch((cause) => console.error("  could not drop the bench database:", cause))
  }
}

async function benchBackend(backend: "pglite" | "postgres", open: () => Promise<BenchDatabase>, replayEvents: number) {
  console.log(`\n== ${backend} ==`)
  await withLog(open, (target, log) => benchAppends(target, log, appendSettings, report))
  await withLog(open, (target, log) =>
    benchReplay(target, log, { events: replayEvents, rounds: replayRounds, readBatch: 5000 }, report),
  )
  if (backend === "postgres" && process.env.BENCH_PEER !== "0")
    await withLog(open, (target, log) =>
      benchPeerEmmett(
        log,
        {
          ...appendSettings,
          connectionString: target.connectionString!,
          readEvents: number("BENCH_PEER_READ_EVENTS", 100_000),
          readBatch: 5000,
        },
        report,
      ),
    )
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")
console.log(
  `event-store bench — node ${process.version}, ${cpus().length} cpus, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${load()}`,
)
const started = performance.now()

if (backends.includes("pglite")) {
  await benchBackend("pglite", freshPglite, number("BENCH_REPLAY_EVENTS_PGLITE", 200_000))
}
if (backends.includes("postgres")) {
  const probe = await probePostgres(url)
  if (probe.ok) {
    console.log(`\nPostgreSQL: ${probe.version}`)
    await benchBackend("postgres", () => freshPostgres(url, 10), number("BENCH_REPLAY_EVENTS_PG", 1_000_000))
  } else {
    console.log(`\n!! PostgreSQL is not reachable at ${new URL(url).host} (${probe.reason}): benching PGlite only.`)
  }
}

console.log(`\n${formatTable(results)}\n`)
await writeResults(out, results)
console.log(
  `wrote ${results.length} measurements to ${out} in ${Math.round((performance.now() - started) / 1000)} s (load average now ${load()})`,
)
