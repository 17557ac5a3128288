import { createHash } from "node:crypto"
import { Result } from "effect"
import type { Decider } from "../../shared/decider.ts"

/** An event ready to append, with an id that is the same on every run (so loading seeds is idempotent). */
export interface SeedEvent<E> {
  readonly eventId: string
  readonly streamType: string
  readonly streamId: string
  /** 1-based position of the event in its stream. */
  readonly streamPosition: number
  readonly event: E
}

/** A UUID-shaped id derived from stream type, stream id and position (SHA-256; version nibble 8 = custom). */
export const seedEventId = (streamType: string, streamId: string, position: number): string => {
  const hex = createHash("sha256").update(`${streamType}\u0000${streamId}\u0000${position}`).digest("hex")
  const variant = "89ab"[Number.parseInt(hex[16] ?? "0", 16) & 3] ?? "8"
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * Runs seed commands through the decider (so seed data obeys the same rules as user input) and
 * returns the events with deterministic ids. A rejected seed command is a bug in the data: it throws.
 */
export const seedStream = <C, S, E, R extends { readonly _tag: string; readonly message: string }>(
  decider: Decider<C, S, E, R>,
  streamType: string,
  streamId: string,
  commands: ReadonlyArray<C>,
): ReadonlyArray<SeedEvent<E>> => {
  let state = decider.initialState
  const out: Array<SeedEvent<E>> = []
  for (const command of commands) {
    const result = decider.decide(command, state)
    if (Result.isFailure(result))
      throw new Error(
        `seed command rejected in ${streamType}/${streamId}: ${result.failure._tag} — ${result.failure.message}`,
      )
    for (const event of result.success) {
      state = decider.evolve(state, event)
      const streamPosition = out.length + 1
      out.push({
        eventId: seedEventId(streamType, streamId, streamPosition),
        streamType,
        streamId,
        streamPosition,
        event,
      })
    }
  }
  return out
}
