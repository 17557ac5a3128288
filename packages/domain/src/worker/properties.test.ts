import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import {
  ConfirmDossier,
  CorrectWorkerFact,
  RecordContract,
  RecordContractEndedEarly,
  RecordCounselling,
  RecordDeparture,
  RecordOverstay,
  RecordResidenceChange,
  RecordReturn,
  RecordWithdrawal,
  RegisterWorker,
  VoidWorkerFact,
  type WorkerCommand,
} from "./commands.ts"
import { workerDecider } from "./decider.ts"
import { countedDepartures, departureCount } from "./departures.ts"
import { ageOn } from "./rules.ts"
import { WorkerDeparted, WorkerEvent, WorkerFact } from "./events.ts"
import { contractData, registrationData, standing, WORKER } from "./testing/fixtures.ts"

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** A step of a random history: which command, when, and a pick among the facts in effect. */
const step = fc.record({
  kind: fc.constantFrom(
    ...(["register", "move", "counsel", "endEarly", "overstay", "correctAny", "void", "withdraw"] as const),
    ...(["confirm", "confirm"] as const),
    ...(["contract", "contract", "contract", "contract", "depart", "depart", "depart", "depart"] as const),
    ...(["return", "return", "return", "return", "correctDeparture", "correctDeparture", "move"] as const),
  ),
  /** Days after the previous step (mostly forward, sometimes back: facts get recorded late). */
  days: fc.integer({ min: -20, max: 150 }),
  pick: fc.nat(),
  young: fc.boolean(), // registered born 2007: under 18 until 2025-09-01
})

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never

const START = "2025-01-10"

/** Turns steps into commands against the current state (corrections pick one of the facts in effect). */
const commandFor = (s: Step, i: number, occurredOn: string, facts: ReadonlyArray<WorkerFact>): WorkerCommand => {
  const base = { eventId: `e-${i}`, workerId: WORKER, occurredOn }
  // what the app would read from the sealed identity of the registration in effect
  const registration = facts.find((f) => f._tag === "WorkerRegistered")
  const dateOfBirth = registration?.birthYear === 2007 ? "2007-09-01" : "2000-05-20"
  const target = facts.length === 0 ? undefined : facts[s.pick % facts.length]
  // where the enterprise stood on a date: mostly allowed to recruit, sometimes suspended or off the list
  const standingOn = (on: string) =>
    standing(on, s.pick % 7 === 3 ? { suspended: true } : s.pick % 11 === 5 ? { vetted: false } : {})
  switch (s.kind) {
    case "register":
      return new RegisterWorker({ ...registrationData, ...base, birthYear: s.young ? 2007 : 2000 })
    case "move":
      return new RecordResidenceChange({
        ...base,
        residenceUnitCode: `0${s.pick % 5}`,
        residenceUnitId: `u-${s.pick % 5}`,
      })
    case "counsel":
      return new RecordCounselling({ ...base, provider: "TTDVVL" })
    case "confirm":
      return new ConfirmDossier(base)
    case "contract":
      return new RecordContract({ ...contractData(), ...base, standing: standingOn(occurredOn) })
    case "depart":
      return new RecordDeparture({ ...base, dateOfBirth })
    case "return":
      return new RecordReturn({ ...base, kind: "onTime" })
    case "endEarly":
      return new RecordContractEndedEarly({ ...base, reason: "Lý do" })
    case "overstay":
      return new RecordOverstay(base)
    case "withdraw":
      return new RecordWithdrawal({ ...base, reason: "Lý do" })
    case "correctDeparture": {
      const departure = facts.filter((f) => f._tag === "WorkerDeparted")[s.pick % Math.max(1, facts.length)] ?? target
      if (departure === undefined) return new RecordCounselling({ ...base, provider: "TTDVVL" })
      const replacement = Schema.decodeUnknownSync(WorkerFact)({
        ...Schema.encodeSync(WorkerFact)(departure),
        occurredOn: addDays(departure.occurredOn, (s.pick % 61) - 30),
      })
      return new CorrectWorkerFact({
        ...base,
        correctsEventId: departure.eventId,
        reason: "Sửa ngày",
        replacement,
        dateOfBirth,
      })
    }
    case "correctAny": {
      if (target === undefined) return new RecordCounselling({ ...base, provider: "TTDVVL" })
      const replacement = Schema.decodeUnknownSync(WorkerFact)({
        ...Schema.encodeSync(WorkerFact)(target),
        occurredOn: addDays(target.occurredOn, (s.pick % 21) - 10),
      })
      return new CorrectWorkerFact({
        ...base,
        correctsEventId: target.eventId,
        reason: "Sửa",
        replacement,
        dateOfBirth,
        standing: standingOn(replacement.occurredOn),
      })
    }
    case "void":
      return new VoidWorkerFact({ ...base, correctsEventId: target?.eventId ?? "none", reason: "Hủy" })
  }
}

/** Runs the commands through decide, keeping accepted events and the state evolved step by step. */
const run = (steps: ReadonlyArray<Step>) => {
  let state = workerDecider.initialState
  const events: Array<WorkerEvent> = []
  let date = START
  steps.forEach((s, i) => {
    date = addDays(date, s.days)
    const decided = workerDecider.decide(commandFor(s, i, date, state.facts), state)
    if (Result.isSuccess(decided)) {
      for (const event of decided.success) {
        events.push(event)
        state = workerDecider.evolve(state, event)
      }
    }
  })
  return { state, events }
}

const ofKind = (kind: Step["kind"]) => step.map((s) => ({ ...s, kind }))
/** Confirmation, contract, departure, return: a full stay abroad, so that histories reach second departures. */
const stayAbroad = fc.tuple(ofKind("confirm"), ofKind("contract"), ofKind("depart"), ofKind("return"))

// Histories start with a registration, then mix single random steps with whole stays abroad.
const history = fc
  .tuple(
    ofKind("register").map((s) => ({ ...s, days: 0 })),
    fc.array(
      fc.oneof(
        step.map((s) => [s]),
        stayAbroad,
      ),
      { minLength: 3, maxLength: 25 },
    ),
  )
  .map(([first, rest]) => [first, ...rest.flat()])

const encodeEvent = Schema.encodeSync(WorkerEvent)
const decodeEvent = Schema.decodeUnknownSync(WorkerEvent)

describe("worker properties", () => {
  it("replaying any valid history gives the same state, also after a JSON round trip through the log", () => {
    fc.assert(
      fc.property(history, (steps) => {
        const { state, events } = run(steps)
        expect(fold(workerDecider, events)).toEqual(state)
        const stored = events.map((event) => JSON.parse(JSON.stringify(encodeEvent(event))))
        expect(
          fold(
            workerDecider,
            stored.map((json) => decodeEvent(json)),
          ),
        ).toEqual(state)
      }),
      { numRuns: fc.readConfigureGlobal().numRuns ?? 300 },
    )
  })

  it("no command sequence makes one person count twice against a quota year", () => {
    fc.assert(
      fc.property(history, (steps) => {
        const { events, state } = run(steps)
        const counted = countedDepartures(events)
        const years = counted.map((d) => d.year)
        expect(new Set(years).size).toBe(years.length)
        for (const year of years) expect(departureCount(events, year)).toBe(1)
        // every counted departure is a departure in effect, on its (possibly corrected) date
        const inEffect = state.facts.filter((f): f is WorkerDeparted => f._tag === "WorkerDeparted")
        for (const d of counted)
          expect(inEffect.some((f) => f.eventId === d.eventId && f.occurredOn === d.date)).toBe(true)
      }),
      { numRuns: fc.readConfigureGlobal().numRuns ?? 300 },
    )
  })

  it("the invariants hold in every reachable state", () => {
    fc.assert(
      fc.property(history, (steps) => {
        const { state } = run(steps)
        const departures = state.facts.filter((f): f is WorkerDeparted => f._tag === "WorkerDeparted")
        const contracts = new Map(
          state.facts.filter((f) => f._tag === "WorkerContractSigned").map((c) => [c.eventId, c]),
        )
        // no contract in effect without a dossier confirmation in effect on or before its date
        const confirmations = state.facts.filter((f) => f._tag === "WorkerDossierConfirmed")
        for (const contract of contracts.values())
          expect(confirmations.some((c) => c.occurredOn <= contract.occurredOn)).toBe(true)
        for (const d of departures) {
          const contract = contracts.get(d.contractEventId)
          expect(contract).toBeDefined() // no departure without a contract in effect
          expect(d.occurredOn >= contract!.occurredOn).toBe(true)
          expect(d.occurredOn >= state.registration!.occurredOn).toBe(true)
        }
        // aged 18+ on every departure date (the app's date of birth for this birth year, as in commandFor)
        const dateOfBirth = state.registration?.birthYear === 2007 ? "2007-09-01" : "2000-05-20"
        for (const d of departures) expect(ageOn(dateOfBirth, d.occurredOn)).toBeGreaterThanOrEqual(18)
        // departures and returns alternate (never two departures without a return between them), in date order
        const moves = state.facts.filter((f) => f._tag === "WorkerDeparted" || f._tag === "WorkerReturned")
        moves.forEach((fact, i) => {
          expect(fact._tag).toBe(i % 2 === 0 ? "WorkerDeparted" : "WorkerReturned")
          if (i > 0) expect(fact.occurredOn >= moves[i - 1]!.occurredOn).toBe(true)
        })
      }),
      { numRuns: fc.readConfigureGlobal().numRuns ?? 300 },
    )
  })
})
