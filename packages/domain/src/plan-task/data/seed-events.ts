import { type SeedEvent, seedStream } from "../../quota-plan/data/seed-event.ts"
import { planTaskDecider } from "../decider.ts"
import { planTaskStreamType, type PlanTaskEvent } from "../events.ts"
import { sonLa2026TaskCommands } from "./son-la-2026-tasks.ts"

/** The Sơn La 2026 tasks of Phụ lục 02 as events to record, one stream per task, deterministic ids. */
export const planTaskSeedEvents = (): ReadonlyArray<SeedEvent<PlanTaskEvent>> =>
  sonLa2026TaskCommands.flatMap((command) => seedStream(planTaskDecider, planTaskStreamType, command.taskId, [command]))
