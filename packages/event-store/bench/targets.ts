import { randomUUID } from "node:crypto"
import { CompiledQuery } from "kysely"
import pg from "pg"
import { openPglite, openPostgres, type BackendName, type Database } from "../src/index.ts"

/** Bare SQL for the baselines: a pg.Pool of N connections on PostgreSQL, the same single connection on PGlite. */
export interface RawClient {
  readonly query: (text: string, params?: ReadonlyArray<unknown>) => Promise<ReadonlyArray<any>>
  readonly close: () => Promise<void>
}

/** A fresh, migrated, empty database on one backend, with bare clients beside the store's own. */
export interface BenchDatabase {
  readonly backend: BackendName
  readonly database: Database
  readonly raw: (connections: number) => RawClient
  readonly drop: () => Promise<void>
  /** PostgreSQL: the fresh database's connection string (for the peer store on the same database). */
  readonly connectionString?: string
}

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test"

export async function freshPglite(): Promise<BenchDatabase> {
  const database = await openPglite()
  return {
    backend: "pglite",
    database,
    raw: () => ({
      query: async (text, params = []) => (await database.db.executeQuery(CompiledQuery.raw(text, [...params]))).rows,
      close: async () => undefined,
    }),
    drop: () => database.close(),
  }
}

/** The server's version string, or the reason it cannot be reached. */
export async function probePostgres(
  url: string,
): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    const { rows } = await client.query("SELECT version() AS v")
    return { ok: true, version: String(rows[0]?.v) }
  } catch (cause) {
    return { ok: false, reason: cause instanceof Error ? cause.message || cause.name : String(cause) }
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A new database on the server for this run (as src/testing does), dropped by `drop`. */
export async function freshPostgres(url: string, poolSize: number): Promise<BenchDatabase> {
  const name = `xkld_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`
  await adminQuery(url, `CREATE DATABASE ${name}`)
  const target = new URL(url)
  target.pathname = `/${name}`
  const connectionString = target.toString()
  const pools: pg.Pool[] = []
  let database: Database
  try {
    database = await openPostgres({ connectionString, poolSize })
  } catch (cause) {
    await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    throw cause
  }
  return {
    backend: "postgres",
    database,
    connectionString,
    raw: (connections) => {
      const pool = new pg.Pool({ connectionString, max: connections })
      pool.on("error", () => undefined)
      pools.push(pool)
      return {
        query: async (text, params = []) => (await pool.query(text, [...params])).rows,
        close: async () => {
          const at = pools.indexOf(pool)
          if (at >= 0) pools.splice(at, 1)
          await pool.end()
        },
      }
    },
    drop: async () => {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)))
      await database.close().catch(() => undefined)
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(text)
  } finally {
    await admin.end()
  }
}
