import { randomUUID } from "node:crypto"
import { Enterprise, type DomainEvent } from "@xkld/domain"
import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { afterAll, beforeAll, expect, test } from "vitest"
import { createReadModels, toStoreRecords, type ReadModels } from "../src/index.ts"

/**
 * Two appends to one stream recorded at the same instant (the demo's and imports' fixed recorded times), each
 * applied in its own batch: the version the first opened is closed at the instant it opened. The live table
 * must hold what a rebuild (both events in one batch) holds. Found by the fault tests on PostgreSQL.
 */

let log: EventLog
let models: ReadModels
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
  models = createReadModels(log, { batchSize: 1000 })
  await models.runner.start()
})
afterAll(async () => {
  await models.runner.stop()
  await log.close()
})

const at = new Date("2024-01-01T00:30:00Z")
const enterpriseId = randomUUID()
const streamId = Enterprise.enterpriseStreamId(enterpriseId)

async function appendAt(event: DomainEvent, expectedVersion: "no_stream" | number) {
  await log.append({
    streamId,
    streamType: Enterprise.ENTERPRISE_STREAM_TYPE,
    expectedVersion,
    recordedAt: at,
    events: toStoreRecords(
      [event],
      {
        actor: { userId: "test", role: "province-officer" },
        commandId: randomUUID(),
        correlationId: randomUUID(),
        source: { kind: "seed", dataset: "test" },
      },
      { eventIdOf: () => randomUUID() },
    ),
  })
  await models.runner.caughtUp()
}

test("a version closed at the instant it opened is not kept: live equals a rebuild", async () => {
  await appendAt(
    new Enterprise.EnterpriseLicensed({
      enterpriseId,
      occurredOn: "2024-01-01",
      name: "Công ty Cổ phần Thử nghiệm",
      licenceNumber: "01/LĐTBXH-GP",
      licenceDate: "2024-01-01",
    }),
    "no_stream",
  )
  await appendAt(
    new Enterprise.EnterpriseVetted({
      enterpriseId,
      occurredOn: "2024-01-01",
      provinceCode: "14",
      legalBasis: { number: "01/QĐ-UBND", date: "2024-01-01", issuer: "UBND tỉnh Sơn La" },
    }),
    1,
  )
  const live = await models.runner.contentHash("enterprises")
  await models.runner.rebuild("enterprises")
  expect(await models.runner.contentHash("enterprises")).toBe(live)
  const rows = await models.enterprises({})
  expect(rows.find((r) => r.enterpriseId === enterpriseId)?.vettedIn).toEqual(["14"])
})
