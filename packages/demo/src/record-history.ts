import type { AppendRequest, EventLog, NewEvent } from "@xkld/event-store"
import type { GeneratedAppend } from "./generator/index.ts"

/**
 * Records generated history as if officers had entered it over time: each append carries the recorded
 * time the generator chose (the log must be opened with `allowRecordedAt`, demo mode only), and appends
 * that share a command id commit in one transaction. Returns how many events were written.
 */
export async function recordHistory(
  log: EventLog,
  appends: Iterable<GeneratedAppend>,
  onProgress?: (events: number) => void,
): Promise<number> {
  let written = 0
  let group: GeneratedAppend[] = []
  const flush = async () => {
    if (group.length === 0) return
    const commands = group
    group = []
    await log.database.db.transaction().execute(async (trx) => {
      for (const append of commands) {
        const outcome = await log.append(appendRequestOf(append), trx)
        if (!outcome.ok) throw outcome.error
        written += append.events.length
      }
    })
    onProgress?.(written)
  }
  for (const append of appends) {
    if (group.length > 0 && group[0]!.commandId !== append.commandId) await flush()
    group.push(append)
  }
  await flush()
  return written
}

/** A generated append as the store's request: the generator's actor and command id, source "seed". */
export const appendRequestOf = (append: GeneratedAppend): AppendRequest => ({
  streamId: append.streamId,
  streamType: append.streamType,
  expectedVersion: append.expectedVersion,
  recordedAt: new Date(append.recordedAt),
  events: append.events.map((e): NewEvent => ({
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    occurredAt: new Date(e.occurredAt),
    metadata: {
      actor: append.actor,
      commandId: append.commandId,
      correlationId: append.commandId,
      source: { kind: "seed", dataset: "generator" },
    },
  })),
})
