import { auditRoutes } from "../audit/routes.ts"
import { enterpriseRoutes } from "../enterprises/routes.ts"
import type { RouteSpec } from "../http/route.ts"
import { planRoutes } from "../plans/routes.ts"
import { obligationRoutes } from "../reporting-obligations/routes.ts"
import { taskRoutes } from "../tasks/routes.ts"
import { reportDocumentRoutes } from "../reports/documents.ts"
import { readModelRoutes } from "../reports/routes.ts"

/** Plans, figures and reports, enterprises, tasks and reporting obligations, and the auditor's routes. */
export const planningRoutes: ReadonlyArray<RouteSpec> = [
  ...planRoutes,
  ...readModelRoutes,
  ...reportDocumentRoutes,
  ...enterpriseRoutes,
  ...taskRoutes,
  ...obligationRoutes,
  ...auditRoutes,
]
