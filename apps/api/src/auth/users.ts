import { randomUUID } from "node:crypto"
import { sql, type Kysely } from "kysely"
import type { Actor } from "../access/actor.ts"
import type { Role } from "../access/roles.ts"
import { hashPassword } from "./passwords.ts"
import { forgetSessionsOf } from "./session-cache.ts"

export interface UserRow {
  readonly user_id: string
  readonly username: string
  readonly display_name: string
  readonly role: Role
  readonly province_code: string
  readonly unit_ids: ReadonlyArray<string>
  readonly enterprise_id: string | null
  readonly agency: string | null
  readonly password_hash: string
  readonly failed_attempts: number
  readonly locked_until: Date | null
  readonly disabled: boolean
}

export const actorOf = (row: UserRow): Actor => ({
  userId: row.user_id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  provinceCode: row.province_code,
  unitIds: [...(row.unit_ids ?? [])],
  enterpriseId: row.enterprise_id,
  agency: row.agency,
})

export interface NewUser {
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly provinceCode: string
  readonly unitIds?: ReadonlyArray<string>
  readonly enterpriseId?: string | null
  readonly agency?: string | null
  readonly password: string
}

export async function findUser(db: Kysely<any>, username: string): Promise<UserRow | undefined> {
  const { rows } =
    await sql<UserRow>`SELECT * FROM api_users WHERE username = ${username.normalize("NFC").toLowerCase()}`.execute(db)
  return rows[0]
}

export async function findUserById(db: Kysely<any>, userId: string): Promise<UserRow | undefined> {
  const { rows } = await sql<UserRow>`SELECT * FROM api_users WHERE user_id = ${userId}`.execute(db)
  return rows[0]
}

/** Creates a user, or leaves an existing one with that username as it is. Returns its id. */
export async function ensureUser(db: Kysely<any>, user: NewUser): Promise<string> {
  const existing = await findUser(db, user.username)
  if (existing) return existing.user_id
  const userId = randomUUID()
  await sql`INSERT INTO api_users (user_id, username, display_name, role, province_code, unit_ids, enterprise_id, agency, password_hash)
    VALUES (${userId}, ${user.username.normalize("NFC").toLowerCase()}, ${user.displayName}, ${user.role}, ${user.provinceCode},
      ${[...(user.unitIds ?? [])]}::text[], ${user.enterpriseId ?? null}, ${user.agency ?? null}, ${await hashPassword(user.password)})
    ON CONFLICT (username) DO NOTHING`.execute(db)
  return (await findUser(db, user.username))!.user_id
}

export async function listUsers(db: Kysely<any>): Promise<ReadonlyArray<UserRow>> {
  const { rows } = await sql<UserRow>`SELECT * FROM api_users ORDER BY username`.execute(db)
  return rows
}

/** Disables or re-enables an account; a disabled account signs nothing in and its sessions end. */
export async function setDisabled(db: Kysely<any>, userId: string, disabled: boolean): Promise<void> {
  await sql`UPDATE api_users SET disabled = ${disabled}, updated_at = now() WHERE user_id = ${userId}`.execute(db)
  if (disabled) await sql`DELETE FROM api_sessions WHERE user_id = ${userId}`.execute(db)
  forgetSessionsOf(userId) // the sessions kept in memory, at once (session-cache.ts)
}

/** Sets a password chosen by an administrator: the lock is lifted and every session of the account ends. */
export async function resetPassword(db: Kysely<any>, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    await sql`UPDATE api_users SET password_hash = ${passwordHash}, failed_attempts = 0, locked_until = NULL,
        updated_at = now() WHERE user_id = ${userId}`.execute(trx)
    await sql`DELETE FROM api_sessions WHERE user_id = ${userId}`.execute(trx)
  })
  forgetSessionsOf(userId) // the sessions kept in memory, at once (session-cache.ts)
}
