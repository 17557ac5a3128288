import { nameOrderOf } from "../../src/personal-data/name-order/indexer.ts"
import type { AppServices } from "../../src/services.ts"

/**
 * Waits for the app's background work on what is already in the log: the read models' runner and the name-order
 * follower (ADR 0024), which writes `pd_name_order` after the request that registered a worker has answered.
 * Taken before counting tables, so that their work (not the request's) is never counted as the request's.
 */
export async function settled(services: AppServices): Promise<void> {
  await services.models.runner.caughtUp()
  await nameOrderOf(services.log)?.caughtUp()
}
