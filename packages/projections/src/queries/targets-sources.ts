import { QuotaPlan, Worker } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
import { sql } from "kysely"
import { decodeRecorded } from "../aggregate/aggregate-projection.ts"

/**
 * What the target scoreboard reads from the log itself, cut at the recorded time: the plans and schemes as they
 * stood (folded through the plan decider: the read model keeps no start year), and each worker's preparation facts
 * in effect — counselling, legal counselling and trainings, with their corrections and voids applied — which the
 * worker rows keep only as latest dates.
 */

export async function plansAt(log: EventLog, asOf?: Date): Promise<ReadonlyArray<QuotaPlan.QuotaPlanView>> {
  const states = new Map<string, QuotaPlan.QuotaPlanState>()
  for await (const batch of log.readAll({
    streamTypes: [QuotaPlan.quotaPlanStreamType],
    batchSize: 1000,
    ...(asOf ? { recordedUpTo: asOf } : {}),
  }))
    for (const e of batch)
      states.set(
        e.streamId,
        QuotaPlan.quotaPlanDecider.evolve(
          states.get(e.streamId) ?? QuotaPlan.quotaPlanDecider.initialState,
          decodeRecorded(e) as QuotaPlan.QuotaPlanEvent,
        ),
      )
  return [...states.values()].flatMap((s) => (s.status === "issued" ? [s.plan] : []))
}

export type PreparationKind = "counselling" | "legal-counselling" | "language" | "orientation" | "vocational"

/** One preparation fact in effect: what, when, by whom, and the events it rests on (the fact and its corrections). */
export interface Preparation {
  readonly workerId: string
  readonly kind: PreparationKind
  readonly provider: string
  readonly on: string
  readonly eventIds: ReadonlyArray<string>
}

const FACT_TYPES = ["WorkerCounselled", "WorkerLegalCounselled", "WorkerTrainingCompleted"] as const
const FIX_TYPES = ["WorkerFactCorrected", "WorkerFactVoided"] as const

/** One preparation event as the query below returns it (a JSON tuple): the few fields the fold needs, no payload. */
interface PreparationRow {
  readonly event_id: string
  readonly event_type: string
  readonly schema_version: number
  readonly corrects: string | null
  readonly tag: string | null
  readonly worker_id: string | null
  readonly kind: string | null
  readonly provider: string | null
  readonly occurred_on: string | null
}

/**
 * The query reads the stored fields by name, so it is written for these schema versions; a new version of one
 * of these events must update it (the check below refuses to guess, and the test of the registry says so).
 */
export const PREPARATION_SCHEMA_VERSIONS: Readonly<Record<string, number>> = {
  WorkerCounselled: 1,
  WorkerLegalCounselled: 1,
  WorkerTrainingCompleted: 1,
  WorkerFactCorrected: 1,
  WorkerFactVoided: 1,
}

type PreparationTuple = readonly [string, string, number, ...Array<string | null>]
const rowOf = ([
  event_id,
  event_type,
  schema_version,
  corrects,
  tag,
  worker_id,
  kind,
  provider,
  occurred_on,
]: PreparationTuple): PreparationRow => ({
  event_id,
  event_type,
  schema_version,
  corrects: corrects ?? null,
  tag: tag ?? null,
  worker_id: worker_id ?? null,
  kind: kind ?? null,
  provider: provider ?? null,
  occurred_on: occurred_on ?? null,
})

const preparationOfRow = (r: PreparationRow): Omit<Preparation, "eventIds"> | undefined => {
  const tag = r.event_type === "WorkerFactCorrected" ? r.tag : r.event_type
  if (r.worker_id === null || r.provider === null || r.occurred_on === null) return undefined
  const base = { workerId: r.worker_id, provider: r.provider, on: r.occurred_on }
  if (tag === "WorkerCounselled") return { ...base, kind: "counselling" }
  if (tag === "WorkerLegalCounselled") return { ...base, kind: "legal-counselling" }
  if (tag === "WorkerTrainingCompleted" && r.kind !== null) return { ...base, kind: r.kind as PreparationKind }
  return undefined
}

/**
 * Every counselling and training in effect as known at `asOf`, by the id of the event that recorded it.
 *
 * One set-based query over the log (the same cut as `readAll`: recorded up to `asOf`, behind the ordering guard
 * of ADR 0003, in commit order) returning only the fields the fold needs; decoding every payload through the
 * schemas was most of a province report's time (2–3 s for 11,000 facts on PGlite). Corrections and voids of
 * other facts (a registration, a departure) are left out in SQL: only those of a preparation fact matter.
 */
export async function preparationsAt(log: EventLog, asOf?: Date): Promise<ReadonlyMap<string, Preparation>> {
  const upTo = asOf ? sql`AND e.recorded_at <= ${asOf.toISOString()}::timestamptz` : sql``
  const cut = sql`e.stream_type = ${Worker.WORKER_STREAM_TYPE}
      AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ${upTo}`
  // One row holding a JSON array: PGlite hands rows and fields over one by one: 11,000
  // rows of five text fields cost 0.7–0.9 s where the same as one json_agg cost 0.2 s (load average 20).
  const { rows } = await sql<{ facts: string | null }>`
    SELECT json_agg(json_build_array(e.event_id, e.event_type, e.schema_version,
      e.data->>'correctsEventId',
      COALESCE(e.data->'replacement', e.data)->>'_tag',
      COALESCE(e.data->'replacement', e.data)->>'workerId',
      COALESCE(e.data->'replacement', e.data)->>'kind',
      COALESCE(e.data->'replacement', e.data)->>'provider',
      COALESCE(e.data->'replacement', e.data)->>'occurredOn') ORDER BY e.transaction_id, e.global_position)::text AS facts
    FROM es_events e
    WHERE ${cut}
      AND (e.event_type IN (${sql.join(FACT_TYPES)})
        OR (e.event_type IN (${sql.join(FIX_TYPES)}) AND EXISTS (
          SELECT 1 FROM es_events f
          WHERE f.event_id = (e.data->>'correctsEventId')::uuid AND f.stream_id = e.stream_id
            AND f.event_type IN (${sql.join(FACT_TYPES)}))))`.execute(log.database.db)
  const tuples = JSON.parse(rows[0]?.facts ?? "[]") as ReadonlyArray<PreparationTuple>
  const facts = new Map<string, Preparation>()
  for (const tuple of tuples) {
    const r = rowOf(tuple)
    if (r.schema_version !== PREPARATION_SCHEMA_VERSIONS[r.event_type])
      throw new Error(`preparationsAt reads ${r.event_type} v${r.schema_version} by field name: update its query`)
    if (r.event_type === "WorkerFactVoided") {
      if (r.corrects !== null) facts.delete(r.corrects)
      continue
    }
    if (r.event_type === "WorkerFactCorrected") {
      const before = r.corrects === null ? undefined : facts.get(r.corrects)
      if (before === undefined) continue
      const after = preparationOfRow(r)
      if (after === undefined) facts.delete(r.corrects!)
      else facts.set(r.corrects!, { ...after, eventIds: [...before.eventIds, r.event_id] })
      continue
    }
    const fact = preparationOfRow(r)
    if (fact) facts.set(r.event_id, { ...fact, eventIds: [r.event_id] })
  }
  return facts
}
