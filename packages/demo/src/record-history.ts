import type { AppendRequest, EventLog, NewEvent } from "@xkld/event-store"
import type { GeneratedAppend } from "./generator/index.ts"

/** At most about this many events per transaction and round trip (`log.appendBatch`); a command is never split. */
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
  options: { readonly commandsPerTransaction?: number } = {},
): Promise<number> {
  const maxCommands = options.commandsPerTransaction ?? Number.POSITIVE_INFINITY
  let written = 0
  let batch: GeneratedAppend[] = []
  let events = 0
  let commands = 0
  const flush = async () => {
    if (batch.length === 0) return
    const requests = batch.map(appendRequestOf)
    batch = []
    events = 0
    commands = 0
    const outcome = await log.appendBatch(requests)
    if (!outcome.ok) throw outcome.error
    written += requests.reduce((n, r) => n + r.events.length, 0)
    onProgress?.(written)
  }
  for (const append of appends) {
    const last = batch[batch.length - 1]
    const newCommand = last === undefined || last.commandId !== append.commandId
    if (last && newCommand && (events >= BATCH_EVENTS || commands >= maxCommands)) await flush()
    batch.push(append)
    events += append.events.length
    if (newCommand) commands++
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

/**
 * Two generated histories as one, in recorded-time order: whole commands (consecutive appends sharing a
 * command id) are taken from whichever history records its next one first, `first` on a tie, so a command's
 * appends stay together and each history keeps its own order.
 */
export function* mergeByRecordedAt(
  first: Iterable<GeneratedAppend>,
  second: Iterable<GeneratedAppend>,
): Generator<GeneratedAppend> {
  const sources = [first[Symbol.iterator](), second[Symbol.iterator]()]
  const heads = sources.map((source) => source.next())
  const takeCommand = function* (i: number) {
    const { commandId } = heads[i]!.value as GeneratedAppend
    while (!heads[i]!.done && heads[i]!.value.commandId === commandId) {
      yield heads[i]!.value as GeneratedAppend
      heads[i] = sources[i]!.next()
    }
  }
  for (;;) {
    const [a, b] = heads as [IteratorResult<GeneratedAppend>, IteratorResult<GeneratedAppend>]
    if (a.done && b.done) return
    yield* takeCommand(b.done || (!a.done && a.value.recordedAt <= b.value.recordedAt) ? 0 : 1)
  }
}
