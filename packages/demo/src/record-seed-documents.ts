import { PlanTask, QuotaPlan, ReportingObligation, type DomainEvent } from "@xkld/domain"
import type { EventLog, EventMetadata, NewEvent } from "@xkld/event-store"

type Seed = QuotaPlan.SeedEvent<DomainEvent>

/**
 * The one function that turns domain events into store records (`toStoreRecords` of `@xkld/projections`),
 * passed in: the demo package depends on the domain and the store only, so the projections' tests may use it.
 */
export type ToStoreRecords = (
  events: ReadonlyArray<DomainEvent>,
  context: EventMetadata,
  options: {
    readonly eventIdOf: (event: DomainEvent, index: number) => string
    readonly occurredAtOf?: (event: DomainEvent) => Date
  },
) => ReadonlyArray<NewEvent>

/**
 * The seed documents (plans, their task appendix, reporting obligations) as events: the Sơn La 2026 plan
 * exactly as printed, the Lào Cai 2025 plan and the Lai Châu programme. Ids are deterministic, so recording
 * twice writes nothing new. `recordedAt` (demo only) is when the documents are taken to have been entered:
 * before the plan year for yearly plans.
 */
export async function recordSeedDocuments(
  log: EventLog,
  toStoreRecords: ToStoreRecords,
  recordedAtOf: (seed: Seed) => Date | undefined = () => undefined,
) {
  const seeds: ReadonlyArray<Seed> = [
    ...QuotaPlan.quotaPlanSeedEvents(),
    ...PlanTask.planTaskSeedEvents(),
    ...ReportingObligation.reportingObligationSeedEvents(),
  ] as ReadonlyArray<Seed>
  let written = 0
  for (const seed of seeds) {
    const recordedAt = recordedAtOf(seed)
    const outcome = await log.append({
      streamId: seed.streamId,
      streamType: seed.streamType,
      expectedVersion: seed.streamPosition === 1 ? "no_stream" : seed.streamPosition - 1,
      recordedAt,
      events: toStoreRecords(
        [seed.event],
        {
          actor: { userId: "seed", role: "system" },
          commandId: seed.eventId,
          correlationId: seed.eventId,
          legalBasis: legalBasisOf(seed.event),
          source: { kind: "seed", dataset: "shared/seeds" },
        },
        { eventIdOf: () => seed.eventId, occurredAtOf: () => recordedAt ?? new Date() },
      ),
    })
    if (!outcome.ok) throw outcome.error
    if (!outcome.result.duplicate) written++
  }
  return written
}

const legalBasisOf = (event: DomainEvent) => {
  const basis = (event as { legalBasis?: { number?: string; date?: string | null; issuer?: string } }).legalBasis
  if (!basis?.number || !basis.issuer) return undefined
  return { number: basis.number, date: basis.date ?? "", issuer: basis.issuer }
}

/**
 * Demo recorded times: yearly plans and their tasks early in January of their year, schemes when issued — and
 * never before the document's own date (09:00 in Vietnam that day): a record entered before its document was
 * signed would be a history no office could have had (the Lào Cai 2025 plan is dated 24/01/2025, Sơn La's 2023
 * plan 28/04/2023, the Lai Châu scheme 14/10/2025).
 */
export const demoSeedRecordedAt = (seed: Seed): Date => {
  const event = seed.event as {
    year?: number
    period?: { year?: number }
    timeFrame?: { year?: number }
    legalBasis?: { date?: string | null }
  }
  const year = event.year ?? event.period?.year ?? event.timeFrame?.year
  const planned = year ? new Date(`${year}-01-05T02:00:00Z`) : new Date("2025-10-01T02:00:00Z")
  const signed = event.legalBasis?.date ? new Date(`${event.legalBasis.date}T02:00:00Z`) : undefined
  return signed && signed > planned ? signed : planned
}
