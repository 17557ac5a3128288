import type { EventLog } from "@xkld/event-store"
import { sql } from "kysely"
import type { DepartureRow } from "../worker/derive.ts"
import type { TableOf } from "./as-of.ts"
import { eventsById, type LineageEvent } from "./lineage.ts"

export interface DepartureChange {
  readonly departureEventId: string
  readonly workerId: string
  readonly change: "added" | "removed" | "changed"
  readonly before: DepartureRow | null
  readonly after: DepartureRow | null
}

export interface Difference {
  readonly from: string
  readonly to: string
  readonly departedBefore: number
  readonly departedAfter: number
  readonly changes: ReadonlyArray<DepartureChange>
  /** The events recorded in between that made the changes: corrections, late records. */
  readonly events: ReadonlyArray<LineageEvent>
}

/**
 * "What we reported on 15 June" against "what we know now", for a province's counted departures of a year:
 * each departure whose row differs between the two times, and the events recorded in between that changed it.
 */
export async function departedDifference(
  log: EventLog,
  tableOf: TableOf,
  query: { readonly provinceCode: string; readonly year: number; readonly from: Date; readonly to: Date },
): Promise<Difference> {
  const db = log.database.db
  const table = sql.table(tableOf("workers", "departures"))
  const at = (t: Date) =>
    sql`recorded_from <= ${t.toISOString()}::timestamptz AND (recorded_to IS NULL OR recorded_to > ${t.toISOString()}::timestamptz)`
  const read = async (t: Date) => {
    const { rows } = await sql<{ key: string; data: DepartureRow }>`SELECT key, data FROM ${table}
      WHERE province_code = ${query.provinceCode} AND year = ${query.year} AND ${at(t)} AND (data->>'counted')::boolean`.execute(
      db,
    )
    return new Map(rows.map((r) => [r.key, r.data]))
  }
  const [before, after] = await Promise.all([read(query.from), read(query.to)])
  const changes: DepartureChange[] = []
  for (const [key, row] of before) {
    const next = after.get(key)
    if (!next)
      changes.push({ departureEventId: key, workerId: row.workerId, change: "removed", before: row, after: null })
    else if (JSON.stringify(next) !== JSON.stringify(row))
      changes.push({ departureEventId: key, workerId: row.workerId, change: "changed", before: row, after: next })
  }
  for (const [key, row] of after)
    if (!before.has(key))
      changes.push({ departureEventId: key, workerId: row.workerId, change: "added", before: null, after: row })

  // The events that opened or closed a version of a changed row between the two times.
  const keys = changes.map((c) => c.departureEventId)
  const { rows: causes } =
    keys.length === 0
      ? { rows: [] }
      : await sql<{ event_id: string }>`
    SELECT DISTINCT v.event_id::text AS event_id FROM ${table} v
    WHERE v.key = ANY (${keys}::text[]) AND v.recorded_from > ${query.from.toISOString()}::timestamptz
      AND v.recorded_from <= ${query.to.toISOString()}::timestamptz
    UNION
    SELECT DISTINCT v.closed_by::text FROM ${table} v
    WHERE v.key = ANY (${keys}::text[]) AND v.recorded_to > ${query.from.toISOString()}::timestamptz
      AND v.recorded_to <= ${query.to.toISOString()}::timestamptz`.execute(db)
  return {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    departedBefore: before.size,
    departedAfter: after.size,
    changes: changes.sort((a, b) => a.departureEventId.localeCompare(b.departureEventId)),
    events: await eventsById(
      log,
      causes.map((c) => c.event_id),
      query.to,
    ),
  }
}
