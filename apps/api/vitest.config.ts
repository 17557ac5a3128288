import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // PostgreSQL snapshots are cluster-wide: one file's open transaction holds back another's readers.
    fileParallelism: !process.env.DATABASE_URL,
  },
})
