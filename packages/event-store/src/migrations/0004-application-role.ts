import { sql, type Kysely } from "kysely"

/** The role the application runs as (ADR 0004). It may read and append to the log, never change it. */
export const APP_ROLE = "xkld_app"

/**
 * Creates the application role when the migrating user may (superuser or CREATEROLE), and grants it
 * only SELECT and INSERT on the log and seals. Where roles cannot be created the step is skipped and
 * the deployment must provide an equivalent role (infra/postgres/README.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
        RAISE NOTICE 'xkld: cannot create roles, skipping ${sql.raw(APP_ROLE)}';
        RETURN;
      END IF;
      BEGIN
        CREATE ROLE ${sql.raw(APP_ROLE)} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another database of the cluster made it
      END;
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${sql.raw(APP_ROLE)}', current_schema());
      EXECUTE format('GRANT ${sql.raw(APP_ROLE)} TO %I', current_user);
      REVOKE ALL ON es_events, es_seals FROM ${sql.raw(APP_ROLE)};
      GRANT SELECT, INSERT ON es_events, es_seals TO ${sql.raw(APP_ROLE)};
      GRANT SELECT, INSERT, UPDATE ON es_streams, es_checkpoints TO ${sql.raw(APP_ROLE)};
      GRANT EXECUTE ON FUNCTION es_append(text, text, text, jsonb, timestamptz) TO ${sql.raw(APP_ROLE)};
      -- read models and other tables created later by the migrating user are the application's to write
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ${sql.raw(APP_ROLE)}', current_schema());
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO ${sql.raw(APP_ROLE)}', current_schema());
    END
    $$`.execute(db)
}
