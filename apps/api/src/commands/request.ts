import { randomUUID } from "node:crypto"
import { Result } from "effect"
import type { Context } from "hono"
import type { Actor } from "../access/actor.ts"
import { fail, type ProblemError } from "../http/problem.ts"
import { eventIdFrom } from "./idempotency.ts"

/**
 * What a command needs to know about the request that carries it, read once at the edge (`http/route.ts`): who
 * asks, the ids the command's records carry, the idempotency key and the version the client saw. Nothing below
 * the route reads Hono's context for these.
 */
export interface RequestContext {
  readonly actor: Actor
  readonly commandId: string
  /** `X-Correlation-Id`, else the command id. */
  readonly correlationId: string
  /** `X-Correlation-Id` as sent (imports derive a correlation id of their own when there is none). */
  readonly correlationHeader: string | undefined
  readonly requestId: string | undefined
  readonly idempotencyKey: string | undefined
  /** `If-Match` as a version; a malformed header is a 400 when a command reads it (and only then). */
  readonly expectedVersion: Result.Result<number | undefined, ProblemError>
  readonly method: string
  readonly path: string
}

/** `If-Match: 7` (or a quoted ETag "7") → 7. */
const parseIfMatch = (header: string | undefined): Result.Result<number | undefined, ProblemError> => {
  if (header === undefined) return Result.succeed(undefined)
  const n = Number(header.replaceAll('"', "").replace(/^W\//, ""))
  if (!Number.isInteger(n) || n < 0)
    return Result.fail(
      fail("validation", "If-Match phải là số phiên bản (số nguyên ≥ 0).", "If-Match must be a version number.", {
        fields: [{ path: "headers.if-match", message: "Phải là số nguyên ≥ 0" }],
      }),
    )
  return Result.succeed(n)
}

export const requestContextOf = (c: Context, actor: Actor): RequestContext => {
  const commandId = randomUUID()
  const correlationHeader = c.req.header("x-correlation-id")
  return {
    actor,
    commandId,
    correlationId: correlationHeader ?? commandId,
    correlationHeader,
    requestId: c.req.header("x-request-id"),
    idempotencyKey: c.req.header("idempotency-key"),
    expectedVersion: parseIfMatch(c.req.header("if-match")),
    method: c.req.method,
    path: c.req.path,
  }
}

/**
 * Event ids the app gives a request's events: derived from the Idempotency-Key when there is one (a retry racing
 * the first attempt writes nothing new), random otherwise. `slot` tells apart the ids one request needs.
 */
export const newEventId = (request: RequestContext, slot: number): string =>
  request.idempotencyKey ? eventIdFrom(request.actor.userId, request.idempotencyKey, slot) : randomUUID()
