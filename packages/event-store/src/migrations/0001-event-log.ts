import { sql, type Kysely } from "kysely"

/**
 * The log itself: streams (one row per stream: version and last chain hash, the lock for appends)
 * and events (append-only). `transaction_id` is the ordering guard (ADR 0003): readers only see
 * events of transactions older than the oldest one still running, ordered by (transaction_id, global_position).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE IF NOT EXISTS es_streams (
      stream_id   text PRIMARY KEY,
      stream_type text NOT NULL,
      version     bigint NOT NULL CHECK (version >= 0),
      last_hash   bytea NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`
    CREATE TABLE IF NOT EXISTS es_events (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
      stream_id       text NOT NULL,
      stream_type     text NOT NULL,
      stream_position bigint NOT NULL CHECK (stream_position >= 1),
      event_id        uuid NOT NULL,
      event_type      text NOT NULL,
      schema_version  integer NOT NULL CHECK (schema_version >= 1),
      data            jsonb NOT NULL,
      metadata        jsonb NOT NULL,
      occurred_at     timestamptz NOT NULL,
      recorded_at     timestamptz NOT NULL DEFAULT now(),
      hash            bytea NOT NULL,
      CONSTRAINT es_events_event_id_key UNIQUE (event_id),
      CONSTRAINT es_events_stream_position_key UNIQUE (stream_id, stream_position)
    )`.execute(db)
  await sql`CREATE INDEX IF NOT EXISTS es_events_commit_order ON es_events (transaction_id, global_position)`.execute(
    db,
  )
  await sql`CREATE INDEX IF NOT EXISTS es_events_by_type ON es_events (event_type, transaction_id, global_position)`.execute(
    db,
  )
  await sql`CREATE INDEX IF NOT EXISTS es_events_by_stream_type ON es_events (stream_type, transaction_id, global_position)`.execute(
    db,
  )
  await sql`CREATE INDEX IF NOT EXISTS es_events_recorded_at ON es_events (recorded_at)`.execute(db)

  // Subscriber and projection checkpoints: advanced with compare-and-set in the subscriber's own transaction.
  await sql`
    CREATE TABLE IF NOT EXISTS es_checkpoints (
      subscriber      text PRIMARY KEY,
      transaction_id  xid8 NOT NULL DEFAULT '0',
      global_position bigint NOT NULL DEFAULT 0,
      updated_at      timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
}
