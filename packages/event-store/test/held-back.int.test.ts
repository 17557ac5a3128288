import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, expect, test } from "vitest"
import { openEventLog, type EventLog } from "../src/index.ts"
import { openTestDatabase, testEvent } from "../src/testing/index.ts"

let log: EventLog
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase())
})
afterAll(() => log.close())

const streamType = () => `Held${randomUUID().slice(0, 8)}`

/** Holds a writing transaction open until `release(commit)` is called. */
const openWriter = async (type: string) => {
  let release!: (commit: boolean) => void
  const decided = new Promise<boolean>((resolve) => (release = resolve))
  let started!: () => void
  const began = new Promise<void>((resolve) => (started = resolve))
  const event = testEvent({ held: true })
  const finished = log.database.db
    .transaction()
    .execute(async (trx) => {
      const outcome = await log.append(
        { streamId: `held-${randomUUID()}`, streamType: type, expectedVersion: "any", events: [event] },
        trx,
      )
      if (!outcome.ok) throw outcome.error
      started()
      if (!(await decided)) throw new Error("rolled back on purpose")
    })
    .catch(() => undefined)
  await began
  return { event, release, finished }
}

if (process.env.DATABASE_URL) {
  for (const commit of [true, false]) {
    test(`a reader is held back by an open writing transaction and catches up on ${commit ? "commit" : "rollback"}`, async () => {
      const type = streamType()
      const held = await openWriter(type)
      const later = testEvent({ later: true })
      const outcome = await log.append({
        streamId: `later-${randomUUID()}`,
        streamType: type,
        expectedVersion: "any",
        events: [later],
      })
      expect(outcome.ok).toBe(true)
      // the later event has committed, but an older transaction is still open: nothing is visible yet
      expect(await log.readAllBatch({ streamTypes: [type] })).toHaveLength(0)
      held.release(commit)
      await held.finished
      const ids = (await log.readAllBatch({ streamTypes: [type] })).map((e) => e.eventId)
      expect(ids).toEqual(commit ? [held.event.eventId, later.eventId] : [later.eventId])
    })
  }
} else {
  // PGlite has one connection: a reader cannot run beside an open writing transaction, it waits for it.
  for (const commit of [true, false]) {
    test(`a reader waits for the open writing transaction and then sees its outcome (${commit ? "commit" : "rollback"})`, async () => {
      const type = streamType()
      const held = await openWriter(type)
      let readerDone = false
      const reading = log.readAllBatch({ streamTypes: [type] }).then((events) => {
        readerDone = true
        return events
      })
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(readerDone).toBe(false)
      held.release(commit)
      await held.finished
      const ids = (await reading).map((e) => e.eventId)
      expect(ids).toEqual(commit ? [held.event.eventId] : [])
    })
  }
}
