import { type SeedEvent, seedStream } from "../../quota-plan/data/seed-event.ts"
import { reportingObligationDecider } from "../decider.ts"
import { reportingObligationStreamType, type ReportingObligationEvent } from "../events.ts"
import { asNeededObligations } from "./as-needed.ts"
import { laoCai2025Obligations } from "./lao-cai-2025.ts"
import { sonLa2023Obligations } from "./son-la-2023.ts"
import { sonLa2026Obligations } from "./son-la-2026.ts"

/** All seed obligations as events to record, one stream per obligation, deterministic ids. */
export const reportingObligationSeedEvents = (): ReadonlyArray<SeedEvent<ReportingObligationEvent>> =>
  [...sonLa2023Obligations, ...laoCai2025Obligations, ...sonLa2026Obligations, ...asNeededObligations].flatMap(
    (command) => seedStream(reportingObligationDecider, reportingObligationStreamType, command.obligationId, [command]),
  )
