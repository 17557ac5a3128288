import { vietnamDateOf } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
import type { LineageEvent, ReadModels } from "@xkld/projections"
import { sql } from "kysely"
import { figuresOf, type Figure, type FigureSource, type ReportContent } from "./content/model.ts"
import { reportContent, type ReportRequest } from "./issued.ts"

/** One figure that differs: as the issued report printed it and as the log knows it now. */
export interface FigureDifference {
  readonly ref: string
  readonly key: string
  readonly label: string
  readonly reported: number | null
  readonly now: number | null
  /** The events recorded after the as-of instant that changed the rows this figure counts. */
  readonly eventIds: ReadonlyArray<string>
}

export interface ReportDifference {
  readonly asOf: string
  readonly now: string
  readonly differences: ReadonlyArray<FigureDifference>
  /** Every event named by a difference: type, recorded time, actor, and what it corrects (with the reason). */
  readonly events: ReadonlyArray<LineageEvent>
}

/** The read-model tables whose rows each kind of figure counts. */
const TABLES: Record<FigureSource, ReadonlyArray<readonly [string, string]>> = {
  departures: [["workers", "departures"]],
  workers: [["workers", "registry"]],
  targets: [
    ["workers", "departures"],
    ["workers", "registry"],
  ],
  plan: [["plans", "plans"]],
  tasks: [["plan_tasks", "tasks"]],
  obligations: [["reporting", "obligations"]],
}

/** The day a row of these tables is about: a row dated after the report's days cannot explain its difference. */
const DATED: Record<string, string> = { "workers.departures": "departedOn", "workers.registry": "registeredOn" }

interface Change {
  readonly eventId: string
  readonly unitId: string | null
}

/**
 * "What changed since the report was issued": the report regenerated as of its instant against the same report
 * as known now for the same days (`current` built with `through`, see `differenceSinceIssue`), figure by figure, each difference with the events (corrections, late records) recorded in between
 * that opened or closed a version of a row it counts: the rows of its units (with their predecessors), or the
 * province's. An event id in the list can be looked up in the log (`GET /api/lineage`, the audit log).
 */
export async function reportDifference(
  log: EventLog,
  models: ReadModels,
  reported: ReportContent,
  current: ReportContent,
): Promise<ReportDifference> {
  const from = new Date(reported.asOf)
  const to = new Date(current.asOf)
  // the days the report covered (ADR 0020): `current` is those days as known now (differenceSinceIssue)
  const through = vietnamDateOf(from)
  const before = new Map(figuresOf(reported).map((f) => [f.key, f]))
  const after = new Map(figuresOf(current).map((f) => [f.key, f]))
  const changed: Array<{ figure: Figure; reported: number | null; now: number | null }> = []
  for (const [key, f] of before) {
    const now = after.get(key)?.value ?? null
    if (now !== f.value) changed.push({ figure: f, reported: f.value, now })
  }
  for (const [key, f] of after)
    if (!before.has(key) && f.value !== null) changed.push({ figure: f, reported: null, now: f.value })

  const changes = new Map<string, ReadonlyArray<Change>>()
  const changesIn = async (projection: string, table: string): Promise<ReadonlyArray<Change>> => {
    const name = `${projection}.${table}`
    const known = changes.get(name)
    if (known) return known
    const physical = sql.table(models.runner.tablesOf(projection)[table]!)
    const province = reported.provinceCode
    const field = DATED[name]
    const dated = field === undefined ? sql`` : sql`AND coalesce(data->>${field}, '') <= ${through}`
    const { rows } = await sql<{ event_id: string; unit_id: string | null }>`
      SELECT event_id::text AS event_id, unit_id FROM ${physical}
       WHERE (province_code = ${province} OR province_code IS NULL) ${dated}
         AND recorded_from > ${from.toISOString()}::timestamptz AND recorded_from <= ${to.toISOString()}::timestamptz
      UNION
      SELECT closed_by::text, unit_id FROM ${physical}
       WHERE (province_code = ${province} OR province_code IS NULL) AND closed_by IS NOT NULL ${dated}
         AND recorded_to > ${from.toISOString()}::timestamptz AND recorded_to <= ${to.toISOString()}::timestamptz`.execute(
      log.database.db,
    )
    const found = rows.map((r) => ({ eventId: r.event_id, unitId: r.unit_id }))
    changes.set(name, found)
    return found
  }

  const differences: FigureDifference[] = []
  for (const c of changed) {
    const tables = c.figure.source ? TABLES[c.figure.source] : []
    const ids = new Set<string>()
    const scope = c.figure.scope
    for (const [projection, table] of tables)
      for (const change of await changesIn(projection, table))
        if (scope.kind === "province" || change.unitId === null || scope.unitIds.includes(change.unitId))
          ids.add(change.eventId)
    differences.push({
      ref: c.figure.ref,
      key: c.figure.key,
      label: c.figure.label,
      reported: c.reported,
      now: c.now,
      eventIds: [...ids].toSorted(),
    })
  }
  const allIds = [...new Set(differences.flatMap((d) => d.eventIds))]
  const events = allIds.length === 0 ? [] : await eventsOf(log, allIds, to)
  return { asOf: reported.asOf, now: current.asOf, differences, events }
}

/**
 * The difference of an issued report (its request as issued, builder version included) with what is known `now`
 * about the SAME days (ADR 0020): the "now" side is built as of `now` but counts nothing dated after the issued
 * as-of day (the Vietnamese day of `request.asOf`), so a difference is a late record or a correction about
 * those days, never a departure or registration of a later day.
 */
export async function differenceSinceIssue(
  log: EventLog,
  models: ReadModels,
  request: ReportRequest,
  now: Date,
): Promise<ReportDifference> {
  const through = vietnamDateOf(request.asOf)
  const [reported, current] = await Promise.all([
    reportContent(models, request),
    reportContent(models, { ...request, asOf: now, through }),
  ])
  return reportDifference(log, models, reported, current)
}

async function eventsOf(log: EventLog, ids: ReadonlyArray<string>, upTo: Date): Promise<ReadonlyArray<LineageEvent>> {
  const text = (value: unknown): string | null =>
    value === undefined || value === null ? null : typeof value === "string" ? value : JSON.stringify(value)
  const events = await log.readEvents(ids, { recordedUpTo: upTo })
  return events
    .map((e) => {
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
    .toSorted((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.eventId.localeCompare(b.eventId))
}
