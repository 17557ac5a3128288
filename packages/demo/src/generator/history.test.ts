import { createHash } from "node:crypto"
import { Result, Schema } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { generateHistory, generatedPersonKey, keysFromSeed, summarise, type GeneratedAppend } from "./index.ts"
import { bundledAdminUnits } from "./system-events.ts"
import { AdminUnit, Enterprise, PersonalData, Worker, fold, type EventType } from "@xkld/domain"
const { isInForce, eventTypes: adminUnitEventTypes } = AdminUnit
const { eventTypes: enterpriseEventTypes } = Enterprise
const { blindIndex, validateCitizenId, openPersonal } = PersonalData
const { workerDecider, eventTypes: workerEventTypes, WorkerIdentity } = Worker
type WorkerEvent = Worker.WorkerEvent

const registry = new Map<string, EventType>(
  [...workerEventTypes, ...adminUnitEventTypes, ...enterpriseEventTypes].map((t) => [t.type, t]),
)
const decoders = new Map(
  [...registry].map(([type, t]) => [type, Schema.decodeUnknownSync(t.schema as Schema.Codec<unknown, unknown>)]),
)
const decode = (type: string, data: unknown): any => decoders.get(type)!(JSON.parse(JSON.stringify(data)))

const NOW = "2026-11-23T00:00:00Z"
const TARGET = 20_000
const SEED = "history-test"

const hashOf = (appends: Iterable<GeneratedAppend>, limit: number): string => {
  const hash = createHash("sha256")
  let n = 0
  for (const append of appends) {
    hash.update(JSON.stringify(append))
    if (++n >= limit) break
  }
  return hash.digest("hex")
}

let appends: ReadonlyArray<GeneratedAppend> = []
const workerStreams = new Map<string, Array<GeneratedAppend>>()

beforeAll(() => {
  appends = [...generateHistory({ seed: SEED, targetEvents: TARGET, now: NOW })]
  for (const append of appends) {
    if (append.streamType !== "Worker") continue
    const list = workerStreams.get(append.streamId) ?? []
    list.push(append)
    workerStreams.set(append.streamId, list)
  }
}, 120_000)

describe("generateHistory: determinism and size", () => {
  it("gives byte-identical output for the same options, different output for another seed", () => {
    const first = hashOf(generateHistory({ seed: SEED, targetEvents: TARGET, now: NOW }), 4_000)
    expect(hashOf(generateHistory({ seed: SEED, targetEvents: TARGET, now: NOW }), 4_000)).toBe(first)
    expect(hashOf(appends, 4_000)).toBe(first)
    expect(hashOf(generateHistory({ seed: "another seed", targetEvents: TARGET, now: NOW }), 4_000)).not.toBe(first)
  }, 60_000)

  it("respects targetEvents within 5%", () => {
    const events = summarise(appends).events
    expect(events).toBeGreaterThanOrEqual(TARGET * 0.95)
    expect(events).toBeLessThanOrEqual(TARGET * 1.05)
    const small = summarise(generateHistory({ seed: "small", targetEvents: 5_000, now: NOW })).events
    expect(Math.abs(small - 5_000)).toBeLessThanOrEqual(250)
  }, 60_000)

  it("keeps to the years asked for: one year of history is recorded within that year, in the units of the time", () => {
    const { catalogue } = bundledAdminUnits()
    const year = [...generateHistory({ seed: "2024", targetEvents: 4_000, from: 2024, to: 2024, now: NOW })]
    expect(summarise(year).events).toBeGreaterThan(3_800)
    for (const append of year) {
      expect(append.recordedAt >= "2024-01-01" && append.recordedAt < "2025-01-01").toBe(true)
      const event = append.events[0]!
      if (event.type !== "WorkerRegistered") continue
      const data = decode(event.type, event.data)
      expect(catalogue.units.get(data.residenceUnitId)!.validUntil).toBe("2025-07-01")
    }
  }, 60_000)

  it("is lazy: taking the first appends does not generate the rest", () => {
    const started = performance.now()
    const iterator = generateHistory({ seed: "lazy", targetEvents: 10_000_000, now: NOW })
    for (let i = 0; i < 2_500; i++) expect(iterator.next().done).toBe(false)
    expect(performance.now() - started).toBeLessThan(20_000)
  }, 60_000)
})

describe("generateHistory: every append is valid", () => {
  it("events decode with their schema, carry the registry version and UUID-shaped, unique ids", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    const ids = new Set<string>()
    for (const append of appends) {
      expect(append.events.length).toBeGreaterThan(0)
      for (const event of append.events) {
        const type = registry.get(event.type)
        expect(type, event.type).toBeDefined()
        expect(type!.streamType).toBe(append.streamType)
        expect(event.schemaVersion).toBe(type!.version)
        expect(event.eventId).toMatch(uuid)
        expect(ids.has(event.eventId)).toBe(false)
        ids.add(event.eventId)
        const decoded = decode(event.type, event.data)
        expect(decoded._tag).toBe(event.type)
        if (append.streamType === "Worker") expect(decoded.eventId).toBe(event.eventId)
      }
    }
  })

  it("expected versions follow each stream: no_stream first, then the number of events so far", () => {
    const versions = new Map<string, number>()
    for (const append of appends) {
      const version = versions.get(append.streamId) ?? 0
      expect(append.expectedVersion).toBe(version === 0 ? "no_stream" : version)
      versions.set(append.streamId, version + append.events.length)
    }
  })

  it("recordedAt is never before the business day nor after now, and never decreases", () => {
    const nowMs = Date.parse(NOW)
    let previous = ""
    for (const append of appends) {
      expect(Date.parse(append.recordedAt)).toBeLessThanOrEqual(nowMs)
      expect(append.recordedAt >= previous).toBe(true)
      previous = append.recordedAt
      for (const event of append.events)
        expect(append.recordedAt.slice(0, 10) >= event.occurredAt.slice(0, 10)).toBe(true)
      expect(append.actor.userId.length).toBeGreaterThan(0)
      expect(append.actor.role.length).toBeGreaterThan(0)
    }
  })

  it("records the admin-unit catalogue and the enterprises before any worker", () => {
    const firstWorker = appends.findIndex((a) => a.streamType === "Worker" || a.streamType === "PersonRegistration")
    const kinds = new Set(appends.slice(0, firstWorker).map((a) => a.streamType))
    expect(kinds).toEqual(new Set(["AdminUnit", "Enterprise"]))
    const summary = summarise(appends)
    expect(summary.streamsByType["Enterprise"]).toBeGreaterThanOrEqual(25)
    expect(summary.byType["AdminUnitSucceeded"]).toBeGreaterThan(600) // the 1 July 2025 reorganisation
  })

  it("every worker stream replays through the worker decider, from a registration claimed in its person stream", () => {
    const claims = new Map(appends.filter((a) => a.streamType === "PersonRegistration").map((a) => [a.streamId, a]))
    expect(claims.size).toBe(workerStreams.size)
    for (const [streamId, list] of workerStreams) {
      const events = list.flatMap((a) => a.events.map((e) => decode(e.type, e.data) as WorkerEvent))
      const state = fold(workerDecider, events)
      expect(state.registration, streamId).toBeDefined()
      expect(streamId).toBe(`worker-${state.registration!.workerId}`)
      const claim = claims.get(`person-${state.registration!.provinceCode}-${state.registration!.blindIndex}`)
      expect(claim?.commandId).toBe(list[0]!.commandId)
      expect(claim?.recordedAt).toBe(list[0]!.recordedAt)
      // Every event took effect: facts in effect + corrections + voided facts account for the whole stream.
      expect(state.facts.length + state.corrections.length + state.voidedEventIds.length).toBe(events.length)
      for (const d of state.countedDepartures) expect(d.date >= state.registration!.occurredOn).toBe(true)
    }
  })

  it("seals personal data so the worker's generated key opens it, with a valid citizen ID and an NFC name", () => {
    const keys = keysFromSeed(SEED)
    let checked = 0
    for (const append of appends) {
      const event = append.events[0]!
      if (event.type !== "WorkerRegistered") continue
      const registered = decode(event.type, event.data)
      const key = generatedPersonKey(keys.masterKey, registered.workerId)
      const identity = openPersonal(key, registered.identity, WorkerIdentity)
      if (Result.isFailure(identity)) throw identity.failure
      const { fullName, citizenId, dateOfBirth } = identity.success
      expect(fullName).toBe(fullName.normalize("NFC"))
      expect(fullName.split(" ").length).toBeGreaterThanOrEqual(3)
      expect(Result.isSuccess(validateCitizenId(citizenId, { dateOfBirth, sex: registered.sex }))).toBe(true)
      expect(registered.birthYear).toBe(Number(dateOfBirth.slice(0, 4)))
      expect(registered.blindIndex).toBe(blindIndex(keys.indexKey, registered.provinceCode, citizenId))
      expect(JSON.stringify(event.data)).not.toContain(fullName)
      expect(JSON.stringify(event.data)).not.toContain(citizenId)
      if (++checked >= 300) break
    }
    expect(checked).toBe(300)
  })
})

describe("generateHistory: realistic proportions", () => {
  it("has every stage, drop-outs, corrections, returns and overstays in sane proportions", () => {
    const { byType } = summarise(appends)
    const count = (type: string) => byType[type] ?? 0
    const registered = count("WorkerRegistered")
    expect(registered).toBeGreaterThan(1_000)
    const departed = count("WorkerDeparted") / registered
    expect(departed).toBeGreaterThan(0.4)
    expect(departed).toBeLessThan(0.7)
    expect(count("WorkerCounselled") / registered).toBeGreaterThan(0.7)
    expect(count("WorkerCounselled") / registered).toBeLessThan(0.95)
    for (const type of [
      "WorkerTrainingCompleted",
      "WorkerHealthChecked",
      "WorkerCriminalRecordCertificateIssued",
      "WorkerSelectedByEnterprise",
      "WorkerContractSigned",
      "WorkerLoanRecorded",
      "WorkerSupportSubsidyGranted",
      "WorkerWithdrew",
      "WorkerReturned",
      "WorkerContractEndedEarly",
      "WorkerOverstayed",
      "WorkerViolationRecorded",
      "WorkerReemploymentSupported",
      "WorkerResidenceChanged",
      "WorkerFactCorrected",
      "WorkerFactVoided",
    ]) {
      expect(count(type), type).toBeGreaterThan(0)
    }
    const facts = Object.entries(byType)
      .filter(([t]) => t.startsWith("Worker") && t !== "WorkerFactCorrected" && t !== "WorkerFactVoided")
      .reduce((sum, [, n]) => sum + n, 0)
    const corrections = (count("WorkerFactCorrected") + count("WorkerFactVoided")) / facts
    expect(corrections).toBeGreaterThan(0.004)
    expect(corrections).toBeLessThan(0.03)
    expect(count("WorkerWithdrew") / registered).toBeGreaterThan(0.1)
    expect(count("WorkerWithdrew") / registered).toBeLessThan(0.45)
  })

  it("has drop-outs at several stages, returns of each kind, and a country mix led by Japan and Taiwan", () => {
    const stages = new Set<string>()
    const returns = new Set<string>()
    const countries: Record<string, number> = {}
    for (const append of appends) {
      for (const event of append.events) {
        const data = event.data as Record<string, any>
        if (event.type === "WorkerWithdrew") stages.add(data["stage"])
        if (event.type === "WorkerReturned") returns.add(data["kind"])
        if (event.type === "WorkerContractSigned") countries[data["country"]] = (countries[data["country"]] ?? 0) + 1
      }
    }
    expect(stages.size).toBeGreaterThanOrEqual(5)
    expect(returns).toContain("onTime")
    expect(returns).toContain("early")
    const total = Object.values(countries).reduce((a, b) => a + b, 0)
    expect(countries["JP"]! / total).toBeGreaterThan(0.3)
    expect(countries["JP"]! / total).toBeLessThan(0.6)
    expect(countries["TW"]! / total).toBeGreaterThan(0.15)
    expect(countries["KR"]! / total).toBeGreaterThan(0.1)
  })

  it("places departures before 1 July 2025 in old units and later ones of new registrations in new units", () => {
    const { catalogue } = bundledAdminUnits()
    let oldBefore = 0
    let newAfter = 0
    for (const list of workerStreams.values()) {
      const state = fold(
        workerDecider,
        list.flatMap((a) => a.events.map((e) => decode(e.type, e.data) as WorkerEvent)),
      )
      for (const departure of state.countedDepartures) {
        const unit = catalogue.units.get(departure.residenceUnitId)
        expect(unit, departure.residenceUnitId).toBeDefined()
        if (departure.date < "2025-07-01") {
          expect(isInForce(unit!, departure.date)).toBe(true)
          expect(unit!.validUntil).toBe("2025-07-01")
          oldBefore++
        } else if (isInForce(unit!, departure.date)) {
          expect(unit!.validFrom).toBe("2025-07-01")
          newAfter++
        }
      }
    }
    expect(oldBefore).toBeGreaterThan(50)
    expect(newAfter).toBeGreaterThan(50)
  })

  it("registers workers only in units valid on the registration date, of the chosen provinces", () => {
    const { catalogue } = bundledAdminUnits()
    const sample = [...generateHistory({ seed: "north-west", targetEvents: 8_000, provinces: ["12", "15"], now: NOW })]
    const provinces = new Set<string>()
    const oldProvinces = new Set<string>()
    for (const append of sample) {
      const event = append.events[0]!
      if (event.type !== "WorkerRegistered") continue
      const data = decode(event.type, event.data)
      provinces.add(data.provinceCode)
      const unit = catalogue.units.get(data.residenceUnitId)!
      expect(isInForce(unit, data.occurredOn)).toBe(true)
      if (data.occurredOn < "2025-07-01") oldProvinces.add(data.residenceUnitId.split("/")[1])
    }
    expect(provinces).toEqual(new Set(["12", "15"]))
    // The new Lào Cai (15) was old Lào Cai (10) and Yên Bái (15) before 1 July 2025.
    expect(oldProvinces).toEqual(new Set(["10", "12", "15"]))
  }, 60_000)
})

describe("generateHistory: two generations merged, as the demo makes them", () => {
  it("share no event id (ids of the stages of issue 9 are keyed by worker, not by citizen ID)", () => {
    const all = ["12", "14", "15"] as const
    const first = generateHistory({
      seed: SEED,
      targetEvents: 8_000,
      provinces: ["14"],
      enterpriseProvinces: all,
      now: NOW,
    })
    const second = generateHistory({
      seed: `${SEED}/others`,
      enterpriseSeed: SEED,
      targetEvents: 4_000,
      provinces: ["12", "15"],
      enterpriseProvinces: all,
      systemAppends: false,
      now: NOW,
    })
    const ids = new Set<string>()
    let events = 0
    for (const append of [...first, ...second])
      for (const event of append.events) {
        ids.add(event.eventId)
        events++
      }
    expect(ids.size).toBe(events)
  }, 120_000)
})
