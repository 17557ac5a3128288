import { defineConfig } from "vitest/config"

/**
 * Fault tests are their own tier (`*.fault.test.ts`, `pnpm test:faults`): each file starts its own PostgreSQL
 * cluster (or Patroni and etcd) and API processes on free loopback ports and takes seconds to minutes, so they
 * run one file at a time, outside `pnpm test` (this package has no `test` script).
 */
export default defineConfig({
  test: {
    include: ["test/**/*.fault.test.ts"],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
})
