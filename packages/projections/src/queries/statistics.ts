import type { DepartureRow, WorkerRow } from "../worker/derive.ts"
import { inPeriod, type Period } from "./period.ts"

/** Pure aggregations over rows already cut at an as-of time: the figures the seeds ask about. */

const countBy = <T>(items: ReadonlyArray<T>, keysOf: (item: T) => ReadonlyArray<string>): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (const item of items) for (const key of keysOf(item)) counts[key] = (counts[key] ?? 0) + 1
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)))
}

export const FUNNEL_STAGES = [
  "registered",
  "counselled",
  "trained",
  "healthChecked",
  "recordCertificate",
  "contracted",
  "departed",
] as const
export type FunnelStage = (typeof FUNNEL_STAGES)[number]

export interface Funnel {
  readonly stages: ReadonlyArray<{ readonly stage: FunnelStage; readonly count: number }>
  /** Drop-outs by the stage they left at, and by reason. */
  readonly withdrawn: {
    readonly total: number
    readonly byStage: Record<string, number>
    readonly byReason: Record<string, number>
  }
}

/** Registered → … → departed for the people registered in the period. */
export function funnel(workers: ReadonlyArray<WorkerRow>, period?: Period): Funnel {
  const cohort = workers.filter((w) => inPeriod(w.registeredOn, period))
  const reached: Record<FunnelStage, (w: WorkerRow) => boolean> = {
    registered: () => true,
    counselled: (w) => w.counselledOn !== null,
    trained: (w) => w.languageTrainedOn !== null || w.orientationTrainedOn !== null || w.vocationalTrainedOn !== null,
    healthChecked: (w) => w.healthCheckedOn !== null,
    recordCertificate: (w) => w.recordCertificateOn !== null,
    contracted: (w) => w.contractedOn !== null,
    departed: (w) => w.departedOn !== null,
  }
  const withdrawn = cohort.filter((w) => w.withdrawnOn !== null)
  return {
    stages: FUNNEL_STAGES.map((stage) => ({ stage, count: cohort.filter(reached[stage]).length })),
    withdrawn: {
      total: withdrawn.length,
      byStage: countBy(withdrawn, (w) => [w.withdrawnStage ?? "unknown"]),
      byReason: countBy(withdrawn, (w) => [w.withdrawnReason ?? "unknown"]),
    },
  }
}

export interface DepartureBreakdown {
  readonly total: number
  readonly byCountry: Record<string, number>
  readonly byProgramme: Record<string, number>
  readonly bySex: Record<string, number>
  readonly byEthnicMinority: Record<string, number>
  readonly byPriorityGroup: Record<string, number>
  readonly byEnterprise: Record<string, number>
  readonly byMonth: Record<string, number>
  /** Share of departures to markets the province classifies as high-income (Lai Châu: > 80%). */
  readonly highIncomeShare: number | null
}

export function departureBreakdown(
  departures: ReadonlyArray<DepartureRow>,
  period: Period | undefined,
  isHighIncome: (d: DepartureRow) => boolean | undefined,
): DepartureBreakdown {
  const counted = departures.filter((d) => d.counted && inPeriod(d.departedOn, period))
  const classified = counted.map(isHighIncome).filter((v): v is boolean => v !== undefined)
  return {
    total: counted.length,
    byCountry: countBy(counted, (d) => [d.country]),
    byProgramme: countBy(counted, (d) => [d.programme]),
    bySex: countBy(counted, (d) => [d.sex]),
    byEthnicMinority: countBy(counted, (d) => [d.ethnicMinority ? "yes" : "no"]),
    byPriorityGroup: countBy(counted, (d) => d.priorityGroups),
    byEnterprise: countBy(counted, (d) => [d.enterpriseId]),
    byMonth: countBy(counted, (d) => [d.departedOn.slice(0, 7)]),
    highIncomeShare:
      classified.length === 0 ? null : Math.round((classified.filter(Boolean).length / classified.length) * 1000) / 10,
  }
}

export interface Outcomes {
  readonly abroadNow: number
  readonly returnedOnTime: number
  readonly returnedEarly: number
  readonly returnedEarlyReasons: Record<string, number>
  readonly overstayed: number
  readonly contractEndedEarly: number
  readonly returnees: number
  readonly reemployed: number
  readonly reemploymentByKind: Record<string, number>
  readonly violations: number
}

export function outcomes(workers: ReadonlyArray<WorkerRow>): Outcomes {
  const returnees = workers.filter((w) => w.returnedOn !== null)
  const early = returnees.filter((w) => w.returnKind === "early")
  const reemployed = returnees.filter((w) => w.reemployedOn !== null)
  return {
    abroadNow: workers.filter((w) => w.abroad && !w.overstayed).length,
    returnedOnTime: returnees.filter((w) => w.returnKind === "onTime").length,
    returnedEarly: early.length,
    returnedEarlyReasons: countBy(early, (w) => [w.returnReason ?? w.contractEndedEarlyReason ?? "không rõ"]),
    overstayed: workers.filter((w) => w.overstayed).length,
    contractEndedEarly: workers.filter((w) => w.contractEndedEarlyOn !== null).length,
    returnees: returnees.length,
    reemployed: reemployed.length,
    reemploymentByKind: countBy(reemployed, (w) => [w.reemploymentKind ?? "unknown"]),
    violations: workers.reduce((sum, w) => sum + w.violations, 0),
  }
}

export interface TrainingCoverage {
  readonly departed: number
  /** Departed after language and orientation training (the seeds' 100% target). */
  readonly trainedBeforeDeparture: number
  readonly percent: number | null
  readonly languageTrainees: number
}

export function trainingCoverage(
  departures: ReadonlyArray<DepartureRow>,
  workers: ReadonlyArray<WorkerRow>,
  period?: Period,
): TrainingCoverage {
  const counted = departures.filter((d) => d.counted && inPeriod(d.departedOn, period))
  const trained = counted.filter((d) => d.trainedBeforeDeparture).length
  return {
    departed: counted.length,
    trainedBeforeDeparture: trained,
    percent: counted.length === 0 ? null : Math.round((trained / counted.length) * 1000) / 10,
    languageTrainees: workers.filter((w) => inPeriod(w.languageTrainedOn, period)).length,
  }
}

export interface Finance {
  readonly loans: {
    readonly count: number
    readonly amount: number
    readonly byProgramme: Record<string, { count: number; amount: number }>
  }
  readonly subsidies: {
    readonly count: number
    readonly amount: number
    readonly byProgramme: Record<string, { count: number; amount: number }>
  }
}

export function finance(workers: ReadonlyArray<WorkerRow>): Finance {
  const sum = (pick: (w: WorkerRow) => [number, number]) => {
    const byProgramme: Record<string, { count: number; amount: number }> = {}
    let count = 0
    let amount = 0
    for (const w of workers) {
      const [c, a] = pick(w)
      if (c === 0) continue
      count += c
      amount += a
      const key = w.programme ?? "chưa có hợp đồng"
      const entry = (byProgramme[key] ??= { count: 0, amount: 0 })
      entry.count += c
      entry.amount += a
    }
    return { count, amount, byProgramme }
  }
  return { loans: sum((w) => [w.loanCount, w.loanAmount]), subsidies: sum((w) => [w.subsidyCount, w.subsidyAmount]) }
}
