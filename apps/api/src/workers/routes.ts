import type { RouteSpec } from "../http/route.ts"
import { workerReadRoutes } from "./read-routes.ts"
import { moveInRoute } from "./move-in.ts"
import { splitResidentsRoute } from "./split-residents.ts"
import { workerWriteRoutes } from "./write-routes.ts"

/** Worker commands (one route per domain command), queries, and erasure of personal data. */
export const workerRoutes: ReadonlyArray<RouteSpec> = [
  ...workerReadRoutes,
  ...workerWriteRoutes,
  moveInRoute,
  splitResidentsRoute,
]
