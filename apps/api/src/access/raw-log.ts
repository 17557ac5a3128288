import { Worker } from "@xkld/domain"
import type { Actor } from "./actor.ts"

/**
 * What a national officer (Bộ Nội vụ) sees of the raw log: every event, with no personal data. The sealed fields
 * (`identity`, `sensitive`: ciphertext of a person's data, ADR 0007) and the blind index of the citizen ID (a keyed
 * hash that singles a person out) are replaced by a marker, wherever they sit (a correction's replacement too), and
 * so is the blind index in a person-registration stream's id. The auditor sees the log as stored.
 */
export const REDACTED = "[đã ẩn dữ liệu cá nhân / personal data removed]"
/** The fields removed: the sealed envelopes of ADR 0007 and the citizen ID's blind index. */
export const RAW_LOG_REDACTED_KEYS: ReadonlySet<string> = new Set(["identity", "sensitive", "blindIndex"])

export const seesPersonalLog = (actor: Actor): boolean => actor.role !== "national-officer"

const redact = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redact)
  if (value === null || typeof value !== "object") return value
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, RAW_LOG_REDACTED_KEYS.has(key) ? REDACTED : redact(v)]),
  )
}

/** An event of the raw log as the actor may see it. */
export const rawEventFor = <
  E extends { readonly streamId: string; readonly streamType: string; readonly data: unknown },
>(
  actor: Actor,
  event: E,
): E => {
  if (seesPersonalLog(actor)) return event
  const streamId =
    event.streamType === Worker.PERSON_REGISTRATION_STREAM_TYPE
      ? event.streamId.replace(/^(person-[^-]+-).*$/, `$1${REDACTED}`)
      : event.streamId
  return { ...event, streamId, data: redact(event.data) }
}
