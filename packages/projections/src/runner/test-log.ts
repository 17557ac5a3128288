import { afterAll, beforeAll } from "vitest"
import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"

/*
 * The one setup of the projection runner's tests (*.int.test.ts beside this file); their fixtures are in
 * test-projections.ts.
 */

/** The backend the tests run on, named in their titles: PostgreSQL when DATABASE_URL is set, else PGlite. */
export const backend = process.env.DATABASE_URL ? "postgres" : "pglite"

/** The running test file's log, opened by `setUpTestLog()`. */
export let log: EventLog

/**
 * Each test file calls this once, at its top: an event log over a fresh test database (notifications every
 * 10 ms, so that loops wake at once), closed after the file.
 */
export function setUpTestLog(): void {
  beforeAll(async () => {
    log = await openEventLog(await openTestDatabase(), { notifyIntervalMs: 10 })
  })
  afterAll(() => log.close())
}
