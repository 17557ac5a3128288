import { sql, type Kysely } from "kysely"
import type { UserRow } from "./users.ts"

/** Five wrong passwords in a row lock an account for 15 minutes. */
export const MAX_FAILURES = 5
export const LOCK_MS = 15 * 60_000
/** More than 20 failed sign-ins from one client in 15 minutes are refused outright (429). */
export const CLIENT_LIMIT = 20
const WINDOW_MS = 15 * 60_000

/*
 * Both limits are taken BEFORE the password is verified, each in one statement that reserves the attempt and
 * says whether it is within the limit; a success releases the reservation afterwards. N parallel guesses can
 * therefore never all reach argon2: at most the limit do (issue 15 item 5). Every time is the database clock.
 */

/**
 * Reserves one sign-in attempt of a client: records it as failed (until `releaseClientAttempt` marks it a
 * success) if the client has fewer than `CLIENT_LIMIT` failures in the window, else records nothing.
 * Returns the attempt's id, or undefined when the client is over the limit.
 *
 * The count and the insert are one statement, serialised per client by a transaction-scoped advisory lock: the
 * statement's snapshot is taken after the lock is held, so it sees every reservation of that client committed
 * before (READ COMMITTED takes a snapshot per statement; PGlite has a single connection anyway).
 */
export async function reserveClientAttempt(
  db: Kysely<any>,
  client: string,
  username: string,
): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`xkld-sign-in:${client}`}, 0))`.execute(trx)
    const { rows } = await sql<{ id: string }>`INSERT INTO api_sign_in_attempts (username, client, succeeded)
      SELECT ${username}, ${client}, false
      WHERE (SELECT count(*) FROM api_sign_in_attempts
             WHERE client = ${client} AND NOT succeeded
               AND at > now() - make_interval(secs => ${WINDOW_MS / 1000})) < ${CLIENT_LIMIT}
      RETURNING id::text AS id`.execute(trx)
    return rows[0]?.id
  })
}

/** The reserved attempt succeeded: it no longer counts as a failure. */
export async function releaseClientAttempt(db: Kysely<any>, attemptId: string): Promise<void> {
  await sql`UPDATE api_sign_in_attempts SET succeeded = true WHERE id = ${attemptId}::bigint`.execute(db)
}

/**
 * Reserves one password check against an account: counts it as a failure first (locking the account when this
 * attempt is the limit's), in one UPDATE whose row lock serialises parallel attempts; an account that is
 * locked, disabled or unknown matches no row. Returns the account, or undefined when its password must not be
 * tried now — the caller cannot tell the three apart and must answer them alike (ADR 0009).
 */
export async function reserveAccountAttempt(db: Kysely<any>, username: string): Promise<UserRow | undefined> {
  const { rows } = await sql<UserRow>`UPDATE api_users SET failed_attempts = failed_attempts + 1,
      locked_until = CASE WHEN failed_attempts + 1 >= ${MAX_FAILURES}
        THEN now() + make_interval(secs => ${LOCK_MS / 1000}) ELSE NULL END,
      updated_at = now()
    WHERE username = ${username.normalize("NFC").toLowerCase()} AND NOT disabled
      AND (locked_until IS NULL OR locked_until <= now())
    RETURNING *`.execute(db)
  return rows[0]
}

/** The password was right: the account's failures are forgiven and any lock set by this attempt lifted. */
export async function releaseAccountAttempt(db: Kysely<any>, userId: string): Promise<void> {
  await sql`UPDATE api_users SET failed_attempts = 0, locked_until = NULL, updated_at = now() WHERE user_id = ${userId}`.execute(
    db,
  )
}
