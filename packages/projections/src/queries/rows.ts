import { sql, type Kysely } from "kysely"
import type { DepartureRow, WorkerRow } from "../worker/derive.ts"
import { knownAt, type TableOf } from "./as-of.ts"

export interface RowFilter {
  readonly provinceCode?: string | undefined
  readonly unitIds?: ReadonlyArray<string> | undefined
  readonly years?: ReadonlyArray<number> | undefined
  readonly asOf?: Date | undefined
}

const where = (filter: RowFilter) =>
  sql.join(
    [
      knownAt(filter.asOf),
      filter.provinceCode ? sql`province_code = ${filter.provinceCode}` : sql`TRUE`,
      filter.unitIds ? sql`unit_id = ANY (${[...filter.unitIds]}::text[])` : sql`TRUE`,
      filter.years ? sql`year = ANY (${[...filter.years]}::int[])` : sql`TRUE`,
    ],
    sql` AND `,
  )

/** Worker registry rows as known at `asOf`. */
export async function workerRows(
  db: Kysely<any>,
  tableOf: TableOf,
  filter: RowFilter,
): Promise<ReadonlyArray<WorkerRow>> {
  const { rows } = await sql<{
    data: WorkerRow
  }>`SELECT data FROM ${sql.table(tableOf("workers", "registry"))} WHERE ${where(filter)}`.execute(db)
  return rows.map((r) => r.data)
}

/** Departure rows (counted or not) as known at `asOf`. */
export async function departureRows(
  db: Kysely<any>,
  tableOf: TableOf,
  filter: RowFilter,
): Promise<ReadonlyArray<DepartureRow>> {
  const { rows } = await sql<{
    data: DepartureRow
  }>`SELECT data FROM ${sql.table(tableOf("workers", "departures"))} WHERE ${where(filter)}`.execute(db)
  return rows.map((r) => r.data)
}

export async function dataRows<T>(db: Kysely<any>, table: string, filter: RowFilter): Promise<ReadonlyArray<T>> {
  const { rows } = await sql<{ data: T }>`SELECT data FROM ${sql.table(table)} WHERE ${where(filter)}`.execute(db)
  return rows.map((r) => r.data)
}
