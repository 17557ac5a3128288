import { decodeEvent, UnknownStreamEvent, type DomainEvent } from "@xkld/domain"
import type { EventLog, RecordedEvent } from "@xkld/event-store"
import { Result } from "effect"
import type { Kysely } from "kysely"
import type { Projection, TableNames } from "../runner/index.ts"
import { createVersionedTable, writeVersionBatch } from "../versioned/table.ts"
import { byKey, VersionBatch, type VersionedRow } from "../versioned/versions.ts"

/**
 * How one aggregate type is seen by the read models: fold its stream with the domain's own `evolve`
 * (so corrections mean here exactly what they mean to the rules), then derive plain rows per table.
 */
export interface AggregateView<S> {
  readonly name: string
  readonly version: number
  readonly streamTypes: ReadonlyArray<string>
  readonly initialState: S
  readonly evolve: (state: S, event: DomainEvent) => S
  /** Rows per logical table; each row's key is unique within its table. */
  readonly derive: (state: S, streamId: string) => DerivedRows
  readonly tables: ReadonlyArray<string>
}

export type DerivedRows = Readonly<Record<string, ReadonlyArray<VersionedRow>>>

interface Cached<S> {
  version: number
  state: S
  rows: Record<string, ReadonlyMap<string, VersionedRow>>
}

/** Thrown for an event the domain cannot read: the runner pauses the projection on it. */
export class UndecodableEvent extends Error {}

export const decodeRecorded = (event: RecordedEvent): DomainEvent => {
  const decoded = decodeEvent(event.type, event.schemaVersion, event.data)
  if (Result.isFailure(decoded))
    throw new UndecodableEvent(`${event.type} v${event.schemaVersion}: ${decoded.failure.message}`)
  return decoded.success
}

/**
 * Folds one recorded event with the view's `evolve`. An event of another kind in the stream (the domain's
 * `UnknownStreamEvent`) is rethrown naming its stream: the runner pauses this projection on it (poison event),
 * the others keep going, and `projection_status` says which stream holds what.
 */
const evolveRecorded = <S>(view: AggregateView<S>, state: S, event: RecordedEvent): S => {
  try {
    return view.evolve(state, decodeRecorded(event))
  } catch (error) {
    throw error instanceof UnknownStreamEvent ? error.inStream(event.streamId) : error
  }
}

/**
 * The per-stream cache (folded state and its rows: ~18 kB of resident memory a worker stream, measured at 10^6 events
 * in docs/benchmarks.md) serves two kinds of work. Catching up (a rebuild, a restart behind the log) reads the log
 * in order, where a stream's next event is often many thousand streams further on: there the streams a batch
 * finds missing are refolded from the log in one read (`statesBefore`), and the cache may hold up to `BULK_LIMIT`
 * streams. Live commands write one stream at a time: a miss costs one indexed read of that
 * stream's few events, and after a batch of fewer than `BULK_BATCH` events the cache keeps only the `LIVE_LIMIT`
 * streams used last. Live, the process' memory then stops growing with the number of workers written (the soak,
 * docs/reliability.md: with 100,000 streams it grew by every worker registered, ~1 MiB a minute under the soak's
 * load, and RSS with it), and what a rebuild filled is given back at the first live command after it.
 */
export const LIVE_LIMIT = 1_000
export const BULK_LIMIT = 100_000
export const BULK_BATCH = 100
/** Generations whose caches are kept: the live one and one being rebuilt beside it; an older one is dropped. */
const GENERATIONS_KEPT = 2

export interface AggregateProjection extends Projection {
  /** Streams held in the caches of every generation (for tests). */
  readonly cachedStreams: () => number
}

/**
 * A projection over every stream of some aggregate types, writing bitemporal rows. States are cached
 * by stream and version; a miss (restart, rollback, eviction) refolds the stream from the log up to
 * the event before the batch, inside the same transaction.
 */
export function aggregateProjection<S>(
  view: AggregateView<S>,
  limits: { readonly live?: number; readonly bulk?: number } = {},
): AggregateProjection {
  const { live: liveLimit = LIVE_LIMIT, bulk: bulkLimit = BULK_LIMIT } = limits
  const caches = new Map<string, Map<string, Cached<S>>>() // one per generation: rebuilds never share

  const derivedMaps = (state: S, streamId: string) => {
    const derived = view.derive(state, streamId)
    return Object.fromEntries(view.tables.map((t) => [t, byKey(derived[t] ?? [])]))
  }

  /**
   * The folded state before each stream's first event in the batch. Streams the cache does not hold at that
   * version (a restart, an eviction: at 10^7 events a rebuild holds a tenth of the streams) are refolded from
   * the log in one query for the whole batch, not one query per stream.
   */
  const statesBefore = async (
    log: EventLog,
    trx: Kysely<any>,
    cache: Map<string, Cached<S>>,
    events: ReadonlyArray<RecordedEvent>,
  ): Promise<Map<string, Cached<S>>> => {
    const before = new Map<string, Cached<S>>()
    const missing = new Map<string, number>() // stream → the version to refold up to
    for (const first of events) {
      if (before.has(first.streamId) || missing.has(first.streamId)) continue
      const cached = cache.get(first.streamId)
      const version = first.streamPosition - 1
      if (cached && cached.version === version) before.set(first.streamId, cached)
      else if (version === 0) before.set(first.streamId, refolded(first.streamId, 0, []))
      else missing.set(first.streamId, version)
    }
    if (missing.size === 0) return before
    const streams = [...missing.keys()]
    const read = await log.readStreams(streams, { toVersions: streams.map((s) => missing.get(s)!) }, trx)
    const byStream = Map.groupBy(read, (event) => event.streamId)
    for (const [streamId, version] of missing) {
      const prefix = byStream.get(streamId) ?? []
      before.set(streamId, refolded(streamId, version, prefix))
    }
    return before
  }

  const refoldOne = async (log: EventLog, trx: Kysely<any>, first: RecordedEvent): Promise<Cached<S>> => {
    const version = first.streamPosition - 1
    const prefix = version === 0 ? [] : await log.readStream(first.streamId, { toVersion: version }, trx)
    return refolded(first.streamId, version, prefix)
  }

  const refolded = (streamId: string, version: number, prefix: ReadonlyArray<RecordedEvent>): Cached<S> => {
    let state = view.initialState
    for (const event of prefix) state = evolveRecorded(view, state, event)
    return { version, state, rows: derivedMaps(state, streamId) }
  }

  return {
    name: view.name,
    version: view.version,
    filter: { streamTypes: view.streamTypes },
    tables: view.tables,
    // Applied in the command's own transaction too, so the officer reads what they just wrote.
    inline: true,
    createTables: async (db, names) => {
      for (const table of view.tables) await createVersionedTable(db, names[table]!)
    },
    handle: async (trx, events, names: TableNames, log) => {
      const generation = names[view.tables[0]!]!
      const cache = caches.get(generation) ?? new Map<string, Cached<S>>()
      caches.delete(generation) // re-insert keeps the generations in least-recently-used order too
      caches.set(generation, cache)
      while (caches.size > GENERATIONS_KEPT) caches.delete(caches.keys().next().value!)
      const batch = new VersionBatch()
      const states = await statesBefore(log, trx, cache, events)
      for (const event of events) {
        let current = states.get(event.streamId)
        // a gap inside the batch: the events between were applied inline, in their append's transaction
        if (current?.version !== event.streamPosition - 1) current = await refoldOne(log, trx, event)
        const state = evolveRecorded(view, current.state, event)
        const rows = derivedMaps(state, event.streamId)
        for (const table of view.tables)
          batch.change(table, current.rows[table]!, rows[table]!, event.recordedAt, event.eventId)
        const next = { version: event.streamPosition, state, rows }
        states.set(event.streamId, next)
        cache.delete(event.streamId) // re-insert keeps the map in least-recently-used order
        cache.set(event.streamId, next)
      }
      const limit = events.length >= BULK_BATCH ? bulkLimit : liveLimit
      while (cache.size > limit) cache.delete(cache.keys().next().value!)
      await writeVersionBatch(trx, batch, (table) => names[table]!)
    },
    cachedStreams: () => [...caches.values()].reduce((n, cache) => n + cache.size, 0),
  }
}
