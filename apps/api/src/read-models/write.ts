import type { Context } from "hono"
import type { Actor } from "../access/actor.ts"
import { idempotent } from "../commands/execute.ts"
import type { AppServices } from "../services.ts"
import { assertStorable } from "./query.ts"

/** A write: the body checked for text the database cannot store, then run once per Idempotency-Key. */
export const guardedWrite = <A>(services: AppServices, actor: Actor, c: Context, body: unknown, run: () => Promise<A>): Promise<A> => {
  assertStorable(body)
  return idempotent(services, actor, c, body, run)
}
