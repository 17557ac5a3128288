import { Kysely, PostgresDialect } from "kysely"
import pg from "pg"
import { APP_ROLE } from "../migrations/0004-application-role.ts"
import { migrateToLatest } from "../migrate.ts"
import type { Database } from "./database.ts"
import { hostRouting, type HostRouting } from "./hosts.ts"

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
  // A multi-host address (several nodes, target_session_attrs=read-write) routes each connection to the primary.
  const owned = hostRouting(options.connectionString)
  const ownerPool = new pg.Pool({ ...OUTAGE_LIMITS, connectionString: owned.url, Client: owned.Client, max: 2 })
  const owner = new Kysely<any>({ dialect: new PostgresDialect({ pool: ownerPool }) })
  await migrateToLatest(owner)
  const role = options.appRole === undefined ? await usableAppRole(ownerPool) : options.appRole
  const app = options.appConnectionString ? hostRouting(options.appConnectionString) : owned
  const connection = options.appConnectionString
    ? { connectionString: app.url }
    : role
      ? await appRoleConnection(owned, role)
      : { connectionString: owned.url }
  const appPool = new pg.Pool({
    ...OUTAGE_LIMITS,
    ...connection,
    Client: app.Client,
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
    listen: (channel, onNotify) => listenResilient(appPool, channel, onNotify),
    poolStats: () => ({
      total: appPool.totalCount,
      idle: appPool.idleCount,
      waiting: appPool.waitingCount,
      max: options.poolSize ?? 10,
    }),
    close: async () => {
      await db.destroy()
      await owner.destroy()
    },
  }
}

/**
 * A database that is down must not hold a request: a connection attempt gives up after 5 s (the edge answers
 * 503 with Retry-After), and TCP keep-alive notices a server that vanished without closing the connection.
 */
const OUTAGE_LIMITS = { connectionTimeoutMillis: 5_000, keepAlive: true } as const

/** How long the listener waits before connecting again after its connection was lost. */
const RELISTEN_DELAY_MS = 1_000

/**
 * `LISTEN` on a connection of its own that comes back after the server restarts or fails over: a lost connection
 * would otherwise end the hints for good (or crash the process with an unhandled `error`). On each reconnection
 * the subscriber is woken once, since hints sent meanwhile were missed (hints are only hints: readers also poll).
 */
async function listenResilient(pool: pg.Pool, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let stopped = false
  let client: pg.PoolClient | undefined
  let timer: NodeJS.Timeout | undefined
  const connect = async (): Promise<void> => {
    const next = await pool.connect()
    const lost = () => {
      if (client !== next) return
      client = undefined
      next.release(true)
      if (!stopped) schedule()
    }
    next.on("error", lost)
    next.on("end", lost)
    next.on("notification", () => onNotify())
    try {
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
    } catch (error) {
      next.release(true)
      throw error
    }
    client = next
  }
  const schedule = () => {
    timer = setTimeout(() => {
      if (stopped) return
      connect().then(onNotify, schedule)
    }, RELISTEN_DELAY_MS)
    timer.unref()
  }
  await connect()
  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    const last = client
    client = undefined
    if (!last) return
    await last.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined)
    last.release()
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
  routing: HostRouting,
  role: string,
): Promise<{ connectionString: string; options?: string }> {
  const connectionString = routing.url
  const url = new URL(connectionString)
  url.username = encodeURIComponent(role)
  url.password = ""
  const login = url.toString()
  const probe = new routing.Client({ connectionString: login, ...OUTAGE_LIMITS })
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
