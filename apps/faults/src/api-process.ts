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
}

/**
 * The real API (`apps/api/src/main.ts`, the same entry point as `pnpm start`) as a process of its own, in demo mode
 * (demo accounts), on a free loopback port; resolves once `/api/ready` answers 200.
 */
export async function startApi(options: ApiOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort())
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XKLD_MODE: "demo",
    XKLD_DEMO_EVENTS: String(options.demoEvents ?? 3_000),
    XKLD_LOG_LEVEL: "warn",
    PORT: String(port),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: options.dataDir }),
  }
  delete env.VITEST
  delete env.NODE_ENV
  if (!options.databaseUrl) delete env.DATABASE_URL
  const started: Started = start(process.execPath, [join(REPO, "apps/api/src/main.ts")], {
    cwd: join(REPO, "apps/api"),
    env,
    logFile: join(options.logDir, "api.log"),
  })
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
  }
}
