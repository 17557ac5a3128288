import { sql, type Kysely } from "kysely"

/** Five wrong passwords in a row lock an account for 15 minutes. */
export const MAX_FAILURES = 5
export const LOCK_MS = 15 * 60_000
/** More than 20 failed sign-ins from one client in 15 minutes are refused outright (429). */
export const CLIENT_LIMIT = 20
const WINDOW_MS = 15 * 60_000

export async function recentClientFailures(db: Kysely<any>, client: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int8 AS n FROM api_sign_in_attempts
    WHERE client = ${client} AND NOT succeeded AND at > ${new Date(Date.now() - WINDOW_MS).toISOString()}::timestamptz`.execute(
    db,
  )
  return Number(rows[0]?.n ?? 0)
}

export async function recordAttempt(
  db: Kysely<any>,
  username: string,
  client: string,
  succeeded: boolean,
): Promise<void> {
  await sql`INSERT INTO api_sign_in_attempts (username, client, succeeded) VALUES (${username}, ${client}, ${succeeded})`.execute(
    db,
  )
}

/** Counts a failure against the account; locks it at the limit. */
export async function registerFailure(db: Kysely<any>, userId: string): Promise<void> {
  await sql`UPDATE api_users SET failed_attempts = failed_attempts + 1,
      locked_until = CASE WHEN failed_attempts + 1 >= ${MAX_FAILURES}
        THEN ${new Date(Date.now() + LOCK_MS).toISOString()}::timestamptz ELSE locked_until END,
      updated_at = now()
    WHERE user_id = ${userId}`.execute(db)
}

export async function registerSuccess(db: Kysely<any>, userId: string): Promise<void> {
  await sql`UPDATE api_users SET failed_attempts = 0, locked_until = NULL, updated_at = now() WHERE user_id = ${userId}`.execute(
    db,
  )
}
