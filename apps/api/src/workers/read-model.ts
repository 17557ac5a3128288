import { decodeEvent, Worker, type AdminUnit, type IsoDate } from "@xkld/domain"
import type { RecordedEvent } from "@xkld/event-store"
import { Result } from "effect"
import { unitLabel } from "./units.ts"

/** Fields that hold personal data (sealed) or lead to it (the blind index): never shown in a history. */
const PERSONAL_KEYS = new Set(["identity", "sensitive", "blindIndex"])

const withoutPersonal = (data: unknown): Record<string, unknown> => {
  if (data === null || typeof data !== "object") return {}
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (PERSONAL_KEYS.has(key)) {
      if (value !== undefined) out[`${key}Sealed`] = true
      continue
    }
    out[key] = key === "replacement" ? withoutPersonal(value) : value
  }
  return out
}

const labelOf = (type: string): string =>
  type === "WorkerFactCorrected"
    ? "sửa bản ghi"
    : type === "WorkerFactVoided"
      ? "hủy bản ghi"
      : ((Worker.factLabelVi as Record<string, string>)[type] ?? type)

export interface HistoryEntry {
  readonly eventId: string
  readonly version: number
  readonly type: string
  readonly label: string
  readonly occurredOn: string
  readonly recordedAt: string
  readonly actor: RecordedEvent["metadata"]["actor"]
  readonly legalBasis?: unknown
  /** False for a fact later voided or replaced by a correction (the original stays in the log). */
  readonly inEffect: boolean
  readonly corrects?: {
    readonly eventId: string
    readonly type: string | undefined
    readonly kind: "corrected" | "voided"
    readonly reason: string
  }
  readonly correctedBy: ReadonlyArray<string>
  readonly voidedBy: string | null
  /** The event's data without personal fields (which stay sealed; `identitySealed: true` says one was there). */
  readonly data: Record<string, unknown>
}

/** Every event of a worker's stream, in order, with what corrects what. */
export function historyOf(events: ReadonlyArray<RecordedEvent>): ReadonlyArray<HistoryEntry> {
  const decoded = events.map((recorded) => {
    const result = decodeEvent(recorded.type, recorded.schemaVersion, recorded.data)
    return { recorded, event: Result.isSuccess(result) ? (result.success as Worker.WorkerEvent) : undefined }
  })
  const typeOf = new Map<string, string>()
  const correctedBy = new Map<string, string[]>()
  const voidedBy = new Map<string, string>()
  for (const { recorded, event } of decoded) {
    if (!event) continue
    if (event._tag === "WorkerFactCorrected")
      correctedBy.set(event.correctsEventId, [...(correctedBy.get(event.correctsEventId) ?? []), recorded.eventId])
    else if (event._tag === "WorkerFactVoided") voidedBy.set(event.correctsEventId, recorded.eventId)
    else typeOf.set(recorded.eventId, event._tag)
  }
  return decoded.map(({ recorded, event }) => {
    const isCorrection = event?._tag === "WorkerFactCorrected" || event?._tag === "WorkerFactVoided"
    const data = recorded.data as { occurredOn?: string }
    const corrects = isCorrection
      ? {
          eventId: (event as Worker.WorkerFactCorrected).correctsEventId,
          type: typeOf.get((event as Worker.WorkerFactCorrected).correctsEventId),
          kind: event!._tag === "WorkerFactCorrected" ? ("corrected" as const) : ("voided" as const),
          reason: (event as Worker.WorkerFactCorrected).reason,
        }
      : undefined
    return {
      eventId: recorded.eventId,
      version: recorded.streamPosition,
      type: recorded.type,
      label: labelOf(recorded.type),
      occurredOn: data.occurredOn ?? recorded.occurredAt.toISOString().slice(0, 10),
      recordedAt: recorded.recordedAt.toISOString(),
      actor: recorded.metadata.actor,
      ...(recorded.metadata.legalBasis ? { legalBasis: recorded.metadata.legalBasis } : {}),
      inEffect: !isCorrection && !voidedBy.has(recorded.eventId) && !correctedBy.has(recorded.eventId),
      ...(corrects ? { corrects } : {}),
      correctedBy: correctedBy.get(recorded.eventId) ?? [],
      voidedBy: voidedBy.get(recorded.eventId) ?? null,
      data: withoutPersonal(recorded.data),
    }
  })
}

/** The worker as the history says now (corrections applied): statistics and progress, nothing personal. */
export function summaryOf(state: Worker.WorkerState, catalogue: AdminUnit.Catalogue, today: IsoDate) {
  const registration = state.registration!
  const current = state.residence.at(-1)
  const unitId = current?.residenceUnitId ?? registration.residenceUnitId
  const label = unitLabel(catalogue, unitId, today)
  const stage = state.stage ?? "registered"
  return {
    id: registration.workerId,
    provinceCode: registration.provinceCode,
    unitId,
    unitCode: label.code ?? current?.residenceUnitCode ?? registration.residenceUnitCode,
    unitName: label.name,
    stage,
    stageLabel: Worker.stageLabelVi[stage],
    registeredOn: registration.occurredOn,
    sex: registration.sex,
    birthYear: registration.birthYear,
    ethnicMinority: registration.ethnicMinority,
    priorityGroups: registration.priorityGroups,
    residence: state.residence.map((r) => ({
      from: r.from,
      unitId: r.residenceUnitId,
      unitCode: r.residenceUnitCode,
      unitName: unitLabel(catalogue, r.residenceUnitId, today).name,
    })),
    counselledOn: state.counselledOn ?? null,
    trainings: state.trainings,
    healthCheckedOn: state.healthCheckedOn ?? null,
    criminalRecordCertificateOn: state.criminalRecordCertificateOn ?? null,
    selectedBy: state.selectedBy ?? null,
    contract: state.contract
      ? {
          eventId: state.contract.eventId,
          signedOn: state.contract.occurredOn,
          enterpriseId: state.contract.enterpriseId,
          country: state.contract.country,
          programme: state.contract.programme,
          occupation: state.contract.occupation,
          durationMonths: state.contract.durationMonths,
          monthlyWage: state.contract.monthlyWage,
          feesPaidByWorker: state.contract.feesPaidByWorker,
          usedByDeparture: state.contractUsed,
        }
      : null,
    loans: Object.entries(state.loans).map(([loanId, loan]) => ({ loanId, ...loan })),
    subsidies: state.subsidies,
    departure: state.departure ?? null,
    abroad: state.abroad,
    contractEndedEarly: state.contractEndedEarly ?? null,
    overstayed: state.overstayed,
    lastReturn: state.lastReturn ?? null,
    violations: state.violations,
    reemployment: state.reemployment,
    withdrawal: state.withdrawal ?? null,
    countedDepartures: state.countedDepartures.map((d) => ({
      eventId: d.eventId,
      year: d.year,
      date: d.date,
      unitId: d.residenceUnitId,
    })),
  }
}
