import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process"
import { createWriteStream, mkdtempSync, rmSync, chownSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

/**
 * Every process a fault test starts, so that each is ended when the test ends — also when it fails or the
 * runner is interrupted. Processes are ended by their own pid (and process group), never by name.
 */
const running = new Set<ChildProcess>()

const endAll = () => {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL")
    } catch {
      try {
        child.kill("SIGKILL")
      } catch {
        // already gone
      }
    }
  }
  running.clear()
}
process.on("exit", endAll)
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    endAll()
    process.exit(130)
  })

/** Ends every process still running (a test's `afterAll`, whatever happened before). */
export const endAllProcesses = endAll

/** The uid and gid of the `postgres` account when running as root: PostgreSQL, initdb and Patroni refuse root. */
export const postgresUser = (): { uid: number; gid: number } | undefined => {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim())
  return { uid: id("-u"), gid: id("-g") }
}

/** A temporary folder the `postgres` account may write to (removed by `removeDir`). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `xkld-${prefix}-`))
  const user = postgresUser()
  if (user) chownSync(dir, user.uid, user.gid)
  return dir
}

/** Removes a test's folder; `XKLD_FAULTS_KEEP=1` keeps it (data and logs) to look at after a failure. */
export const removeDir = (dir: string) => {
  if (process.env.XKLD_FAULTS_KEEP === "1") console.log(`kept ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}

export interface Started {
  readonly child: ChildProcess
  readonly exited: Promise<number | null>
}

/**
 * Starts a process in its own process group (so it and its children can be signalled together), its output
 * appended to `logFile`.
 */
export function start(
  command: string,
  args: ReadonlyArray<string>,
  options: SpawnOptions & { logFile: string; asPostgres?: boolean },
): Started {
  const { logFile, asPostgres, ...rest } = options
  const user = asPostgres ? postgresUser() : undefined
  const child = spawn(command, args, {
    ...rest,
    ...user,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const out = createWriteStream(logFile, { flags: "a" })
  child.stdout?.pipe(out)
  child.stderr?.pipe(out)
  running.add(child)
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => {
      running.delete(child)
      resolve(code)
    })
    child.on("error", () => {
      running.delete(child)
      resolve(-1)
    })
  })
  return { child, exited }
}

/** Runs a command to its end (as `postgres` when asked); throws with its output when it fails. */
export function run(
  command: string,
  args: ReadonlyArray<string>,
  options: { asPostgres?: boolean; env?: NodeJS.ProcessEnv } = {},
): string {
  const user = options.asPostgres ? postgresUser() : undefined
  const result = spawnSync(command, args, { encoding: "utf8", ...user, env: options.env ?? process.env })
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stdout}\n${result.stderr}`)
  return result.stdout
}

/** Sends `signal` to the process group of a started process (the process and what it started). */
export function signalGroup(started: Started, signal: NodeJS.Signals): void {
  if (!started.child.pid) return
  try {
    process.kill(-started.child.pid, signal)
  } catch {
    // already gone
  }
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the process that will bind it). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `probe` until it returns true or `timeoutMs` passes (then throws naming `what`). */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 200,
): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < timeoutMs) {
    if (await probe().catch(() => false)) return performance.now() - started
    await sleep(everyMs)
  }
  throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s`)
}
