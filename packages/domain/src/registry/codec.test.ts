import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { EventType } from "../shared/event-type.ts"
import { WorkerRegistered } from "../worker/events.ts"
import { registrationData } from "../worker/testing/fixtures.ts"
import { decodeEvent, encodeEvent, makeEventCodec } from "./codec.ts"
import type { DomainEvent } from "./domain-event.ts"
import { allEventTypes } from "./event-types.ts"
import { allEventFixtures, eventFixtures } from "./testing/fixtures.ts"

/** What the store does: JSON in a jsonb column. */
const throughJson = (data: unknown): unknown => JSON.parse(JSON.stringify(data))

const decoded = (result: Result.Result<DomainEvent, unknown>): DomainEvent => {
  if (Result.isFailure(result)) throw new Error(`expected a decoded event, got ${JSON.stringify(result.failure)}`)
  return result.success
}
const failure = (result: Result.Result<DomainEvent, unknown>) => {
  if (Result.isSuccess(result)) throw new Error(`expected a failure, decoded ${JSON.stringify(result.success)}`)
  return result.failure as { _tag: string; message: string; messageEn: string }
}

describe("encodeEvent / decodeEvent round trip", () => {
  it.each(allEventFixtures.map((e) => [e._tag, e] as const))("%s", (type, event) => {
    const encoded = encodeEvent(event)
    expect(encoded.type).toBe(type)
    expect(encoded.schemaVersion).toBe(allEventTypes.find((t) => t.type === type)!.version)
    expect(throughJson(encoded.data)).toEqual(encoded.data) // JSON-safe: nothing lost through the store
    const back = decoded(decodeEvent(encoded.type, encoded.schemaVersion, throughJson(encoded.data)))
    expect(back).toEqual(event)
    expect(back).toBeInstanceOf(event.constructor)
  })

  it("covers every registered event type", () => {
    expect(new Set(allEventFixtures.map((e) => e._tag))).toEqual(new Set(allEventTypes.map((t) => t.type)))
  })

  it("stores the current version and the type's data with its tag", () => {
    const { type, schemaVersion, data } = encodeEvent(eventFixtures.WorkerRegistered)
    expect({ type, schemaVersion }).toEqual({ type: "WorkerRegistered", schemaVersion: 2 })
    expect(data).toMatchObject({ _tag: "WorkerRegistered", birthYear: 2000, priorityGroups: ["poorHousehold"] })
  })

  it("takes the tag from the stored type when the data leaves it out", () => {
    const { _tag, ...data } = encodeEvent(eventFixtures.EnterpriseVetted).data as Record<string, unknown>
    expect(decoded(decodeEvent("EnterpriseVetted", 1, data))).toEqual(eventFixtures.EnterpriseVetted)
  })
})

describe("decodeEvent upcasting", () => {
  const written = new WorkerRegistered({ ...registrationData, priorityGroups: [] })

  it("reads a v1 WorkerRegistered (no priority groups) as the v2 event written today", () => {
    const { priorityGroups: _, ...v1 } = throughJson(encodeEvent(written).data) as Record<string, unknown>
    expect(decoded(decodeEvent("WorkerRegistered", 1, v1))).toEqual(written)
    expect(failure(decodeEvent("WorkerRegistered", 2, v1))._tag).toBe("InvalidEventData") // v1 data is not v2
  })

  it("property: any v1 registration reads as the v2 one with no priority groups", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.boolean(),
        fc.constantFrom("male" as const, "female" as const),
        (birthYear, ethnicMinority, sex) => {
          const v2 = new WorkerRegistered({ ...registrationData, birthYear, ethnicMinority, sex, priorityGroups: [] })
          const { priorityGroups: _, ...v1 } = throughJson(encodeEvent(v2).data) as Record<string, unknown>
          expect(decoded(decodeEvent("WorkerRegistered", 1, v1))).toEqual(v2)
        },
      ),
    )
  })

  it("applies the upcasters in order, from the stored version up to the current one", () => {
    const Shape = Schema.Struct({ _tag: Schema.Literal("Thing"), a: Schema.Number, b: Schema.Number, c: Schema.Number })
    const thing: EventType = {
      type: "Thing",
      version: 3,
      streamType: "Test",
      description: "A thing",
      personalFields: [],
      schema: Shape,
      upcasters: {
        1: (d) => ({ ...(d as object), b: 1 }),
        2: (d) => ({ ...(d as { b: number }), c: (d as { b: number }).b + 1 }),
      },
    }
    const codec = makeEventCodec([thing])
    const ok = (r: Result.Result<unknown, unknown>) => (Result.isSuccess(r) ? r.success : r.failure)
    expect(ok(codec.decodeEvent("Thing", 1, { a: 0 }))).toEqual({ _tag: "Thing", a: 0, b: 1, c: 2 })
    expect(ok(codec.decodeEvent("Thing", 2, { a: 0, b: 5 }))).toEqual({ _tag: "Thing", a: 0, b: 5, c: 6 })
    expect(ok(codec.decodeEvent("Thing", 3, { a: 0, b: 5, c: 9 }))).toEqual({ _tag: "Thing", a: 0, b: 5, c: 9 })
  })

  it("turns an upcaster that throws into invalid data", () => {
    const broken: EventType = {
      type: "Broken",
      version: 2,
      streamType: "Test",
      description: "Broken",
      personalFields: [],
      schema: Schema.Struct({ _tag: Schema.Literal("Broken") }),
      upcasters: {
        1: () => {
          throw new Error("boom")
        },
      },
    }
    const error = failure(makeEventCodec([broken]).decodeEvent("Broken", 1, {}))
    expect(error).toMatchObject({ _tag: "InvalidEventData", schemaVersion: 1 })
    expect(error.messageEn).toContain("boom")
  })

  it("refuses to build a codec over a registry with a missing upcaster", () => {
    const entry: EventType = {
      type: "X",
      version: 2,
      streamType: "T",
      description: "X",
      personalFields: [],
      schema: Schema.Struct({}),
    }
    expect(() => makeEventCodec([entry])).toThrow(/no upcaster from version 1/)
  })
})

describe("decodeEvent rejections", () => {
  const data = throughJson(encodeEvent(eventFixtures.WorkerDeparted).data)

  it("rejects an unknown event type", () => {
    const error = failure(decodeEvent("WorkerTeleported", 1, data))
    expect(error).toMatchObject({ _tag: "UnknownEventType", type: "WorkerTeleported" })
    expect(error.message).toBe('Loại sự kiện "WorkerTeleported" không có trong danh mục sự kiện của phần mềm.')
  })

  it("rejects a version newer than the current one", () => {
    const error = failure(
      decodeEvent("WorkerRegistered", 3, throughJson(encodeEvent(eventFixtures.WorkerRegistered).data)),
    )
    expect(error).toMatchObject({ _tag: "FutureEventVersion", schemaVersion: 3, currentVersion: 2 })
    expect(error.message).toContain("phiên bản lược đồ 3")
    expect(error.message).toContain("cần cập nhật phần mềm")
  })

  it("rejects a version that is not a whole number from 1", () => {
    for (const version of [0, -1, 1.5, Number.NaN]) {
      expect(failure(decodeEvent("WorkerDeparted", version, data))._tag).toBe("InvalidEventData")
    }
  })

  it("rejects data that does not fit the schema, saying where", () => {
    const error = failure(decodeEvent("WorkerDeparted", 1, { ...(data as object), occurredOn: "01/04/2025" }))
    expect(error).toMatchObject({ _tag: "InvalidEventData", type: "WorkerDeparted", schemaVersion: 1 })
    expect(error.message).toContain("không đúng lược đồ")
    expect(error.messageEn).toContain("occurredOn")
    expect(failure(decodeEvent("WorkerDeparted", 1, null))._tag).toBe("InvalidEventData")
    expect(failure(decodeEvent("WorkerDeparted", 1, "text"))._tag).toBe("InvalidEventData")
  })

  it("rejects data whose tag names another type", () => {
    const error = failure(decodeEvent("WorkerReturned", 1, data))
    expect(error).toMatchObject({ _tag: "InvalidEventData", type: "WorkerReturned" })
  })
})

describe("encodeEvent misuse", () => {
  it("throws UnknownEventType for an event whose class is not registered", () => {
    const stranger = { _tag: "WorkerTeleported" } as unknown as DomainEvent
    expect(() => encodeEvent(stranger)).toThrow(expect.objectContaining({ _tag: "UnknownEventType" }))
  })

  it("throws InvalidEventData for a look-alike not built by the event's class", () => {
    const lookAlike = { ...eventFixtures.WorkerDeparted, occurredOn: "yesterday" } as unknown as DomainEvent
    expect(() => encodeEvent(lookAlike)).toThrow(expect.objectContaining({ _tag: "InvalidEventData" }))
  })
})
