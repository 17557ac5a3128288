/**
 * The shapes the app reads from API answers whose response schema the API does not declare yet (their OpenAPI
 * response is `{}`, so the generated type is `unknown`). Only the fields the screens use; each is narrowed once,
 * here. When the API declares the schema, the generated type replaces the interface (docs/admin-app.md).
 */
export interface FunnelReport {
  readonly asOf: string
  readonly stages: ReadonlyArray<{ readonly stage: string; readonly count: number }>
  readonly withdrawn: { readonly total: number }
}

export interface DeparturesReport {
  readonly asOf: string
  readonly total: number
  readonly byCountry: Readonly<Record<string, number>>
  readonly byMonth: Readonly<Record<string, number>>
  readonly labels: { readonly countries: Readonly<Record<string, string>> }
}

export interface OutcomesReport {
  readonly abroadNow: number
  readonly returnedOnTime: number
  readonly returnedEarly: number
  readonly overstayed: number
  readonly contractEndedEarly: number
  readonly reemployed: number
}

export interface DifferenceReport {
  readonly from: string
  readonly to: string
  readonly departedBefore: number
  readonly departedAfter: number
  readonly changes: ReadonlyArray<{
    readonly departureEventId: string
    readonly workerId: string
    readonly change: "added" | "removed" | "changed"
    readonly before: DifferenceRow | null
    readonly after: DifferenceRow | null
  }>
}

export interface DifferenceRow {
  readonly unitCode: string
  readonly unitId: string
  readonly country: string
  readonly departedOn: string
  readonly counted: boolean
  readonly lineage: ReadonlyArray<string>
}

export interface WorkerDetail {
  readonly id: string
  readonly unitCode: string
  readonly unitName: string
  readonly stage: string
  readonly stageLabel: string
  readonly registeredOn: string
  readonly sex: "male" | "female"
  readonly birthYear: number
  readonly ethnicMinority: boolean
  readonly version: number
  readonly identityStatus: string
  readonly identity?: {
    readonly fullName?: string
    readonly citizenId?: string
    readonly dateOfBirth?: string
    readonly phone?: string
    readonly address?: string
  }
  readonly history: ReadonlyArray<{
    readonly eventId: string
    readonly version: number
    readonly type: string
    readonly label: string
    readonly occurredOn: string
    readonly recordedAt: string
    readonly actor: { readonly userId?: string; readonly role?: string } | null
    readonly inEffect: boolean
    readonly correctedBy: ReadonlyArray<string>
    readonly voidedBy: string | null
    readonly data: Readonly<Record<string, unknown>>
  }>
}

export interface Page<T> {
  readonly items: ReadonlyArray<T>
  readonly total?: number
}

/** Narrows an undeclared answer to the view the screen reads (the one cast, named). */
export const asView = <T>(value: unknown): T => value as T

/** Parts of GET /api/attainment's answer its declared schema leaves open (`[key: string]: unknown`). */
export interface AttainmentExtras {
  readonly plan: {
    readonly planId: string
    readonly title: string
    readonly target: number
    readonly allocatedTotal: number
    readonly discrepancy: number
  } | null
  readonly unitsWithNobody: ReadonlyArray<{
    readonly unitId: string
    readonly unitCode: string
    readonly unitName: string
  }>
}
