import { Generator, demoSeedRecordedAt, recordHistory, recordSeedDocuments } from "@xkld/demo"
import { decodeEvent, Worker } from "@xkld/domain"
import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { Result } from "effect"
import { createReadModels, toStoreRecords, type ReadModels } from "../src/index.ts"

export interface Fixture {
  readonly log: EventLog
  readonly models: ReadModels
  readonly close: () => Promise<void>
}

/** A log holding the seed documents and a generated history, with the read models caught up. */
export async function historyFixture(targetEvents: number, seed = 7): Promise<Fixture> {
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

/**
 * The reference answer: replay the log cut at `asOf` through the worker decider and count the departures
 * that count, per unit of record, for a year. No read model involved.
 */
export async function replayCountedDepartures(log: EventLog, year: number, asOf?: Date): Promise<Map<string, number>> {
  const states = new Map<string, Worker.WorkerState>()
  for await (const batch of log.readAll({
    streamTypes: [Worker.WORKER_STREAM_TYPE],
    batchSize: 5000,
    ...(asOf ? { recordedUpTo: asOf } : {}),
  })) {
    for (const e of batch) {
      const decoded = decodeEvent(e.type, e.schemaVersion, e.data)
      if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
      states.set(
        e.streamId,
        Worker.workerDecider.evolve(
          states.get(e.streamId) ?? Worker.workerDecider.initialState,
          decoded.success as Worker.WorkerEvent,
        ),
      )
    }
  }
  const counts = new Map<string, number>()
  for (const state of states.values())
    for (const d of state.countedDepartures)
      if (d.year === year) counts.set(d.residenceUnitId, (counts.get(d.residenceUnitId) ?? 0) + 1)
  return counts
}

/**
 * The same reference answer for many cut times: the worker streams read once (in commit order) and decoded once;
 * `at(year, asOf)` folds the events recorded up to `asOf` (`recorded_at <= asOf`, the store's cut) through the
 * worker decider. No read model involved; the as-of property compares it with `replayCountedDepartures` too.
 */
export async function workerHistory(log: EventLog) {
  const events: Array<{ readonly streamId: string; readonly recordedAt: number; readonly event: Worker.WorkerEvent }> =
    []
  for await (const batch of log.readAll({ streamTypes: [Worker.WORKER_STREAM_TYPE], batchSize: 5000 }))
    for (const e of batch) {
      const decoded = decodeEvent(e.type, e.schemaVersion, e.data)
      if (Result.isFailure(decoded)) throw new Error(decoded.failure.message)
      events.push({
        streamId: e.streamId,
        recordedAt: e.recordedAt.getTime(),
        event: decoded.success as Worker.WorkerEvent,
      })
    }
  return {
    at: (year: number, asOf: Date): Map<string, number> => {
      const cut = asOf.getTime()
      const states = new Map<string, Worker.WorkerState>()
      for (const { streamId, recordedAt, event } of events)
        if (recordedAt <= cut)
          states.set(
            streamId,
            Worker.workerDecider.evolve(states.get(streamId) ?? Worker.workerDecider.initialState, event),
          )
      const counts = new Map<string, number>()
      for (const state of states.values())
        for (const d of state.countedDepartures)
          if (d.year === year) counts.set(d.residenceUnitId, (counts.get(d.residenceUnitId) ?? 0) + 1)
      return counts
    },
  }
}
