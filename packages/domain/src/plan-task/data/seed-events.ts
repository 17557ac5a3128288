import { type SeedEvent, seedStream } from "../../quota-plan/data/seed-event.ts"
import { planTaskDecider } from "../decider.ts"
import { planTaskStreamType, type PlanTaskEvent } from "../events.ts"
import { laiChauCt20TaskCommands } from "./lai-chau-ct20-tasks.ts"
import { laoCai2025TaskCommands } from "./lao-cai-2025-tasks.ts"
import { sonLa2023TaskCommands } from "./son-la-2023-tasks.ts"
import { sonLa2026TaskCommands } from "./son-la-2026-tasks.ts"
import { sonLaNotice2025TaskCommands } from "./son-la-notice-2025-tasks.ts"

/**
 * The tasks of all five seed documents as events to record, one stream per task, deterministic ids: Sơn La 2026's
 * Phụ lục 02 (001), the Sơn La notice (000), Lào Cai 2025 (002), Lai Châu's programme (004) and Sơn La 2023's
 * Kế hoạch 113/KH-UBND part III (003), under the plan stream recorded for it (`sonLa2023Plan`: no target, no quota).
 */
export const planTaskSeedEvents = (): ReadonlyArray<SeedEvent<PlanTaskEvent>> =>
  [
    ...sonLa2026TaskCommands,
    ...sonLaNotice2025TaskCommands,
    ...laoCai2025TaskCommands,
    ...laiChauCt20TaskCommands,
    ...sonLa2023TaskCommands,
  ].flatMap((command) => seedStream(planTaskDecider, planTaskStreamType, command.taskId, [command]))
