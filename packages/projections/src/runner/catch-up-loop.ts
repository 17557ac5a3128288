import type { Kysely } from "kysely"
import { CheckpointConflict, type Checkpoint, type EventLog, type RecordedEvent } from "@xkld/event-store"
import { applyFromLoop } from "./apply.ts"
import { checkpointName, positionOf, type Projection } from "./projection.ts"
import { tryLockExclusive } from "./status-store.ts"

export interface Poison {
  readonly projection: string
  readonly generation: number
  readonly event: RecordedEvent
  readonly error: unknown
}

export interface CatchUpLoopOptions {
  readonly log: EventLog
  readonly projection: Projection
  readonly generation: number
  readonly batchSize: number
  /**
   * A loop that is behind reads larger batches: after a full batch the next one is this large (default: the
   * batch size, i.e. fixed). A from-zero build then writes most versions already closed, once,
   * in a few large statements (docs/benchmarks.md, first start); a loop that has caught up reads `batchSize`.
   */
  readonly maxBatchSize?: number
  readonly pollIntervalMs: number
  /** Before each batch: is this generation still one that should run here? */
  readonly wanted: () => Promise<boolean>
  /** A single event failed on its own: record the pause (the loop has already halted). */
  readonly onPoison: (poison: Poison) => Promise<void>
  /** Nothing left to read. A building generation's loop tries to switch here. */
  readonly onIdle?: () => Promise<void>
  /** The loop found it is no longer wanted and halted. */
  readonly onUnwanted: () => void
  readonly onError: (error: unknown) => void
}

const isConflict = (error: unknown) =>
  error instanceof CheckpointConflict || (error as any)?._tag === "CheckpointConflict"

/** How soon a pass that found committed events held back by the ordering guard looks again. */
const HELD_BACK_RETRY_MS = 20

/** Another runner (process) holds this generation's batch lock. */
class Busy extends Error {}

/** Failures that say nothing about the event: deadlock, serialization, lost connection, shutdown. */
const isTransient = (error: unknown): boolean => {
  const code = String((error as any)?.code ?? (error as any)?.cause?.code ?? "")
  return /^(40|08)/.test(code) || ["57P01", "57P02", "57P03", "53300"].includes(code)
}

/**
 * The catch-up loop of one generation of one projection: reads batches after its checkpoint (the
 * store's readAllBatch, in commit order behind the ordering guard) and commits each batch's writes
 * with the checkpoint compare-and-set in one transaction. A failed batch is retried one event at a
 * time, each in its own transaction, so the events before the failing one are kept and the failing
 * one is reported (`onPoison`) instead of skipped; the loop then halts.
 *
 * An error raised after `halt()`/`stop()` is not poison: the transaction rolled back, as after a crash.
 */
export class CatchUpLoop {
  readonly projection: Projection
  readonly generation: number
  readonly #options: CatchUpLoopOptions
  readonly #db: Kysely<any>
  readonly #checkpoint: string
  #halted = false
  #wake: (() => void) | undefined
  #woken = false
  #iterations = 0
  #batchSize: number
  #waiters: Array<{ readonly after: number; readonly resolve: () => void }> = []
  readonly #loop: Promise<void>
  #onHalt!: () => void
  /** Resolves when the loop halts (to abandon waits that should not outlive it). */
  readonly whenHalted = new Promise<void>((resolve) => (this.#onHalt = resolve))

  constructor(options: CatchUpLoopOptions) {
    this.#options = options
    this.projection = options.projection
    this.generation = options.generation
    this.#db = options.log.database.db
    this.#checkpoint = checkpointName(options.projection.name, options.generation)
    this.#batchSize = options.batchSize
    this.#loop = this.#run()
  }

  get halted(): boolean {
    return this.#halted
  }

  wake(): void {
    this.#woken = true
    this.#wake?.()
  }

  /**
   * Resolves once a pass that started after the call found nothing left, none held back by the ordering guard
   * either (every event committed before the call is applied), or when the loop halts.
   */
  caughtUp(): Promise<void> {
    if (this.#halted) return Promise.resolve()
    return new Promise((resolve) => {
      this.#waiters.push({ after: this.#iterations, resolve })
      this.wake()
    })
  }

  /** Stops without waiting (usable from inside the loop's own callbacks). */
  halt(): void {
    this.#halted = true
    this.#onHalt()
    this.wake()
    for (const waiter of this.#waiters.splice(0)) waiter.resolve()
  }

  /** Stops and waits for the batch in flight (committed or rolled back). */
  async stop(): Promise<void> {
    this.halt()
    await this.#loop
  }

  async #run(): Promise<void> {
    while (!this.#halted) {
      const iteration = ++this.#iterations
      let idle = false
      let heldBack = false
      try {
        if (!(await this.#options.wanted())) {
          if (!this.#halted) {
            this.halt()
            this.#options.onUnwanted()
          }
          break
        }
        const from = await this.#options.log.loadCheckpoint(this.#checkpoint, this.#db)
        const batch = await this.#options.log.readAllBatch({
          ...this.projection.filter,
          after: from,
          batchSize: this.#batchSize,
        })
        if (this.#halted) break
        // behind (a full batch): read the largest batch next; caught up: the usual one
        this.#batchSize =
          batch.length >= this.#batchSize
            ? Math.max(this.#options.maxBatchSize ?? 0, this.#options.batchSize)
            : this.#options.batchSize
        if (batch.length === 0) {
          await this.#options.onIdle?.()
          // Nothing readable is not "caught up" while committed events are held back by the ordering guard (a
          // transaction older than them still open, in any database of the cluster: transaction ids are the
          // server's): a waiter is told only once those are applied too, else a test or a start-up that waits
          // for the read models reads them without events committed before it asked. No notification comes when
          // the holding transaction ends, so such a pass retries soon instead of sleeping for the poll interval.
          heldBack = this.#waiters.length > 0 && (await this.#heldBackAfter(from))
          idle = !heldBack
        } else if (await this.#commitBatch(from, batch)) {
          // Let timers and I/O run between batches: on PGlite every query resolves without a turn of the event
          // loop, so a long catch-up would otherwise hold back HTTP requests and progress reports until it ends.
          await new Promise((resolve) => setImmediate(resolve))
          continue
        }
      } catch (error) {
        if (this.#halted) break
        this.#options.onError(error)
      }
      if (idle) {
        const ready = this.#waiters.filter((w) => w.after < iteration)
        this.#waiters = this.#waiters.filter((w) => w.after >= iteration)
        for (const waiter of ready) waiter.resolve()
      }
      if (!this.#halted)
        await (heldBack ? new Promise((resolve) => setTimeout(resolve, HELD_BACK_RETRY_MS)) : this.#sleep())
    }
    for (const waiter of this.#waiters.splice(0)) waiter.resolve()
  }

  /** Returns false when the loop should wait before the next pass. */
  async #commitBatch(from: Checkpoint, batch: ReadonlyArray<RecordedEvent>): Promise<boolean> {
    try {
      await this.#commit(from, batch)
      return true
    } catch (error) {
      if (this.#halted || isConflict(error)) return true
      if (error instanceof Busy) return false
      if (isTransient(error) || !(await this.#options.wanted())) {
        this.#options.onError(error)
        return false
      }
      return this.#isolate(from, batch)
    }
  }

  /**
   * One transaction: this generation's batch lock (so runners in several processes take turns
   * instead of fighting over rows), the handler's writes, and the checkpoint compare-and-set.
   */
  #commit(from: Checkpoint, events: ReadonlyArray<RecordedEvent>): Promise<void> {
    return this.#db.transaction().execute(async (trx) => {
      if (!(await tryLockExclusive(trx, this.#checkpoint))) throw new Busy()
      await applyFromLoop(this.#options.log, trx, this.projection, this.generation, events)
      if (this.#halted) throw new Error("halted mid-batch") // roll back, as a crash would
      await this.#options.log.advanceCheckpoint(this.#checkpoint, from, positionOf(events[events.length - 1]!), trx)
    })
  }

  /** One event per transaction up to the failing one, which pauses the projection. */
  async #isolate(from: Checkpoint, batch: ReadonlyArray<RecordedEvent>): Promise<boolean> {
    let cursor = from
    for (const event of batch) {
      if (this.#halted) return true
      try {
        await this.#commit(cursor, [event])
        cursor = positionOf(event)
      } catch (error) {
        if (this.#halted || isConflict(error)) return true
        if (error instanceof Busy) return false
        if (isTransient(error) || !(await this.#options.wanted())) {
          this.#options.onError(error)
          return false
        }
        this.halt()
        await this.#options.onPoison({ projection: this.projection.name, generation: this.generation, event, error })
        return true
      }
    }
    return true
  }

  /** A committed event after `from` that the ordering guard does not let through yet. */
  async #heldBackAfter(from: Checkpoint): Promise<boolean> {
    const next = await this.#options.log.readAllBatch({
      ...this.projection.filter,
      after: from,
      batchSize: 1,
      includeHeldBack: true,
    })
    return next.length > 0
  }

  #sleep(): Promise<void> {
    if (this.#woken) {
      this.#woken = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined = undefined
      const done = () => {
        this.#woken = false
        this.#wake = undefined
        clearTimeout(timer)
        resolve()
      }
      timer = setTimeout(done, this.#options.pollIntervalMs)
      this.#wake = done
    })
  }
}
