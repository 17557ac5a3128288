import { Result, Schema } from "effect"
import type { EventType } from "../shared/event-type.ts"
import type { DomainEvent } from "./domain-event.ts"
import {
  type DecodeEventError,
  futureEventVersion,
  type InvalidEventData,
  invalidEventData,
  type UnknownEventType,
  unknownEventType,
} from "./errors.ts"
import { allEventTypes, assertSoundRegistry } from "./event-types.ts"

/** An event as the log stores it: the type name, the schema version it was written with, and JSON-safe data. */
export interface EncodedEvent {
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
}

export interface EventCodec {
  readonly eventTypeOf: (type: string) => EventType | undefined
  /**
   * Encodes an event with its type's current schema (data carries `_tag` too). Throws `UnknownEventType` or
   * `InvalidEventData` only on a programming error: the event's class is not registered or it was not built by it.
   */
  readonly encodeEvent: (event: DomainEvent) => EncodedEvent
  /** Reads stored data: upcasts it from `schemaVersion` to the current version, then decodes it. */
  readonly decodeEvent: (
    type: string,
    schemaVersion: number,
    data: unknown,
  ) => Result.Result<DomainEvent, DecodeEventError>
}

// Registry schemas are plain data schemas (no services), so the general codec type is safe here.
const codecOf = (entry: EventType) => entry.schema as unknown as Schema.Codec<unknown, unknown>

const issueText = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\s+/g, " ").trim()
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** The stored type names the schema: a `_tag` missing from the data is taken from it (a different one is rejected). */
const withTag = (type: string, data: unknown): unknown =>
  isRecord(data) && !("_tag" in data) ? { _tag: type, ...data } : data

/** Applies `upcasters[v]` for v = stored version … current - 1 (all present: checked when the codec is built). */
const upcast = (entry: EventType, schemaVersion: number, data: unknown): Result.Result<unknown, InvalidEventData> => {
  let current = data
  for (let version = schemaVersion; version < entry.version; version++) {
    try {
      current = entry.upcasters![version]!(current)
    } catch (error) {
      return Result.fail(
        invalidEventData(entry.type, schemaVersion, `upcaster from version ${version} failed: ${issueText(error)}`),
      )
    }
  }
  return Result.succeed(current)
}

/** Builds a codec over registry entries (checked: unique names, an upcaster for every older version). */
export const makeEventCodec = (entries: ReadonlyArray<EventType>): EventCodec => {
  const byType: ReadonlyMap<string, EventType> = new Map(assertSoundRegistry(entries).map((e) => [e.type, e]))
  const eventTypeOf = (type: string) => byType.get(type)

  const encodeEvent = (event: DomainEvent): EncodedEvent => {
    const entry = byType.get(event._tag)
    if (entry === undefined) throw unknownEventType(event._tag)
    let data: unknown
    try {
      data = Schema.encodeSync(codecOf(entry))(event)
    } catch (error) {
      throw invalidEventData(entry.type, entry.version, issueText(error))
    }
    return { type: entry.type, schemaVersion: entry.version, data }
  }

  const decodeEvent = (
    type: string,
    schemaVersion: number,
    data: unknown,
  ): Result.Result<DomainEvent, DecodeEventError> => {
    const entry = byType.get(type)
    if (entry === undefined) return Result.fail<UnknownEventType>(unknownEventType(type))
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      return Result.fail(
        invalidEventData(type, schemaVersion, `schema version must be a whole number from 1, got ${schemaVersion}`),
      )
    }
    if (schemaVersion > entry.version) return Result.fail(futureEventVersion(type, schemaVersion, entry.version))
    const upcasted = upcast(entry, schemaVersion, data)
    if (Result.isFailure(upcasted)) return Result.fail(upcasted.failure)
    const decoded = Schema.decodeUnknownResult(codecOf(entry))(withTag(type, upcasted.success))
    return Result.isSuccess(decoded)
      ? Result.succeed(decoded.success as DomainEvent)
      : Result.fail(invalidEventData(type, schemaVersion, issueText(decoded.failure)))
  }

  return { eventTypeOf, encodeEvent, decodeEvent }
}

const codec = makeEventCodec(allEventTypes)

/** Encodes a domain event for the log with its type's current schema version. See `EventCodec.encodeEvent`. */
export const encodeEvent: EventCodec["encodeEvent"] = codec.encodeEvent

/** Decodes an event read from the log, upcasting older versions. See `EventCodec.decodeEvent`. */
export const decodeEvent: EventCodec["decodeEvent"] = codec.decodeEvent
