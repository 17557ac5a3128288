import { openDatabase, openEventLog, type DatabaseConfig } from "@xkld/event-store"
import { createReadModels, readModelProjections } from "@xkld/projections"
import { sql } from "kysely"
import { startApi } from "./api-process.ts"

export interface StoreReport {
  /** The hash chains and seals recomputed (the store's verify, as `xkld verify` runs it). */
  readonly verified: boolean
  readonly verifyProblems: ReadonlyArray<string>
  readonly events: number
  /** Of the event ids asked about, those in the log. */
  readonly present: ReadonlySet<string>
  /** Events, and registrations among them, recorded under each correlation id asked about (an import's share one). */
  readonly byCorrelation: ReadonlyMap<string, { readonly events: number; readonly registrations: number }>
  /** Read models whose live content differs from a fresh rebuild (content hash, as `xkld check` compares). */
  readonly mismatches: ReadonlyArray<string>
  /** PostgreSQL: bytes of the log table with its indexes and TOAST (for the capacity model, docs/capacity.md). */
  readonly logBytes: number | null
}

/**
 * Opens the database as an operator would after the incident (the API stopped), and answers what the fault tests
 * assert: does the log verify, which acknowledged events are there, how many events each import left, and do the
 * read models equal a rebuild.
 */
export async function inspectStore(
  config: DatabaseConfig,
  asked: { readonly eventIds: ReadonlyArray<string>; readonly correlationIds?: ReadonlyArray<string> },
): Promise<StoreReport> {
  const database = await openDatabase(config)
  const log = await openEventLog(database)
  try {
    const verify = await log.verify()
    const present = new Set<string>()
    for (let i = 0; i < asked.eventIds.length; i += 1_000) {
      const chunk = asked.eventIds.slice(i, i + 1_000)
      const { rows } = await sql<{ id: string }>`
        SELECT event_id::text AS id FROM es_events WHERE event_id = ANY(${chunk}::uuid[])`.execute(database.owner)
      for (const row of rows) present.add(row.id)
    }
    const byCorrelation = new Map((asked.correlationIds ?? []).map((id) => [id, { events: 0, registrations: 0 }]))
    if (asked.correlationIds?.length) {
      const { rows } = await sql<{ id: string; n: number | string; r: number | string }>`
        SELECT metadata->>'correlationId' AS id, count(*) AS n,
               count(*) FILTER (WHERE event_type = 'WorkerRegistered') AS r
        FROM es_events
        WHERE metadata->>'correlationId' = ANY(${[...asked.correlationIds]}::text[]) GROUP BY 1`.execute(database.owner)
      for (const row of rows) byCorrelation.set(row.id, { events: Number(row.n), registrations: Number(row.r) })
    }
    const models = createReadModels(log)
    await models.runner.start()
    const mismatches: string[] = []
    try {
      await models.runner.caughtUp()
      for (const projection of readModelProjections) {
        const live = await models.runner.contentHash(projection.name)
        await models.runner.rebuild(projection.name)
        if ((await models.runner.contentHash(projection.name)) !== live) mismatches.push(projection.name)
      }
    } finally {
      await models.runner.stop()
    }
    const logBytes =
      database.backend === "postgres"
        ? Number(
            (await sql<{ n: string | number }>`SELECT pg_total_relation_size('es_events') AS n`.execute(database.owner))
              .rows[0]!.n,
          )
        : null
    return {
      logBytes,
      verified: verify.ok,
      verifyProblems: verify.problems.map((p) => JSON.stringify(p)),
      events: await log.count(),
      present,
      byCorrelation,
      mismatches,
    }
  } finally {
    await log.close()
  }
}

/**
 * The API's first start on an empty database (the demo history loaded), stopped, and every read model rebuilt:
 * a fault test then judges its read models against a rebuild from a start where they equalled one. Returns the
 * read models that differed before this rebuild (on PostgreSQL the enterprises model loaded with the demo history
 * does: a finding of these tests, independent of any fault).
 */
export async function loadDemoAndRebuild(
  database: { readonly databaseUrl?: string; readonly dataDir?: string },
  logDir: string,
): Promise<ReadonlyArray<string>> {
  await (await startApi({ ...database, logDir })).stop()
  return (await inspectStore(database, { eventIds: [] })).mismatches
}
