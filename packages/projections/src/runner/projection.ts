import type { Kysely } from "kysely"
import type { Checkpoint, EventLog, RecordedEvent } from "@xkld/event-store"

/** Logical table name → physical table name of one generation (`rm_<projection>_<table>_g<generation>`). */
export type TableNames = Readonly<Record<string, string>>

/**
 * A read model: its tables and how events change them. The runner owns the rest (checkpoints,
 * generations, pauses, rebuilds).
 *
 * Contract for `handle`: it writes only through `trx` and only into `names`; it sees the events of
 * one batch in commit order. An `inline` projection is also applied inside the append's transaction,
 * so it may see events of different streams in a different order than a rebuild would (never the
 * events of one stream): its result must not depend on the interleaving of streams. The runner, not
 * the handler, guarantees that each event is applied exactly once per generation (see apply.ts).
 */
export interface Projection {
  /** Lower-case identifier: `[a-z][a-z0-9_]*`. */
  readonly name: string
  /** Bump when `createTables` or `handle` change meaning: a changed version rebuilds into a new generation. */
  readonly version: number
  /** Only these events are read (both lists must match when both are given). */
  readonly filter?: { readonly eventTypes?: ReadonlyArray<string>; readonly streamTypes?: ReadonlyArray<string> }
  /** Logical table names, `[a-z][a-z0-9_]*`; "applied" is reserved for the runner. */
  readonly tables: ReadonlyArray<string>
  /** Creates the tables of one generation (runs as the schema owner). */
  readonly createTables: (db: Kysely<any>, names: TableNames) => Promise<void>
  /** `log` is the store the events come from: read it on `trx` (e.g. `log.readStream(id, options, trx)`). */
  readonly handle: (
    trx: Kysely<any>,
    events: ReadonlyArray<RecordedEvent>,
    names: TableNames,
    log: EventLog,
  ) => Promise<void>
  /** Also apply in the append's transaction (read-your-writes) through `runner.applyInline`. */
  readonly inline?: boolean
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/
const MAX_IDENTIFIER = 63

export const physicalTable = (projection: string, table: string, generation: number): string =>
  `rm_${projection}_${table}_g${generation}`

export const tableNames = (projection: Projection, generation: number): TableNames =>
  Object.fromEntries(projection.tables.map((t) => [t, physicalTable(projection.name, t, generation)]))

/** The runner's own table of events an inline apply got to before the asynchronous loop did. */
export const appliedTable = (projection: string, generation: number): string =>
  physicalTable(projection, "applied", generation)

/** The store's checkpoint of one generation. */
export const checkpointName = (projection: string, generation: number): string =>
  `projection:${projection}:g${generation}`

export const matchesFilter = (projection: Projection, event: RecordedEvent): boolean => {
  const { eventTypes, streamTypes } = projection.filter ?? {}
  if (eventTypes?.length && !eventTypes.includes(event.type)) return false
  if (streamTypes?.length && !streamTypes.includes(event.streamType)) return false
  return true
}

/** Throws on names the runner cannot turn into safe, distinct SQL identifiers. */
export function validateProjections(projections: ReadonlyArray<Projection>): void {
  const seen = new Set<string>()
  const physical = new Set<string>()
  for (const p of projections) {
    if (!IDENTIFIER.test(p.name)) throw new Error(`projection name ${JSON.stringify(p.name)} must match ${IDENTIFIER}`)
    if (seen.has(p.name)) throw new Error(`projection ${p.name} is defined twice`)
    seen.add(p.name)
    if (!Number.isInteger(p.version) || p.version < 1)
      throw new Error(`projection ${p.name}: version must be a positive integer`)
    if (p.tables.length === 0) throw new Error(`projection ${p.name} has no tables`)
    const tables = new Set<string>()
    for (const t of [...p.tables, "applied"]) {
      if (!IDENTIFIER.test(t))
        throw new Error(`projection ${p.name}: table name ${JSON.stringify(t)} must match ${IDENTIFIER}`)
      if (tables.has(t)) throw new Error(`projection ${p.name}: table ${t} is duplicated or reserved`)
      tables.add(t)
      const name = physicalTable(p.name, t, 1)
      if (physical.has(name)) throw new Error(`projection ${p.name}: table ${name} collides with another projection's`)
      physical.add(name)
      // room for generations up to g999999
      if (physicalTable(p.name, t, 999_999).length > MAX_IDENTIFIER)
        throw new Error(`projection ${p.name}: table name ${physicalTable(p.name, t, 1)} is too long`)
    }
  }
}

export const positionOf = (event: RecordedEvent): Checkpoint => ({
  transactionId: event.transactionId,
  globalPosition: event.globalPosition,
})
