import { createHash } from "node:crypto"
import { sql, type Kysely } from "kysely"
import { fail } from "../http/problem.ts"

export interface StoredAnswer {
  readonly status: number
  readonly body: unknown
}

export const requestHash = (method: string, path: string, body: unknown): string =>
  createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest("hex")

/** A previous answer to the same key from the same user, or undefined. A key reused for another request is refused. */
export async function previousAnswer(
  db: Kysely<any>,
  userId: string,
  key: string,
  hash: string,
): Promise<StoredAnswer | undefined> {
  const { rows } = await sql<{ request_hash: string; status: number; body: unknown }>`SELECT request_hash, status, body
    FROM api_idempotency WHERE user_id = ${userId} AND idempotency_key = ${key}`.execute(db)
  const row = rows[0]
  if (!row) return undefined
  if (row.request_hash !== hash)
    throw fail(
      "idempotency-key-reused",
      "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.",
      "This Idempotency-Key was already used for a different request.",
    )
  return { status: row.status, body: row.body }
}

export async function rememberAnswer(
  db: Kysely<any>,
  userId: string,
  key: string,
  hash: string,
  answer: StoredAnswer,
): Promise<void> {
  await sql`INSERT INTO api_idempotency (user_id, idempotency_key, request_hash, status, body)
    VALUES (${userId}, ${key}, ${hash}, ${answer.status}, ${JSON.stringify(answer.body)}::jsonb)
    ON CONFLICT DO NOTHING`.execute(db)
}

/** Event ids derived from the idempotency key, so a retry racing the first attempt appends nothing new. */
export const eventIdFrom = (userId: string, key: string, index: number): string => {
  const hex = createHash("sha256").update(`${userId}\u0000${key}\u0000${index}`).digest("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
