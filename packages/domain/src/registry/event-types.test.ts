import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { eventTypes as adminUnitEventTypes } from "../admin-unit/events.ts"
import { SealedPersonal } from "../personal-data/envelope.ts"
import type { EventType } from "../shared/event-type.ts"
import { eventTypes as workerEventTypes } from "../worker/events.ts"
import { allEventTypes, allStreamTypes, assertSoundRegistry, eventTypeOf, registryProblems } from "./event-types.ts"
import { fieldsOf, hasFieldPath, pathsTo } from "./schema-fields.ts"
import { eventFixtures } from "./testing/fixtures.ts"

const entry = (type: string, version = 1, upcasters?: EventType["upcasters"]): EventType => ({
  type,
  version,
  streamType: "Test",
  description: "A test event",
  personalFields: [],
  schema: Schema.Struct({}),
  ...(upcasters ? { upcasters } : {}),
})

describe("allEventTypes", () => {
  it("holds every event type of every concept exactly once", () => {
    const names = allEventTypes.map((t) => t.type)
    expect(new Set(names).size).toBe(names.length)
    expect(names.toSorted()).toEqual(Object.keys(eventFixtures).toSorted())
    expect(names).toHaveLength(68)
    for (const t of [...adminUnitEventTypes, ...workerEventTypes]) expect(names).toContain(t.type)
    expect(allStreamTypes).toEqual([
      "AdminUnit",
      "Enterprise",
      "IssuedReport",
      "PersonRegistration",
      "PlanTask",
      "QuotaPlan",
      "ReportingObligation",
      "Worker",
    ])
  })

  it("names each type after its schema's tag", () => {
    for (const t of allEventTypes) {
      const tag = fieldsOf(t.schema).find((f) => f.name === "_tag")
      expect(tag?.type, t.type).toMatchObject({ _tag: "Literal", literal: t.type })
    }
  })

  it("gives every event type a description and a stream type", () => {
    for (const t of allEventTypes) {
      expect(t.description.trim().length, t.type).toBeGreaterThan(10)
      expect(t.streamType, t.type).toMatch(/^[A-Z][A-Za-z]+$/)
      expect(Number.isInteger(t.version) && t.version >= 1, t.type).toBe(true)
    }
  })

  it("lists as personal fields only real fields of the schema", () => {
    for (const t of allEventTypes)
      for (const f of t.personalFields) expect(hasFieldPath(t.schema, f), `${t.type}.${f}`).toBe(true)
  })

  it("lists as personal exactly the fields that hold an encrypted envelope", () => {
    for (const t of allEventTypes) {
      expect(pathsTo(t.schema, SealedPersonal.ast), t.type).toEqual(t.personalFields.toSorted())
    }
  })
})

describe("eventTypeOf", () => {
  it("finds a type by name and nothing for an unknown name", () => {
    expect(eventTypeOf("WorkerRegistered")?.version).toBe(2)
    expect(eventTypeOf("AdminUnitRenamed")?.streamType).toBe("AdminUnit")
    expect(eventTypeOf("WorkerTeleported")).toBeUndefined()
    expect(eventTypeOf("workerregistered")).toBeUndefined()
  })
})

describe("registry rules", () => {
  it("finds nothing wrong with the real registry", () => {
    expect(registryProblems(allEventTypes)).toEqual([])
  })

  it("rejects a type registered twice", () => {
    expect(registryProblems([entry("A"), entry("B"), entry("A")])).toEqual([
      'Event type "A" is registered more than once',
    ])
    expect(() => assertSoundRegistry([entry("A"), entry("A")])).toThrow(/registered more than once/)
  })

  it("rejects a version without an upcaster from every older version, and versions below 1", () => {
    const up = (d: unknown) => d
    expect(registryProblems([entry("A", 3, { 1: up })])).toEqual([
      'Event type "A" (version 3) has no upcaster from version 2',
    ])
    expect(registryProblems([entry("A", 3, { 1: up, 2: up })])).toEqual([])
    expect(registryProblems([entry("A", 0)])).toHaveLength(1)
    expect(registryProblems([entry("A", 1.5)])).toHaveLength(1)
  })
})

describe("schema field paths", () => {
  const worker = eventTypeOf("WorkerFactCorrected")!.schema
  it("follows dotted paths into unions of classes", () => {
    expect(hasFieldPath(worker, "replacement.identity")).toBe(true)
    expect(hasFieldPath(worker, "replacement.sensitive")).toBe(true)
    expect(hasFieldPath(worker, "replacement.fullName")).toBe(false)
    expect(hasFieldPath(worker, "identity")).toBe(false)
    expect(hasFieldPath(worker, "reason")).toBe(true)
  })
})
