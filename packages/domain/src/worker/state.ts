import type { IsoDate, LegalBasis } from "../shared/values.ts"
import type { WorkerContractSigned, WorkerFact, WorkerRegistered } from "./events.ts"
import type {
  AssessmentKind,
  AssessmentOutcome,
  DeathOrMissingStatus,
  LoanStatus,
  ProtectionCaseCategory,
  ReintegrationOutcome,
  ReturneeNoticeRecipient,
  ReemploymentKind,
  ReturnKind,
  TrainingKind,
  ViolationCategory,
  WorkerStage,
} from "./values.ts"

export interface ResidencePeriod {
  readonly from: IsoDate
  readonly residenceUnitCode: string
  readonly residenceUnitId: string
}

export interface Departure {
  readonly eventId: string
  readonly date: IsoDate
  readonly residenceUnitCode: string
  readonly residenceUnitId: string
  readonly country: string
  readonly programme: string
  readonly enterpriseId: string
  readonly contractEventId: string
  /** False when the person already counted for a departure earlier in the same calendar year. */
  readonly counted: boolean
}

/** A departure that counts against the quota of its year, for the commune of residence on its date. */
export interface CountedDeparture {
  readonly eventId: string
  readonly year: number
  readonly date: IsoDate
  readonly residenceUnitCode: string
  readonly residenceUnitId: string
}

/** A support subsidy through its steps: appraised (thẩm định) → decided (quyết định) → paid (chi trả). */
export interface SubsidyCase {
  readonly policyCode: string
  readonly fundingSourceCode: string
  readonly appraisedAmount: number
  readonly appraisedOn: IsoDate
  readonly decision: { readonly approved: boolean; readonly amount: number; readonly on: IsoDate } | undefined
  readonly paidAmount: number
  readonly lastPaidOn: IsoDate | undefined
}

export interface ProtectionCase {
  readonly category: ProtectionCaseCategory
  readonly openedOn: IsoDate
  readonly resolvedOn: IsoDate | undefined
}

export interface DeathOrMissing {
  readonly status: DeathOrMissingStatus
  readonly on: IsoDate
  readonly country: string
  readonly source: string
  readonly protectionCaseId: string | undefined
}

export interface CorrectionRecord {
  readonly eventId: string
  readonly correctsEventId: string
  readonly reason: string
  readonly kind: "corrected" | "voided"
}

/**
 * A worker as the history says, with corrections applied: `facts` are the facts in effect (corrected ones
 * replaced in place, voided ones removed); everything else is derived from them by `projectFact`.
 */
export interface WorkerState {
  readonly facts: ReadonlyArray<WorkerFact>
  readonly voidedEventIds: ReadonlyArray<string>
  readonly corrections: ReadonlyArray<CorrectionRecord>
  readonly registration: WorkerRegistered | undefined
  readonly stage: WorkerStage | undefined
  readonly residence: ReadonlyArray<ResidencePeriod>
  readonly counselledOn: IsoDate | undefined
  readonly trainings: ReadonlyArray<{
    readonly kind: TrainingKind
    readonly provider: string
    readonly completedOn: IsoDate
  }>
  readonly healthCheckedOn: IsoDate | undefined
  readonly criminalRecordCertificateOn: IsoDate | undefined
  /** When the commune last confirmed the dossier (xác nhận hồ sơ): selection and contract need it. */
  readonly dossierConfirmedOn: IsoDate | undefined
  readonly selectedBy: { readonly enterpriseId: string; readonly on: IsoDate } | undefined
  /** The latest contract, and whether a departure has already used it. */
  readonly contract: WorkerContractSigned | undefined
  readonly contractUsed: boolean
  /** Every contract in effect, by event id (departures refer to theirs). */
  readonly contracts: Readonly<Record<string, WorkerContractSigned>>
  readonly loans: Readonly<
    Record<
      string,
      { readonly bank: string; readonly amount: number; readonly status: LoanStatus; readonly on: IsoDate }
    >
  >
  readonly subsidies: ReadonlyArray<{ readonly policy: string; readonly amount: number; readonly on: IsoDate }>
  /** The latest departure, with its place and contract details derived from the rest of the history. */
  readonly departure: Departure | undefined
  readonly abroad: boolean
  readonly contractEndedEarly: { readonly on: IsoDate; readonly reason: string } | undefined
  readonly overstayed: boolean
  readonly lastReturn: { readonly on: IsoDate; readonly kind: ReturnKind } | undefined
  readonly violations: ReadonlyArray<{ readonly on: IsoDate; readonly category: ViolationCategory }>
  readonly reemployment: ReadonlyArray<{
    readonly on: IsoDate
    readonly kind: ReemploymentKind
    readonly provider: string
  }>
  readonly withdrawal: { readonly on: IsoDate; readonly stage: WorkerStage; readonly reason: string } | undefined
  readonly legalCounselledOn: IsoDate | undefined
  /** Loan files the commune confirmed, by loan id. */
  readonly loanFiles: Readonly<Record<string, { readonly bank: string; readonly on: IsoDate }>>
  readonly assessments: ReadonlyArray<{
    readonly assessment: AssessmentKind
    readonly outcome: AssessmentOutcome
    readonly on: IsoDate
  }>
  readonly passport: { readonly on: IsoDate; readonly validUntil: IsoDate } | undefined
  readonly visa: { readonly on: IsoDate; readonly country: string; readonly validUntil: IsoDate } | undefined
  readonly subsidyCases: Readonly<Record<string, SubsidyCase>>
  readonly protectionCases: Readonly<Record<string, ProtectionCase>>
  readonly returneeNotices: ReadonlyArray<{ readonly recipient: ReturneeNoticeRecipient; readonly on: IsoDate }>
  readonly reintegration: { readonly outcome: ReintegrationOutcome; readonly on: IsoDate } | undefined
  /**
   * Reported dead or missing abroad (the latest report): a missing worker who returns is no longer missing (the
   * report stays in the log); a death is final.
   */
  readonly deathOrMissing: DeathOrMissing | undefined
  /** When the person's data was erased (the key deleted); nothing else of the state changes with it. */
  readonly erasure: { readonly eventId: string; readonly on: IsoDate; readonly legalBasis: LegalBasis } | undefined
  readonly countedDepartures: ReadonlyArray<CountedDeparture>
  readonly latestFactDate: IsoDate | undefined
}

export const initialWorkerState: WorkerState = {
  facts: [],
  voidedEventIds: [],
  corrections: [],
  registration: undefined,
  stage: undefined,
  residence: [],
  counselledOn: undefined,
  trainings: [],
  healthCheckedOn: undefined,
  criminalRecordCertificateOn: undefined,
  dossierConfirmedOn: undefined,
  selectedBy: undefined,
  contract: undefined,
  contractUsed: false,
  contracts: {},
  loans: {},
  subsidies: [],
  departure: undefined,
  abroad: false,
  contractEndedEarly: undefined,
  overstayed: false,
  lastReturn: undefined,
  violations: [],
  reemployment: [],
  withdrawal: undefined,
  legalCounselledOn: undefined,
  loanFiles: {},
  assessments: [],
  passport: undefined,
  visa: undefined,
  subsidyCases: {},
  protectionCases: {},
  returneeNotices: [],
  reintegration: undefined,
  deathOrMissing: undefined,
  erasure: undefined,
  countedDepartures: [],
  latestFactDate: undefined,
}

const preDepartureRank: Partial<Record<WorkerStage, number>> = {
  registered: 0,
  counselled: 1,
  training: 2,
  healthChecked: 3,
  criminalRecordChecked: 4,
  dossierConfirmed: 5,
  selected: 6,
  contracted: 7,
}

/** Pre-departure stages only move forward; after a return a new cycle starts from the stage reached. */
const advance = (current: WorkerStage | undefined, next: WorkerStage): WorkerStage => {
  const currentRank = current === undefined ? undefined : preDepartureRank[current]
  const nextRank = preDepartureRank[next] ?? 0
  return currentRank !== undefined && currentRank > nextRank ? current! : next
}

/** Commune of residence on a date (the earliest known one for dates before any recorded move). */
export const residenceAt = (state: WorkerState, date: IsoDate): ResidencePeriod | undefined => {
  let found: ResidencePeriod | undefined = state.residence[0]
  for (const period of state.residence) if (period.from <= date) found = period
  return found
}

/**
 * Places departures in the commune of residence on their date. Re-run whenever the residence history changes,
 * so a move recorded late (but dated before a departure) moves the departure to the right commune.
 */
const placeDepartures = (state: WorkerState): WorkerState => {
  const place = (date: IsoDate) => {
    const period = residenceAt(state, date)
    return { residenceUnitCode: period?.residenceUnitCode ?? "", residenceUnitId: period?.residenceUnitId ?? "" }
  }
  return {
    ...state,
    departure: state.departure === undefined ? undefined : { ...state.departure, ...place(state.departure.date) },
    countedDepartures: state.countedDepartures.map((d) => ({ ...d, ...place(d.date) })),
  }
}

const later = (a: IsoDate | undefined, b: IsoDate): IsoDate => (a === undefined || b > a ? b : a)

/** Folds one fact in effect into the derived state. Total: never rejects (rules live in `admitFact`). */
export const projectFact = (state: WorkerState, fact: WorkerFact): WorkerState => {
  const s: WorkerState = {
    ...state,
    facts: [...state.facts, fact],
    latestFactDate: later(state.latestFactDate, fact.occurredOn),
  }
  switch (fact._tag) {
    case "WorkerRegistered":
      return {
        ...s,
        registration: fact,
        stage: "registered",
        residence: [
          { from: fact.occurredOn, residenceUnitCode: fact.residenceUnitCode, residenceUnitId: fact.residenceUnitId },
        ],
      }
    case "WorkerResidenceChanged":
    case "WorkerResidenceAssigned": {
      const period = {
        from: fact.occurredOn,
        residenceUnitCode: fact.residenceUnitCode,
        residenceUnitId: fact.residenceUnitId,
      }
      const residence = [...s.residence, period].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
      return placeDepartures({ ...s, residence })
    }
    case "WorkerCounselled":
      return { ...s, counselledOn: fact.occurredOn, stage: advance(s.stage, "counselled") }
    case "WorkerTrainingCompleted":
      return {
        ...s,
        trainings: [...s.trainings, { kind: fact.kind, provider: fact.provider, completedOn: fact.occurredOn }],
        stage: advance(s.stage, "training"),
      }
    case "WorkerHealthChecked":
      return { ...s, healthCheckedOn: fact.occurredOn, stage: advance(s.stage, "healthChecked") }
    case "WorkerCriminalRecordCertificateIssued":
      return { ...s, criminalRecordCertificateOn: fact.occurredOn, stage: advance(s.stage, "criminalRecordChecked") }
    case "WorkerDossierConfirmed":
      return { ...s, dossierConfirmedOn: fact.occurredOn, stage: advance(s.stage, "dossierConfirmed") }
    case "WorkerSelectedByEnterprise":
      return {
        ...s,
        selectedBy: { enterpriseId: fact.enterpriseId, on: fact.occurredOn },
        stage: advance(s.stage, "selected"),
      }
    case "WorkerContractSigned":
      return {
        ...s,
        contract: fact,
        contractUsed: false,
        contracts: { ...s.contracts, [fact.eventId]: fact },
        stage: advance(s.stage, "contracted"),
      }
    case "WorkerLoanRecorded":
      return {
        ...s,
        loans: {
          ...s.loans,
          [fact.loanId]: { bank: fact.bank, amount: fact.amount, status: fact.status, on: fact.occurredOn },
        },
      }
    case "WorkerSupportSubsidyGranted":
      return { ...s, subsidies: [...s.subsidies, { policy: fact.policy, amount: fact.amount, on: fact.occurredOn }] }
    case "WorkerDeparted": {
      const year = Number(fact.occurredOn.slice(0, 4))
      const counted = !s.countedDepartures.some((d) => d.year === year)
      const contract = s.contracts[fact.contractEventId]
      const place = { residenceUnitCode: "", residenceUnitId: "" } // filled in by placeDepartures
      return placeDepartures({
        ...s,
        stage: "departed",
        abroad: true,
        contractUsed: true,
        contractEndedEarly: undefined,
        overstayed: false,
        departure: {
          eventId: fact.eventId,
          date: fact.occurredOn,
          ...place,
          country: contract?.country ?? "",
          programme: contract?.programme ?? "",
          enterpriseId: contract?.enterpriseId ?? "",
          contractEventId: fact.contractEventId,
          counted,
        },
        countedDepartures: counted
          ? [...s.countedDepartures, { eventId: fact.eventId, year, date: fact.occurredOn, ...place }]
          : s.countedDepartures,
      })
    }
    case "WorkerContractEndedEarly":
      return { ...s, stage: "contractEndedEarly", contractEndedEarly: { on: fact.occurredOn, reason: fact.reason } }
    case "WorkerOverstayed":
      return { ...s, stage: "overstayed", overstayed: true }
    case "WorkerReturned":
      return {
        ...s,
        stage: "returned",
        abroad: false,
        lastReturn: { on: fact.occurredOn, kind: fact.kind },
        // Found and home: no longer missing (a death is never followed by a return: the rules refuse it).
        deathOrMissing: s.deathOrMissing?.status === "missing" ? undefined : s.deathOrMissing,
      }
    case "WorkerViolationRecorded":
      return { ...s, violations: [...s.violations, { on: fact.occurredOn, category: fact.category }] }
    case "WorkerReemploymentSupported":
      return {
        ...s,
        reemployment: [...s.reemployment, { on: fact.occurredOn, kind: fact.kind, provider: fact.provider }],
      }
    case "WorkerWithdrew":
      return { ...s, stage: "withdrawn", withdrawal: { on: fact.occurredOn, stage: fact.stage, reason: fact.reason } }
    case "WorkerLegalCounselled":
      return { ...s, legalCounselledOn: fact.occurredOn }
    case "WorkerLoanFileConfirmed":
      return { ...s, loanFiles: { ...s.loanFiles, [fact.loanId]: { bank: fact.bank, on: fact.occurredOn } } }
    case "WorkerAssessed":
      return {
        ...s,
        assessments: [...s.assessments, { assessment: fact.assessment, outcome: fact.outcome, on: fact.occurredOn }],
      }
    case "WorkerPassportIssued":
      return { ...s, passport: { on: fact.occurredOn, validUntil: fact.validUntil } }
    case "WorkerVisaIssued":
      return { ...s, visa: { on: fact.occurredOn, country: fact.country, validUntil: fact.validUntil } }
    case "WorkerSubsidyAppraised":
      return {
        ...s,
        subsidyCases: {
          ...s.subsidyCases,
          [fact.subsidyId]: {
            policyCode: fact.policyCode,
            fundingSourceCode: fact.fundingSourceCode,
            appraisedAmount: fact.amount,
            appraisedOn: fact.occurredOn,
            decision: undefined,
            paidAmount: 0,
            lastPaidOn: undefined,
          },
        },
      }
    case "WorkerSubsidyDecided": {
      const subsidy = s.subsidyCases[fact.subsidyId]
      if (subsidy === undefined) return s
      const decision = { approved: fact.approved, amount: fact.amount, on: fact.occurredOn }
      return { ...s, subsidyCases: { ...s.subsidyCases, [fact.subsidyId]: { ...subsidy, decision } } }
    }
    case "WorkerSubsidyPaid": {
      const subsidy = s.subsidyCases[fact.subsidyId]
      if (subsidy === undefined) return s
      const paid = { ...subsidy, paidAmount: subsidy.paidAmount + fact.amount, lastPaidOn: fact.occurredOn }
      // A payment is money a worker received under a policy: it counts with the subsidies granted.
      return {
        ...s,
        subsidyCases: { ...s.subsidyCases, [fact.subsidyId]: paid },
        subsidies: [...s.subsidies, { policy: subsidy.policyCode, amount: fact.amount, on: fact.occurredOn }],
      }
    }
    case "WorkerProtectionCaseOpened":
      return {
        ...s,
        protectionCases: {
          ...s.protectionCases,
          [fact.caseId]: { category: fact.category, openedOn: fact.occurredOn, resolvedOn: undefined },
        },
      }
    case "WorkerProtectionCaseResolved": {
      const opened = s.protectionCases[fact.caseId]
      if (opened === undefined) return s
      return {
        ...s,
        protectionCases: { ...s.protectionCases, [fact.caseId]: { ...opened, resolvedOn: fact.occurredOn } },
      }
    }
    case "WorkerReturneeNotified":
      return { ...s, returneeNotices: [...s.returneeNotices, { recipient: fact.recipient, on: fact.occurredOn }] }
    case "WorkerReintegrationAssessed":
      return { ...s, reintegration: { outcome: fact.outcome, on: fact.occurredOn } }
    case "WorkerDeathOrMissingReported":
      return {
        ...s,
        deathOrMissing: {
          status: fact.status,
          on: fact.occurredOn,
          country: fact.country,
          source: fact.source,
          protectionCaseId: fact.protectionCaseId,
        },
      }
  }
}

/** Derives the state from a list of facts in effect (used after a correction or a voiding). */
export const projectFacts = (
  facts: ReadonlyArray<WorkerFact>,
  keep: Pick<WorkerState, "voidedEventIds" | "corrections" | "erasure">,
): WorkerState => {
  let state: WorkerState = { ...initialWorkerState, ...keep }
  for (const fact of facts) state = projectFact(state, fact)
  return state
}
