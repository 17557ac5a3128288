import type { RouteSpec } from "../http/route.ts"
import { workerReadRoutes } from "./read-routes.ts"
import { workerWriteRoutes } from "./write-routes.ts"

/** Worker commands (one route per domain command), queries, and erasure of personal data. */
export const workerRoutes: ReadonlyArray<RouteSpec> = [...workerReadRoutes, ...workerWriteRoutes]
