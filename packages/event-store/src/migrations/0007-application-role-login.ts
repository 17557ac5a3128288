import { sql, type Kysely } from "kysely"
import { APP_ROLE } from "./0004-application-role.ts"

/**
 * The application connects AS its role instead of switching to it (ADR 0008): a role reached by
 * `SET ROLE` (or `-c role=`) is undone by `RESET ROLE` within the same connection, which gives back the
 * connecting user's rights (the migrating user: owner or superuser). A LOGIN role has no one to reset to.
 * Only the LOGIN attribute is set here; a password, where the server asks for one, is the operator's
 * (`ALTER ROLE xkld_app PASSWORD …`, then `DATABASE_APP_URL`; infra/postgres/README.md). Skipped, like 0004,
 * where the migrating user cannot manage roles.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole))
         OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${sql.raw(APP_ROLE)}') THEN
        RAISE NOTICE 'xkld: cannot manage roles, ${sql.raw(APP_ROLE)} keeps its LOGIN attribute as it is';
        RETURN;
      END IF;
      BEGIN
        ALTER ROLE ${sql.raw(APP_ROLE)} LOGIN;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'xkld: may not alter ${sql.raw(APP_ROLE)}; the deployment must give it LOGIN';
      END;
    END
    $$`.execute(db)
}
