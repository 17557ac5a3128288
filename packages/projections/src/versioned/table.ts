import { sql, type Kysely } from "kysely"
import type { VersionBatch } from "./versions.ts"

/** The one shape every versioned read-model table has; `data` holds the row, typed columns are for indexes. */
export const createVersionedTable = async (db: Kysely<any>, table: string): Promise<void> => {
  await sql`CREATE TABLE IF NOT EXISTS ${sql.table(table)} (
      key text NOT NULL,
      province_code text,
      year integer,
      unit_id text,
      data jsonb NOT NULL,
      recorded_from timestamptz NOT NULL,
      recorded_to timestamptz,
      event_id uuid NOT NULL,
      closed_by uuid
    )`.execute(db)
  await sql`CREATE INDEX IF NOT EXISTS ${sql.raw(`${table}_current`)} ON ${sql.table(table)} (key) WHERE recorded_to IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX IF NOT EXISTS ${sql.raw(`${table}_period`)} ON ${sql.table(table)} (province_code, year, recorded_from)`.execute(
    db,
  )
  await sql`CREATE INDEX IF NOT EXISTS ${sql.raw(`${table}_key`)} ON ${sql.table(table)} (key, recorded_from)`.execute(
    db,
  )
}

/** Writes a batch's closings and new versions: set-based, a few statements per table. */
export const writeVersionBatch = async (
  trx: Kysely<any>,
  batch: VersionBatch,
  physical: (logicalTable: string) => string,
): Promise<void> => {
  const tables = new Set([...batch.closings.map((c) => c.table), ...batch.inserts.map((v) => v.table)])
  for (const table of tables) {
    const closings = batch.closings.filter((c) => c.table === table)
    if (closings.length > 0) {
      // A version closed at the instant it opened (two appends recorded at the same time, in separate batches)
      // is invisible to every as-of query: drop it, as a batch drops its own, so that what the table holds does
      // not depend on where batch boundaries fell (live read models equal a rebuild).
      await sql`DELETE FROM ${sql.table(physical(table))} AS t
        USING (SELECT * FROM unnest(${closings.map((c) => c.key)}::text[], ${closings.map((c) => c.recordedTo.toISOString())}::text[]))
          AS c(key, recorded_to)
        WHERE t.key = c.key AND t.recorded_to IS NULL AND t.recorded_from = c.recorded_to::timestamptz
          AND t.key = ANY (${closings.map((c) => c.key)}::text[])`.execute(trx)
      await sql`UPDATE ${sql.table(physical(table))} AS t
        SET recorded_to = c.recorded_to::timestamptz, closed_by = c.closed_by::uuid
        FROM (SELECT * FROM unnest(${closings.map((c) => c.key)}::text[], ${closings.map((c) => c.recordedTo.toISOString())}::text[],
              ${closings.map((c) => c.closedBy)}::text[]) AS u(key, recorded_to, closed_by)) AS c
        WHERE t.key = c.key AND t.recorded_to IS NULL
          -- named keys, so the planner uses the key index instead of scanning every current row (quadratic rebuilds)
          AND t.key = ANY (${closings.map((c) => c.key)}::text[])`.execute(trx)
    }
    const inserts = batch.visibleInserts().filter((v) => v.table === table)
    for (let i = 0; i < inserts.length; i += 2000) {
      const chunk = inserts.slice(i, i + 2000)
      await sql`INSERT INTO ${sql.table(physical(table))} (key, province_code, year, unit_id, data, recorded_from, recorded_to, event_id, closed_by)
        SELECT * FROM unnest(
          ${chunk.map((v) => v.key)}::text[], ${chunk.map((v) => v.provinceCode)}::text[], ${chunk.map((v) => v.year)}::int[],
          ${chunk.map((v) => v.unitId)}::text[], ${chunk.map((v) => JSON.stringify(v.data))}::jsonb[],
          ${chunk.map((v) => v.recordedFrom.toISOString())}::timestamptz[],
          ${chunk.map((v) => v.recordedTo?.toISOString() ?? null)}::timestamptz[], ${chunk.map((v) => v.eventId)}::uuid[],
          ${chunk.map((v) => v.closedBy)}::uuid[])`.execute(trx)
    }
  }
}
