import type { Context } from "hono"
import type { Actor } from "../access/actor.ts"
import { idempotent } from "../commands/execute.ts"
import type { AppServices } from "../services.ts"

/** A write, run once per Idempotency-Key (text the database cannot store is refused for every route in http/route.ts). */
export const guardedWrite = <A>(
  services: AppServices,
  actor: Actor,
  c: Context,
  body: unknown,
  run: () => Promise<A>,
): Promise<A> => idempotent(services, actor, c, body, run)
