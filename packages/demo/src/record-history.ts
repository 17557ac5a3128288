import type { AppendRequest, EventLog, NewEvent } from "@xkld/event-store"
import type { GeneratedAppend } from "./generator/index.ts"

/** About this many events per transaction and round trip (`log.appendBatch`); a command is never split. */
const BATCH_EVENTS = 2000

/**
 * Records generated history as if officers had entered it over time: each append carries the recorded
 * time the generator chose (the log must be opened with `allowRecordedAt`, demo mode only). Appends are
 * written in batches of whole commands (appends that share a command id commit together), each batch in
 * one transaction and one round trip, checked as single appends are. Returns how many events were written.
 */
export async function recordHistory(
  log: EventLog,
  appends: Iterable<GeneratedAppend>,
  onProgress?: (events: number) => void,
): Promise<number> {
  let written = 0
  let batch: GeneratedAppend[] = []
  let events = 0
  const flush = async () => {
    if (batch.length === 0) return
    const requests = batch.map(appendRequestOf)
    batch = []
    events = 0
    const outcome = await log.appendBatch(requests)
    if (!outcome.ok) throw outcome.error
    written += requests.reduce((n, r) => n + r.events.length, 0)
    onProgress?.(written)
  }
  for (const append of appends) {
    const last = batch[batch.length - 1]
    if (last && last.commandId !== append.commandId && events >= BATCH_EVENTS) await flush()
    batch.push(append)
    events += append.events.length
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
