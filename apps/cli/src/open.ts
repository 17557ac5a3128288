import { servicesOver, type RunningServices } from "@xkld/api/src/bootstrap.ts"
import { ConfigError, loadConfig, type AppConfig } from "@xkld/api/src/config.ts"
import { migrateApi } from "@xkld/api/src/storage/migrations.ts"
import { describeConfig, openDatabase, openEventLog, type Database, type EventLog } from "@xkld/event-store"
import { CliError } from "./errors.ts"

/** The application's own configuration (`DATABASE_URL` or `DATA_DIR`, `XKLD_MODE`, the keys): the CLI is the app. */
export function cliConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`Cấu hình sai: ${error.message}`, "Invalid configuration")
    throw error
  }
}

const say = (config: AppConfig) =>
  process.stderr.write(`Cơ sở dữ liệu / database: ${describeConfig(config.database)} (${config.mode})\n`)

/** The database with every table migrated (the log's and the API's), without read models running. */
export async function withDatabase<T>(config: AppConfig, work: (database: Database) => Promise<T>): Promise<T> {
  say(config)
  const database = await openDatabase(config.database)
  try {
    await migrateApi(database.owner)
    return await work(database)
  } finally {
    await database.close()
  }
}

/** The application's services (log, read models caught up, key ring): what the API's routes use. */
export async function withServices<T>(config: AppConfig, work: (services: RunningServices) => Promise<T>): Promise<T> {
  say(config)
  const services = await servicesOver(config, await openDatabase(config.database))
  try {
    await services.models.runner.caughtUp()
    return await work(services)
  } finally {
    await services.close()
  }
}

/** The event log over the migrated database; closed with its LISTEN connection (else the process would not end). */
export async function withLog<T>(config: AppConfig, work: (log: EventLog) => Promise<T>): Promise<T> {
  say(config)
  const log = await openEventLog(await openDatabase(config.database))
  try {
    await migrateApi(log.database.owner)
    return await work(log)
  } finally {
    await log.close()
  }
}
