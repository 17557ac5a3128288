import { authRoutes } from "../auth/routes.ts"
import type { RouteSpec } from "../http/route.ts"
import { importRoutes } from "../imports/routes.ts"
import { openapiRoutes } from "../openapi/routes.ts"
import { planningRoutes } from "./planning.ts"
import { targetRoutes } from "../targets/routes.ts"
import { unitRoutes } from "../units/routes.ts"
import { workerRoutes } from "../workers/routes.ts"
import { healthRoutes } from "./health.ts"
import { observabilityRoutes } from "../observability/routes.ts"

/** Every route of the API, by domain concept. The OpenAPI document and the access matrix test read this list. */
export const allRoutes: ReadonlyArray<RouteSpec> = [
  ...healthRoutes,
  ...observabilityRoutes,
  ...authRoutes,
  ...unitRoutes,
  ...planningRoutes,
  ...targetRoutes,
  ...openapiRoutes,
  ...importRoutes,
  ...workerRoutes,
]
