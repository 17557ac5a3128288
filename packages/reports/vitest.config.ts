import { defineConfig } from "vitest/config"
import { testTiers } from "../../test/tiers.ts"

export default defineConfig({
  test: {
    // fast-check's seed, path and runs from FC_SEED / FC_PATH / FC_RUNS, for every package (docs/testing.md)
    setupFiles: ["../../test/fast-check.setup.ts"],
    // unit (*.test.ts) and int (*.int.test.ts): the one naming rule of test/tiers.ts
    projects: testTiers,
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // PostgreSQL snapshots are cluster-wide: one file at a time there; PGlite files each have their own instance.
    fileParallelism: !process.env.DATABASE_URL,
  },
})
