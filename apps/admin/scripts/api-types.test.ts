// @vitest-environment node
import { readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { GENERATED_FILE, generateApiTypes } from "./api-types.ts"

const SRC = fileURLToPath(new URL("../src/", import.meta.url))

/** Every API path the app calls through the typed client (`api.GET("/api/…"`), read from its sources. */
async function calledPaths(): Promise<ReadonlyArray<string>> {
  const files = (await readdir(SRC, { recursive: true })).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".gen.ts"))
  const paths = new Set<string>()
  for (const file of files)
    for (const match of (await readFile(join(SRC, file), "utf8")).matchAll(/api\.(?:GET|POST|DELETE)\("([^"]+)"/g))
      paths.add(match[1]!)
  return [...paths].sort()
}

/** The generated text of one path entry and of the operations it names (two-space-indented blocks). */
function entryOf(source: string, path: string): string {
  const block = (start: string) => {
    const from = source.indexOf(start)
    if (from < 0) return `(missing ${start.trim()})`
    return source.slice(from, source.indexOf("\n  }\n", from))
  }
  const entry = block(`\n  "${path}": {\n`)
  const operations = [...entry.matchAll(/operations\["(\w+)"\]/g)].map((m) => block(`\n  ${m[1]}: {\n`))
  // Comments (summaries, the roles' names) may change without changing what the app sends and reads.
  return [entry, ...operations]
    .join("\n")
    .split("\n")
    .filter((line) => !/^\s*(\/\*\*|\*)/.test(line))
    .join("\n")
}

describe("the admin app's API types (apps/admin/src/api/openapi.gen.ts)", () => {
  it("describe every route the app calls as the API's route declarations do today", async () => {
    const committed = await readFile(GENERATED_FILE, "utf8")
    const fresh = await generateApiTypes()
    const paths = await calledPaths()
    expect(paths).toEqual(expect.arrayContaining(["/api/session", "/api/attainment", "/api/lineage", "/api/workers"]))
    // Only what the app uses is compared: routes added elsewhere do not make this file stale for the app.
    for (const path of paths)
      expect(entryOf(committed, path), `${path} changed: run pnpm --filter @xkld/admin gen:api`).toBe(
        entryOf(fresh, path),
      )
  }, 60_000)
})
