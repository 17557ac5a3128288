import { QuotaPlan, Worker } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
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

const preparationOf = (fact: unknown): Omit<Preparation, "eventIds"> | undefined => {
  const f = fact as Worker.WorkerFact
  if (f._tag === "WorkerCounselled")
    return { workerId: f.workerId, kind: "counselling", provider: f.provider, on: f.occurredOn }
  if (f._tag === "WorkerLegalCounselled")
    return { workerId: f.workerId, kind: "legal-counselling", provider: f.provider, on: f.occurredOn }
  if (f._tag === "WorkerTrainingCompleted")
    return { workerId: f.workerId, kind: f.kind, provider: f.provider, on: f.occurredOn }
  return undefined
}

/** Every counselling and training in effect as known at `asOf`, by the id of the event that recorded it. */
export async function preparationsAt(log: EventLog, asOf?: Date): Promise<ReadonlyMap<string, Preparation>> {
  const facts = new Map<string, Preparation>()
  for await (const batch of log.readAll({
    streamTypes: [Worker.WORKER_STREAM_TYPE],
    eventTypes: [
      "WorkerCounselled",
      "WorkerLegalCounselled",
      "WorkerTrainingCompleted",
      "WorkerFactCorrected",
      "WorkerFactVoided",
    ],
    batchSize: 5000,
    ...(asOf ? { recordedUpTo: asOf } : {}),
  }))
    for (const e of batch) {
      const event = decodeRecorded(e) as Worker.WorkerEvent
      if (event._tag === "WorkerFactVoided") {
        facts.delete(event.correctsEventId)
        continue
      }
      if (event._tag === "WorkerFactCorrected") {
        const before = facts.get(event.correctsEventId)
        const after = preparationOf(event.replacement)
        if (before === undefined) continue
        if (after === undefined) facts.delete(event.correctsEventId)
        else facts.set(event.correctsEventId, { ...after, eventIds: [...before.eventIds, event.eventId] })
        continue
      }
      const fact = preparationOf(event)
      if (fact) facts.set(event.eventId, { ...fact, eventIds: [event.eventId] })
    }
  return facts
}
