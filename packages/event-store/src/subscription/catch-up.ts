import type { Kysely } from "kysely"
import { readAllBatch, type ReadAllOptions } from "../read.ts"
import type { Checkpoint, RecordedEvent } from "../types.ts"
import { advanceCheckpoint, loadCheckpoint } from "./checkpoint-store.ts"
import type { WakeUp } from "./wake-up.ts"

export interface CatchUpOptions {
  /** Names the checkpoint row. */
  readonly subscriber: string
  /** Handles one batch inside the transaction that also advances the checkpoint. */
  readonly handle: (trx: Kysely<any>, events: ReadonlyArray<RecordedEvent>) => Promise<void>
  readonly batchSize?: number
  readonly filter?: Pick<ReadAllOptions, "eventTypes" | "streamTypes">
  /** Fallback polling interval when no hint arrives. */
  readonly pollIntervalMs?: number
  readonly onError?: (error: unknown) => void
}

export interface Subscription {
  /** Resolves once the subscriber has processed everything visible at the time of the call. */
  readonly caughtUp: () => Promise<void>
  readonly checkpoint: () => Checkpoint
  readonly stop: () => Promise<void>
}

/**
 * Processes one batch after the stored checkpoint; returns how many events it handled.
 * The handler's writes and the checkpoint move commit in one transaction (compare-and-set).
 */
export async function processNextBatch(db: Kysely<any>, options: CatchUpOptions): Promise<number> {
  const from = await loadCheckpoint(db, options.subscriber)
  const batch = await readAllBatch(db, { ...options.filter, after: from, batchSize: options.batchSize ?? 500 })
  if (batch.length === 0) return 0
  const last = batch[batch.length - 1]!
  await db.transaction().execute(async (trx) => {
    await options.handle(trx, batch)
    await advanceCheckpoint(trx, options.subscriber, from, {
      transactionId: last.transactionId,
      globalPosition: last.globalPosition,
    })
  })
  return batch.length
}

/** A catch-up subscriber: resumes from its checkpoint, wakes on hints, polls as a fallback. */
export function startCatchUp(db: Kysely<any>, wakeUp: WakeUp, options: CatchUpOptions): Subscription {
  let stopped = false
  let wake: (() => void) | undefined
  let current: Checkpoint = { transactionId: 0n, globalPosition: 0 }
  const idleWaiters: Array<() => void> = []
  const unsubscribe = wakeUp.on(() => wake?.())

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.pollIntervalMs ?? 500)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const loop = (async () => {
    while (!stopped) {
      try {
        const handled = await processNextBatch(db, options)
        current = await loadCheckpoint(db, options.subscriber)
        if (handled > 0) continue
        for (const resolve of idleWaiters.splice(0)) resolve()
      } catch (error) {
        options.onError?.(error)
      }
      if (!stopped) await sleep()
    }
  })()

  return {
    caughtUp: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve)
        wake?.()
      }),
    checkpoint: () => current,
    stop: async () => {
      stopped = true
      unsubscribe()
      wake?.()
      await loop
      for (const resolve of idleWaiters.splice(0)) resolve()
    },
  }
}
