import { fold } from "../shared/decider.ts"
import { workerDecider } from "./decider.ts"
import type { WorkerEvent } from "./events.ts"
import type { CountedDeparture } from "./state.ts"

/**
 * The departures of one worker that count against quotas: corrections applied, voided ones gone, and at most
 * one per calendar year, so a person who leaves, returns and leaves again in one year counts once.
 */
export const countedDepartures = (events: Iterable<WorkerEvent>): ReadonlyArray<CountedDeparture> =>
  fold(workerDecider, events).countedDepartures

/** How many times this worker counts against the quotas (of `year`, or of all years). */
export const departureCount = (events: Iterable<WorkerEvent>, year?: number): number =>
  countedDepartures(events).filter((d) => year === undefined || d.year === year).length
