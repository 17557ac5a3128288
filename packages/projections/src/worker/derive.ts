import { Worker } from "@xkld/domain"

/**
 * What the read models keep of one worker: plain rows derived from the decider's state (corrections
 * already applied), so a correction simply derives different rows. Only statistical attributes: the
 * identity stays sealed in the log (ADR 0007).
 */
export interface WorkerRow {
  readonly workerId: string
  readonly provinceCode: string
  readonly unitId: string
  readonly unitCode: string
  readonly registeredOn: string
  readonly stage: string
  readonly sex: string
  readonly birthYear: number
  readonly ethnicMinority: boolean
  readonly priorityGroups: ReadonlyArray<string>
  readonly counselledOn: string | null
  readonly languageTrainedOn: string | null
  readonly orientationTrainedOn: string | null
  readonly vocationalTrainedOn: string | null
  readonly healthCheckedOn: string | null
  readonly recordCertificateOn: string | null
  /** When the commune confirmed the dossier (xác nhận hồ sơ), the stage before an enterprise may select. */
  readonly dossierConfirmedOn: string | null
  readonly selectedOn: string | null
  readonly enterpriseId: string | null
  readonly contractedOn: string | null
  readonly country: string | null
  readonly programme: string | null
  readonly departedOn: string | null
  readonly abroad: boolean
  readonly overstayed: boolean
  readonly contractEndedEarlyOn: string | null
  readonly contractEndedEarlyReason: string | null
  readonly returnKind: string | null
  readonly returnedOn: string | null
  readonly returnReason: string | null
  readonly reemployedOn: string | null
  readonly reemploymentKind: string | null
  readonly violations: number
  readonly withdrawnOn: string | null
  readonly withdrawnStage: string | null
  readonly withdrawnReason: string | null
  readonly loanCount: number
  readonly loanAmount: number
  readonly subsidyCount: number
  readonly subsidyAmount: number
  /** Nguyện vọng at registration: the market code and occupation wished for. */
  readonly wishMarket: string | null
  readonly wishOccupation: string | null
  /** Tư vấn pháp luật, apart from the general counselling. */
  readonly legalCounselledOn: string | null
  /** The latest loan file the commune confirmed. */
  readonly loanFileConfirmedOn: string | null
  /** The latest outcome (sat, passed, failed) and date of each kind of assessment. */
  readonly interviewOutcome: string | null
  readonly examOutcome: string | null
  readonly epsTestOutcome: string | null
  readonly epsTestOn: string | null
  readonly passportIssuedOn: string | null
  readonly passportValidUntil: string | null
  readonly visaIssuedOn: string | null
  readonly visaCountry: string | null
  readonly visaValidUntil: string | null
  /** Support subsidies through their steps (the paid amount is also in `subsidyAmount`). */
  /**
   * What was paid under the worker's subsidy cases, by funding source (nguồn kinh phí, a code of
   * `Reference.fundingSources`, named at appraisal). Support granted without a case (WorkerSupportSubsidyGranted)
   * has no source: it is `subsidyAmount` less these.
   */
  readonly subsidyPaidBySource: Readonly<Record<string, number>>
  /** Loans in effect (not rejected), amount by lending bank as recorded ("NHCSXH"…). */
  readonly loanAmountByBank: Readonly<Record<string, number>>
  readonly subsidiesAppraised: number
  readonly subsidiesApproved: number
  readonly subsidiesRefused: number
  readonly subsidyApprovedAmount: number
  readonly subsidyPaidAmount: number
  /** Citizen-protection cases abroad: all, and those not resolved yet. */
  readonly protectionCases: number
  readonly protectionCasesOpen: number
  readonly returneeNotifiedCommuneOn: string | null
  readonly returneeNotifiedPoliceOn: string | null
  /** Tái hòa nhập xã hội: the latest outcome assessed, and its date. */
  readonly reintegrationOutcome: string | null
  readonly reintegrationOn: string | null
  /** Reported dead or missing abroad ("deceased" | "missing"), as of the latest report, and its date. */
  readonly deathOrMissing: string | null
  readonly deathOrMissingOn: string | null
}

export interface DepartureRow {
  readonly departureEventId: string
  readonly workerId: string
  readonly departedOn: string
  readonly year: number
  readonly unitId: string
  readonly unitCode: string
  readonly country: string
  readonly programme: string
  readonly enterpriseId: string
  /** False when the person already counted for a departure earlier in the same year. */
  readonly counted: boolean
  readonly sex: string
  readonly ethnicMinority: boolean
  readonly priorityGroups: ReadonlyArray<string>
  /** Language and orientation training completed on or before the departure date (the 100% target). */
  readonly trainedBeforeDeparture: boolean
  readonly languageTrained: boolean
  /** Legal counselling (its own kind) recorded on or before the departure date. */
  readonly legalCounselledBeforeDeparture: boolean
  /** The events this figure rests on: departure, contract, residence, and corrections of them. */
  readonly lineage: ReadonlyArray<string>
}

const lastOf = <T>(items: ReadonlyArray<T>, pick: (t: T) => boolean): T | undefined => items.filter(pick).at(-1)

export function deriveWorkerRow(state: Worker.WorkerState): WorkerRow | undefined {
  const registration = state.registration
  if (!registration) return undefined
  const current = state.residence.at(-1)
  const trainedOn = (kind: string) => lastOf(state.trainings, (t) => t.kind === kind)?.completedOn ?? null
  const loans = Object.values(state.loans).filter((l) => l.status !== "rejected")
  const reemployment = state.reemployment.at(-1)
  return {
    workerId: registration.workerId,
    provinceCode: registration.provinceCode,
    unitId: current?.residenceUnitId ?? registration.residenceUnitId,
    unitCode: current?.residenceUnitCode ?? registration.residenceUnitCode,
    registeredOn: registration.occurredOn,
    stage: state.stage ?? "registered",
    sex: registration.sex,
    birthYear: registration.birthYear,
    ethnicMinority: registration.ethnicMinority,
    priorityGroups: [...registration.priorityGroups].sort(),
    counselledOn: state.counselledOn ?? null,
    languageTrainedOn: trainedOn("language"),
    orientationTrainedOn: trainedOn("orientation"),
    vocationalTrainedOn: trainedOn("vocational"),
    healthCheckedOn: state.healthCheckedOn ?? null,
    recordCertificateOn: state.criminalRecordCertificateOn ?? null,
    dossierConfirmedOn: state.dossierConfirmedOn ?? null,
    selectedOn: state.selectedBy?.on ?? null,
    enterpriseId: state.contract?.enterpriseId ?? state.selectedBy?.enterpriseId ?? null,
    contractedOn: state.contract?.occurredOn ?? null,
    country: state.departure?.country ?? state.contract?.country ?? null,
    programme: state.departure?.programme ?? state.contract?.programme ?? null,
    departedOn: state.departure?.date ?? null,
    abroad: state.abroad,
    overstayed: state.overstayed,
    contractEndedEarlyOn: state.contractEndedEarly?.on ?? null,
    contractEndedEarlyReason: state.contractEndedEarly?.reason ?? null,
    returnKind: state.lastReturn?.kind ?? null,
    returnedOn: state.lastReturn?.on ?? null,
    returnReason: returnReasonOf(state),
    reemployedOn: reemployment?.on ?? null,
    reemploymentKind: reemployment?.kind ?? null,
    violations: state.violations.length,
    withdrawnOn: state.withdrawal?.on ?? null,
    withdrawnStage: state.withdrawal?.stage ?? null,
    withdrawnReason: state.withdrawal?.reason ?? null,
    loanCount: loans.length,
    loanAmount: loans.reduce((sum, l) => sum + l.amount, 0),
    subsidyCount: state.subsidies.length,
    subsidyAmount: state.subsidies.reduce((sum, s) => sum + s.amount, 0),
    ...laterStages(state),
  }
}

/** Sums by key, the keys sorted (a row's JSON is the same whatever the order of the events). */
function sumsBy<T>(items: ReadonlyArray<T>, key: (t: T) => string, amount: (t: T) => number): Record<string, number> {
  const sums = new Map<string, number>()
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + amount(item))
  return Object.fromEntries([...sums.entries()].toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** What the stages added by issue 9 show in the registry row. */
function laterStages(state: Worker.WorkerState) {
  const registration = state.registration!
  const assessment = (kind: Worker.AssessmentKind) => lastOf(state.assessments, (a) => a.assessment === kind)
  const subsidies = Object.values(state.subsidyCases)
  const decided = subsidies.filter((c) => c.decision !== undefined)
  const approved = decided.filter((c) => c.decision!.approved)
  const cases = Object.values(state.protectionCases)
  const noticeTo = (recipient: Worker.ReturneeNoticeRecipient) =>
    lastOf(state.returneeNotices, (n) => n.recipient === recipient)?.on ?? null
  const loanFiles = Object.values(state.loanFiles).map((f) => f.on)
  return {
    wishMarket: registration.wish?.marketCode ?? null,
    wishOccupation: registration.wish?.occupation ?? null,
    legalCounselledOn: state.legalCounselledOn ?? null,
    loanFileConfirmedOn: loanFiles.length === 0 ? null : loanFiles.toSorted().at(-1)!,
    interviewOutcome: assessment("interview")?.outcome ?? null,
    examOutcome: assessment("exam")?.outcome ?? null,
    epsTestOutcome: assessment("epsKoreanTest")?.outcome ?? null,
    epsTestOn: assessment("epsKoreanTest")?.on ?? null,
    passportIssuedOn: state.passport?.on ?? null,
    passportValidUntil: state.passport?.validUntil ?? null,
    visaIssuedOn: state.visa?.on ?? null,
    visaCountry: state.visa?.country ?? null,
    visaValidUntil: state.visa?.validUntil ?? null,
    subsidyPaidBySource: sumsBy(
      subsidies.filter((c) => c.paidAmount > 0),
      (c) => c.fundingSourceCode,
      (c) => c.paidAmount,
    ),
    loanAmountByBank: sumsBy(
      Object.values(state.loans).filter((l) => l.status !== "rejected"),
      (l) => l.bank,
      (l) => l.amount,
    ),
    subsidiesAppraised: subsidies.length,
    subsidiesApproved: approved.length,
    subsidiesRefused: decided.length - approved.length,
    subsidyApprovedAmount: approved.reduce((sum, c) => sum + c.decision!.amount, 0),
    subsidyPaidAmount: subsidies.reduce((sum, c) => sum + c.paidAmount, 0),
    protectionCases: cases.length,
    protectionCasesOpen: cases.filter((c) => c.resolvedOn === undefined).length,
    returneeNotifiedCommuneOn: noticeTo("commune"),
    returneeNotifiedPoliceOn: noticeTo("police"),
    reintegrationOutcome: state.reintegration?.outcome ?? null,
    reintegrationOn: state.reintegration?.on ?? null,
    deathOrMissing: state.deathOrMissing?.status ?? null,
    deathOrMissingOn: state.deathOrMissing?.on ?? null,
  }
}

const returnReasonOf = (state: Worker.WorkerState): string | null => {
  const fact = lastOf(state.facts, (f) => f._tag === "WorkerReturned") as Worker.WorkerReturned | undefined
  return fact?.reason ?? null
}

/** Every departure in effect (counted or not), placed in the commune of residence on its date. */
export function deriveDepartureRows(state: Worker.WorkerState): ReadonlyArray<DepartureRow> {
  const registration = state.registration
  if (!registration) return []
  const counted = new Set(state.countedDepartures.map((d) => d.eventId))
  const corrections = (eventId: string) =>
    state.corrections.filter((c) => c.correctsEventId === eventId).map((c) => c.eventId)
  const departures = state.facts.filter((f): f is Worker.WorkerDeparted => f._tag === "WorkerDeparted")
  return departures.map((departure) => {
    const contract = state.contracts[departure.contractEventId]
    const place = Worker.residenceAt(state, departure.occurredOn)
    const residenceEvent = lastOf(
      state.facts,
      (f) =>
        (f._tag === "WorkerResidenceChanged" ||
          f._tag === "WorkerResidenceAssigned" ||
          f._tag === "WorkerRegistered") &&
        f.occurredOn <= departure.occurredOn,
    )
    const trainedBy = (kind: string) =>
      state.trainings.some((t) => t.kind === kind && t.completedOn <= departure.occurredOn)
    const lineage = [departure.eventId, departure.contractEventId, residenceEvent?.eventId ?? registration.eventId]
    return {
      departureEventId: departure.eventId,
      workerId: registration.workerId,
      departedOn: departure.occurredOn,
      year: Number(departure.occurredOn.slice(0, 4)),
      unitId: place?.residenceUnitId ?? registration.residenceUnitId,
      unitCode: place?.residenceUnitCode ?? registration.residenceUnitCode,
      country: contract?.country ?? "",
      programme: contract?.programme ?? "",
      enterpriseId: contract?.enterpriseId ?? "",
      counted: counted.has(departure.eventId),
      sex: registration.sex,
      ethnicMinority: registration.ethnicMinority,
      priorityGroups: [...registration.priorityGroups].sort(),
      trainedBeforeDeparture: trainedBy("language") && trainedBy("orientation"),
      languageTrained: trainedBy("language"),
      legalCounselledBeforeDeparture: state.facts.some(
        (f) => f._tag === "WorkerLegalCounselled" && f.occurredOn <= departure.occurredOn,
      ),
      lineage: [...new Set([...lineage, ...lineage.flatMap(corrections)])],
    }
  })
}
