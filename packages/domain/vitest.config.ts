import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // PostgreSQL test files each get their own database; PGlite files their own instance.
    fileParallelism: true,
  },
})
