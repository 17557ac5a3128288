import { readFileSync } from "node:fs"
import { join } from "node:path"
import { expect, test } from "vitest"
import { apiRuntime, REPO, startScriptRuntime } from "../src/api-process.ts"

/**
 * The fault tests start the API as `pnpm start` does (`startScriptRuntime` of apps/api's start script), and the soak's
 * memory bound holds with the start script's memory settings, not without them (docs/reliability.md): they must not
 * be lost from the script, nor from the container image.
 */
test("the start script's environment and node options are read as the shell reads them", () => {
  const script = "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} A=b node --max-old-space-size=1024 src/main.ts"
  expect(startScriptRuntime(script, {})).toEqual({
    env: { MALLOC_ARENA_MAX: "2", A: "b" },
    nodeArgs: ["--max-old-space-size=1024"],
  })
  expect(startScriptRuntime(script, { MALLOC_ARENA_MAX: "4" }).env.MALLOC_ARENA_MAX).toBe("4")
  expect(startScriptRuntime("node src/main.ts", {})).toEqual({ env: {}, nodeArgs: [] })
  for (const other of [
    "tsx src/main.ts",
    "node src/main.ts --port 3",
    "node --x=$(id) src/main.ts",
    "node -r x src/main.ts",
  ])
    expect(() => startScriptRuntime(other, {}), other).toThrow(/start script/)
})

/** V8's options of the memory bound (docs/reliability.md, "Memory"): old space capped, young generation fixed. */
const V8_MEMORY_OPTIONS = ["--max-old-space-size=1024", "--min-semi-space-size=16", "--max-semi-space-size=16"]

test("pnpm start and the container image run the API with two malloc arenas, V8's old space capped and its young generation fixed", () => {
  const runtime = apiRuntime()
  for (const option of V8_MEMORY_OPTIONS) expect(runtime.nodeArgs).toContain(option)
  if (!process.env.MALLOC_ARENA_MAX) expect(runtime.env.MALLOC_ARENA_MAX).toBe("2")
  const dockerfile = readFileSync(join(REPO, "infra/Dockerfile"), "utf8")
  expect(dockerfile).toMatch(/^ENV .*\bMALLOC_ARENA_MAX=2\b/m)
  // the image's command, as exec words: node, its options, the entry point
  const cmd = /^CMD \[(.*)\]$/m.exec(dockerfile)
  const words = (JSON.parse(`[${cmd?.[1] ?? ""}]`) as string[]).slice(1)
  expect(words.at(-1)).toBe("apps/api/src/main.ts")
  for (const option of V8_MEMORY_OPTIONS) expect(words).toContain(option)
})
