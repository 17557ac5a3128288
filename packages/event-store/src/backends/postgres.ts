import { Kysely, PostgresDialect } from "kysely"
import pg from "pg"
import { APP_ROLE } from "../migrations/0004-application-role.ts"
import { migrateToLatest } from "../migrate.ts"
import type { Database } from "./database.ts"

// int8 as number: positions, versions and counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value))

export interface PostgresOptions {
  readonly connectionString: string
  readonly poolSize?: number
  /** The role the application runs as; `null` to use the connecting user as is. */
  readonly appRole?: string | null
}

/**
 * Production backend. The owner pool (migrations, operator tools) connects as the configured user;
 * the application pool switches every connection to the application role, which may only SELECT
 * and INSERT on the log (ADR 0004).
 */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const ownerPool = new pg.Pool({ connectionString: options.connectionString, max: 2 })
  const owner = new Kysely<any>({ dialect: new PostgresDialect({ pool: ownerPool }) })
  await migrateToLatest(owner)
  const role = options.appRole === undefined ? await usableAppRole(ownerPool) : options.appRole
  const appPool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    // Short transactions keep readers moving (the ordering guard waits for the oldest open one).
    idle_in_transaction_session_timeout: 60_000,
    ...(role ? { options: `-c role=${role}` } : {}),
  })
  // An idle connection that the server drops (restart, failover) must not crash the process: the pool
  // discards it and the next query opens a new one.
  for (const pool of [ownerPool, appPool]) pool.on("error", () => undefined)
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: appPool }) })
  return {
    backend: "postgres",
    db,
    owner,
    listen: async (channel, onNotify) => {
      const client = await appPool.connect()
      client.on("notification", () => onNotify())
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
      return async () => {
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined)
        client.release()
      }
    },
    close: async () => {
      await db.destroy()
      await owner.destroy()
    },
  }
}

async function usableAppRole(pool: pg.Pool): Promise<string | null> {
  const { rows } = await pool.query(
    `SELECT 1 FROM pg_roles r WHERE r.rolname = $1 AND pg_has_role(current_user, r.oid, 'USAGE')`,
    [APP_ROLE],
  )
  return rows.length > 0 ? APP_ROLE : null
}
