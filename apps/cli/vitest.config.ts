import { defineConfig } from "vitest/config"
import { testTiers } from "../../test/tiers.ts"

export default defineConfig({
  test: {
    projects: testTiers,
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // PostgreSQL snapshots are cluster-wide: one file's open transaction holds back another's readers.
    fileParallelism: !process.env.DATABASE_URL,
  },
})
