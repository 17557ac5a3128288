import { randomUUID } from "node:crypto"
import pg from "pg"
import type { Database } from "../backends/database.ts"
import { openPglite } from "../backends/pglite.ts"
import { openPostgres } from "../backends/postgres.ts"
import type { EventMetadata, NewEvent } from "../types.ts"

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or — when
 * DATABASE_URL is set — a new PostgreSQL database created for the file and dropped on close.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL
  if (!url) return openPglite()
  const name = `xkld_t_${randomUUID().replaceAll("-", "").slice(0, 16)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const target = new URL(url)
  target.pathname = `/${name}`
  const database = await openPostgres({ connectionString: target.toString() })
  return {
    ...database,
    close: async () => {
      await database.close()
      const dropper = new pg.Client({ connectionString: url })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await dropper.end()
    },
  }
}

export const testMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { userId: "test", role: "system" },
  commandId: randomUUID(),
  correlationId: randomUUID(),
  source: { kind: "system", process: "test" },
  ...overrides,
})

export const testEvent = (data: unknown = {}, type = "TestHappened"): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: testMetadata(),
  occurredAt: new Date("2026-01-15T00:00:00Z"),
})
