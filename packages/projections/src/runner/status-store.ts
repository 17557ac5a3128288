import { sql, type Kysely } from "kysely"
import { formatCheckpoint, type Checkpoint, type EventLog, type RecordedEvent } from "@xkld/event-store"
import { appliedTable, checkpointName, tableNames, type Projection } from "./projection.ts"

export type ProjectionState = "running" | "paused" | "rebuilding"

/** One projection as operators see it (`projection_status` joined with its checkpoints). */
export interface ProjectionStatus {
  readonly projection: string
  /** Version of the definition that built the active generation. */
  readonly version: number
  readonly activeGeneration: number
  readonly buildingGeneration: number | null
  readonly buildingVersion: number | null
  readonly state: ProjectionState
  readonly pausedAt: Date | null
  /** The generation whose loop met the failing event. */
  readonly failedGeneration: number | null
  readonly failedEventId: string | null
  readonly failedGlobalPosition: number | null
  readonly failedStreamId: string | null
  readonly failedEventType: string | null
  readonly errorMessage: string | null
  readonly updatedAt: Date
  /** `"<transactionId>:<globalPosition>"` of the active generation; of the building one when rebuilding. */
  readonly checkpoint: string
  readonly buildingCheckpoint: string | null
}

/** Advisory lock namespace of the runner (first key of the two-key form). */
const LOCK_NAMESPACE = 7_402_011

export const lockExclusive = (trx: Kysely<any>, key: string) =>
  sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}::int4, hashtext(${key}))`.execute(trx)
export const lockShared = (trx: Kysely<any>, key: string) =>
  sql`SELECT pg_advisory_xact_lock_shared(${LOCK_NAMESPACE}::int4, hashtext(${key}))`.execute(trx)

export const tryLockExclusive = async (trx: Kysely<any>, key: string): Promise<boolean> => {
  const { rows } =
    await sql<any>`SELECT pg_try_advisory_xact_lock(${LOCK_NAMESPACE}::int4, hashtext(${key})) AS locked`.execute(trx)
  return rows[0].locked === true
}

/** Inline appliers hold it shared; the generation switch takes it exclusively. */
export const switchLockKey = (projection: string) => `switch:${projection}`

/** Creates `projection_status` (as the schema owner, idempotent, safe when runners start together). */
export async function ensureStatusTable(owner: Kysely<any>): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    await lockExclusive(trx, "setup")
    await sql`
      CREATE TABLE IF NOT EXISTS projection_status (
        projection             text PRIMARY KEY,
        version                integer NOT NULL,
        active_generation      integer NOT NULL CHECK (active_generation >= 1),
        building_generation    integer CHECK (building_generation > active_generation),
        building_version       integer,
        state                  text NOT NULL CHECK (state IN ('running', 'paused', 'rebuilding')),
        paused_at              timestamptz,
        failed_generation      integer,
        failed_event_id        text,
        failed_global_position bigint,
        failed_stream_id       text,
        failed_event_type      text,
        error_message          text,
        updated_at             timestamptz NOT NULL DEFAULT now()
      )`.execute(trx)
  })
}

interface StatusRow {
  readonly version: number
  readonly activeGeneration: number
  readonly buildingGeneration: number | null
  readonly buildingVersion: number | null
  readonly paused: boolean
}

const toStatusRow = (row: any): StatusRow => ({
  version: Number(row.version),
  activeGeneration: Number(row.active_generation),
  buildingGeneration: row.building_generation === null ? null : Number(row.building_generation),
  buildingVersion: row.building_version === null ? null : Number(row.building_version),
  paused: row.paused_at !== null,
})

export async function readStatusRow(
  db: Kysely<any>,
  projection: string,
  lock: "none" | "update" = "none",
): Promise<StatusRow | undefined> {
  const { rows } = await sql<any>`SELECT version, active_generation, building_generation, building_version, paused_at
    FROM projection_status WHERE projection = ${projection} ${lock === "update" ? sql`FOR UPDATE` : sql``}`.execute(db)
  return rows[0] ? toStatusRow(rows[0]) : undefined
}

/** Tables, applied set and a zero checkpoint of one generation, replacing leftovers of an abandoned attempt. */
async function createGeneration(
  log: EventLog,
  trx: Kysely<any>,
  projection: Projection,
  generation: number,
): Promise<void> {
  await dropGenerationTables(trx, projection, generation)
  await projection.createTables(trx, tableNames(projection, generation))
  await sql`CREATE TABLE ${sql.table(appliedTable(projection.name, generation))} (
      stream_id       text NOT NULL,
      stream_position bigint NOT NULL,
      PRIMARY KEY (stream_id, stream_position)
    )`.execute(trx)
  await log.resetCheckpoint(checkpointName(projection.name, generation), trx)
}

async function dropGenerationTables(trx: Kysely<any>, projection: Projection, generation: number): Promise<void> {
  for (const physical of [
    ...Object.values(tableNames(projection, generation)),
    appliedTable(projection.name, generation),
  ])
    await sql`DROP TABLE IF EXISTS ${sql.table(physical)}`.execute(trx)
}

/** First run: generation 1 and its status row. Returns the status (existing or new). */
export async function initProjection(log: EventLog, owner: Kysely<any>, projection: Projection): Promise<StatusRow> {
  return owner.transaction().execute(async (trx) => {
    await lockExclusive(trx, `setup:${projection.name}`)
    const existing = await readStatusRow(trx, projection.name)
    if (existing) return existing
    await createGeneration(log, trx, projection, 1)
    await sql`INSERT INTO projection_status (projection, version, active_generation, state)
      VALUES (${projection.name}, ${projection.version}, 1, 'running')`.execute(trx)
    return (await readStatusRow(trx, projection.name))!
  })
}

/**
 * Starts building a new generation from zero (fresh tables, zero checkpoint) unless one of this
 * version is already being built; a build of another version is abandoned. Clears a pause.
 * Returns the generation being built.
 */
export async function beginBuild(log: EventLog, owner: Kysely<any>, projection: Projection): Promise<number> {
  return owner.transaction().execute(async (trx) => {
    await lockExclusive(trx, `setup:${projection.name}`)
    const status = await readStatusRow(trx, projection.name, "update")
    if (!status) throw new Error(`projection ${projection.name} is not set up`)
    if (status.buildingGeneration !== null && status.buildingVersion === projection.version)
      return status.buildingGeneration
    if (status.buildingGeneration !== null) await discardGeneration(log, trx, projection, status.buildingGeneration)
    const generation = Math.max(status.activeGeneration, status.buildingGeneration ?? 0) + 1
    await createGeneration(log, trx, projection, generation)
    // A rebuild is also the way out of a pause (usually with fixed code): it clears it; the failure stays listed.
    await sql`UPDATE projection_status SET building_generation = ${generation}, building_version = ${projection.version},
        state = 'rebuilding', paused_at = NULL, updated_at = now()
      WHERE projection = ${projection.name}`.execute(trx)
    return generation
  })
}

/** Drops a generation's tables and checkpoint (schema owner). */
export async function discardGeneration(
  log: EventLog,
  owner: Kysely<any>,
  projection: Projection,
  generation: number,
): Promise<void> {
  await dropGenerationTables(owner, projection, generation)
  await log.deleteCheckpoint(checkpointName(projection.name, generation), owner)
}

/**
 * Drops the tables and checkpoints of generations that are neither active nor building (left by a
 * switch whose clean-up did not run, e.g. after a crash, or by an abandoned build).
 */
export async function dropStaleGenerations(log: EventLog, owner: Kysely<any>, projection: Projection): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    await lockExclusive(trx, `setup:${projection.name}`)
    const status = await readStatusRow(trx, projection.name)
    if (!status) return
    const keep = [status.activeGeneration, status.buildingGeneration]
    const tables = [...projection.tables, "applied"].join("|")
    const pattern = new RegExp(`^rm_${projection.name}_(?:${tables})_g(\\d+)$`)
    const { rows } = await sql<any>`SELECT tablename FROM pg_tables
      WHERE schemaname = current_schema() AND tablename LIKE ${`rm_${projection.name}_%`}`.execute(trx)
    for (const { tablename } of rows) {
      const match = pattern.exec(tablename)
      if (match && !keep.includes(Number(match[1])))
        await sql`DROP TABLE IF EXISTS ${sql.table(tablename)}`.execute(trx)
    }
    for (const subscriber of (await log.listCheckpoints(`projection:${projection.name}:g`, trx)).keys()) {
      const generation = Number(/:g(\d+)$/.exec(subscriber)?.[1])
      if (!keep.includes(generation)) await log.deleteCheckpoint(subscriber, trx)
    }
  })
}

/** Inside the switch transaction: the built generation becomes the active one. */
export async function switchGeneration(trx: Kysely<any>, projection: string, generation: number): Promise<void> {
  await sql`UPDATE projection_status SET active_generation = building_generation, version = building_version,
      building_generation = NULL, building_version = NULL, state = 'running', paused_at = NULL,
      failed_generation = NULL, failed_event_id = NULL, failed_global_position = NULL, failed_stream_id = NULL,
      failed_event_type = NULL, error_message = NULL, updated_at = now()
    WHERE projection = ${projection} AND building_generation = ${generation}`.execute(trx)
}

/** Records the failure and pauses the projection, unless that generation has meanwhile been switched out. */
export async function markPaused(
  db: Kysely<any>,
  projection: string,
  generation: number,
  event: RecordedEvent,
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  await sql`UPDATE projection_status SET state = 'paused', paused_at = now(), failed_generation = ${generation},
      failed_event_id = ${event.eventId}, failed_global_position = ${event.globalPosition},
      failed_stream_id = ${event.streamId}, failed_event_type = ${event.type}, error_message = ${message},
      updated_at = now()
    WHERE projection = ${projection}
      AND (active_generation = ${generation} OR building_generation = ${generation})`.execute(db)
}

/** Clears a pause. The failure fields stay as the last failure (until a new one or a generation switch). */
export async function clearPause(db: Kysely<any>, projection: string): Promise<void> {
  await sql`UPDATE projection_status SET paused_at = NULL,
      state = CASE WHEN building_generation IS NULL THEN 'running' ELSE 'rebuilding' END, updated_at = now()
    WHERE projection = ${projection}`.execute(db)
}

export async function listStatus(
  log: EventLog,
  db: Kysely<any>,
  projections?: ReadonlyArray<string>,
): Promise<ReadonlyArray<ProjectionStatus>> {
  // One snapshot for the status rows and their checkpoints, as one statement would see them.
  const { rows, checkpoints } = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const { rows } = await sql<any>`SELECT s.* FROM projection_status s
        ${projections ? sql`WHERE s.projection = ANY (${[...projections]}::text[])` : sql``}
        ORDER BY s.projection`.execute(trx)
      return { rows, checkpoints: await log.listCheckpoints("projection:", trx) }
    })
  const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  const checkpointText = (projection: string, generation: unknown) => {
    const found: Checkpoint | undefined =
      generation === null ? undefined : checkpoints.get(checkpointName(projection, Number(generation)))
    return found ? formatCheckpoint(found) : null
  }
  return rows.map((row) => ({
    projection: row.projection,
    version: Number(row.version),
    activeGeneration: Number(row.active_generation),
    buildingGeneration: nullableNumber(row.building_generation),
    buildingVersion: nullableNumber(row.building_version),
    state: row.state,
    pausedAt: row.paused_at === null ? null : new Date(row.paused_at),
    failedGeneration: nullableNumber(row.failed_generation),
    failedEventId: row.failed_event_id,
    failedGlobalPosition: nullableNumber(row.failed_global_position),
    failedStreamId: row.failed_stream_id,
    failedEventType: row.failed_event_type,
    errorMessage: row.error_message,
    updatedAt: new Date(row.updated_at),
    checkpoint: checkpointText(row.projection, row.active_generation) ?? "0:0",
    buildingCheckpoint: checkpointText(row.projection, row.building_generation),
  }))
}
