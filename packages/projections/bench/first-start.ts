/**
 * The first `pnpm start` (issue 12: ≤ 30 s): the API in demo mode on an empty PGlite data directory, timed from
 * spawning `node apps/api/src/main.ts` to the first `/api/health` answer (which follows the demo load and the read
 * models' catch-up). Baseline, in the same run: the same process on a data directory that already holds the demo
 * (a second start: module loading, opening the cluster, checking the accounts), so the ratio shows what the
 * first start adds. The admin app's build, which `pnpm start` runs first, is not counted.
 *
 * `node bench/first-start.ts` alone, or first in `pnpm bench` (BENCH_FIRST_START=0 skips it). Writes
 * bench/results/projections-first-start.json (BENCH_FIRST_START_OUT).
 */
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { loadavg, tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { formatTable, measurement, writeResults, type Measurement } from "@xkld/event-store/bench"

/** The target for the first start, in ms. */
export const FIRST_START_LIMIT_MS = 30_000

const API = resolve(import.meta.dirname, "../../../apps/api")
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")

/**
 * CPU seconds (user + system) the process has used so far, from /proc (Linux); NaN elsewhere. On a shared machine
 * the wall time follows the load; the CPU time is what the start itself costs.
 */
const cpuSecondsOf = (pid: number | undefined): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")
    return (Number(fields[11]) + Number(fields[12])) / 100 // USER_HZ: 100 on Linux
  } catch {
    return Number.NaN
  }
}

interface Start {
  readonly ms: number
  /** CPU seconds of the API process up to its first /api/health answer. */
  readonly cpuSeconds: number
  readonly events: number
  /** The lines the process printed before it answered (the progress lines). */
  readonly lines: ReadonlyArray<string>
}

/** Starts the API on `dataDir` and times it to its first /api/health answer; stops it after. */
async function timedStart(dataDir: string, port: number): Promise<Start> {
  const started = performance.now()
  const child = spawn(process.execPath, ["src/main.ts"], {
    cwd: API,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), XKLD_MODE: "demo", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const lines: string[] = []
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n"))
      if (line.trim() && !line.startsWith("{"))
        lines.push(
          `${((performance.now() - started) / 1000).toFixed(1)} s (cpu ${cpuSecondsOf(child.pid).toFixed(1)} s) ${line}`,
        )
  }
  child.stdout.on("data", collect)
  child.stderr.on("data", collect)
  const exited = new Promise<number | null>((done) => child.on("exit", done))
  let gone = false
  void exited.then(() => (gone = true))
  try {
    for (;;) {
      if (gone) throw new Error(`the API exited before answering:\n${lines.join("\n")}`)
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`)
        if (response.ok) {
          const body = (await response.json()) as { events: number }
          return { ms: performance.now() - started, cpuSeconds: cpuSecondsOf(child.pid), events: body.events, lines }
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250))
    }
  } finally {
    child.kill("SIGTERM")
    await exited
  }
}

/** Measures a first start and a second start on the same directory; returns the rows. */
export async function benchFirstStart(port = 4799): Promise<Measurement[]> {
  const dataDir = await mkdtemp(join(tmpdir(), "xkld-first-start-"))
  try {
    const before = load()
    const first = await timedStart(dataDir, port)
    for (const line of first.lines) console.log(`  ${line}`)
    const second = await timedStart(dataDir, port)
    const note =
      `${first.events.toLocaleString("en")} events; PGlite on disk, empty DATA_DIR; ours: spawn to the first /api/health ` +
      `answer (CPU time of the process ${first.cpuSeconds.toFixed(1)} s); baseline: a second start on the same ` +
      `directory (${(second.ms / 1000).toFixed(1)} s, CPU ${second.cpuSeconds.toFixed(1)} s); ` +
      `load average ${before} before, ${load()} after`
    return [
      measurement(
        `first start: demo (${first.events.toLocaleString("en")} events) → /api/health`,
        "pglite",
        "ms",
        first.ms,
        second.ms,
        {
          limit: FIRST_START_LIMIT_MS,
          note,
        },
      ),
    ]
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  const out =
    process.env.BENCH_FIRST_START_OUT ||
    resolve(import.meta.dirname, "../../../bench/results/projections-first-start.json")
  console.log(`first start bench (load average ${load()})`)
  const rows = await benchFirstStart()
  console.log(`\n${formatTable(rows)}\n`)
  await writeResults(out, rows)
  console.log(`wrote ${out}`)
}
