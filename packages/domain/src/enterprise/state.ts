import type { IsoDate, LegalBasis } from "../shared/values.ts"
import { knownEventGuard } from "../shared/unknown-stream-event.ts"
import { ENTERPRISE_STREAM_TYPE, eventTypes, type EnterpriseEvent } from "./events.ts"

export interface EnterpriseState {
  readonly licence: { readonly name: string; readonly number: string; readonly date: IsoDate } | undefined
  /** Provinces whose vetted list the enterprise is on. */
  readonly vettedIn: Readonly<Record<string, { readonly since: IsoDate; readonly legalBasis: LegalBasis }>>
  readonly suspension:
    { readonly since: IsoDate; readonly reason: string; readonly until?: IsoDate | undefined } | undefined
  readonly violations: ReadonlyArray<{
    readonly on: IsoDate
    readonly description: string
    readonly penaltyAmount?: number | undefined
  }>
  readonly latestDate: IsoDate | undefined
  /** Every stay on each province's vetted list (`until`: the day it was taken off), for "vetted on that date". */
  readonly vettingPeriods: Readonly<Record<string, ReadonlyArray<Period>>>
  /** Every suspension (`until`: its end date, or the day it was lifted), for "suspended on that date". */
  readonly suspensions: ReadonlyArray<Period>
}

/** Days `from` (inclusive) to `until` (exclusive; open when undefined). */
export interface Period {
  readonly from: IsoDate
  readonly until?: IsoDate | undefined
}

export const initialEnterpriseState: EnterpriseState = {
  licence: undefined,
  vettedIn: {},
  suspension: undefined,
  violations: [],
  latestDate: undefined,
  vettingPeriods: {},
  suspensions: [],
}

const opened = (periods: EnterpriseState["vettingPeriods"], provinceCode: string, from: IsoDate) => ({
  ...periods,
  [provinceCode]: [...(periods[provinceCode] ?? []), { from }],
})
const closed = (periods: EnterpriseState["vettingPeriods"], provinceCode: string, until: IsoDate) => {
  const list = periods[provinceCode] ?? []
  const last = list.at(-1)
  return last === undefined || last.until !== undefined
    ? periods
    : { ...periods, [provinceCode]: [...list.slice(0, -1), { from: last.from, until }] }
}
/** A reinstatement ends the last suspension on its date (earlier than its planned end, if it had one). */
const lifted = (suspensions: ReadonlyArray<Period>, on: IsoDate): ReadonlyArray<Period> => {
  const last = suspensions.at(-1)
  if (last === undefined) return suspensions
  const until = last.until === undefined || on < last.until ? on : last.until
  return [...suspensions.slice(0, -1), { from: last.from, until }]
}
const within = (period: Period, on: IsoDate) => period.from <= on && (period.until === undefined || on < period.until)

const known = knownEventGuard(ENTERPRISE_STREAM_TYPE, eventTypes)

export const evolveEnterprise = (state: EnterpriseState, event: EnterpriseEvent): EnterpriseState => {
  known(event)
  const s = {
    ...state,
    latestDate:
      state.latestDate === undefined || event.occurredOn > state.latestDate ? event.occurredOn : state.latestDate,
  }
  switch (event._tag) {
    case "EnterpriseLicensed":
      return { ...s, licence: { name: event.name, number: event.licenceNumber, date: event.licenceDate } }
    case "EnterpriseVetted":
      return {
        ...s,
        vettedIn: { ...s.vettedIn, [event.provinceCode]: { since: event.occurredOn, legalBasis: event.legalBasis } },
        vettingPeriods: opened(s.vettingPeriods, event.provinceCode, event.occurredOn),
      }
    case "EnterpriseRemovedFromVettedList": {
      const { [event.provinceCode]: _, ...rest } = s.vettedIn
      return { ...s, vettedIn: rest, vettingPeriods: closed(s.vettingPeriods, event.provinceCode, event.occurredOn) }
    }
    case "EnterpriseSuspended":
      return {
        ...s,
        suspension: { since: event.occurredOn, reason: event.reason, until: event.until },
        suspensions: [...s.suspensions, { from: event.occurredOn, until: event.until }],
      }
    case "EnterpriseReinstated":
      return { ...s, suspension: undefined, suspensions: lifted(s.suspensions, event.occurredOn) }
    case "EnterpriseViolationRecorded":
      return {
        ...s,
        violations: [
          ...s.violations,
          { on: event.occurredOn, description: event.description, penaltyAmount: event.penaltyAmount },
        ],
      }
  }
}

/**
 * Where the enterprise stood in a province on a date, as its history says: licensed (licence dated on or before
 * it), on that province's vetted list, suspended (a suspension ends on its `until` date or when it is lifted).
 * The worker decider receives this value to refuse a selection or contract by an enterprise that may not recruit.
 */
export const standingOn = (
  state: EnterpriseState,
  provinceCode: string,
  on: IsoDate,
): { readonly licensed: boolean; readonly vetted: boolean; readonly suspended: boolean } => ({
  licensed: state.licence !== undefined && state.licence.date <= on,
  vetted: (state.vettingPeriods[provinceCode] ?? []).some((period) => within(period, on)),
  suspended: state.suspensions.some((period) => within(period, on)),
})

/** Whether the enterprise may recruit in a province on a date: licensed, vetted there, not suspended. */
export const canRecruitIn = (state: EnterpriseState, provinceCode: string, on: IsoDate): boolean => {
  const standing = standingOn(state, provinceCode, on)
  return standing.licensed && standing.vetted && !standing.suspended
}
