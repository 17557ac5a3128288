import { randomUUID } from "node:crypto"
import { sql, type Kysely } from "kysely"
import type { EventLog, RecordedEvent } from "@xkld/event-store"
import { testEvent } from "@xkld/event-store/testing"
import type { Projection, TableNames } from "./projection.ts"

/*
 * Test fixtures: small projections over synthetic events and an oracle computed straight from the
 * log, so a test can tell a correct read model from one that lost or double-counted events.
 */

export const STREAM_TYPES = ["alpha", "beta", "gamma", "delta"] as const

/** A hook a test uses to make a handler fail (a simulated crash or a poison event). */
export interface Sabotage {
  /** Called for every event before it is written; throw to fail the batch. */
  check: (event: RecordedEvent, names: TableNames) => void
}

export const noSabotage = (): Sabotage => ({ check: () => undefined })

/**
 * Counts per stream type and the last position of every stream, one event at a time (so a batch
 * that fails midway has already written part of its rows in its transaction).
 */
export const countsProjection = (
  options: {
    name?: string
    inline?: boolean
    sabotage?: Sabotage
    version?: number
    filter?: Projection["filter"]
  } = {},
): Projection => ({
  name: options.name ?? "counts",
  version: options.version ?? 1,
  ...(options.filter ? { filter: options.filter } : {}),
  ...(options.inline ? { inline: true } : {}),
  tables: ["by_stream_type", "last_position"],
  createTables: async (db, names) => {
    await sql`CREATE TABLE ${sql.table(names.by_stream_type!)} (
      stream_type text PRIMARY KEY, events bigint NOT NULL)`.execute(db)
    await sql`CREATE TABLE ${sql.table(names.last_position!)} (
      stream_id text PRIMARY KEY, stream_type text NOT NULL, position bigint NOT NULL, event_type text NOT NULL)`.execute(
      db,
    )
  },
  handle: async (trx, events, names) => {
    for (const event of events) {
      options.sabotage?.check(event, names)
      await sql`INSERT INTO ${sql.table(names.by_stream_type!)} AS t VALUES (${event.streamType}, 1)
        ON CONFLICT (stream_type) DO UPDATE SET events = t.events + 1`.execute(trx)
      await sql`INSERT INTO ${sql.table(names.last_position!)} VALUES
          (${event.streamId}, ${event.streamType}, ${event.streamPosition}, ${event.type})
        ON CONFLICT (stream_id) DO UPDATE SET position = excluded.position, event_type = excluded.event_type`.execute(
        trx,
      )
    }
  },
})

/** What `countsProjection` must contain, computed from the log itself. */
export async function expectedCounts(db: Kysely<any>, streamTypes: ReadonlyArray<string> = STREAM_TYPES) {
  const byType = await sql<any>`SELECT stream_type, count(*)::int8 AS events FROM es_events
    WHERE stream_type = ANY (${[...streamTypes]}::text[]) GROUP BY stream_type ORDER BY stream_type`.execute(db)
  const last =
    await sql<any>`SELECT DISTINCT ON (stream_id) stream_id, stream_type, stream_position AS position, event_type
    FROM es_events WHERE stream_type = ANY (${[...streamTypes]}::text[])
    ORDER BY stream_id, stream_position DESC`.execute(db)
  return {
    byType: byType.rows.map((r) => ({ streamType: r.stream_type, events: Number(r.events) })),
    last: last.rows.map((r) => ({
      streamId: r.stream_id,
      streamType: r.stream_type,
      position: Number(r.position),
      eventType: r.event_type,
    })),
  }
}

export async function actualCounts(db: Kysely<any>, names: TableNames) {
  const byType =
    await sql<any>`SELECT stream_type, events FROM ${sql.table(names.by_stream_type!)} ORDER BY stream_type`.execute(db)
  const last =
    await sql<any>`SELECT stream_id, stream_type, position, event_type FROM ${sql.table(names.last_position!)}
    ORDER BY stream_id`.execute(db)
  return {
    byType: byType.rows.map((r) => ({ streamType: r.stream_type, events: Number(r.events) })),
    last: last.rows.map((r) => ({
      streamId: r.stream_id,
      streamType: r.stream_type,
      position: Number(r.position),
      eventType: r.event_type,
    })),
  }
}

/** A seeded pseudo-random source (mulberry32), so a failing run can be replayed from its seed. */
export const seededRandom = (seed: number) => {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) }
}

/** Appends `count` events over a few streams per stream type, 1–5 events per append. */
export async function appendEvents(
  log: EventLog,
  count: number,
  random = seededRandom(1),
  options: { streamPrefix?: string; type?: (i: number) => string; streams?: number } = {},
): Promise<ReadonlyArray<string>> {
  const prefix = options.streamPrefix ?? randomUUID().slice(0, 8)
  const ids: Array<string> = []
  let i = 0
  while (i < count) {
    const n = Math.min(count - i, random.int(1, 5))
    const streamType = STREAM_TYPES[random.int(0, STREAM_TYPES.length - 1)]!
    const streamId = `${streamType}-${prefix}-${random.int(0, (options.streams ?? 10) - 1)}`
    const events = Array.from({ length: n }, (_, k) => testEvent({ i: i + k }, options.type?.(i + k) ?? "TestHappened"))
    const outcome = await log.append({ streamId, streamType, expectedVersion: "any", events })
    if (!outcome.ok) throw outcome.error
    ids.push(...events.map((e) => e.eventId))
    i += n
  }
  return ids
}

export const tableExists = async (db: Kysely<any>, table: string): Promise<boolean> => {
  const { rows } = await sql<any>`SELECT to_regclass(${table}) IS NOT NULL AS present`.execute(db)
  return rows[0].present === true
}
