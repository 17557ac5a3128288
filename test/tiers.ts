/**
 * The one rule for test tiers in every package, by file name (docs/testing.md, "Test tiers"). Each package's
 * `vitest.config.ts` takes `projects: testTiers`:
 *
 * - `*.test.ts`, beside the code it tests: fast, no database, no network, no browser. Project `unit`,
 *   `pnpm test:unit` (seconds).
 * - `*.int.test.ts`: needs a database (PGlite, or PostgreSQL when `DATABASE_URL` is set). Project `int`.
 * - `*.e2e.test.ts`: drives a browser. In neither project: the package that brings browser tests adds its own
 *   browser project and a `test:e2e` task.
 *
 * `vitest run` (`pnpm test`, `pnpm test:pg`) runs `unit` and `int`; `vitest run --project unit` only the fast tier.
 */
import { configDefaults, type TestProjectInlineConfiguration } from "vitest/config"

export const UNIT_TESTS = "**/*.test.ts"
export const INTEGRATION_TESTS = "**/*.int.test.ts"
export const E2E_TESTS = "**/*.e2e.test.ts"

export const testTiers: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: "unit",
      include: [UNIT_TESTS],
      exclude: [...configDefaults.exclude, INTEGRATION_TESTS, E2E_TESTS],
    },
  },
  {
    extends: true,
    test: { name: "int", include: [INTEGRATION_TESTS], exclude: [...configDefaults.exclude, E2E_TESTS] },
  },
]
