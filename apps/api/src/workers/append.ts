import type { AppendRequest, AppendResult } from "@xkld/event-store"
import type { Kysely } from "kysely"
import type { AppServices } from "../services.ts"

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
