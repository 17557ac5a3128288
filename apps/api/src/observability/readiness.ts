import { parseCheckpoint, pendingMigrations } from "@xkld/event-store"
import { readModelProjections } from "@xkld/projections"
import { sql, type Kysely } from "kysely"
import type { AppServices } from "../services.ts"
import { pendingApiMigrations } from "../storage/migrations.ts"

/** Events a read model may trail the log by and still count as caught up (a busy site is never at zero). */
export const READY_MAX_LAG = 1_000

/** How long a readiness probe waits for the database before calling it unreachable. */
const PROBE_TIMEOUT_MS = 2_000

export interface Readiness {
  readonly ready: boolean
  readonly database: boolean
  /** Migrations of the store and the API not applied yet. */
  readonly pendingMigrations: ReadonlyArray<string>
  /** Events each read model trails the log head by. */
  readonly lag: Readonly<Record<string, number>>
  /** Read models stopped on an event they could not apply (they fall behind until an operator resumes them). */
  readonly paused: ReadonlyArray<string>
}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ])

/** The log's highest position (index-only: cheap at any size). */
export const headPosition = async (services: AppServices): Promise<number> => {
  const { rows } = await sql<{
    head: number | string | null
  }>`SELECT max(global_position) AS head FROM es_events`.execute(services.log.database.db)
  return Number(rows[0]?.head ?? 0)
}

/** Lag is counted up to this many events (an index range scan, bounded however far a read model trails). */
export const LAG_COUNT_LIMIT = 100_000

/**
 * Events after the checkpoint, in commit order, that the read model reads (its event and stream types): a read
 * model's checkpoint only moves over events it reads, so the head minus the checkpoint would not be its lag.
 */
async function eventsAfter(
  db: Kysely<any>,
  checkpoint: string,
  filter: { readonly eventTypes?: ReadonlyArray<string>; readonly streamTypes?: ReadonlyArray<string> } = {},
): Promise<number> {
  const at = parseCheckpoint(checkpoint) ?? { transactionId: 0n, globalPosition: 0 }
  const types = filter.eventTypes?.length ? sql`AND event_type = ANY(${[...filter.eventTypes]})` : sql``
  const streams = filter.streamTypes?.length ? sql`AND stream_type = ANY(${[...filter.streamTypes]})` : sql``
  const { rows } = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM es_events
      WHERE (transaction_id, global_position) > (${at.transactionId.toString()}::xid8, ${at.globalPosition}::bigint)
        ${types} ${streams}
      LIMIT ${LAG_COUNT_LIMIT}
    ) AS pending`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/** Each read model's lag (events it has still to apply), and which are paused. */
export async function readModelLag(
  services: AppServices,
): Promise<{ head: number; lag: Record<string, number>; paused: string[] }> {
  const db = services.log.database.db
  const head = await headPosition(services)
  const statuses = await services.models.runner.status()
  const lag: Record<string, number> = {}
  const paused: string[] = []
  for (const status of statuses) {
    const definition = readModelProjections.find((p) => p.name === status.projection)
    lag[status.projection] = await eventsAfter(db, status.checkpoint, definition?.filter)
    if (status.state === "paused") paused.push(status.projection)
  }
  return { head, lag, paused }
}

/**
 * Ready to take traffic: the database answers, its schema is the one this build expects, and every read model
 * is running and within `maxLag` events of the log (a load balancer keeps a lagging instance out, so an officer
 * does not read figures that miss what was just entered).
 */
export async function readiness(services: AppServices, maxLag = READY_MAX_LAG): Promise<Readiness> {
  try {
    const [store, api, models] = await withTimeout(
      Promise.all([
        pendingMigrations(services.log.database.owner),
        pendingApiMigrations(services.log.database.owner),
        readModelLag(services),
      ]),
      PROBE_TIMEOUT_MS,
    )
    const pending = [...store, ...api]
    const lagging = Object.values(models.lag).some((lag) => lag > maxLag)
    return {
      ready: pending.length === 0 && !lagging && models.paused.length === 0,
      database: true,
      pendingMigrations: pending,
      lag: models.lag,
      paused: models.paused,
    }
  } catch {
    return { ready: false, database: false, pendingMigrations: [], lag: {}, paused: [] }
  }
}
