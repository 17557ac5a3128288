/**
 * One fast-check configuration for the tests of every package: each package's `vitest.config.ts` lists this file
 * in `setupFiles`, so it runs before every test file, in the worker that runs it (see docs/testing.md).
 *
 * - Without `FC_SEED`, every property draws a fresh seed on every run: the suite keeps exploring new inputs.
 * - A failing property throws fast-check's report followed by the exact command that replays it
 *   (`FC_SEED=… FC_PATH=… … vitest run <file> -t '<test>'`).
 * - `FC_SEED=<n>` runs every property (and the API fuzz) with that seed; `FC_PATH=<path>` goes straight to the
 *   counterexample (use it with `-t`, since every property that runs would take the same path); `FC_RUNS=<n>`
 *   sets the number of runs of every property, also of those that choose their own (they read
 *   `fc.readConfigureGlobal().numRuns ?? <their default>`).
 */
import { relative } from "node:path"
import { fileURLToPath } from "node:url"
import fc from "fast-check"
import { expect } from "vitest"

const integerFrom = (name: string): number | undefined => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === "") return undefined
  const value = Number(raw)
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`)
  return value
}

const seed = integerFrom("FC_SEED")
const numRuns = integerFrom("FC_RUNS")
const path = process.env.FC_PATH?.trim() || undefined
if (path !== undefined && seed === undefined) throw new Error("FC_PATH replays a counterexample of FC_SEED: set both")
if (numRuns !== undefined && numRuns < 1) throw new Error("FC_RUNS must be at least 1")

const repositoryRoot = fileURLToPath(new URL("..", import.meta.url))
const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`
const escapedForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** The command that replays a failure: run from the repository root, it runs only the failing test. */
function replayCommand(details: { seed: number; counterexamplePath: string | null }): string {
  const { testPath, currentTestName } = expect.getState()
  const packageDir = relative(repositoryRoot, process.cwd()) || "."
  const file = testPath ? relative(process.cwd(), testPath) : "<test file>"
  const name = (currentTestName ?? "").split(" > ").at(-1) ?? ""
  const replayPath = details.counterexamplePath ? ` FC_PATH=${shellQuoted(details.counterexamplePath)}` : ""
  return (
    `(cd ${packageDir} && FC_SEED=${details.seed}${replayPath} ` +
    `npx -y pnpm@12 exec vitest run ${file} -t ${shellQuoted(escapedForRegExp(name))})`
  )
}

fc.configureGlobal({
  ...(seed === undefined ? {} : { seed }),
  ...(numRuns === undefined ? {} : { numRuns }),
  // `path` is left out of fast-check's global parameters' type, but honoured: a replay of one property.
  ...((path === undefined ? {} : { path }) as object),
  reporter: (details) => {
    if (!details.failed) return
    const report = fc.defaultReportMessage(details) ?? "Property failed"
    const error = new Error(`${report}\n\nReplay it with:\n  ${replayCommand(details)}\n`, {
      cause: details.errorInstance,
    })
    throw error
  },
})
