import type { Kysely } from "kysely"
import type { Session } from "../services.ts"

/**
 * Signed-in sessions kept in memory for a second (issue 12, ADR 0030): reading the session row and its account on
 * every request was two round trips of every read route. Everything that ends a session or changes what it may do
 * in this process (sign-out, the account's password changed or reset, the account disabled) forgets it at once,
 * before it answers; a session ended by another process is forgotten here within `CACHE_MS`.
 */
export const CACHE_MS = 1000
const MAX_ENTRIES = 4096

interface Entry {
  readonly db: Kysely<any>
  readonly userId: string
  readonly session: Session
  readonly until: number
}

const entries = new Map<string, Entry>()
/** Counts forgettings, so that a read that was in flight while a session was forgotten is not kept. */
let forgotten = 0

export async function rememberedSession(
  db: Kysely<any>,
  tokenHash: string,
  load: () => Promise<Session | undefined>,
): Promise<Session | undefined> {
  const now = Date.now()
  const entry = entries.get(tokenHash)
  if (entry && entry.db === db && entry.until > now) return entry.session
  if (entry) entries.delete(tokenHash)
  const before = forgotten
  const session = await load()
  if (session && forgotten === before) {
    entries.set(tokenHash, { db, userId: session.actor.userId, session, until: now + CACHE_MS })
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  }
  return session
}

/** One session ended (sign-out). */
export function forgetSession(tokenHash: string): void {
  forgotten++
  entries.delete(tokenHash)
}

/** Every session of an account (password changed or reset, account disabled). */
export function forgetSessionsOf(userId: string): void {
  forgotten++
  for (const [hash, entry] of entries) if (entry.userId === userId) entries.delete(hash)
}
