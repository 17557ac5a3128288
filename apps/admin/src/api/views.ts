import type { components, paths } from "./openapi.gen.ts"

/**
 * What the screens read from the API, by name. Where the API declares the response schema, the name is the
 * generated type (openapi.gen.ts, from /api/openapi.json): the screens read exactly what the API answers.
 */
type Schemas = components["schemas"]
/** The JSON answer of a GET route, as the API declares it. */
export type Answer<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer A } } } }
}
  ? A
  : never

export type Enterprise = Schemas["EnterpriseItem"]
export type Task = Schemas["TaskItem"]
export type Obligation = Schemas["ReportingObligationItem"]
export type Projection = Schemas["ProjectionStatus"]
export type User = Schemas["UserItem"]
export type EnterpriseList = Answer<"/api/enterprises">
export type TaskList = Answer<"/api/tasks">
export type ObligationList = Answer<"/api/reporting-obligations">

export type FunnelReport = Answer<"/api/reports/funnel">
export type DeparturesReport = Answer<"/api/reports/departures">
export type OutcomesReport = Answer<"/api/reports/outcomes">

/**
 * Answers whose declared schema leaves the parts the screens read open (`unknown`): the difference's rows
 * (apps/api/src/reports: `before`/`after`) and the worker's page (apps/api/src/workers: `Schema.Number` is
 * `number | "NaN" | …` in the client, the history's legal basis `unknown`). Only the fields the screens use, narrowed
 * once, here, until those schemas are precise; then the generated type replaces the interface (docs/admin-app.md).
 */
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
