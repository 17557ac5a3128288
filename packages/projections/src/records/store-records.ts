import { encodeEvent, type DomainEvent } from "@xkld/domain"
import type { EventMetadata, NewEvent } from "@xkld/event-store"

/**
 * What every record of one command carries besides its event: who, which command (and correlation/causation),
 * under which legal basis, from which source. The one shape every writer fills — API routes, imports, the demo
 * loader, the CLI to come.
 */
export type RecordContext = EventMetadata

export interface RecordOptions {
  /** The log's id of each event (worker events carry their own; imports and retries derive theirs). */
  readonly eventIdOf: (event: DomainEvent, index: number) => string
  /** Business time; default: the event's `occurredOn` at midnight UTC, else now. */
  readonly occurredAtOf?: ((event: DomainEvent) => Date) | undefined
}

/** Business time of a domain event: its `occurredOn` (a date) at midnight UTC, else now. */
export const occurredAtOf = (event: DomainEvent): Date => {
  const on = (event as { occurredOn?: string }).occurredOn
  return on ? new Date(`${on}T00:00:00Z`) : new Date()
}

/**
 * Domain events as store records: encoded (type, schema version, data), with their id, business time and the
 * command's metadata. The only place a domain event becomes a record of the log.
 */
export const toStoreRecords = (
  events: ReadonlyArray<DomainEvent>,
  context: RecordContext,
  options: RecordOptions,
): NewEvent[] =>
  events.map((event, index) => {
    const encoded = encodeEvent(event)
    return {
      eventId: options.eventIdOf(event, index),
      type: encoded.type,
      schemaVersion: encoded.schemaVersion,
      data: encoded.data,
      occurredAt: (options.occurredAtOf ?? occurredAtOf)(event),
      metadata: context,
    }
  })
