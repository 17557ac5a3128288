import { openPglite, type Database } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { CompiledQuery } from "kysely"

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test"

export const freshPglite = async (): Promise<Database> => openPglite()

/**
 * A new database on the server at `url` for this run (the store's testing helper: CREATE DATABASE on
 * open, DROP DATABASE … WITH (FORCE) on close), pool of 10 application connections.
 */
export async function freshPostgres(url: string): Promise<Database> {
  const previous = process.env.DATABASE_URL
  process.env.DATABASE_URL = url
  try {
    return await openTestDatabase()
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL
    else process.env.DATABASE_URL = previous
  }
}

/** The server's version string, or why it cannot be used (opens and drops a scratch database). */
export async function probePostgres(
  url: string,
): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const database = await freshPostgres(url)
    try {
      const [row] = await rawQuery(database, "SELECT version() AS v")
      return { ok: true, version: String(row?.v) }
    } finally {
      await database.close()
    }
  } catch (cause) {
    return { ok: false, reason: cause instanceof Error ? cause.message || cause.name : String(cause) }
  }
}

/**
 * A bare SQL statement through the application pool: no query builder, no row mapping beyond the
 * driver's own parsing (the same driver and pool the runner reads through).
 */
export const rawQuery = async (
  database: Database,
  text: string,
  params: ReadonlyArray<unknown> = [],
): Promise<ReadonlyArray<any>> => (await database.db.executeQuery(CompiledQuery.raw(text, [...params]))).rows

/** The same, as the schema owner (VACUUM, ANALYZE). */
export const ownerQuery = async (database: Database, text: string): Promise<void> => {
  await database.owner.executeQuery(CompiledQuery.raw(text, []))
}
