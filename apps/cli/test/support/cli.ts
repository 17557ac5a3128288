import { spawn } from "node:child_process"
import { randomBytes, randomUUID } from "node:crypto"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"

const MAIN = new URL("../../src/main.ts", import.meta.url).pathname

export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `xkld` as an operator would: its own process, the given environment, `input` on standard input. */
export function runCli(
  args: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv,
  input = "",
  timeoutMs = 180_000,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env }, stdio: "pipe" })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", reject)
    // a command that does not end is a failure, not a hung test run
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    child.on("close", (status) => {
      clearTimeout(timer)
      resolve({
        status,
        stdout: timer && status === null ? `${stdout}\n[killed after ${timeoutMs} ms]` : stdout,
        stderr,
      })
    })
    child.stdin.end(input)
  })
}

/** Production secrets for a test: two different random keys, as `loadConfig` demands. */
export const productionEnv = (): NodeJS.ProcessEnv => ({
  XKLD_MODE: "production",
  XKLD_MASTER_KEY: randomBytes(32).toString("base64"),
  XKLD_INDEX_KEY: randomBytes(32).toString("base64"),
  XKLD_SESSION_SECRET: randomBytes(24).toString("base64"),
})

export interface TestTarget {
  /** DATABASE_URL or DATA_DIR (and nothing of the other) for a fresh, empty database. */
  readonly env: NodeJS.ProcessEnv
  readonly backend: "pglite" | "postgres"
  readonly drop: () => Promise<void>
}

/**
 * A fresh empty database the CLI opens by itself: a PGlite data directory, or — when DATABASE_URL is set (pnpm
 * test:pg) — a new PostgreSQL database on that server, dropped afterwards.
 */
export async function freshTarget(): Promise<TestTarget> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const dir = await mkdtemp(join(tmpdir(), "xkld-cli-"))
    return {
      env: { DATA_DIR: join(dir, "data"), DATABASE_URL: "" },
      backend: "pglite",
      drop: () => rm(dir, { recursive: true, force: true }),
    }
  }
  const name = `xkld_cli_${randomUUID().replaceAll("-", "").slice(0, 16)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const target = new URL(url)
  target.pathname = `/${name}`
  return {
    env: { DATABASE_URL: target.toString(), DATA_DIR: "" },
    backend: "postgres",
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await dropper.end()
    },
  }
}
