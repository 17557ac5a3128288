import { sql, type Kysely } from "kysely"

/**
 * History is never rewritten: UPDATE, DELETE and TRUNCATE on the log (and on seals) fail in the database,
 * whatever the application does. Only someone who can disable triggers (a superuser) can get past this,
 * and the hash chain and seals make that visible (ADR 0004).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION es_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Nhật ký sự kiện chỉ được ghi thêm: không được % bảng % / the event log is append-only: % on % is not allowed',
        TG_OP, TG_TABLE_NAME, TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
    END
    $$`.execute(db)
  await sql`
    CREATE TABLE IF NOT EXISTS es_seals (
      seal_number     bigint PRIMARY KEY CHECK (seal_number >= 1),
      transaction_id  xid8 NOT NULL,
      global_position bigint NOT NULL,
      event_count     bigint NOT NULL,
      events_digest   bytea NOT NULL,
      previous_hash   bytea NOT NULL,
      seal_hash       bytea NOT NULL,
      sealed_at       timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  for (const table of ["es_events", "es_seals"]) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(table)}_no_change ON ${sql.raw(table)}`.execute(db)
    await sql`CREATE TRIGGER ${sql.raw(table)}_no_change BEFORE UPDATE OR DELETE ON ${sql.raw(table)}
              FOR EACH ROW EXECUTE FUNCTION es_reject_change()`.execute(db)
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(table)}_no_truncate ON ${sql.raw(table)}`.execute(db)
    await sql`CREATE TRIGGER ${sql.raw(table)}_no_truncate BEFORE TRUNCATE ON ${sql.raw(table)}
              FOR EACH STATEMENT EXECUTE FUNCTION es_reject_change()`.execute(db)
  }
}
