/**
 * Issue 10's "the first screen interactive in ≤ 2 s on this machine": the built app served by the API's process
 * (development mode on an empty PGlite directory: the sign-in screen needs no data), opened in Debian's Chromium
 * with an empty cache each time, timed from navigation to the sign-in form taking a keystroke. Baseline in the same
 * run: the same browser, the same steps, on a static page holding the same three controls (a data: URL), so the
 * browser's own start of a page is not counted as ours. Writes bench/results/admin.json (docs/benchmarks.md).
 */
import { formatTable, measurement, writeResults } from "@xkld/event-store/bench"
import { spawn, spawnSync } from "node:child_process"
import { mkdtemp, rm } from "node:fs/promises"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Browser } from "playwright-core"
import { launch } from "../e2e/support/browser.ts"

const ADMIN = fileURLToPath(new URL("../", import.meta.url))
const API = fileURLToPath(new URL("../../api/", import.meta.url))
const RESULTS = fileURLToPath(new URL("../../../bench/results/admin.json", import.meta.url))
const ROUNDS = 7
const PORT = 39_000 + Math.floor(Math.random() * 1_000)

const STATIC_FORM = `data:text/html;charset=utf-8,${encodeURIComponent(
  '<!doctype html><html lang="vi"><body><form><label>Tên đăng nhập <input name="u"></label>' +
    '<label>Mật khẩu <input name="p" type="password"></label><button>Đăng nhập</button></form></body></html>',
)}`

/** Milliseconds from navigation to the form accepting a keystroke, in a fresh context (empty cache). */
async function timeToInteractive(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ locale: "vi-VN" })
  const page = await context.newPage()
  const started = performance.now()
  await page.goto(url)
  await page.getByRole("button", { name: "Đăng nhập" }).waitFor({ state: "visible" })
  await page.getByLabel("Tên đăng nhập").fill("a")
  const elapsed = performance.now() - started
  await context.close()
  return elapsed
}

const median = (values: ReadonlyArray<number>) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")

const build = spawnSync(process.execPath, [join(ADMIN, "node_modules/vite/bin/vite.js"), "build"], {
  cwd: ADMIN,
  env: { ...process.env, NODE_ENV: "production" },
  encoding: "utf8",
})
if (build.status !== 0) throw new Error(`admin build failed:\n${build.stdout}\n${build.stderr}`)

const dataDir = await mkdtemp(join(tmpdir(), "xkld-first-screen-"))
const api = spawn(process.execPath, ["src/main.ts"], {
  cwd: API,
  env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, XKLD_MODE: "development", DATABASE_URL: "" },
  stdio: ["ignore", "pipe", "inherit"],
})
await new Promise<void>((resolve, reject) => {
  let output = ""
  api.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString()
    if (output.includes("XKLĐ API:")) resolve()
  })
  api.once("exit", (code) => reject(new Error(`the API exited (${code}) before listening:\n${output}`)))
})

const loadBefore = load()
const browser = await launch()
try {
  const ours: number[] = []
  const baseline: number[] = []
  await timeToInteractive(browser, `http://127.0.0.1:${PORT}/`) // untimed warm-up of the server and the browser
  await timeToInteractive(browser, STATIC_FORM)
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side goes first, so a burst of background load hits both alike.
    const order = round % 2 === 0 ? ["ours", "baseline"] : ["baseline", "ours"]
    for (const side of order) {
      if (side === "ours") ours.push(await timeToInteractive(browser, `http://127.0.0.1:${PORT}/`))
      else baseline.push(await timeToInteractive(browser, STATIC_FORM))
    }
  }
  const rows = [
    measurement(
      "admin: first screen (sign-in) interactive, empty cache",
      "pglite",
      "ms",
      median(ours),
      median(baseline),
      {
        limit: 2_000,
        note: `median of ${ROUNDS}; ours ${ours.map((v) => v.toFixed(0)).join("/")} ms; baseline: the same three controls as a static data: page (${baseline.map((v) => v.toFixed(0)).join("/")} ms); load average ${loadBefore} before, ${load()} after`,
      },
    ),
  ]
  console.log(formatTable(rows))
  await writeResults(RESULTS, rows)
} finally {
  await browser.close()
  api.kill("SIGTERM")
  await rm(dataDir, { recursive: true, force: true })
}
