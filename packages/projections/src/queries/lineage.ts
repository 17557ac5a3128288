import type { EventLog } from "@xkld/event-store"
import { sql } from "kysely"
import type { DepartureRow } from "../worker/derive.ts"
import type { CatalogueSource } from "../units/catalogue-source.ts"
import { knownAt, type TableOf } from "./as-of.ts"
import { attainmentScope, attribute, groupingUnits, type SplitRule } from "./attainment.ts"
import { AdminUnit } from "@xkld/domain"

export interface LineageEvent {
  readonly eventId: string
  readonly type: string
  readonly streamId: string
  readonly recordedAt: string
  readonly occurredAt: string
  readonly actor: unknown
  readonly legalBasis: unknown
  readonly source: unknown
  /** For a correction or void: the event it corrects, and why. */
  readonly corrects: { readonly eventId: string; readonly reason: string } | null
}

export interface Lineage {
  readonly figure: "departed"
  readonly value: number
  readonly asOf: string
  readonly events: ReadonlyArray<LineageEvent>
}

export interface LineageQuery {
  readonly provinceCode: string
  readonly year: number
  /** Official code of a unit of the year's plan; the whole province when absent. */
  readonly unitCode?: string | undefined
  readonly asOf?: Date | undefined
  readonly splitRule?: SplitRule
}

/**
 * The events behind a departures figure: each departure that counts (as known at `asOf`), with the
 * contract and residence it rests on and every correction of them, oldest first. The value is the
 * same figure attainment reports, recomputed from the same rows.
 */
export async function departedLineage(
  log: EventLog,
  tableOf: TableOf,
  catalogues: CatalogueSource,
  query: LineageQuery,
): Promise<Lineage> {
  const db = log.database.db
  const { provinceCode, year, asOf } = query
  // The same departures as attainment: its plan's territory (ADR 0017) over the related province codes.
  const catalogue = await catalogues.at(asOf)
  const { plan, territory, codes } = await attainmentScope(db, tableOf, catalogue, provinceCode, year, asOf)
  const { rows } = await sql<{
    data: DepartureRow
    unit_id: string
  }>`SELECT data, unit_id FROM ${sql.table(tableOf("workers", "departures"))}
    WHERE province_code = ANY (${[...codes]}::text[]) AND year = ${year} AND ${knownAt(asOf)} AND (data->>'counted')::boolean`.execute(
    db,
  )
  let selected = rows
    .filter((r) => (territory?.shareOf(r.unit_id) ?? "inside") === "inside")
    .map((r) => ({ departure: r.data, share: 1 }))
  if (query.unitCode) {
    const target = AdminUnit.unitOn(catalogue, query.unitCode, `${year}-01-01`)[0]?.unitId
    const planUnits = new Set(groupingUnits(catalogue, plan, provinceCode, year).keys())
    selected = selected.flatMap(({ departure }) => {
      const to = attribute(
        catalogue,
        departure.unitId,
        planUnits,
        `${year}-12-31`,
        query.splitRule ?? "not-attributable",
      )
      if (to === "not-attributable") return []
      const share = to.find((t) => t.unitId === target)?.share ?? 0
      return share > 0 ? [{ departure, share }] : []
    })
  }
  const ids = [...new Set(selected.flatMap((s) => s.departure.lineage))]
  const events = ids.length === 0 ? [] : await eventsById(log, ids, asOf)
  return {
    figure: "departed",
    value: Math.round(selected.reduce((sum, s) => sum + s.share, 0) * 100) / 100,
    asOf: (asOf ?? new Date()).toISOString(),
    events,
  }
}

export async function eventsById(
  log: EventLog,
  ids: ReadonlyArray<string>,
  asOf?: Date,
): Promise<ReadonlyArray<LineageEvent>> {
  const events = await log.readEvents(ids, { recordedUpTo: asOf })
  /** What `data->>'field'` gives: a string field as it is, any other value as its JSON text, null when absent. */
  const text = (value: unknown): string | null =>
    value === undefined || value === null ? null : typeof value === "string" ? value : JSON.stringify(value)
  return events.map((e) => {
    const corrects = text(e.data?.correctsEventId)
    return {
      eventId: e.eventId,
      type: e.type,
      streamId: e.streamId,
      recordedAt: e.recordedAt.toISOString(),
      occurredAt: e.occurredAt.toISOString(),
      actor: e.metadata?.actor ?? null,
      legalBasis: e.metadata?.legalBasis ?? null,
      source: e.metadata?.source ?? null,
      corrects: corrects ? { eventId: corrects, reason: text(e.data?.reason) ?? "" } : null,
    }
  })
}
