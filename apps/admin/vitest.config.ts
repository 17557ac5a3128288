import react from "@vitejs/plugin-react"
import { configDefaults, defineConfig } from "vitest/config"

/**
 * `unit`: component and module tests (`src/**\/*.test.{ts,tsx}`, jsdom), seconds. `e2e`: the real app in Debian's
 * Chromium (`e2e/*.e2e.test.ts`), started as the quick start starts it; `pnpm --filter @xkld/admin test:e2e`.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "**/*.e2e.test.ts"],
          setupFiles: ["src/test/setup.ts"],
          // The first test of a file loads a screen's chunk (ECharts) on 2 shared cores: under .ci/run's parallel
          // packages that took over 8 s (Overview.test.tsx stayed at "Đang tải…"), so a first `findBy…` waits up
          // to 25 s (`timeout: 25_000` in the tests), inside this limit.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.e2e.test.ts"],
          testTimeout: 300_000,
          // A screen's data comes from the real API on 2 shared cores: give each expectation time.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
