import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { generateIndexKey } from "../personal-data/blind-index.ts"
import { generatePersonKey } from "../personal-data/envelope.ts"
import { eventTypes, upcastWorkerRegisteredV1, WorkerEvent, WorkerRegistered } from "./events.ts"
import { PriorityGroup } from "./values.ts"
import { prepareRegistration } from "./registration-input.ts"
import { registrationData } from "./testing/fixtures.ts"

const registrationType = eventTypes.find((t) => t.type === "WorkerRegistered")!

/** What the event store does on read: apply upcasters from the stored version up to the current one. */
const upcast = (type: string, version: number, data: unknown): unknown => {
  const entry = eventTypes.find((t) => t.type === type)!
  let current = data
  for (let v = version; v < entry.version; v++) current = entry.upcasters![v]!(current)
  return current
}

describe("worker event catalogue", () => {
  it("lists every worker event once, with its stream type and the current schema", () => {
    const names = eventTypes.map((t) => t.type)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual(
      expect.arrayContaining([
        "WorkerRegistered",
        "WorkerDossierConfirmed",
        "WorkerSubsidyAppraised",
        "WorkerProtectionCaseOpened",
        "WorkerDeparted",
        "WorkerFactCorrected",
        "WorkerFactVoided",
        "PersonRegistrationClaimed",
      ]),
    )
    expect(names.filter((n) => n.startsWith("Worker"))).toHaveLength(35)
    for (const t of eventTypes) expect(["Worker", "PersonRegistration"]).toContain(t.streamType)
    expect(registrationType.version).toBe(2)
    expect(registrationType.personalFields).toEqual(["identity", "sensitive"])
  })

  it("names personal fields only where an envelope is", () => {
    for (const t of eventTypes.filter((t) => t.streamType === "Worker")) {
      const fields = (t.schema as unknown as { fields: Record<string, unknown> }).fields
      for (const f of t.personalFields) expect(Object.keys(fields)).toContain(f.split(".")[0])
    }
  })
})

describe("WorkerRegistered v1 → v2 upcaster", () => {
  const encode = Schema.encodeSync(WorkerRegistered)
  const decode = Schema.decodeUnknownSync(WorkerRegistered)

  it("a v1 registration (no priority groups) reads as v2 with priorityGroups: []", () => {
    const { priorityGroups: _, ...v1 } = encode(new WorkerRegistered({ ...registrationData, priorityGroups: [] }))
    expect(() => decode(v1)).toThrow() // v1 data alone does not satisfy the v2 schema
    expect(decode(upcast("WorkerRegistered", 1, v1))).toEqual(
      new WorkerRegistered({ ...registrationData, priorityGroups: [] }),
    )
  })

  it("property: upcasting any old version equals writing the new one; new data passes through unchanged", () => {
    fc.assert(
      fc.property(
        fc.record({
          birthYear: fc.integer({ min: 1950, max: 2010 }),
          ethnicMinority: fc.boolean(),
          residenceUnitCode: fc.stringMatching(/^\d{5}$/),
          occurredOn: fc.constantFrom("2024-02-29", "2025-01-10", "2026-12-31"),
          sex: fc.constantFrom("male" as const, "female" as const),
        }),
        fc.array(fc.constantFrom(...PriorityGroup.literals), { maxLength: 4 }),
        (fields, groups) => {
          const written = new WorkerRegistered({ ...registrationData, ...fields, priorityGroups: [] })
          const { priorityGroups: _, ...v1 } = JSON.parse(JSON.stringify(encode(written)))
          expect(decode(upcast("WorkerRegistered", 1, v1))).toEqual(written)
          const v2 = JSON.parse(
            JSON.stringify(encode(new WorkerRegistered({ ...registrationData, ...fields, priorityGroups: groups }))),
          )
          expect(upcastWorkerRegisteredV1(v2)).toEqual(v2)
        },
      ),
    )
  })
})

describe("personal data in the log", () => {
  it("a stored registration carries no identifying data in clear", () => {
    const prepared = prepareRegistration(
      {
        eventId: "e-1",
        workerId: "w-1",
        occurredOn: "2025-01-10",
        provinceCode: "14",
        residenceUnitCode: "04000",
        residenceUnitId: "u-04000",
        sex: "female",
        ethnicMinority: true,
        priorityGroups: ["poorHousehold"],
        identity: {
          fullName: "Lò Thị Xuân",
          citizenId: "014303001234",
          dateOfBirth: "2003-02-14",
          phone: "0912345678",
          passportNumber: "C1234567",
        },
        sensitive: { ethnicGroup: "Thái" },
      },
      { personKey: generatePersonKey(), indexKey: generateIndexKey() },
    )
    if (Result.isFailure(prepared)) throw prepared.failure
    const { _tag, ...fields } = prepared.success
    const stored = JSON.stringify(Schema.encodeSync(WorkerEvent)(new WorkerRegistered(fields)))
    for (const secret of ["Xuân", "014303001234", "2003-02-14", "0912345678", "C1234567", "Thái"])
      expect(stored).not.toContain(secret)
    for (const statistic of [
      '"birthYear":2003',
      '"sex":"female"',
      '"ethnicMinority":true',
      '"residenceUnitCode":"04000"',
    ]) {
      expect(stored).toContain(statistic)
    }
  })
})
