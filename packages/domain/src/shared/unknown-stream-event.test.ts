import { describe, expect, test } from "vitest"
import { adminUnitDecider, buildCatalogue, catalogueBuilder } from "../admin-unit/index.ts"
import { enterpriseDecider } from "../enterprise/decider.ts"
import { evolveEnterprise, initialEnterpriseState } from "../enterprise/state.ts"
import { planTaskDecider } from "../plan-task/decider.ts"
import { planTaskSeedEvents } from "../plan-task/data/seed-events.ts"
import { isTaskId, taskStreamId } from "../plan-task/ids.ts"
import { quotaPlanDecider } from "../quota-plan/decider.ts"
import { quotaPlanSeedEvents } from "../quota-plan/data/seed-events.ts"
import { sonLa2026PlanId } from "../quota-plan/data/son-la-2026.ts"
import { isPlanId, planStreamId, PlanId } from "../quota-plan/ids.ts"
import { reportingObligationDecider } from "../reporting-obligation/decider.ts"
import { reportingObligationSeedEvents } from "../reporting-obligation/data/seed-events.ts"
import { isObligationId } from "../reporting-obligation/ids.ts"
import { allEventTypes } from "../registry/event-types.ts"
import { workerDecider } from "../worker/decider.ts"
import { personRegistrationDecider } from "../worker/person-registration.ts"
import { Schema } from "effect"
import { fold } from "./decider.ts"
import { UnknownStreamEvent } from "./unknown-stream-event.ts"

/** An event of another kind, as the registry would decode it (only its tag matters to the guard). */
const foreign = (type: string) => ({ _tag: type }) as any

const thrown = (run: () => unknown): unknown => {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}

const seeded = <S, E>(decider: { initialState: S; evolve: (s: S, e: E) => S }, events: ReadonlyArray<{ event: E }>) =>
  fold(
    decider,
    events.map((e) => e.event),
  )

const plan2026 = seeded(
  quotaPlanDecider,
  quotaPlanSeedEvents().filter((e) => e.streamId === sonLa2026PlanId),
)
const anObligation = (() => {
  const events = reportingObligationSeedEvents()
  return seeded(
    reportingObligationDecider,
    events.filter((e) => e.streamId === events[0]!.streamId),
  )
})()
const aTask = (() => {
  const events = planTaskSeedEvents()
  return seeded(
    planTaskDecider,
    events.filter((e) => e.streamId === events[0]!.streamId),
  )
})()

/** Every evolve of the domain, in a fresh and in a recorded state, with the event types of its own kind. */
const evolves: ReadonlyArray<{
  readonly streamType: string
  readonly states: ReadonlyArray<unknown>
  readonly evolve: (state: any, event: any) => unknown
}> = [
  { streamType: "QuotaPlan", states: [quotaPlanDecider.initialState, plan2026], evolve: quotaPlanDecider.evolve },
  {
    streamType: "ReportingObligation",
    states: [reportingObligationDecider.initialState, anObligation],
    evolve: reportingObligationDecider.evolve,
  },
  { streamType: "PlanTask", states: [planTaskDecider.initialState, aTask], evolve: planTaskDecider.evolve },
  { streamType: "Worker", states: [workerDecider.initialState], evolve: workerDecider.evolve },
  {
    streamType: "PersonRegistration",
    states: [personRegistrationDecider.initialState],
    evolve: personRegistrationDecider.evolve,
  },
  { streamType: "Enterprise", states: [initialEnterpriseState], evolve: evolveEnterprise },
  { streamType: "Enterprise", states: [enterpriseDecider.initialState], evolve: enterpriseDecider.evolve },
  { streamType: "AdminUnit", states: [adminUnitDecider.initialState], evolve: adminUnitDecider.evolve },
]

describe("every evolve meets an event of another kind with UnknownStreamEvent, never undefined", () => {
  test("the reproduction: ReportingObligationSet in the issued 2026 plan's stream", () => {
    expect(plan2026).toMatchObject({ status: "issued" })
    const error = thrown(() => quotaPlanDecider.evolve(plan2026, foreign("ReportingObligationSet")))
    expect(error).toBeInstanceOf(UnknownStreamEvent)
    expect(error).toMatchObject({
      _tag: "UnknownStreamEvent",
      streamType: "QuotaPlan",
      eventType: "ReportingObligationSet",
    })
    const named = (error as UnknownStreamEvent).inStream(sonLa2026PlanId)
    expect(named.message).toBe(
      `Luồng ${sonLa2026PlanId} có sự kiện ReportingObligationSet không thuộc loại QuotaPlan / stream ${sonLa2026PlanId} holds an event ReportingObligationSet that is not a QuotaPlan event`,
    )
  })

  test("each evolve, each state, each event type of every other kind (and a made-up one)", () => {
    let checked = 0
    for (const { streamType, states, evolve } of evolves) {
      const others = [
        ...allEventTypes.filter((entry) => entry.streamType !== streamType).map((entry) => entry.type),
        "NoSuchEvent",
      ]
      for (const state of states)
        for (const type of others) {
          const error = thrown(() => evolve(state, foreign(type)))
          expect(error, `${streamType} evolve on ${type}`).toBeInstanceOf(UnknownStreamEvent)
          expect(error).toMatchObject({ streamType, eventType: type })
          checked++
        }
    }
    expect(checked).toBeGreaterThan(evolves.length * 20)
  })

  test("the catalogue's bulk folds guard too", () => {
    expect(thrown(() => buildCatalogue([foreign("PlanIssued")]))).toMatchObject({
      _tag: "UnknownStreamEvent",
      streamType: "AdminUnit",
      eventType: "PlanIssued",
    })
    expect(thrown(() => catalogueBuilder().add(foreign("WorkerRegistered")))).toBeInstanceOf(UnknownStreamEvent)
  })
})

describe("ids of a kind: one rule each, and they cannot name another kind's stream", () => {
  test("plan ids", () => {
    for (const id of [sonLa2026PlanId, "quota-plan:14:scheme:2025-2030", "quota-plan:12:scheme:ct20-2030"])
      expect(isPlanId(id), id).toBe(true)
    for (const id of [
      "reporting-obligation:14:2026:annual:SO-NGANH",
      "plan-task:14:2026:VIII.1",
      "worker-1",
      "quota-plan:14",
      "quota-plan:1:2026",
      "quota-plan:14:",
      "quota-plan:14:2026 ",
      "xquota-plan:14:2026",
      `quota-plan:14:${"x".repeat(200)}`,
    ])
      expect(isPlanId(id), id).toBe(false)
    expect(isPlanId(sonLa2026PlanId, "14")).toBe(true)
    expect(isPlanId(sonLa2026PlanId, "10")).toBe(false)
    expect(planStreamId("14", 2027, "ab12cd34")).toBe("quota-plan:14:2027:ab12cd34")
    expect(() => planStreamId("14", "2027:x")).toThrow()
    expect(Schema.decodeUnknownExit(PlanId)("quota-plan:14:2026")._tag).toBe("Success")
    expect(Schema.decodeUnknownExit(PlanId)("reporting-obligation:14:2026:x")._tag).toBe("Failure")
  })

  test("task and obligation ids, and every seed stream's id is an id of its kind", () => {
    expect(isTaskId("plan-task:14:2026:VIII.1")).toBe(true)
    expect(isTaskId(sonLa2026PlanId)).toBe(false)
    expect(taskStreamId("14", 2026, "I.1")).toBe("plan-task:14:2026:I.1")
    expect(isObligationId("reporting-obligation:14:2026:annual:SO-NGANH")).toBe(true)
    expect(isObligationId(sonLa2026PlanId)).toBe(false)
    for (const e of quotaPlanSeedEvents()) expect(isPlanId(e.streamId), e.streamId).toBe(true)
    for (const e of planTaskSeedEvents()) expect(isTaskId(e.streamId), e.streamId).toBe(true)
    for (const e of reportingObligationSeedEvents()) expect(isObligationId(e.streamId), e.streamId).toBe(true)
  })
})
