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
}

export const initialEnterpriseState: EnterpriseState = {
  licence: undefined,
  vettedIn: {},
  suspension: undefined,
  violations: [],
  latestDate: undefined,
}

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
      }
    case "EnterpriseRemovedFromVettedList": {
      const { [event.provinceCode]: _, ...rest } = s.vettedIn
      return { ...s, vettedIn: rest }
    }
    case "EnterpriseSuspended":
      return { ...s, suspension: { since: event.occurredOn, reason: event.reason, until: event.until } }
    case "EnterpriseReinstated":
      return { ...s, suspension: undefined }
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
 * Whether the enterprise may recruit in a province on a date: licensed, on that province's vetted list and not
 * suspended (a suspension with an `until` date ends on that date).
 */
export const canRecruitIn = (state: EnterpriseState, provinceCode: string, on: IsoDate): boolean => {
  if (state.licence === undefined || state.vettedIn[provinceCode] === undefined) return false
  const suspension = state.suspension
  return suspension === undefined || on < suspension.since || (suspension.until !== undefined && on >= suspension.until)
}
