import { resolve } from "node:path"
import { hostRouting } from "../backends/hosts.ts"
import type { DatabaseConfig } from "../open.ts"

/**
 * `DATABASE_URL` selects PostgreSQL; otherwise the embedded database in `DATA_DIR` (default `./.data`),
 * relative to where the user typed the command (pnpm runs scripts inside the package, INIT_CWD keeps the origin).
 */
export const configFromEnv = (env: NodeJS.ProcessEnv = process.env): DatabaseConfig => ({
  databaseUrl: env.DATABASE_URL || undefined,
  appDatabaseUrl: env.DATABASE_APP_URL || undefined,
  dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR || ".data"),
})

export const describeConfig = (config: DatabaseConfig): string =>
  config.databaseUrl
    ? `PostgreSQL ${hostRouting(config.databaseUrl).hosts.join(",")}${new URL(hostRouting(config.databaseUrl).url).pathname}`
    : `PGlite ${config.dataDir}`
