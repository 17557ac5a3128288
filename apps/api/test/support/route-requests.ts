import type { WorkerRow } from "@xkld/projections"
import type { Role } from "../../src/access/roles.ts"
import type { RouteSpec } from "../../src/http/route.ts"
import { buildOpenApiDocument, openApiPath } from "../../src/openapi/document.ts"
import { allRoutes } from "../../src/routes/index.ts"

/**
 * What the access matrix (access-matrix.int.test.ts) derives from a route alone: whom its request reaches (a worker,
 * a unit or no one), a plausible query toward a subject, whether a role is granted it, and its label.
 */

/** A worker and its unit that a request is aimed at. */
export interface Subject {
  readonly workerId: string
  readonly unitId: string
  readonly unitCode: string
}

export const subjectOf = (w: WorkerRow, unitCode: string): Subject => ({
  workerId: w.workerId,
  unitId: w.unitId,
  unitCode,
})

let openApi: ReturnType<typeof buildOpenApiDocument> | undefined
export const document = () => (openApi ??= buildOpenApiDocument(allRoutes))

/** Which jurisdiction a route's request reaches: a worker (path), a unit (path or query), or none. */
export const jurisdictionOf = (route: RouteSpec): "worker" | "unit" | undefined => {
  if (/\/workers\/:/.test(route.path)) return "worker"
  if (/\/units\/:/.test(route.path)) return "unit"
  const query = document()
    .paths[openApiPath(route.path)]![route.method]!.parameters.filter((p) => p.in === "query")
    .map((p) => p.name)
  if (query.includes("workerId")) return "worker"
  if (query.some((name) => name === "unit" || name === "unitId" || name === "unitCode")) return "unit"
  return undefined
}

/** A plausible query: required and jurisdiction parameters filled in by name or schema. */
export const queryOf = (route: RouteSpec, subject: Subject): string => {
  const params = document().paths[openApiPath(route.path)]![route.method]!.parameters.filter((p) => p.in === "query")
  const search = new URLSearchParams()
  for (const p of params) {
    const name = p.name as string
    const schema = (p.schema ?? {}) as { enum?: string[]; pattern?: string }
    let value: string | undefined
    if (name === "unit" || name === "unitCode") value = subject.unitCode
    else if (name === "unitId") value = subject.unitId
    else if (name === "workerId") value = subject.workerId
    else if (!p.required) continue
    else if (name === "province") value = "14"
    else if (name === "year" || name === "period") value = "2026"
    else if (/^(asOf|on|from|date)$/.test(name)) value = "2026-01-01"
    else if (name === "to") value = "2026-06-30"
    else if (schema.enum) value = schema.enum[0]
    else value = "1"
    search.set(name, value!)
  }
  const text = search.toString()
  return text ? `?${text}` : ""
}

export const allowed = (route: RouteSpec, role: Role) =>
  route.access === "public" || route.access === "signed-in" || route.access.includes(role)
export const label = (route: RouteSpec) => `${route.method.toUpperCase()} ${route.path}`
