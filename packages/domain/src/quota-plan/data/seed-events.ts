import { quotaPlanDecider } from "../decider.ts"
import { quotaPlanStreamType, type QuotaPlanEvent } from "../events.ts"
import { laiChauProgramme } from "./lai-chau-directive-20.ts"
import { laoCai2025Plan } from "./lao-cai-2025.ts"
import { type SeedEvent, seedStream } from "./seed-event.ts"
import { sonLa2023Plan } from "./son-la-2023.ts"
import { sonLa2026Plan, sonLaScheme20252030 } from "./son-la-2026.ts"

/** The seed schemes and plans as events to record (deterministic ids, one stream per plan). */
export const quotaPlanSeedEvents = (): ReadonlyArray<SeedEvent<QuotaPlanEvent>> =>
  [sonLaScheme20252030, sonLa2026Plan, laoCai2025Plan, laiChauProgramme, sonLa2023Plan].flatMap((command) =>
    seedStream(quotaPlanDecider, quotaPlanStreamType, command.planId, [command]),
  )
