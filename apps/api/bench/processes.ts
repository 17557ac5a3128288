import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { cpus } from "node:os"
import { createInterface } from "node:readline"

/** Whether CPU pinning is possible here: `taskset` present and at least two cores. */
export const canPin = (): boolean => cpus().length >= 2 && spawnSync("taskset", ["-V"]).status === 0

/** Pins every thread of a process (this one by default: the load generator) to one core. */
export function pin(cpu: number, pid: number = process.pid): void {
  const result = spawnSync("taskset", ["-a", "-cp", String(cpu), String(pid)])
  if (result.status !== 0) throw new Error(`taskset failed: ${result.stderr}`)
}

export interface Server<T> {
  readonly info: T
  readonly process: ChildProcess
  readonly stop: () => Promise<void>
}

/**
 * Starts `node <script> …args` and waits for its `READY {json}` line on stdout (pinned to `cpu` when given, from
 * the start; or later with `pin(cpu, server.process.pid)`). Other stdout lines and stderr pass through.
 */
export function startServer<T>(
  script: string,
  args: ReadonlyArray<string>,
  options: {
    env?: NodeJS.ProcessEnv
    cpu?: number
    nodeOptions?: ReadonlyArray<string>
    timeoutMs?: number
    cwd: string
  },
): Promise<Server<T>> {
  const node = [...(options.nodeOptions ?? []), script, ...args]
  const child =
    options.cpu === undefined
      ? spawn(process.execPath, node, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "inherit"] })
      : spawn("taskset", ["-c", String(options.cpu), process.execPath, ...node], {
          cwd: options.cwd,
          env: options.env,
          stdio: ["ignore", "pipe", "inherit"],
        })
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))])
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`${script} did not become ready within ${Math.round((options.timeoutMs ?? 600_000) / 1000)} s`))
    }, options.timeoutMs ?? 600_000)
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code} before it was ready`))
    })
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("READY ")) {
        clearTimeout(timer)
        resolve({ info: JSON.parse(line.slice(6)) as T, process: child, stop })
      } else if (!isRequestLog(line)) console.log(line)
    })
  })
}

/**
 * The server's one log line per request (observability, written as in production) is read and dropped here:
 * printed again by this process, the load generator, it cost the generator's core a console write per request
 * (thousands a second) that the baseline's requests did not.
 */
const isRequestLog = (line: string) => line.startsWith('{"time"') && line.includes('"message":"request"')
