import { createHash, randomBytes } from "node:crypto"
import { sql, type Kysely } from "kysely"
import { forgetSession, forgetSessionsOf } from "./session-cache.ts"

export const SESSION_COOKIE = "xkld_session"
/** Sessions end after 8 hours of inactivity, and at most 7 days after sign-in. */
const IDLE_MS = 8 * 3600_000
const MAX_MS = 7 * 86_400_000

// Only a hash of the session id is stored: a leaked sessions table signs nobody in.
export const hashOf = (token: string) => createHash("sha256").update(token).digest("hex")

export async function createSession(db: Kysely<any>, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url")
  const csrfToken = randomBytes(24).toString("base64url")
  await sql`INSERT INTO api_sessions (session_hash, user_id, csrf_token, expires_at)
    VALUES (${hashOf(token)}, ${userId}, ${csrfToken}, ${new Date(Date.now() + MAX_MS).toISOString()}::timestamptz)`.execute(
    db,
  )
  return { token, csrfToken }
}

export async function findSession(
  db: Kysely<any>,
  token: string,
): Promise<{ userId: string; csrfToken: string } | undefined> {
  const { rows } = await sql<{ user_id: string; csrf_token: string; last_seen_at: Date; expires_at: Date }>`
    SELECT user_id, csrf_token, last_seen_at, expires_at FROM api_sessions WHERE session_hash = ${hashOf(token)}`.execute(
    db,
  )
  const row = rows[0]
  if (!row) return undefined
  const now = Date.now()
  if (new Date(row.expires_at).getTime() < now || new Date(row.last_seen_at).getTime() + IDLE_MS < now) {
    await endSession(db, token)
    return undefined
  }
  // touch at most once a minute: reads stay cheap
  if (new Date(row.last_seen_at).getTime() + 60_000 < now)
    await sql`UPDATE api_sessions SET last_seen_at = now() WHERE session_hash = ${hashOf(token)}`.execute(db)
  return { userId: row.user_id, csrfToken: row.csrf_token }
}

// Forgotten in memory after the row is gone (session-cache.ts): a read in flight meanwhile is not kept.
export async function endSession(db: Kysely<any>, token: string): Promise<void> {
  await sql`DELETE FROM api_sessions WHERE session_hash = ${hashOf(token)}`.execute(db)
  forgetSession(hashOf(token))
}

export async function endAllSessions(db: Kysely<any>, userId: string): Promise<void> {
  await sql`DELETE FROM api_sessions WHERE user_id = ${userId}`.execute(db)
  forgetSessionsOf(userId)
}
