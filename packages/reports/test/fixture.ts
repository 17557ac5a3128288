import { Generator, demoSeedRecordedAt, recordHistory, recordSeedDocuments } from "@xkld/demo"
import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { createReadModels, toStoreRecords, type ReadModels } from "@xkld/projections"

export interface Fixture {
  readonly log: EventLog
  readonly models: ReadModels
  readonly close: () => Promise<void>
}

/** A log holding the seed documents (Sơn La's 2026 plan, tasks, obligations) and a generated history, caught up. */
export async function reportFixture(targetEvents = 8_000, seed = 7): Promise<Fixture> {
  const log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
  await recordSeedDocuments(log, toStoreRecords, demoSeedRecordedAt)
  await recordHistory(log, Generator.generateHistory({ seed, targetEvents, provinces: ["14"] }))
  const models = createReadModels(log, { batchSize: 1000 })
  await models.runner.start()
  await models.runner.caughtUp()
  return {
    log,
    models,
    close: async () => {
      await models.runner.stop()
      await log.close()
    },
  }
}

/** Where the tests keep what they rendered (a PNG of a PDF page, the files), for a person to look at. */
export const ARTIFACTS = new URL("../test-artifacts/", import.meta.url).pathname
