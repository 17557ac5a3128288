/**
 * The app as the quick start starts it: the admin build (`pnpm --filter @xkld/admin build`, the first half of
 * `pnpm start`), then the API's process (`apps/api/src/main.ts`, the second half) in demo mode, on a free port and
 * a fresh DATA_DIR. The first start loads the demo province (about 1–3 minutes on 2 cores).
 * E2E_BASE_URL points the suite at an app already running instead (for working on the tests).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { mkdtemp, rm } from "node:fs/promises"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const ADMIN = fileURLToPath(new URL("../../", import.meta.url))
const API = fileURLToPath(new URL("../../../api/", import.meta.url))

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      )
    })
  })

export interface AppServer {
  readonly baseUrl: string
  readonly startSeconds: number
  stop(): Promise<void>
}

export async function startApp(): Promise<AppServer> {
  if (process.env.E2E_BASE_URL) return { baseUrl: process.env.E2E_BASE_URL, startSeconds: 0, stop: async () => {} }
  const started = Date.now()
  // Vitest sets NODE_ENV=test; the quick start's shell does not (a test build would be React's development build).
  const { NODE_ENV: _testEnv, ...env } = process.env
  const build = spawnSync(process.execPath, [join(ADMIN, "node_modules/vite/bin/vite.js"), "build"], {
    cwd: ADMIN,
    env: { ...env, NODE_ENV: "production" },
    encoding: "utf8",
  })
  if (build.status !== 0) throw new Error(`admin build failed:\n${build.stdout}\n${build.stderr}`)
  const port = await freePort()
  const dataDir = await mkdtemp(join(tmpdir(), "xkld-e2e-"))
  const child: ChildProcess = spawn(process.execPath, ["src/main.ts"], {
    cwd: API,
    env: { ...env, PORT: String(port), DATA_DIR: dataDir, XKLD_MODE: "demo", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()))
  const baseUrl = `http://127.0.0.1:${port}`
  await new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + 8 * 60_000
    const poll = setInterval(() => {
      if (output.includes("XKLĐ API:")) {
        clearInterval(poll)
        resolve()
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll)
        reject(new Error(`the app did not start:\n${output}`))
      }
    }, 250)
  })
  return {
    baseUrl,
    startSeconds: (Date.now() - started) / 1000,
    async stop() {
      child.kill("SIGTERM")
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
