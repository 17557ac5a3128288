import type { WorkerRow } from "@xkld/projections"
import { sql, type RawBuilder } from "kysely"
import type { Actor } from "../access/actor.ts"
import { nameOrderOf } from "../personal-data/name-order/indexer.ts"
import { readModelsPosition } from "../read-cache/cached-models.ts"
import type { AppServices } from "../services.ts"

/** What the list is filtered by, besides the actor's own scope. */
export interface ListFilter {
  readonly provinceCode: string
  readonly unitIds: ReadonlyArray<string> | undefined
  readonly stage: string | undefined
  /** Destination market: the contract's (or departure's) country, before a contract the market wished for. */
  readonly market: string | undefined
  readonly priorityGroup: string | undefined
}

/** A row's destination market as the `market` filter reads it. */
export const marketOf = (row: WorkerRow): string | null => row.country ?? row.wishMarket ?? null

/** The filter and the actor's scope (`canSee` of access/workers.ts) as SQL over the registry table `r`. */
function conditions(viewer: Actor, filter: ListFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`r.recorded_to IS NULL`, sql`r.province_code = ${filter.provinceCode}`]
  if (filter.unitIds) parts.push(sql`r.unit_id = ANY (${[...filter.unitIds]}::text[])`)
  if (filter.stage) parts.push(sql`r.data->>'stage' = ${filter.stage}`)
  if (filter.market) parts.push(sql`coalesce(r.data->>'country', r.data->>'wishMarket') = ${filter.market}`)
  if (filter.priorityGroup)
    parts.push(sql`r.data->'priorityGroups' @> ${JSON.stringify([filter.priorityGroup])}::jsonb`)
  switch (viewer.role) {
    case "province-officer":
    case "auditor":
      break
    case "commune-officer":
      parts.push(sql`r.unit_id = ANY (${[...viewer.unitIds]}::text[])`)
      break
    case "enterprise-officer":
      parts.push(sql`r.data->>'enterpriseId' = ${viewer.enterpriseId ?? ""}`)
      break
    case "bank-officer":
      parts.push(sql`((r.data->>'loanCount')::int > 0 OR r.data->>'contractedOn' IS NOT NULL)`)
      break
    default:
      parts.push(sql`FALSE`)
  }
  return sql.join(parts, sql` AND `)
}

const counts = new WeakMap<AppServices, Map<string, { readonly position: string; readonly total: Promise<number> }>>()

/** How many workers the list holds: counted once per read-model position and filter (the count is the ward). */
async function totalOf(services: AppServices, viewer: Actor, filter: ListFilter, table: string): Promise<number> {
  // The read models' position, for the count (the registry's rows; the page itself is read each time).
  const position = await readModelsPosition(services.log)()
  const count = () =>
    sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} r WHERE ${conditions(viewer, filter)}`
      .execute(services.log.database.db)
      .then((r) => Number(r.rows[0]!.n))
  if (position === undefined) return count()
  const cache = counts.get(services) ?? counts.set(services, new Map()).get(services)!
  const key = JSON.stringify([viewer.role, viewer.unitIds, viewer.enterpriseId, filter, table])
  const found = cache.get(key)
  if (found?.position === position) return found.total
  const total = count()
  cache.delete(key)
  cache.set(key, { position, total })
  if (cache.size > 256) cache.delete(cache.keys().next().value!)
  total.catch(() => cache.delete(key))
  return total
}

/**
 * One page of the list in Vietnamese name order: an index scan of the name-order positions of the province joined
 * to the registry, so its cost is the page's, not the ward's (issue 12). Workers whose name is erased or unreadable
 * come last, by id. Waits for the name order to reflect every event committed before the request.
 */
export async function namePage(
  services: AppServices,
  viewer: Actor,
  filter: ListFilter,
  limit: number,
  offset: number,
): Promise<{ readonly rows: ReadonlyArray<WorkerRow>; readonly total: number }> {
  await nameOrderOf(services.log)?.caughtUp()
  const table = services.models.runner.tablesOf("workers").registry!
  const [page, total] = await Promise.all([
    sql<{ data: WorkerRow }>`SELECT r.data FROM pd_name_order o
      JOIN ${sql.table(table)} r ON r.key = o.worker_id AND r.recorded_to IS NULL
      WHERE o.province_code = ${filter.provinceCode} AND ${conditions(viewer, filter)}
      ORDER BY o.position, o.worker_id COLLATE "C"
      LIMIT ${limit} OFFSET ${offset}`.execute(services.log.database.db),
    totalOf(services, viewer, filter, table),
  ])
  return { rows: page.rows.map((r) => r.data), total }
}
