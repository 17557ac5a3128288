import type { AdminUnitEvent } from "../admin-unit/events.ts"
import type { EnterpriseEvent } from "../enterprise/events.ts"
import type { PlanTaskEvent } from "../plan-task/events.ts"
import type { QuotaPlanEvent } from "../quota-plan/events.ts"
import type { IssuedReportEvent } from "../report/events.ts"
import type { ReportingObligationEvent } from "../reporting-obligation/events.ts"
import type { WorkerEvent } from "../worker/events.ts"
import type { PersonRegistrationEvent } from "../worker/person-registration.ts"

/** Any event of any concept: what the registry encodes for the log and decodes from it. */
export type DomainEvent =
  | AdminUnitEvent
  | EnterpriseEvent
  | PersonRegistrationEvent
  | PlanTaskEvent
  | QuotaPlanEvent
  | IssuedReportEvent
  | ReportingObligationEvent
  | WorkerEvent

/** The name of an event type (its `_tag`). */
export type DomainEventType = DomainEvent["_tag"]
