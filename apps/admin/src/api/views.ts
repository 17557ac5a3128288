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

export type DifferenceReport = Answer<"/api/attainment/difference">
export type DifferenceRow = NonNullable<DifferenceReport["changes"][number]["after"]>
export type WorkerDetail = Answer<"/api/workers/{id}">

export type Attainment = Answer<"/api/attainment">

/** The worker's identity when the API shows it (`identityStatus` "shown"); otherwise what it says instead. */
export type ShownIdentity = Extract<NonNullable<WorkerDetail["identity"]>, { fullName: string }>
export const shownIdentity = (worker: WorkerDetail | undefined): ShownIdentity | undefined =>
  worker?.identityStatus === "shown" && worker.identity && "fullName" in worker.identity
    ? (worker.identity as ShownIdentity)
    : undefined
