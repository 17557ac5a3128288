import { sql, type Kysely } from "kysely"
import { Migrator, type Migration } from "kysely/migration"

/**
 * The API's own operational tables (not the event log): accounts and sessions, idempotency records,
 * per-person keys, and the record of who read whose personal data. Versioned like the store's.
 */
const migrations: Record<string, Migration> = {
  "0001-api-tables": {
    up: async (db) => {
      await sql`CREATE TABLE IF NOT EXISTS api_users (
        user_id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL,
        province_code text NOT NULL,
        unit_ids text[] NOT NULL DEFAULT '{}',
        enterprise_id text,
        agency text,
        password_hash text NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db)
      await sql`CREATE TABLE IF NOT EXISTS api_sessions (
        session_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES api_users (user_id),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`.execute(db)
      await sql`CREATE TABLE IF NOT EXISTS api_sign_in_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL,
        client text NOT NULL,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`.execute(db)
      await sql`CREATE INDEX IF NOT EXISTS api_sign_in_attempts_recent ON api_sign_in_attempts (client, at)`.execute(db)
      await sql`CREATE TABLE IF NOT EXISTS api_idempotency (
        user_id text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        status integer NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, idempotency_key)
      )`.execute(db)
      // Per-person data keys, wrapped by the master key. Deleting a row erases that person's identity
      // from the log forever (crypto-shredding, ADR 0007); statistics are untouched.
      await sql`CREATE TABLE IF NOT EXISTS pd_person_keys (
        key_id text PRIMARY KEY,
        wrapped_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db)
      await sql`CREATE TABLE IF NOT EXISTS pd_erasures (
        key_id text PRIMARY KEY,
        erased_by text NOT NULL,
        reason text NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db)
      // Every read of identifying data: who, whose, when. Append-only like the log.
      await sql`CREATE TABLE IF NOT EXISTS pd_access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id text NOT NULL,
        role text NOT NULL,
        worker_id text NOT NULL,
        purpose text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`.execute(db)
      await sql`DROP TRIGGER IF EXISTS pd_access_log_no_change ON pd_access_log`.execute(db)
      await sql`CREATE TRIGGER pd_access_log_no_change BEFORE UPDATE OR DELETE ON pd_access_log
        FOR EACH ROW EXECUTE FUNCTION es_reject_change()`.execute(db)
    },
  },
  // TRUNCATE fires no row trigger, and the default privileges of the event store's 0004 grant it to the
  // application on every API table: the access log refuses it like the event log does (ADR 0008).
  "0002-access-log-append-only": {
    up: async (db) => {
      await sql`DROP TRIGGER IF EXISTS pd_access_log_no_truncate ON pd_access_log`.execute(db)
      await sql`CREATE TRIGGER pd_access_log_no_truncate BEFORE TRUNCATE ON pd_access_log
        FOR EACH STATEMENT EXECUTE FUNCTION es_reject_change()`.execute(db)
      await sql`
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'xkld_app') THEN
            REVOKE UPDATE, DELETE, TRUNCATE ON pd_access_log FROM xkld_app;
          END IF;
        END
        $$`.execute(db)
    },
  },
  // Each worker's place in Vietnamese name order within the province (ADR 0024): a number, no part of the name.
  // Written by the name-order follower (personal-data/name-order), deleted with the person key on erasure; not in
  // backups (it is rebuilt from the log and the keys).
  "0003-name-order": {
    up: async (db) => {
      await sql`CREATE TABLE IF NOT EXISTS pd_name_order (
        worker_id text PRIMARY KEY,
        province_code text NOT NULL,
        key_id text NOT NULL,
        position double precision NOT NULL
      )`.execute(db)
      await sql`CREATE INDEX IF NOT EXISTS pd_name_order_position ON pd_name_order (province_code, position, worker_id COLLATE "C")`.execute(
        db,
      )
      await sql`CREATE INDEX IF NOT EXISTS pd_name_order_key ON pd_name_order (key_id)`.execute(db)
    },
  },
  "0004-name-order-identity": {
    up: async (db) => {
      // The sealed identity of the registration in effect beside its position (an envelope as in the log, unreadable
      // without the person key), so that a page of the list reads its names with its own query (ADR 0030).
      await sql`ALTER TABLE pd_name_order ADD COLUMN IF NOT EXISTS identity jsonb`.execute(db)
    },
  },
}

export async function migrateApi(owner: Kysely<any>): Promise<void> {
  const { error } = await migratorOf(owner).migrateToLatest()
  if (error) throw error
}

/** Names of the API's migrations not applied to this database (readiness). */
export async function pendingApiMigrations(db: Kysely<any>): Promise<ReadonlyArray<string>> {
  return (await migratorOf(db).getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name)
}

const migratorOf = (db: Kysely<any>) =>
  new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: "api_migrations",
    migrationLockTableName: "api_migrations_lock",
  })
