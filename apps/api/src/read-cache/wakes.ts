import { NOTIFY_CHANNEL, type EventLog } from "@xkld/event-store"
import type { ProjectionRunner } from "@xkld/projections"

/**
 * Wakes of one log (issue 12, ADR 0030): a generation that changes whenever the log or the read models may have
 * changed, so that what is read from them can be kept in memory until the next change instead of asking the
 * database on every request. It changes
 * - at once, in this process, after every write this process commits (the read models' runner is wrapped, see
 *   `wakingRunner`: commands, imports, reference data and rebuilds all end in its `wake`, `appendInline` or
 *   `rebuild`);
 * - on the log's notification (`LISTEN`), which the store sends after its own appends (another process's commands,
 *   which append in their own transactions, send none: those are seen within `MAX_AGE_MS`);
 * and what is kept by it is read again when older than `MAX_AGE_MS`, so nothing is stale longer than that.
 */
export interface Wakes {
  /** Equal values: nothing was written in between (in this process), nor notified. */
  readonly generation: () => string
  /** Called after a write of this process has committed. */
  readonly wake: () => void
  readonly on: (listener: () => void) => () => void
  /** Notifications of appends (this process's own and other processes'), from `listen` to its returned stop. */
  readonly listen: () => Promise<() => Promise<void>>
}

export const MAX_AGE_MS = 1000

const byLog = new WeakMap<EventLog, Wakes>()

export function wakesOf(log: EventLog): Wakes {
  const known = byLog.get(log)
  if (known) return known
  let count = 0
  const listeners = new Set<() => void>()
  const bump = () => {
    count++
    for (const listener of listeners) listener()
  }
  const wakes: Wakes = {
    generation: () => String(count),
    wake: bump,
    on: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    // The store's resilient listener: a connection of its own, woken once more after it reconnects.
    listen: () => log.database.listen(NOTIFY_CHANNEL, bump),
  }
  byLog.set(log, wakes)
  return wakes
}

/**
 * The runner with every write it is told of waking `wakes` too: `wake` (commands and imports call it after their
 * commit), `appendInline` in a transaction of its own, `rebuild` and `resume` (read models replaced or restarted
 * without an append). Its `start` listens for the log's notifications and its `stop` stops listening.
 */
export function wakingRunner(runner: ProjectionRunner, wakes: Wakes): ProjectionRunner {
  let unlisten: (() => Promise<void>) | undefined
  const after = async <R>(run: () => Promise<R>): Promise<R> => {
    try {
      return await run()
    } finally {
      wakes.wake()
    }
  }
  return {
    ...runner,
    // Started (a first build, a rebuild for a new version) or stopped, the read models move without an append.
    start: async () => {
      try {
        await runner.start()
        unlisten ??= await wakes.listen()
      } finally {
        wakes.wake()
      }
    },
    stop: async () => {
      const stopListening = unlisten
      unlisten = undefined
      await stopListening?.()
      try {
        await runner.stop()
      } finally {
        wakes.wake()
      }
    },
    wake: () => {
      runner.wake()
      wakes.wake()
    },
    appendInline: async (request, trx) => {
      if (trx) return runner.appendInline(request, trx) // the caller commits, then wakes
      return after(() => runner.appendInline(request))
    },
    rebuild: (name) => after(() => runner.rebuild(name)),
    resume: (name) => after(() => runner.resume(name)),
  }
}

/**
 * The log with its own appends (those not in a caller's transaction: a demo load, reference data) waking
 * `wakesOf` of the returned log at once, as the store wakes its own subscribers; an append in a caller's
 * transaction wakes when the caller's runner is told after the commit (`wakingRunner`).
 */
export function wakingLog(log: EventLog): EventLog {
  const waking: EventLog = {
    ...log,
    append: async (request, trx) => {
      try {
        return await log.append(request, trx)
      } finally {
        if (!trx) wakesOf(waking).wake()
      }
    },
    appendBatch: async (requests, trx) => {
      try {
        return await log.appendBatch(requests, trx)
      } finally {
        if (!trx) wakesOf(waking).wake()
      }
    },
  }
  return waking
}
