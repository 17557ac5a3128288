import { sql, type Kysely } from "kysely"
import {
  NOTIFY_CHANNEL,
  type AppendOutcome,
  type AppendRequest,
  type EventLog,
  type RecordedEvent,
} from "@xkld/event-store"
import { applyFromLoop, applyInlineTo } from "./apply.ts"
import { contentHash } from "./content-hash.ts"
import {
  checkpointName,
  matchesFilter,
  positionOf,
  tableNames,
  validateProjections,
  type Projection,
  type TableNames,
} from "./projection.ts"
import {
  beginBuild,
  clearPause,
  dropStaleGenerations,
  ensureStatusTable,
  initProjection,
  listStatus,
  lockExclusive,
  lockShared,
  markPaused,
  readStatusRow,
  switchGeneration,
  switchLockKey,
  type ProjectionStatus,
} from "./status-store.ts"
import { CatchUpLoop, type Poison } from "./catch-up-loop.ts"

const APPENDED_CHANNEL = NOTIFY_CHANNEL

export interface ProjectionRunnerOptions {
  readonly batchSize?: number
  /**
   * The batch a loop that is behind reads after a full batch (at least `batchSize`): a from-zero build writes fewer,
   * larger transactions, most versions already closed (ADR 0031). Default: 10,000 on PGlite (one connection: nothing
   * else reads while a batch runs), `batchSize` on PostgreSQL, where a long batch transaction holds back every
   * reader's ordering guard in the whole cluster (transaction ids are cluster-wide) while it is open.
   */
  readonly maxBatchSize?: number
  /** Fallback polling when no wake-up hint arrives. */
  readonly pollIntervalMs?: number
  /** Rebuild into a new generation when a definition's version differs from the active one's (default true). */
  readonly rebuildOnVersionChange?: boolean
  /**
   * Awaited before a rebuilt generation goes live (outside any transaction), e.g. to check it;
   * throwing postpones the switch to the next idle pass.
   */
  readonly beforeSwitch?: (projection: string, generation: number, names: TableNames) => Promise<void>
  /** Errors that do not pause anything (a read that failed, a failed inline apply, a pause recorded). */
  readonly onError?: (projection: string, error: unknown) => void
}

export interface ProjectionRunner {
  /** Creates what is missing (status table, generation 1) and starts one loop per projection. */
  readonly start: () => Promise<void>
  /** Stops every loop; a batch in flight rolls back. */
  readonly stop: () => Promise<void>
  /** Resolves once the projection (or all) processed everything visible at the call, or is paused. */
  readonly caughtUp: (name?: string) => Promise<void>
  readonly status: () => Promise<ReadonlyArray<ProjectionStatus>>
  /** Clears a pause and restarts from the checkpoint; a still-failing event pauses it again. */
  readonly resume: (name: string) => Promise<void>
  /**
   * Builds a new generation from zero in fresh tables while the active one keeps serving, switches
   * when it has caught up and drops the old tables. Resolves with the new active generation; rejects
   * if the build pauses on an event.
   */
  readonly rebuild: (name: string) => Promise<number>
  /** Physical tables of the active generation: what queries read. */
  readonly tablesOf: (name: string) => TableNames
  /** Applies inline projections inside the caller's transaction (the one that appended `events`). */
  readonly applyInline: (trx: Kysely<any>, events: ReadonlyArray<RecordedEvent>) => Promise<void>
  /** Appends and applies inline projections in one transaction (the caller's, when given). */
  readonly appendInline: (request: AppendRequest, trx?: Kysely<any>) => Promise<AppendOutcome>
  /** sha256 over the active generation's contents (see contentHash). */
  readonly contentHash: (name: string) => Promise<string>
  /** Wakes every loop (after appends the log could not hint, e.g. in a caller's transaction). */
  readonly wake: () => void
}

export class ProjectionPaused extends Error {
  readonly projection: string
  constructor(poison: Poison) {
    const reason = poison.error instanceof Error ? poison.error.message : String(poison.error)
    super(`projection ${poison.projection} paused at event ${poison.event.eventId} (${poison.event.type}): ${reason}`)
    this.name = "ProjectionPaused"
    this.projection = poison.projection
  }
}

interface SwitchWaiter {
  readonly resolve: (generation: number) => void
  readonly reject: (error: unknown) => void
}

interface Slot {
  readonly projection: Projection
  activeGeneration: number | undefined
  /** Leftovers of other generations were dropped since start. */
  tidied: boolean
  active: CatchUpLoop | undefined
  building: CatchUpLoop | undefined
  /** Serialises reconciliations, pauses and switches of this projection. */
  settled: Promise<void>
  switchWaiters: Array<SwitchWaiter>
}

export function createProjectionRunner(
  log: EventLog,
  projections: ReadonlyArray<Projection>,
  options: ProjectionRunnerOptions = {},
): ProjectionRunner {
  validateProjections(projections)
  const { db, owner } = log.database
  const batchSize = options.batchSize ?? 500
  const maxBatchSize = Math.max(options.maxBatchSize ?? (log.database.backend === "pglite" ? 10_000 : 0), batchSize)
  const pollIntervalMs = options.pollIntervalMs ?? 500
  const reportError = options.onError ?? (() => undefined)
  const slots = new Map<string, Slot>(
    projections.map((projection) => [
      projection.name,
      {
        projection,
        activeGeneration: undefined,
        tidied: false,
        active: undefined,
        building: undefined,
        settled: Promise.resolve(),
        switchWaiters: [],
      },
    ]),
  )
  const loops = new Set<CatchUpLoop>()
  let running = false
  let unlisten: (() => Promise<void>) | undefined
  let stopping: Promise<void> | undefined

  const slotOf = (name: string): Slot => {
    const slot = slots.get(name)
    if (!slot) throw new Error(`unknown projection ${name}`)
    return slot
  }

  const enqueue = (slot: Slot, task: () => Promise<void>): Promise<void> => {
    const next = slot.settled.then(task)
    slot.settled = next.catch((error) => reportError(slot.projection.name, error))
    return next
  }

  const startLoop = (slot: Slot, generation: number): CatchUpLoop => {
    const { projection } = slot
    const loop: CatchUpLoop = new CatchUpLoop({
      log,
      projection,
      generation,
      batchSize,
      maxBatchSize,
      pollIntervalMs,
      wanted: async () => {
        const status = await readStatusRow(db, projection.name)
        return (
          running &&
          status !== undefined &&
          !status.paused &&
          (status.activeGeneration === generation || status.buildingGeneration === generation)
        )
      },
      onPoison: (poison) => enqueue(slot, () => pause(slot, poison)),
      onIdle: async () => {
        if (slot.building === loop) await trySwitch(slot, loop)
      },
      onUnwanted: () => void enqueue(slot, () => reconcile(slot)),
      onError: (error) => reportError(projection.name, error),
    })
    loops.add(loop)
    return loop
  }

  /** Makes this process's loops match the status row (and the definition's version). */
  const reconcile = async (slot: Slot): Promise<void> => {
    if (!running) return
    const { projection } = slot
    let status = (await readStatusRow(db, projection.name)) ?? (await initProjection(log, owner, projection))
    const versionChanged = status.version !== projection.version
    if (versionChanged && status.buildingVersion !== projection.version && options.rebuildOnVersionChange !== false) {
      await beginBuild(log, owner, projection)
      status = (await readStatusRow(db, projection.name))!
    } else if (versionChanged && status.buildingVersion !== projection.version) {
      reportError(
        projection.name,
        new Error(
          `projection ${projection.name}: version ${projection.version} defined, generation ${status.activeGeneration} has version ${status.version}; rebuild it`,
        ),
      )
    }
    slot.activeGeneration = status.activeGeneration
    if (!slot.tidied) {
      await dropStaleGenerations(log, owner, projection)
      slot.tidied = true
    }
    // A finished build is the new active loop.
    if (slot.building && slot.building.generation === status.activeGeneration) {
      slot.active?.halt()
      slot.active = slot.building
      slot.building = undefined
    }
    // The active generation only runs with the definition that built it (a changed version freezes it until the switch).
    const wantActive = !status.paused && !versionChanged
    if (slot.active && (slot.active.halted || !wantActive || slot.active.generation !== status.activeGeneration)) {
      slot.active.halt()
      slot.active = undefined
    }
    if (wantActive && !slot.active) slot.active = startLoop(slot, status.activeGeneration)
    const wantBuild =
      !status.paused && status.buildingGeneration !== null && status.buildingVersion === projection.version
    if (
      slot.building &&
      (slot.building.halted || !wantBuild || slot.building.generation !== status.buildingGeneration)
    ) {
      slot.building.halt()
      slot.building = undefined
    }
    if (wantBuild && !slot.building) slot.building = startLoop(slot, status.buildingGeneration!)
  }

  const pause = async (slot: Slot, poison: Poison): Promise<void> => {
    await markPaused(db, poison.projection, poison.generation, poison.event, poison.error)
    reportError(poison.projection, new ProjectionPaused(poison))
    for (const waiter of slot.switchWaiters.splice(0)) waiter.reject(new ProjectionPaused(poison))
    await reconcile(slot)
  }

  /** The building generation caught up: take it live, atomically, then drop the old one. */
  const trySwitch = async (slot: Slot, loop: CatchUpLoop): Promise<void> => {
    const { projection } = slot
    const generation = loop.generation
    const checkpoint = checkpointName(projection.name, generation)
    if (options.beforeSwitch)
      await Promise.race([
        options.beforeSwitch(projection.name, generation, tableNames(projection, generation)),
        loop.whenHalted,
      ])
    if (loop.halted) return
    const switched = await db.transaction().execute(async (trx) => {
      // Waits for inline appliers still writing the old generation, keeps new ones out until the switch.
      await lockExclusive(trx, switchLockKey(projection.name))
      const status = await readStatusRow(trx, projection.name, "update")
      if (!status || status.paused || status.buildingGeneration !== generation) return false
      await lockExclusive(trx, checkpoint) // the building generation's batch lock (see catch-up-loop.ts)
      let from = await log.loadCheckpoint(checkpoint, trx)
      for (;;) {
        const batch = await log.readAllBatch({ ...projection.filter, after: from, batchSize }, trx)
        if (batch.length === 0) break
        await applyFromLoop(log, trx, projection, generation, batch)
        const to = positionOf(batch[batch.length - 1]!)
        await log.advanceCheckpoint(checkpoint, from, to, trx)
        from = to
      }
      if (projection.inline) {
        // Committed inline writes still held back by the ordering guard (an older transaction is
        // open): the old generation has them, so the new one gets them now, exactly once.
        for (let after = from; ;) {
          const batch = await log.readAllBatch({ ...projection.filter, after, batchSize, includeHeldBack: true }, trx)
          if (batch.length === 0) break
          await applyInlineTo(log, trx, projection, generation, batch)
          after = positionOf(batch[batch.length - 1]!)
        }
      }
      await switchGeneration(trx, projection.name, generation)
      return true
    })
    if (!switched) return
    const old = slot.active
    await enqueue(slot, () => reconcile(slot))
    await old?.stop()
    await dropStaleGenerations(log, owner, projection)
    for (const waiter of slot.switchWaiters.splice(0)) waiter.resolve(generation)
  }

  const wakeAll = () => {
    for (const loop of loops) loop.wake()
  }

  const applyInline = async (trx: Kysely<any>, events: ReadonlyArray<RecordedEvent>): Promise<void> => {
    for (const { projection } of slots.values()) {
      if (!projection.inline) continue
      const relevant = events.filter((e) => matchesFilter(projection, e))
      if (relevant.length === 0) continue
      await lockShared(trx, switchLockKey(projection.name))
      const status = await readStatusRow(trx, projection.name)
      // Paused or frozen for a new version: the loop applies these later, in order.
      if (!status || status.paused || status.version !== projection.version) continue
      await sql`SAVEPOINT xkld_inline_projection`.execute(trx)
      try {
        await applyInlineTo(log, trx, projection, status.activeGeneration, relevant)
        await sql`RELEASE SAVEPOINT xkld_inline_projection`.execute(trx)
      } catch (error) {
        // The append stands; the loop meets the event later and pauses on it if it still fails.
        await sql`ROLLBACK TO SAVEPOINT xkld_inline_projection`.execute(trx)
        await sql`RELEASE SAVEPOINT xkld_inline_projection`.execute(trx)
        reportError(projection.name, error)
      }
    }
  }

  const appendAndApply = async (request: AppendRequest, trx: Kysely<any>): Promise<AppendOutcome> => {
    const outcome = await log.append(request, trx)
    if (outcome.ok && !outcome.result.duplicate) {
      const { streamId, firstStreamPosition, lastStreamPosition } = outcome.result
      const appended = { fromVersion: firstStreamPosition, toVersion: lastStreamPosition }
      await applyInline(trx, await log.readStream(streamId, appended, trx))
    }
    return outcome
  }

  const caughtUpOne = async (slot: Slot): Promise<void> => {
    for (let round = 0; round < 10; round++) {
      if (!running) return
      await slot.settled
      const loop = slot.active ?? slot.building
      if (!loop || loop.halted) return
      if (loop === slot.active) {
        await loop.caughtUp()
        if (!loop.halted) return
      } else {
        // Frozen for a new version: caught up means switched.
        await new Promise<void>((resolve) =>
          slot.switchWaiters.push({ resolve: () => resolve(), reject: () => resolve() }),
        )
      }
    }
  }

  return {
    start: async () => {
      if (running) return
      await stopping
      running = true
      await ensureStatusTable(owner)
      unlisten = await log.database.listen(APPENDED_CHANNEL, wakeAll)
      await Promise.all([...slots.values()].map((slot) => enqueue(slot, () => reconcile(slot))))
    },
    stop: () => {
      if (!running) return stopping ?? Promise.resolve()
      running = false
      for (const loop of loops) loop.halt()
      stopping = (async () => {
        await Promise.all([...loops].map((w) => w.stop()))
        await Promise.all([...slots.values()].map((s) => s.settled))
        loops.clear()
        for (const slot of slots.values()) {
          slot.active = undefined
          slot.building = undefined
          slot.tidied = false
          for (const waiter of slot.switchWaiters.splice(0)) waiter.reject(new Error("projection runner stopped"))
        }
        await unlisten?.()
        unlisten = undefined
      })()
      return stopping
    },
    caughtUp: async (name) => {
      const selected = name === undefined ? [...slots.values()] : [slotOf(name)]
      await Promise.all(selected.map(caughtUpOne))
    },
    status: () => listStatus(log, db, [...slots.keys()]),
    resume: async (name) => {
      const slot = slotOf(name)
      await clearPause(db, name)
      await enqueue(slot, () => reconcile(slot))
    },
    rebuild: async (name) => {
      const slot = slotOf(name)
      if (!running) throw new Error("start the projection runner before rebuilding")
      await beginBuild(log, owner, slot.projection)
      const switched = new Promise<number>((resolve, reject) => slot.switchWaiters.push({ resolve, reject }))
      await enqueue(slot, () => reconcile(slot))
      return switched
    },
    tablesOf: (name) => {
      const slot = slotOf(name)
      if (slot.activeGeneration === undefined) throw new Error(`projection ${name}: start the runner first`)
      return tableNames(slot.projection, slot.activeGeneration)
    },
    applyInline,
    appendInline: async (request, trx) => {
      if (trx) return appendAndApply(request, trx)
      const outcome = await db.transaction().execute((own) => appendAndApply(request, own))
      wakeAll()
      return outcome
    },
    contentHash: (name) => {
      const slot = slotOf(name)
      if (slot.activeGeneration === undefined) throw new Error(`projection ${name}: start the runner first`)
      return contentHash(db, tableNames(slot.projection, slot.activeGeneration))
    },
    wake: wakeAll,
  }
}
