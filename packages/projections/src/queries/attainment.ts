import { AdminUnit, Target } from "@xkld/domain"
import { sql, type Kysely } from "kysely"
import type { PlanRow } from "../plan/view.ts"
import type { CatalogueSource } from "../units/catalogue-source.ts"
import { knownAt, type TableOf } from "./as-of.ts"
import { planTerritory } from "./territory.ts"

/** What to do with departures recorded under an old unit that was split between several of today's units. */
export type SplitRule = "not-attributable" | "apportion"

export interface AttainmentQuery {
  readonly provinceCode: string
  readonly year: number
  readonly asOf?: Date | undefined
  readonly splitRule?: SplitRule
  /**
   * Count only departures dated on or before this day (yyyy-mm-dd): the figures of an earlier day as known at
   * `asOf` (a report's difference compares the same days, ADR 0020). Absent: the whole year.
   */
  readonly through?: string | undefined
}

export interface AttainmentItem {
  readonly unitId: string
  readonly unitCode: string
  readonly unitName: string
  readonly target: number
  /** Whole departures, plus apportioned shares of split old units when the rule says so. */
  readonly departed: number
  readonly percent: number | null
  readonly remaining: number
}

export interface Attainment {
  readonly asOf: string
  readonly provinceCode: string
  readonly year: number
  readonly plan: {
    readonly planId: string
    readonly title: string
    readonly target: number | null
    readonly allocatedTotal: number
    readonly discrepancy: number | null
    readonly legalBasis: PlanRow["legalBasis"]
    /** The issuing province's code: the old Lào Cai's 2025 plan is "10" when the new Lào Cai (15) is asked for. */
    readonly provinceCode: string
    /** The day the issuing authority's territory is taken on (ADR 0017), and its number of units. */
    readonly territoryOn: string
    readonly territoryUnits: number
    /** Departures in units formed only partly from that territory: counted nowhere (not in the total). */
    readonly partlyInTerritory: number
  } | null
  readonly splitRule: SplitRule
  /** The territory rule the plan is measured by (as the target scoreboard echoes it). */
  readonly territoryRule: typeof Target.territoryRule
  readonly items: ReadonlyArray<AttainmentItem>
  readonly total: {
    readonly target: number | null
    readonly departed: number
    readonly percent: number | null
    readonly remaining: number | null
  }
  /** Units with nobody departed yet (the "100% of communes" target): the plan's, or the province's without a plan. */
  readonly unitsWithNobody: ReadonlyArray<{
    readonly unitId: string
    readonly unitCode: string
    readonly unitName: string
  }>
  /** Departures under old units that were split: counted in the total, not in any unit (rule "not-attributable"). */
  readonly notAttributable: ReadonlyArray<{
    readonly unitId: string
    readonly unitCode: string
    readonly unitName: string
    readonly departed: number
  }>
}

const collator = new Intl.Collator("vi")
const percentOf = (done: number, target: number | null) =>
  target && target > 0 ? Math.round((done / target) * 1000) / 10 : null

/**
 * The plan in force for a province and year, as known at `asOf` (the newest not superseded): the province's own,
 * else one issued under a code it shares territory with (ADR 0017: the new Lào Cai, 15, in 2025 is measured by the
 * old Lào Cai's, 10, plan, over the old Lào Cai's territory).
 */
export async function planOver(
  db: Kysely<any>,
  tableOf: TableOf,
  codes: ReadonlyArray<string>,
  provinceCode: string,
  year: number,
  asOf?: Date,
) {
  for (const code of [provinceCode, ...codes.filter((c) => c !== provinceCode)]) {
    const plan = await planFor(db, tableOf, code, year, asOf)
    if (plan) return plan
  }
  return undefined
}

/**
 * What attainment (and the lineage of its figure) measures for a province and year: the plan (`planOver`), its
 * issuing authority's territory (ADR 0017, `planTerritory`), and the province codes whose departures may lie in it
 * — every related code with a plan, the province's own without one.
 */
export async function attainmentScope(
  db: Kysely<any>,
  tableOf: TableOf,
  catalogue: AdminUnit.Catalogue,
  provinceCode: string,
  year: number,
  asOf?: Date,
) {
  const codes = Target.relatedProvinceCodes(catalogue, provinceCode)
  const plan = await planOver(db, tableOf, codes, provinceCode, year, asOf)
  const territory = plan ? planTerritory(catalogue, { ...plan, fromYear: plan.year, toYear: plan.year }) : undefined
  return { plan, territory, codes: territory ? codes : [provinceCode] }
}

/** The plan in force for a province code and year, as known at `asOf` (the newest not superseded). */
export async function planFor(db: Kysely<any>, tableOf: TableOf, provinceCode: string, year: number, asOf?: Date) {
  const { rows } = await sql<{ data: PlanRow }>`SELECT data FROM ${sql.table(tableOf("plans", "plans"))}
    WHERE province_code = ${provinceCode} AND year = ${year} AND ${knownAt(asOf)} AND data->>'kind' = 'plan'
    ORDER BY data->>'status' ASC, recorded_from DESC`.execute(db)
  return rows[0]?.data
}

/** Departures that count, per unit of record, for a province and year, as known at `asOf`. */
export async function countedDeparturesByUnit(
  db: Kysely<any>,
  tableOf: TableOf,
  provinceCode: string,
  year: number,
  asOf?: Date,
  through?: string,
) {
  const dated = through === undefined ? sql`` : sql`AND data->>'departedOn' <= ${through}`
  const { rows } = await sql<{ unit_id: string; unit_code: string; n: number }>`
    SELECT unit_id, min(data->>'unitCode') AS unit_code, count(*)::int8 AS n FROM ${sql.table(tableOf("workers", "departures"))}
    WHERE province_code = ${provinceCode} AND year = ${year} AND ${knownAt(asOf)} AND (data->>'counted')::boolean ${dated}
    GROUP BY unit_id`.execute(db)
  return rows.map((r) => ({ unitId: r.unit_id, unitCode: r.unit_code, departed: Number(r.n) }))
}

/**
 * Where a unit of record's departures go among the plan's units: directly, via its successors (a full
 * merge moves them whole), or nowhere when it was split and the rule is "not-attributable".
 */
export function attribute(
  catalogue: AdminUnit.Catalogue,
  unitId: string,
  planUnits: ReadonlySet<string>,
  date: string,
  rule: SplitRule,
): ReadonlyArray<{ unitId: string; share: number }> | "not-attributable" {
  if (planUnits.has(unitId)) return [{ unitId, share: 1 }]
  const successors = AdminUnit.successorsToday(catalogue, unitId, date).filter((s) => planUnits.has(s.unitId))
  if (successors.length === 0) return "not-attributable"
  const split = successors.length > 1 || successors.some((s) => s.viaSplit)
  if (split && rule === "not-attributable") return "not-attributable"
  return successors.map((s) => ({ unitId: s.unitId, share: s.share }))
}

/**
 * The units figures of a year are grouped into: the plan's rows resolved to units (a code names different
 * units at different dates), or without a plan the province's units in force at the end of the year.
 */
export function groupingUnits(
  catalogue: AdminUnit.Catalogue,
  plan: PlanRow | undefined,
  provinceCode: string,
  year: number,
): Map<string, { unitCode: string; unitName: string; target: number; departed: number }> {
  const rows = new Map<string, { unitCode: string; unitName: string; target: number; departed: number }>()
  for (const allocation of plan?.allocations ?? []) {
    const unit = AdminUnit.unitOn(catalogue, allocation.unitCode, `${year}-01-01`)[0]
    const unitId = unit?.unitId ?? `code:${allocation.unitCode}`
    rows.set(unitId, {
      unitCode: allocation.unitCode,
      unitName: unit?.name ?? allocation.unitName,
      target: allocation.headCount,
      departed: 0,
    })
  }
  if (!plan)
    for (const unit of AdminUnit.unitsOf(catalogue, provinceCode, `${year}-12-31`))
      rows.set(unit.unitId, { unitCode: unit.code, unitName: unit.name, target: 0, departed: 0 })
  return rows
}

export async function attainment(
  db: Kysely<any>,
  tableOf: TableOf,
  catalogues: CatalogueSource,
  query: AttainmentQuery,
): Promise<Attainment> {
  const { provinceCode, year, asOf } = query
  const splitRule = query.splitRule ?? "not-attributable"
  // As of a recorded time, the catalogue as then known: before the merger was recorded, "15" is Yên Bái alone.
  const catalogue = await catalogues.at(asOf)
  // With a plan, the departures of every related code (workers are registered under their province's code at the
  // time), kept to the issuing authority's territory; without one, the province's own as before.
  const { plan, territory, codes } = await attainmentScope(db, tableOf, catalogue, provinceCode, year, asOf)
  let partlyInTerritory = 0
  const departures = (
    await Promise.all(codes.map((code) => countedDeparturesByUnit(db, tableOf, code, year, asOf, query.through)))
  )
    .flat()
    .filter((d) => {
      const share = territory?.shareOf(d.unitId) ?? "inside"
      if (share === "partly") partlyInTerritory += d.departed
      return share === "inside"
    })
  const onDate = `${year}-01-01`
  const endDate = `${year}-12-31`
  const nameOf = (unitId: string, fallback: string) =>
    AdminUnit.attributesOn(catalogue, unitId, onDate)?.name ??
    AdminUnit.attributesOn(catalogue, unitId, endDate)?.name ??
    catalogue.units.get(unitId)?.names.at(-1)?.value ??
    fallback
  const codeOf = (unitId: string, fallback: string) =>
    AdminUnit.attributesOn(catalogue, unitId, onDate)?.code ??
    catalogue.units.get(unitId)?.codes.at(-1)?.value ??
    fallback

  const rows = groupingUnits(catalogue, plan, provinceCode, year)
  const planUnits = new Set(rows.keys())

  const notAttributable = new Map<string, { unitId: string; unitCode: string; unitName: string; departed: number }>()
  let total = 0
  for (const d of departures) {
    total += d.departed
    const targets = attribute(catalogue, d.unitId, planUnits, endDate, splitRule)
    if (targets === "not-attributable") {
      const seen = notAttributable.get(d.unitId)
      notAttributable.set(d.unitId, {
        unitId: d.unitId,
        unitCode: d.unitCode,
        unitName: nameOf(d.unitId, d.unitCode),
        departed: (seen?.departed ?? 0) + d.departed,
      })
      continue
    }
    for (const t of targets) {
      const row = rows.get(t.unitId) ?? {
        unitCode: codeOf(t.unitId, d.unitCode),
        unitName: nameOf(t.unitId, d.unitCode),
        target: 0,
        departed: 0,
      }
      row.departed += d.departed * t.share
      rows.set(t.unitId, row)
    }
  }

  const items = [...rows.entries()]
    .map(([unitId, r]) => ({
      unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      target: r.target,
      departed: Math.round(r.departed * 100) / 100,
      percent: percentOf(r.departed, r.target || null),
      remaining: Math.max(0, r.target - Math.floor(r.departed + 1e-9)),
    }))
    .toSorted((a, b) => collator.compare(a.unitName, b.unitName))
  const target = plan?.departureTarget ?? null
  return {
    asOf: (asOf ?? new Date()).toISOString(),
    provinceCode,
    year,
    plan: plan
      ? {
          planId: plan.planId,
          title: plan.title,
          target,
          allocatedTotal: plan.allocatedTotal,
          discrepancy: target === null ? null : plan.allocatedTotal - target,
          legalBasis: plan.legalBasis,
          provinceCode: plan.provinceCode,
          territoryOn: territory!.territoryOn,
          territoryUnits: territory!.units.size,
          partlyInTerritory,
        }
      : null,
    splitRule,
    territoryRule: Target.territoryRule,
    items,
    total: {
      target,
      departed: total,
      percent: percentOf(total, target),
      remaining: target === null ? null : Math.max(0, target - total),
    },
    unitsWithNobody: items
      .filter((i) => i.departed === 0)
      .map(({ unitId, unitCode, unitName }) => ({ unitId, unitCode, unitName })),
    notAttributable: [...notAttributable.values()].toSorted((a, b) => collator.compare(a.unitName, b.unitName)),
  }
}
