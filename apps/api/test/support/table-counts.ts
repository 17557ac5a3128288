import { sql } from "kysely"
import { settled } from "./settled.ts"
import type { AppServices } from "../../src/services.ts"

/**
 * Row counts of every table the app can write (every base table outside the system schemas, read from the
 * catalogue, so a new table is counted without editing a list). Compare two snapshots to prove a request wrote
 * nothing anywhere: events, read models, key ring, users, sessions, idempotency records, access log. The read
 * models' runner first catches up, so that its own background work (not the request's) is not counted.
 */
export async function tableCounts(services: AppServices): Promise<Record<string, number>> {
  await settled(services)
  const db = services.log.database.db
  const tables = await sql<{ name: string }>`
    SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1`.execute(db)
  if (tables.rows.length === 0) return {}
  const counts = await sql<{ name: string; n: string }>`${sql.raw(
    tables.rows
      .map((t) => `SELECT '${t.name.replaceAll("'", "''")}' AS name, count(*)::text AS n FROM ${t.name}`)
      .join(" UNION ALL "),
  )}`.execute(db)
  return Object.fromEntries(counts.rows.map((r) => [r.name, Number(r.n)]))
}

/** The tables whose row count differs between two snapshots, with both counts. */
export const changedTables = (before: Record<string, number>, after: Record<string, number>) =>
  Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => ({ table: name, before: before[name] ?? 0, after: after[name] ?? 0 }))
