import { describe, expect, it } from "vitest"
import { AdminUnitEvent, eventTypes } from "./events.ts"

describe("eventTypes", () => {
  it("lists every AdminUnit event once, version 1, with a description and no personal data", () => {
    const tags = AdminUnitEvent.members.map((m) => m.identifier)
    expect(eventTypes.map((t) => t.type).toSorted()).toEqual(tags.toSorted())
    for (const t of eventTypes) {
      expect(t.streamType).toBe("AdminUnit")
      expect(t.version).toBe(1)
      expect(t.description.length).toBeGreaterThan(10)
      expect(t.personalFields).toEqual([])
    }
  })
})
