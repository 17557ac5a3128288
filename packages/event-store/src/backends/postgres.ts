import { Kysely, PostgresDialect } from "kysely"
import pg from "pg"
import { APP_ROLE } from "../migrations/0004-application-role.ts"
import { migrateToLatest } from "../migrate.ts"
import type { Database } from "./database.ts"

// int8 as number: positions, versions and counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value))

export interface PostgresOptions {
  readonly connectionString: string
  /**
   * How the application connects as its own LOGIN role (`DATABASE_APP_URL`, ADR 0008). When absent, the
   * owner's address with the role's name and no password is tried (trusted local connections, tests).
   */
  readonly appConnectionString?: string | undefined
  readonly poolSize?: number
  /** The role the application runs as; `null` to use the connecting user as is. */
  readonly appRole?: string | null
}

/**
 * Production backend. The owner pool (migrations, operator tools) connects as the configured user;
 * the application pool connects as the application role itself, which may only SELECT and INSERT on
 * the log (ADR 0004). Connecting as the role, not switching to it, matters: `RESET ROLE` undoes a
 * switched role within its connection (ADR 0008). Only when the role cannot log in does the pool fall
 * back to switching, with a warning.
 */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const ownerPool = new pg.Pool({ connectionString: options.connectionString, max: 2 })
  const owner = new Kysely<any>({ dialect: new PostgresDialect({ pool: ownerPool }) })
  await migrateToLatest(owner)
  const role = options.appRole === undefined ? await usableAppRole(ownerPool) : options.appRole
  const connection = options.appConnectionString
    ? { connectionString: options.appConnectionString }
    : role
      ? await appRoleConnection(options.connectionString, role)
      : { connectionString: options.connectionString }
  const appPool = new pg.Pool({
    ...connection,
    max: options.poolSize ?? 10,
    // Short transactions keep readers moving (the ordering guard waits for the oldest open one).
    idle_in_transaction_session_timeout: 60_000,
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

/**
 * The owner's address with the application role as the user (and no password): used when the role can
 * log in that way. Otherwise the connection switches to the role, which `RESET ROLE` can undo (ADR 0008).
 */
async function appRoleConnection(
  connectionString: string,
  role: string,
): Promise<{ connectionString: string; options?: string }> {
  const url = new URL(connectionString)
  url.username = encodeURIComponent(role)
  url.password = ""
  const login = url.toString()
  const probe = new pg.Client({ connectionString: login })
  try {
    await probe.connect()
    const { rows } = await probe.query<{ who: string }>("SELECT session_user::text AS who")
    if (rows[0]?.who === role) return { connectionString: login }
  } catch {
    // the role may not log in here (no LOGIN, or the server asks for a password): fall back below
  } finally {
    await probe.end().catch(() => undefined)
  }
  console.warn(
    `xkld: ${role} cannot log in on ${url.host}; switching to it with SET ROLE, which RESET ROLE can undo. ` +
      "Set DATABASE_APP_URL to connect as the role (ADR 0008).",
  )
  return { connectionString, options: `-c role=${role}` }
}
