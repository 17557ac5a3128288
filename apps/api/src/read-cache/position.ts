import type { Checkpoint, EventLog } from "@xkld/event-store"
import { MAX_AGE_MS, type Wakes } from "./wakes.ts"

/** Beyond this many events held back by the ordering guard, answers are not cached (writes are in full flow). */
const MAX_BEYOND = 64
const STEP = 1000

const isAfter = (a: Checkpoint, b: Checkpoint) =>
  a.transactionId > b.transactionId || (a.transactionId === b.transactionId && a.globalPosition > b.globalPosition)

/**
 * The read models' position, as a string: two reads give the same string only if no read model changed between
 * them (ADR 0024). It is made of
 * - every projection checkpoint (`projection:<name>:g<generation>`): an event the loop applies moves one, and a
 *   rebuild's switch changes the names;
 * - `settled`, an event the ordering guard has let through (its transaction id below every running transaction's):
 *   no event can ever join the log at or before it;
 * - how many events are committed after `settled`, the held-back ones included. With `settled` fixed that set only
 *   grows, so the same count is the same set; an event applied inline (in its own append's transaction) is in it
 *   from its commit.
 * `settled` follows the log forward as it is read. `undefined`: more than MAX_BEYOND events held back, too many to
 * say cheaply (do not cache).
 */
export function positionOf(log: EventLog): () => Promise<string | undefined> {
  let settled: Checkpoint | undefined
  const advance = async (from: Checkpoint) => {
    let at = from
    for (;;) {
      const batch = await log.readAllBatch({ after: at, batchSize: STEP })
      const last = batch.at(-1)
      if (last) at = { transactionId: last.transactionId, globalPosition: last.globalPosition }
      if (batch.length < STEP) return at
    }
  }
  return async () => {
    // The checkpoints and what lies after `settled`, in parallel: one round trip when nothing is new.
    const [listed, beyondNow] = await Promise.all([
      log.listCheckpoints("projection:"),
      settled ? log.readAllBatch({ after: settled, includeHeldBack: true, batchSize: MAX_BEYOND + 1 }) : undefined,
    ])
    const checkpoints = [...listed].toSorted(([a], [b]) => (a < b ? -1 : 1))
    if (checkpoints.length === 0) return undefined
    let beyond = beyondNow
    if (!settled) {
      // Any checkpoint is an event the guard had let through when its projection read it.
      let first: Checkpoint = checkpoints[0]![1]
      for (const [, c] of checkpoints) if (isAfter(c, first)) first = c
      settled = first
    }
    if (beyond === undefined || beyond.length > 0) {
      settled = await advance(settled)
      beyond = await log.readAllBatch({ after: settled, includeHeldBack: true, batchSize: MAX_BEYOND + 1 })
    }
    if (beyond.length > MAX_BEYOND) return undefined
    const names = checkpoints.map(([name, c]) => `${name}@${c.transactionId}/${c.globalPosition}`).join(",")
    return `${names}|${settled.transactionId}/${settled.globalPosition}+${beyond.length}`
  }
}

/**
 * `readPosition` shared by concurrent requests without ever answering one with a read that started before it
 * arrived (its own write, committed before the request, must count): a request that finds a read in flight waits
 * for the next one, which starts when that one ends and serves everyone who queued meanwhile.
 */
export function sharedPosition(read: () => Promise<string | undefined>): () => Promise<string | undefined> {
  let inFlight: Promise<string | undefined> | undefined
  let queued: Promise<string | undefined> | undefined
  const start = (): Promise<string | undefined> => {
    const running = read().finally(() => {
      if (inFlight === running) inFlight = undefined
    })
    inFlight = running
    return running
  }
  return () => {
    if (!inFlight) return start()
    if (!queued) {
      const after = inFlight.then(
        () => undefined,
        () => undefined,
      )
      queued = after.then(() => {
        queued = undefined
        return start()
      })
    }
    return queued
  }
}

/**
 * `read` (a shared position read) asked only when something may have changed (ADR 0030): after a wake, once the
 * read models have caught up (`settle`: the runner's loops have applied every event visible when it was called),
 * the position is read once and given to every request until the next wake (`wakes.generation()` changes). A
 * request that comes while it is not settled reads the position itself, as before. So a request is answered from
 * memory only with a position read after the last write this process committed, after the last notification, and
 * less than MAX_AGE_MS ago (read again in the background once it is half that old).
 */
export function wokenPosition(
  read: () => Promise<string | undefined>,
  wakes: Pick<Wakes, "generation" | "on">,
  settle: () => Promise<void>,
): () => Promise<string | undefined> {
  let clean: { readonly generation: string; readonly position: string; readonly at: number } | undefined
  let settling = false
  // `withSettle`: after a wake, once the read models caught up; without (only older than half MAX_AGE_MS), a read.
  const settleNow = async (withSettle: boolean): Promise<void> => {
    if (settling) return
    settling = true
    try {
      for (let round = 0; round < 3; round++) {
        const generation = wakes.generation()
        const at = Date.now()
        if (withSettle) await settle()
        const position = await read()
        if (wakes.generation() !== generation) {
          withSettle = true
          continue
        }
        if (position !== undefined) clean = { generation, position, at }
        return
      }
    } catch {
      // the next request reads for itself and tries again
    } finally {
      settling = false
    }
  }
  wakes.on(() => {
    clean = undefined
  })
  return async () => {
    const known = clean
    const age = known ? Date.now() - known.at : Infinity
    if (known && known.generation === wakes.generation() && age < MAX_AGE_MS) {
      // read again in the background before it is too old, so that requests keep being answered from memory
      if (age > MAX_AGE_MS / 2) void settleNow(false)
      return known.position
    }
    clean = undefined
    void settleNow(true)
    return read()
  }
}
