import { randomUUID } from "node:crypto"
import {
  decodeEvent,
  encodeEvent,
  UnknownStreamEvent,
  type Decider,
  type DomainEvent,
  type LegalBasis,
} from "@xkld/domain"
import type { EventMetadata, NewEvent } from "@xkld/event-store"
import { Result } from "effect"
import type { Context } from "hono"
import { actorMetadata, type Actor } from "../access/actor.ts"
import { fail } from "../http/problem.ts"
import type { AppServices } from "../services.ts"
import { eventIdFrom, previousAnswer, rememberAnswer, requestHash } from "./idempotency.ts"

export interface CommandOptions<C, S, E, R> {
  readonly streamId: string
  readonly streamType: string
  readonly decider: Decider<C, S, E, R>
  /** The command, possibly built from the current state (e.g. to check a jurisdiction first). */
  readonly command: C | ((state: S, version: number) => C)
  /** Checked against the state before deciding (e.g. a commune officer's jurisdiction); throw a problem. */
  readonly authorise?: (state: S, version: number) => void
  /** The version the client saw (`If-Match` header or body); a mismatch is a 409 with the current version. */
  readonly expectedVersion?: number | undefined
  readonly legalBasis?: LegalBasis | undefined
  readonly source?: EventMetadata["source"]
  /** Worker events carry their own event id (so corrections can name them): use it as the log's. */
  readonly eventIdOf?: (event: E, index: number) => string | undefined
}

export interface CommandResult<S> {
  readonly streamId: string
  /** The stream's version after the command: send it back as `If-Match` next time. */
  readonly version: number
  readonly events: ReadonlyArray<{ readonly eventId: string; readonly type: string }>
  readonly state: S
}

/**
 * Reads a stream and folds it with a decider's `evolve` (events decoded and upcast by the registry). An event
 * of another kind in the stream is thrown as `UnknownStreamEvent` naming the stream (a 409 problem).
 */
export async function loadAggregate<S, E>(
  services: AppServices,
  streamId: string,
  decider: { initialState: S; evolve: (s: S, e: E) => S },
): Promise<{ state: S; version: number }> {
  let state = decider.initialState
  let version = 0
  for (const recorded of await services.log.readStream(streamId)) {
    const decoded = decodeEvent(recorded.type, recorded.schemaVersion, recorded.data)
    if (Result.isFailure(decoded)) throw decoded.failure
    try {
      state = decider.evolve(state, decoded.success as E)
    } catch (error) {
      throw error instanceof UnknownStreamEvent ? error.inStream(streamId) : error
    }
    version = recorded.streamPosition
  }
  return { state, version }
}

/**
 * Runs one command against one aggregate: load, authorise, decide, append with the expected version
 * (the one read, or the client's), apply inline read models (read-your-writes). A rejection is thrown
 * as the domain's tagged error; `toProblem` turns it into a 422 with its Vietnamese message.
 */
export async function executeCommand<C, S, E extends DomainEvent, R>(
  services: AppServices,
  actor: Actor,
  c: Context,
  options: CommandOptions<C, S, E, R>,
): Promise<CommandResult<S>> {
  const { state, version } = await loadAggregate(services, options.streamId, options.decider)
  if (options.expectedVersion !== undefined && options.expectedVersion !== version)
    throw Object.assign(new Error("wrong expected version"), {
      _tag: "WrongExpectedVersion",
      actualVersion: version,
      streamId: options.streamId,
    })
  options.authorise?.(state, version)
  const command =
    typeof options.command === "function"
      ? (options.command as (s: S, v: number) => C)(state, version)
      : options.command
  const decided = options.decider.decide(command, state)
  if (Result.isFailure(decided)) throw decided.failure
  const key = c.req.header("idempotency-key")
  const commandId = randomUUID()
  const events: NewEvent[] = decided.success.map((event, index) => {
    const encoded = encodeEvent(event)
    return {
      eventId: options.eventIdOf?.(event, index) ?? (key ? eventIdFrom(actor.userId, key, index) : randomUUID()),
      type: encoded.type,
      schemaVersion: encoded.schemaVersion,
      data: encoded.data,
      occurredAt: occurredAtOf(event),
      metadata: {
        actor: actorMetadata(actor),
        commandId,
        correlationId: c.req.header("x-correlation-id") ?? commandId,
        ...(options.legalBasis ? { legalBasis: options.legalBasis } : {}),
        source: options.source ?? { kind: "api", requestId: c.req.header("x-request-id") },
      },
    }
  })
  let newState = state
  for (const event of decided.success) newState = options.decider.evolve(newState, event)
  if (events.length === 0) return { streamId: options.streamId, version, events: [], state }
  const outcome = await services.models.runner.appendInline({
    streamId: options.streamId,
    streamType: options.streamType,
    expectedVersion: version === 0 ? "no_stream" : version,
    events,
  })
  if (!outcome.ok) throw outcome.error
  return {
    streamId: options.streamId,
    version: outcome.result.nextExpectedVersion,
    events: events.map((e) => ({ eventId: e.eventId, type: e.type })),
    state: newState,
  }
}

const occurredAtOf = (event: DomainEvent): Date => {
  const on = (event as { occurredOn?: string }).occurredOn
  return on ? new Date(`${on}T00:00:00Z`) : new Date()
}

/** Wraps a write handler with `Idempotency-Key`: a retry returns the first answer and writes nothing. */
export async function idempotent<A>(
  services: AppServices,
  actor: Actor,
  c: Context,
  body: unknown,
  run: () => Promise<A>,
): Promise<A> {
  const key = c.req.header("idempotency-key")
  if (!key) return run()
  if (key.length > 200)
    throw fail("validation", "Idempotency-Key quá dài (tối đa 200 ký tự).", "Idempotency-Key too long (max 200).")
  const hash = requestHash(c.req.method, c.req.path, body)
  const db = services.log.database.db
  const previous = await previousAnswer(db, actor.userId, key, hash)
  if (previous) return previous.body as A
  const answer = await run()
  await rememberAnswer(db, actor.userId, key, hash, { status: 200, body: answer })
  return answer
}

/** `If-Match: 7` (or a quoted ETag "7") → 7. */
export const expectedVersionFrom = (c: Context): number | undefined => {
  const header = c.req.header("if-match")
  if (header === undefined) return undefined
  const n = Number(header.replaceAll('"', "").replace(/^W\//, ""))
  if (!Number.isInteger(n) || n < 0)
    throw fail("validation", "If-Match phải là số phiên bản (số nguyên ≥ 0).", "If-Match must be a version number.", {
      fields: [{ path: "headers.if-match", message: "Phải là số nguyên ≥ 0" }],
    })
  return n
}
