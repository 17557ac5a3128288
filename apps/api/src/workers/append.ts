import { randomUUID } from "node:crypto"
import { encodeEvent, type DomainEvent } from "@xkld/domain"
import type { AppendRequest, AppendResult, NewEvent } from "@xkld/event-store"
import type { Context } from "hono"
import type { Kysely } from "kysely"
import { actorMetadata, type Actor } from "../access/actor.ts"
import { eventIdFrom } from "../commands/idempotency.ts"
import type { AppServices } from "../services.ts"

/**
 * Event ids the app gives worker events: derived from the Idempotency-Key when there is one (a retry racing the
 * first attempt writes nothing new), random otherwise. `slot` tells apart the ids one request needs.
 */
export const newEventId = (actor: Actor, c: Context, slot: number): string => {
  const key = c.req.header("idempotency-key")
  return key ? eventIdFrom(actor.userId, key, slot) : randomUUID()
}

/** Domain events as log entries, with the actor, command and source in their metadata (as `executeCommand`). */
export function toNewEvents(
  actor: Actor,
  c: Context,
  events: ReadonlyArray<DomainEvent>,
  eventIdOf: (event: DomainEvent, index: number) => string,
  commandId: string = randomUUID(),
): NewEvent[] {
  return events.map((event, index) => {
    const encoded = encodeEvent(event)
    const on = (event as { occurredOn?: string }).occurredOn
    return {
      eventId: eventIdOf(event, index),
      type: encoded.type,
      schemaVersion: encoded.schemaVersion,
      data: encoded.data,
      occurredAt: on ? new Date(`${on}T00:00:00Z`) : new Date(),
      metadata: {
        actor: actorMetadata(actor),
        commandId,
        correlationId: c.req.header("x-correlation-id") ?? commandId,
        source: { kind: "api", requestId: c.req.header("x-request-id") },
      },
    }
  })
}

/**
 * Appends to several streams in ONE transaction, read models applied inline (read-your-writes): all or nothing.
 * `before` runs first in the same transaction (e.g. storing the person key). A store error is thrown.
 */
export async function appendTogether(
  services: AppServices,
  requests: ReadonlyArray<AppendRequest>,
  before?: (trx: Kysely<any>) => Promise<void>,
): Promise<ReadonlyArray<AppendResult>> {
  const results = await services.log.database.db.transaction().execute(async (trx) => {
    await before?.(trx)
    const done: AppendResult[] = []
    for (const request of requests) {
      if (request.events.length === 0) continue
      const outcome = await services.models.runner.appendInline(request, trx)
      if (!outcome.ok) throw outcome.error
      done.push(outcome.result)
    }
    return done
  })
  services.models.runner.wake()
  return results
}
