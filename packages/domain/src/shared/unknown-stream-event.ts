import { Schema } from "effect"
import type { EventType } from "./event-type.ts"

/**
 * An event of a type the aggregate does not know met its `evolve`: a stream that mixes kinds, or an event
 * type removed from the code. A data fault, never a rejection: the fold stops here instead of returning a
 * state that is not one (callers add the stream id they were reading).
 */
export class UnknownStreamEvent extends Schema.TaggedError<UnknownStreamEvent>()("UnknownStreamEvent", {
  streamType: Schema.String,
  eventType: Schema.String,
  streamId: Schema.optional(Schema.String),
}) {
  override get message() {
    const stream = this.streamId ?? `(${this.streamType})`
    return `Luồng ${stream} có sự kiện ${this.eventType} không thuộc loại ${this.streamType} / stream ${stream} holds an event ${this.eventType} that is not a ${this.streamType} event`
  }
  /** The same fault, naming the stream it was met in. */
  inStream(streamId: string): UnknownStreamEvent {
    return new UnknownStreamEvent({ streamType: this.streamType, eventType: this.eventType, streamId })
  }
}

/**
 * The guard every `evolve` starts with: an event whose type is not among `eventTypes` (the kind's own
 * registry entries of that stream type) throws `UnknownStreamEvent`. Returns the event narrowed, for a `default:` branch too.
 */
export const knownEventGuard = (streamType: string, eventTypes: ReadonlyArray<EventType>) => {
  const known = new Set(eventTypes.filter((entry) => entry.streamType === streamType).map((entry) => entry.type))
  return <E extends { readonly _tag: string }>(event: E): E => {
    if (!known.has(event._tag)) throw new UnknownStreamEvent({ streamType, eventType: event._tag })
    return event
  }
}

/** For the `default:` branch of an exhaustive switch: reaching it means an event of another kind. */
export const unknownEvent = (streamType: string, event: unknown): never => {
  throw new UnknownStreamEvent({ streamType, eventType: String((event as { _tag?: unknown })?._tag) })
}
