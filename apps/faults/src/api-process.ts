import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { freePort, signalGroup, start, waitFor, type Started } from "./processes.ts"

/** The repository's root (this file is apps/faults/src/api-process.ts). */
export const REPO = resolve(import.meta.dirname, "../../..")

export interface ApiOptions {
  /** PostgreSQL (`DATABASE_URL`); PGlite in `dataDir` otherwise. */
  readonly databaseUrl?: string
  readonly dataDir?: string
  /** Folder of the process' log file (`api.log`). */
  readonly logDir: string
  /** Demo history loaded on the first start (small: the tests need the accounts and the units, not the volume; below about 2,000 events the generated history holds no unit catalogue). */
  readonly demoEvents?: number
  /** Seconds to wait for readiness (the first start loads the demo history). */
  readonly readyTimeoutS?: number
  /** The port (a restart takes the port of the killed process, so clients keep their address); a free one otherwise. */
  readonly port?: number
  /** Options for node before the entry point (e.g. `--heapsnapshot-signal=SIGUSR2`). */
  readonly nodeArgs?: ReadonlyArray<string>
}

/** The process' memory as it reports it in `/api/metrics` (`process.memoryUsage()`), bytes. */
export interface ApiMemory {
  readonly rss: number
  readonly heapUsed: number
  readonly heapTotal: number
  readonly external: number
  readonly arrayBuffers: number
}

export interface ApiProcess {
  readonly url: string
  readonly port: number
  readonly pid: number
  /** Ends the process at once (SIGKILL): nothing flushed, no handler run. */
  readonly kill9: () => Promise<void>
  /** SIGTERM and wait: the graceful stop (pools closed). */
  readonly stop: () => Promise<void>
  /** Resident memory of the process in bytes (Linux /proc). */
  readonly rss: () => Promise<number>
  /** `process.memoryUsage()` of the API, read from its `/api/metrics`. */
  readonly memory: () => Promise<ApiMemory>
  /** Sends a signal to the API process alone (not its group). */
  readonly signal: (signal: NodeJS.Signals) => void
}

const METRIC_OF: Record<keyof ApiMemory, string> = {
  rss: "process_resident_memory_bytes",
  heapUsed: "nodejs_heap_used_bytes",
  heapTotal: "nodejs_heap_total_bytes",
  external: "nodejs_external_memory_bytes",
  arrayBuffers: "nodejs_array_buffers_bytes",
}

/**
 * How `pnpm start` runs the API: the environment assignments and node options of `apps/api/package.json`'s start
 * script (`NAME=${NAME:-default} … node --option … src/main.ts`), `${NAME:-default}` read as the shell reads it. The
 * fault tests start the API with them, so that they test the process as production runs it (the soak's memory bound
 * depends on them: docs/reliability.md). A script of another form throws rather than being half understood.
 */
export function startScriptRuntime(
  script: string,
  env: NodeJS.ProcessEnv = process.env,
): { env: Record<string, string>; nodeArgs: string[] } {
  const words = script.trim().split(/\s+/)
  const expand = (word: string) =>
    word.replace(/\$\{([A-Z_][A-Z0-9_]*):-([^}]*)\}/g, (_, name: string, fallback: string) => env[name] || fallback)
  const assignments: Record<string, string> = {}
  let i = 0
  for (; i < words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[i]!); i++) {
    const [name, ...value] = words[i]!.split("=")
    assignments[name!] = expand(value.join("="))
  }
  if (words[i] !== "node" || words.at(-1) !== "src/main.ts")
    throw new Error(`apps/api's start script is not "[NAME=value …] node [--option …] src/main.ts": ${script}`)
  const nodeArgs = words.slice(i + 1, -1).map(expand)
  const stray = nodeArgs.find((word) => !word.startsWith("--") || /[$`'"]/.test(word))
  if (stray !== undefined) throw new Error(`apps/api's start script: not a plain node option: ${stray}`)
  return { env: assignments, nodeArgs }
}

/** The environment and node options `pnpm start` gives the API (`startScriptRuntime` of its start script). */
export const apiRuntime = () =>
  startScriptRuntime(
    (JSON.parse(readFileSync(join(REPO, "apps/api/package.json"), "utf8")) as { scripts: { start: string } }).scripts
      .start,
  )

/** The memory gauges of a Prometheus text answer (NaN for a gauge it lacks). */
export const parseMemory = (metrics: string): ApiMemory => {
  const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(metrics)?.[1] ?? Number.NaN)
  return Object.fromEntries(Object.entries(METRIC_OF).map(([key, name]) => [key, value(name)])) as unknown as ApiMemory
}

/**
 * The real API (`apps/api/src/main.ts`, started as `pnpm start` starts it: `startScriptRuntime`) as a process of its own, in demo mode
 * (demo accounts), on a free loopback port; resolves once `/api/ready` answers 200.
 */
export async function startApi(options: ApiOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort())
  const runtime = apiRuntime()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...runtime.env,
    XKLD_MODE: "demo",
    XKLD_DEMO_EVENTS: String(options.demoEvents ?? 3_000),
    XKLD_LOG_LEVEL: "warn",
    PORT: String(port),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: options.dataDir }),
  }
  delete env.VITEST
  delete env.NODE_ENV
  if (!options.databaseUrl) delete env.DATABASE_URL
  const started: Started = start(
    process.execPath,
    [...runtime.nodeArgs, ...(options.nodeArgs ?? []), join(REPO, "apps/api/src/main.ts")],
    {
      cwd: join(REPO, "apps/api"),
      env,
      logFile: join(options.logDir, "api.log"),
    },
  )
  const url = `http://127.0.0.1:${port}`
  let exitCode: number | null | undefined
  void started.exited.then((code) => (exitCode = code))
  await waitFor(
    "the API is ready",
    async () =>
      exitCode !== undefined ||
      (await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(3_000) })).status === 200,
    (options.readyTimeoutS ?? 240) * 1000,
    250,
  ).catch(async (error) => {
    signalGroup(started, "SIGKILL")
    await started.exited
    throw error
  })
  if (exitCode !== undefined) throw new Error(`the API exited (${exitCode}); see ${options.logDir}/api.log`)
  const pid = started.child.pid!
  return {
    url,
    port,
    pid,
    kill9: async () => {
      signalGroup(started, "SIGKILL")
      await started.exited
    },
    stop: async () => {
      signalGroup(started, "SIGTERM")
      const timer = setTimeout(() => signalGroup(started, "SIGKILL"), 15_000)
      await started.exited
      clearTimeout(timer)
    },
    rss: async () => {
      const { readFile } = await import("node:fs/promises")
      const status = await readFile(`/proc/${pid}/status`, "utf8")
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024
    },
    memory: async () =>
      parseMemory(await (await fetch(`${url}/api/metrics`, { signal: AbortSignal.timeout(15_000) })).text()),
    signal: (signal) => {
      try {
        process.kill(pid, signal)
      } catch {
        // already gone
      }
    },
  }
}
