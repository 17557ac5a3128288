import type { Schema } from "effect"
import { SuccessorShare } from "../admin-unit/events.ts"
import { SealedPersonal } from "../personal-data/envelope.ts"
import { AgencyList } from "../plan-task/agency-list.ts"
import { TimeFrame } from "../plan-task/time-frame.ts"
import { Allocation } from "../quota-plan/allocation.ts"
import { PrintedLegalBasis } from "../quota-plan/printed-legal-basis.ts"
import { Target } from "../quota-plan/target.ts"
import { DocumentRef, ReportingPeriod } from "../reporting-obligation/events.ts"
import { Party } from "../reporting-obligation/party.ts"
import { IsoDate, LegalBasis } from "../shared/values.ts"
import { WorkerFact } from "../worker/events.ts"
import { Money } from "../worker/values.ts"

/**
 * Value types the event catalogue prints by name and describes once (structs and unions shared by several
 * fields). Schemas are matched by identity; anything not listed prints in short form where it is used.
 */
export const namedTypes: ReadonlyArray<readonly [name: string, schema: Schema.Top]> = [
  ["AgencyList", AgencyList],
  ["Allocation", Allocation],
  ["DocumentRef", DocumentRef],
  ["IsoDate", IsoDate],
  ["LegalBasis", LegalBasis],
  ["Money", Money],
  ["Party", Party],
  ["PrintedLegalBasis", PrintedLegalBasis],
  ["ReportingPeriod", ReportingPeriod],
  ["SealedPersonal", SealedPersonal],
  ["SuccessorShare", SuccessorShare],
  ["Target", Target],
  ["TimeFrame", TimeFrame],
  ["WorkerFact", WorkerFact],
]
