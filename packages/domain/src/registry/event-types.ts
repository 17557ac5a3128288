import { eventTypes as adminUnitEventTypes } from "../admin-unit/events.ts"
import { eventTypes as enterpriseEventTypes } from "../enterprise/events.ts"
import { eventTypes as planTaskEventTypes } from "../plan-task/events.ts"
import { eventTypes as quotaPlanEventTypes } from "../quota-plan/events.ts"
import { eventTypes as issuedReportEventTypes } from "../report/events.ts"
import { eventTypes as reportingObligationEventTypes } from "../reporting-obligation/events.ts"
import type { EventType } from "../shared/event-type.ts"
import { eventTypes as workerEventTypes } from "../worker/events.ts"

/**
 * What is wrong with a list of registry entries, in English (for developers), empty when it is sound:
 * type names must be unique, versions whole numbers from 1, and a type at version n needs an upcaster
 * for every older version 1…n-1 (`upcasters[v]` reads version v as version v+1).
 */
export const registryProblems = (entries: ReadonlyArray<EventType>): ReadonlyArray<string> => {
  const problems: Array<string> = []
  const seen = new Set<string>()
  for (const entry of entries) {
    if (seen.has(entry.type)) problems.push(`Event type "${entry.type}" is registered more than once`)
    seen.add(entry.type)
    if (!Number.isInteger(entry.version) || entry.version < 1) {
      problems.push(`Event type "${entry.type}" has version ${entry.version}; versions are whole numbers from 1`)
      continue
    }
    for (let from = 1; from < entry.version; from++) {
      if (typeof entry.upcasters?.[from] !== "function") {
        problems.push(`Event type "${entry.type}" (version ${entry.version}) has no upcaster from version ${from}`)
      }
    }
  }
  return problems
}

/** Throws when the entries break a rule of `registryProblems`: a broken registry is a bug, found at start-up. */
export const assertSoundRegistry = (entries: ReadonlyArray<EventType>): ReadonlyArray<EventType> => {
  const problems = registryProblems(entries)
  if (problems.length > 0) throw new Error(`Invalid event registry:\n- ${problems.join("\n- ")}`)
  return entries
}

/** Every event type of every concept, exactly once (checked when this module loads). */
export const allEventTypes: ReadonlyArray<EventType> = assertSoundRegistry([
  ...adminUnitEventTypes,
  ...enterpriseEventTypes,
  ...planTaskEventTypes,
  ...quotaPlanEventTypes,
  ...issuedReportEventTypes,
  ...reportingObligationEventTypes,
  ...workerEventTypes,
])

const byType: ReadonlyMap<string, EventType> = new Map(allEventTypes.map((entry) => [entry.type, entry]))

/** The registry entry of an event type name, or undefined when no concept declares it. */
export const eventTypeOf = (type: string): EventType | undefined => byType.get(type)

/** The stream types (one per concept stream), sorted. */
export const allStreamTypes: ReadonlyArray<string> = [
  ...new Set(allEventTypes.map((entry) => entry.streamType)),
].toSorted()
