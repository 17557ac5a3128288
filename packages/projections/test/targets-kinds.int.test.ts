import { randomUUID } from "node:crypto"
import { Generator, demoSeedRecordedAt, recordHistory, recordSeedDocuments } from "@xkld/demo"
import { AdminUnit, encodeEvent, QuotaPlan, Worker, type DomainEvent } from "@xkld/domain"
import { openEventLog, type EventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createReadModels, targetScoreboard, toStoreRecords, type ReadModels, type TargetItem } from "../src/index.ts"

/**
 * Given/when/then for each kind of target, over a few workers written by hand (the admin-unit catalogue and the
 * seed plans as in the demo): what counts, where (the issuing authority's territory across the province merger),
 * and as of when (a void recorded later). About 5 s on PGlite.
 */

let log: EventLog
let models: ReadModels
const oldId = (p: string, code: string) => AdminUnit.adminUnitId({ provinceCode: p, code, validFrom: null })
const newId = (p: string, code: string) => AdminUnit.adminUnitId({ provinceCode: p, code, validFrom: "2025-07-01" })
const sealed = { keyId: "k", iv: "AAAAAAAAAAAAAAAA", ciphertext: "AAAA", tag: "AAAAAAAAAAAAAAAAAAAAAA==" }

/** Units from the published succession table: old Lào Cai 02635 → Phường Lào Cai 02647; a Yên Bái commune. */
const units = () => {
  const catalogue = AdminUnit.buildCatalogue(AdminUnit.loadBundledAdminUnitEvents())
  const yenBai = [...catalogue.units.keys()].find(
    (id) =>
      id.includes("/15/") &&
      catalogue.units.get(id)!.validUntil === "2025-07-01" &&
      AdminUnit.attributesOn(catalogue, id, "2025-01-01")?.kind !== "district" &&
      AdminUnit.attributesOn(catalogue, id, "2025-01-01")?.kind !== "province",
  )!
  const yenBaiNew = AdminUnit.successorsToday(catalogue, yenBai)[0]!.unitId
  const laiChau = [...catalogue.units.keys()].find(
    (id) =>
      id.includes("/12/") &&
      catalogue.units.get(id)!.validUntil === "2025-07-01" &&
      AdminUnit.attributesOn(catalogue, id, "2025-01-01")?.kind === "commune",
  )!
  return { oldLaoCai: oldId("10", "02635"), newLaoCai: newId("15", "02647"), yenBai, yenBaiNew, laiChau }
}

let clock = Date.parse("2025-01-20T03:00:00Z")
async function append(
  workerId: string,
  events: ReadonlyArray<DomainEvent & { eventId: string; occurredOn: string }>,
  recordedAt?: string,
) {
  const stream = await log.readStream(Worker.workerStreamId(workerId))
  const outcome = await log.append({
    streamId: Worker.workerStreamId(workerId),
    streamType: Worker.WORKER_STREAM_TYPE,
    expectedVersion: stream.length === 0 ? "no_stream" : stream.length,
    recordedAt: new Date(recordedAt ?? new Date((clock += 60_000)).toISOString()),
    events: events.map((e) => ({
      ...encodeEvent(e),
      eventId: e.eventId,
      occurredAt: new Date(`${e.occurredOn}T00:00:00Z`),
      metadata: {
        actor: { userId: "test", role: "homeAffairsDept" },
        commandId: randomUUID(),
        correlationId: randomUUID(),
        source: { kind: "seed", dataset: "test" },
      },
    })),
  })
  if (!outcome.ok) throw outcome.error
}

interface Story {
  readonly province: string
  readonly unitId: string
  readonly unitCode: string
  readonly registeredOn: string
  /** Legal counselling (tư vấn pháp luật). */
  readonly counselled?: string
  readonly generalCounselling?: string
  readonly language?: readonly [string, string]
  readonly orientation?: string
  readonly country: string
  readonly programme: string
  readonly departed: string
}

/** A worker's history, each fact an event; returns the event ids by fact. */
async function worker(story: Story) {
  const workerId = randomUUID()
  const id = () => randomUUID()
  const ids = { registration: id(), language: id(), orientation: id(), contract: id(), departure: id() }
  const base = { workerId }
  const facts: Array<DomainEvent & { eventId: string; occurredOn: string }> = [
    new Worker.WorkerRegistered({
      ...base,
      eventId: ids.registration,
      occurredOn: story.registeredOn,
      provinceCode: story.province,
      residenceUnitCode: story.unitCode,
      residenceUnitId: story.unitId,
      sex: "female",
      birthYear: 2000,
      ethnicMinority: false,
      priorityGroups: [],
      blindIndex: randomUUID(),
      identity: sealed,
    }),
  ]
  if (story.counselled)
    facts.push(
      new Worker.WorkerLegalCounselled({
        ...base,
        eventId: id(),
        occurredOn: story.counselled,
        provider: "Trung tâm Trợ giúp pháp lý nhà nước",
      }),
    )
  // General counselling (tư vấn) is not the legal counselling the plans require.
  if (story.generalCounselling)
    facts.push(
      new Worker.WorkerCounselled({
        ...base,
        eventId: id(),
        occurredOn: story.generalCounselling,
        provider: "Trung tâm Dịch vụ việc làm",
      }),
    )
  if (story.language)
    facts.push(
      new Worker.WorkerTrainingCompleted({
        ...base,
        eventId: ids.language,
        occurredOn: story.language[0],
        kind: "language",
        provider: story.language[1],
      }),
    )
  if (story.orientation)
    facts.push(
      new Worker.WorkerTrainingCompleted({
        ...base,
        eventId: ids.orientation,
        occurredOn: story.orientation,
        kind: "orientation",
        provider: "Doanh nghiệp",
      }),
    )
  facts.push(
    new Worker.WorkerContractSigned({
      ...base,
      eventId: ids.contract,
      occurredOn: story.departed,
      enterpriseId: "ent-1",
      country: story.country,
      programme: story.programme,
      occupation: "Nông nghiệp",
      durationMonths: 36,
      monthlyWage: { amount: 1500, currency: "USD" },
      feesPaidByWorker: 0,
    }),
    new Worker.WorkerDeparted({
      ...base,
      eventId: ids.departure,
      occurredOn: story.departed,
      contractEventId: ids.contract,
    }),
  )
  for (const fact of facts) await append(workerId, [fact])
  return { workerId, ...ids }
}

const byKind = (items: ReadonlyArray<TargetItem>, kind: string, byYear?: number) =>
  items.find((i) => i.kind === kind && (byYear === undefined || i.period.to.startsWith(String(byYear))))!

let voidedAt = ""
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
  const catalogueAppends = [
    ...Generator.generateHistory({ seed: "kinds", targetEvents: 2500, provinces: ["15"] }),
  ].filter((a) => a.streamType === "AdminUnit")
  await recordHistory(log, catalogueAppends, undefined, { commandsPerTransaction: 500 })
  await recordSeedDocuments(log, toStoreRecords, demoSeedRecordedAt)
  const u = units()
  const prepared = {
    counselled: "2025-02-05",
    language: ["2025-03-01", "Trung tâm ngoại ngữ A"] as const,
    orientation: "2025-03-10",
  }
  // Lào Cai 2025 (the old Lào Cai's plan, province 10)
  const w1 = await worker({
    province: "15",
    unitId: u.oldLaoCai,
    unitCode: "02635",
    registeredOn: "2025-02-01",
    ...prepared,
    country: "KR",
    programme: "KR-EPS",
    departed: "2025-03-20",
  })
  await worker({
    province: "15",
    unitId: u.yenBai,
    unitCode: "0",
    registeredOn: "2025-02-01",
    ...prepared,
    country: "KR",
    programme: "KR-EPS",
    departed: "2025-04-10",
  })
  await worker({
    province: "15",
    unitId: u.newLaoCai,
    unitCode: "02647",
    registeredOn: "2025-08-01",
    generalCounselling: "2025-08-05",
    language: ["2025-08-20", "Trung tâm ngoại ngữ A"],
    orientation: "2025-09-01",
    country: "JP",
    programme: "JP-TITP",
    departed: "2025-10-01",
  })
  await worker({
    province: "15",
    unitId: u.yenBaiNew,
    unitCode: "0",
    registeredOn: "2025-08-01",
    ...prepared,
    country: "JP",
    programme: "JP-TITP",
    departed: "2025-09-15",
  })
  await worker({
    province: "15",
    unitId: u.oldLaoCai,
    unitCode: "02635",
    registeredOn: "2025-02-01",
    language: ["2025-03-01", "Trung tâm ngoại ngữ A"],
    orientation: "2025-03-10",
    counselled: "2025-05-02",
    country: "TW",
    programme: "TW-WORKER",
    departed: "2025-05-01",
  })
  // Later (recorded 1 Dec 2025): W1's orientation was entered by mistake — voided.
  voidedAt = "2025-12-01T03:00:00Z"
  await append(
    w1.workerId,
    [
      new Worker.WorkerFactVoided({
        workerId: w1.workerId,
        eventId: randomUUID(),
        occurredOn: "2025-12-01",
        correctsEventId: w1.orientation,
        reason: "Nhập nhầm người",
      }),
    ],
    voidedAt,
  )
  // Lai Châu (12): two departures 2024 and 2025, a third trainee whose only language training is voided
  await worker({
    province: "12",
    unitId: u.laiChau,
    unitCode: "0",
    registeredOn: "2024-03-01",
    language: ["2024-05-01", "Trung tâm ngoại ngữ A"],
    country: "JP",
    programme: "JP-TITP",
    departed: "2024-09-01",
  })
  await worker({
    province: "12",
    unitId: u.laiChau,
    unitCode: "0",
    registeredOn: "2025-01-10",
    language: ["2025-03-01", "Trung tâm Ngoại ngữ B"],
    country: "MY",
    programme: "MY-WORKER",
    departed: "2025-06-01",
  })
  const l3 = await worker({
    province: "12",
    unitId: u.laiChau,
    unitCode: "0",
    registeredOn: "2025-01-10",
    language: ["2025-03-01", "Trung tâm ngoại ngữ C"],
    country: "JP",
    programme: "JP-TITP",
    departed: "2025-11-01",
  })
  await append(
    l3.workerId,
    [
      new Worker.WorkerFactVoided({
        workerId: l3.workerId,
        eventId: randomUUID(),
        occurredOn: "2025-11-02",
        correctsEventId: l3.language,
        reason: "Trùng khóa học",
      }),
    ],
    "2025-11-02T03:00:00Z",
  )
  models = createReadModels(log, { batchSize: 500 })
  await models.runner.start()
  await models.runner.caughtUp()
})
afterAll(async () => {
  await models.runner.stop()
  await log.close()
})

describe("the target kinds, given a few workers", () => {
  test("Lào Cai 2025: departures counted over the old Lào Cai's territory, before and after the merger; Yên Bái's not", async () => {
    const board = await targetScoreboard(models, { provinceCode: "15", year: 2025 })
    const departures = byKind(board.items, "departures")
    expect(departures.planId).toBe(QuotaPlan.laoCai2025PlanId)
    expect(departures.measured).toEqual({ value: 3, numerator: 3, denominator: null })
    expect(departures.met).toBe(false) // 3 of 350
  })

  test("trained before departure: language, orientation and counselling each on or before the departure date", async () => {
    // W1 prepared (before the void), W3 with general counselling only, W5 legally counselled the day after leaving
    const before = await targetScoreboard(models, {
      provinceCode: "15",
      year: 2025,
      asOf: new Date(Date.parse(voidedAt) - 1),
    })
    expect(byKind(before.items, "trained-before-departure-share").measured).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
    })
    // Then W1's orientation is voided: nobody was prepared
    const now = await targetScoreboard(models, { provinceCode: "15", year: 2025 })
    expect(byKind(now.items, "trained-before-departure-share").measured).toEqual({
      value: 0,
      numerator: 0,
      denominator: 3,
    })
    expect(byKind(now.items, "trained-before-departure-share").met).toBe(false)
  })

  test("Lai Châu: a yearly average over 2023–2025, trainees and centres without the voided training, the province's own high-income markets", async () => {
    const board = await targetScoreboard(models, { provinceCode: "12", year: 2025 })
    // Three departures in 2024–2025 over the three years 2023–2025
    expect(byKind(board.items, "departures", 2025).measured).toEqual({ value: 1, numerator: 3, denominator: 3 })
    expect(byKind(board.items, "language-trainees", 2025).measured.value).toBe(2)
    expect(byKind(board.items, "language-training-centres").measured.value).toBe(2) // "ngoại ngữ A" and "Ngoại ngữ B"
    expect(byKind(board.items, "language-training-centres").met).toBe(true)
    // JP twice (Lai Châu classifies it high-income), MY once (it does not)
    expect(byKind(board.items, "high-income-market-share").measured).toEqual({
      value: 66.7,
      numerator: 2,
      denominator: 3,
    })
  })
})
