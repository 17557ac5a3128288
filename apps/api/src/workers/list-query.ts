import type { PersonalData } from "@xkld/domain"
import type { WorkerRow } from "@xkld/projections"
import { sql, type RawBuilder } from "kysely"
import type { Actor } from "../access/actor.ts"
import { openIdentity, type IdentityView } from "../personal-data/identity.ts"
import { nameOrderOf } from "../personal-data/name-order/indexer.ts"
import { unwrapStored } from "../personal-data/person-keys.ts"
import { readModelsPosition } from "../read-cache/cached-models.ts"
import { fail } from "../http/problem.ts"
import { masterKeyOf, type AppServices } from "../services.ts"

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

/** `after` names a worker this list does not hold (for this caller and these filters). */
export const notInList = () => {
  const message = "Người lao động ở tham số after không có trong danh sách này."
  const messageEn = "The worker named by after is not in this list."
  return fail("validation", message, messageEn, { fields: [{ path: "query.after", message, messageEn }] })
}

/**
 * The place of `after` in the name order, only if the list holds that worker for this viewer and filter (the
 * registry `r` of the conditions is the subquery's own): a keyset from a worker out of reach would tell where
 * their name falls among the names shown.
 */
const placeOf = (viewer: Actor, filter: ListFilter, table: string, after: string) =>
  sql`SELECT a.position, a.worker_id COLLATE "C" FROM pd_name_order a
    WHERE a.worker_id = ${after} AND a.province_code = ${filter.provinceCode}
      AND EXISTS (SELECT 1 FROM ${sql.table(table)} r WHERE r.key = a.worker_id AND ${conditions(viewer, filter)})`

/**
 * One page of the list in Vietnamese name order: an index scan of the name-order positions of the province joined
 * to the registry, so its cost is the page's, not the ward's (issue 12). Workers whose name is erased or unreadable
 * come last, by id. Waits for the name order to reflect every event committed before the request. The names come
 * with the page (ADR 0030): the sealed identity kept beside each position and its person key, in the same query;
 * `unsealed` lists the workers whose position has none (written before migration 0004), for the caller to read.
 */
export async function namePage(
  services: AppServices,
  viewer: Actor,
  filter: ListFilter,
  limit: number,
  offset: number,
  /** Keyset: the page starts after this worker's place (only a worker the list holds for this caller). */
  after?: string,
): Promise<{
  readonly rows: ReadonlyArray<WorkerRow>
  readonly total: number
  readonly identities: ReadonlyMap<string, IdentityView>
  readonly unsealed: ReadonlyArray<string>
}> {
  await nameOrderOf(services.log)?.caughtUp()
  const table = services.models.runner.tablesOf("workers").registry!
  const [page, total] = await Promise.all([
    sql<{ data: WorkerRow; identity: PersonalData.SealedPersonal | null; wrapped_key: string | null }>`
      SELECT r.data, o.identity, k.wrapped_key FROM pd_name_order o
      JOIN ${sql.table(table)} r ON r.key = o.worker_id AND r.recorded_to IS NULL
      LEFT JOIN pd_person_keys k ON k.key_id = o.key_id
      WHERE o.province_code = ${filter.provinceCode} AND ${conditions(viewer, filter)}
        AND ${after === undefined ? sql`TRUE` : sql`(o.position, o.worker_id COLLATE "C") > (${placeOf(viewer, filter, table, after)})`}
      ORDER BY o.position, o.worker_id COLLATE "C"
      LIMIT ${limit} OFFSET ${offset}`.execute(services.log.database.db),
    totalOf(services, viewer, filter, table),
  ])
  if (after !== undefined && page.rows.length === 0) {
    const { rows } = await sql`SELECT 1 FROM (${placeOf(viewer, filter, table, after)}) p`.execute(
      services.log.database.db,
    )
    if (rows.length === 0) throw notInList()
  }
  const master = masterKeyOf(services.config)
  const identities = new Map<string, IdentityView>()
  const unsealed: string[] = []
  for (const row of page.rows) {
    if (!row.identity) unsealed.push(row.data.workerId)
    else {
      const key = row.wrapped_key === null ? undefined : unwrapStored(master, row.wrapped_key)
      identities.set(row.data.workerId, openIdentity(key, row.identity))
    }
  }
  return { rows: page.rows.map((r) => r.data), total, identities, unsealed }
}
