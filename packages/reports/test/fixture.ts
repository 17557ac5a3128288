import { Generator, demoSeedRecordedAt, recordHistory, recordSeedDocuments } from "@xkld/demo"
import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { createReadModels, toStoreRecords, type ReadModels } from "@xkld/projections"

export interface Fixture {
  readonly log: EventLog
  readonly models: ReadModels
  /** Records the rest of the generated history (what was recorded after the cut) and catches the read models up. */
  readonly recordLater: () => Promise<number>
  readonly close: () => Promise<void>
}

/**
 * A log holding the seed documents (Sơn La's 2026 plan, tasks, obligations) and a generated history, the read
 * models caught up. With `cut`, only what the generator recorded up to that instant is loaded at first; the rest
 * (late records, corrections of earlier facts) waits for `recordLater`.
 */
export async function reportFixture(options: { targetEvents?: number; cut?: string } = {}): Promise<Fixture> {
  const log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
  await recordSeedDocuments(log, toStoreRecords, demoSeedRecordedAt)
  const history = [
    ...Generator.generateHistory({ seed: 7, targetEvents: options.targetEvents ?? 8_000, provinces: ["14"] }),
  ]
  // compared as instants, not as text: an ISO string with other digits of the same instant must fall on one side
  const cut = options.cut === undefined ? undefined : Date.parse(options.cut)
  const first: Generator.GeneratedAppend[] =
    cut !== undefined ? history.filter((a) => Date.parse(a.recordedAt) <= cut) : history
  let later: Generator.GeneratedAppend[] =
    cut !== undefined ? history.filter((a) => Date.parse(a.recordedAt) > cut) : []
  await recordHistory(log, first)
  const models = createReadModels(log, { batchSize: 1000 })
  await models.runner.start()
  await models.runner.caughtUp()
  return {
    log,
    models,
    recordLater: async () => {
      const n = await recordHistory(log, later)
      later = []
      await models.runner.caughtUp()
      return n
    },
    close: async () => {
      await models.runner.stop()
      await log.close()
    },
  }
}

/** Where the tests keep what they rendered (a PNG of a PDF page, the files), for a person to look at. */
export const ARTIFACTS = new URL("../test-artifacts/", import.meta.url).pathname
