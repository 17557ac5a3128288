import { describe, expect, it } from "vitest"
import type { Actor } from "./actor.ts"
import { RAW_LOG_REDACTED_KEYS, rawEventFor, REDACTED } from "./raw-log.ts"

const actor = (role: Actor["role"]): Actor => ({
  userId: "u",
  username: "u",
  displayName: "u",
  role,
  provinceCode: role === "national-officer" ? "00" : "14",
  unitIds: [],
  enterpriseId: null,
  agency: null,
})
const envelope = { keyId: "k", iv: "aXY=", ciphertext: "c2VjcmV0", tag: "dGFn" }
const registration = {
  streamId: "worker-1",
  streamType: "Worker",
  data: { workerId: "1", blindIndex: "ab12", identity: envelope, sensitive: envelope, birthYear: 2000 },
}
const correction = {
  streamId: "worker-1",
  streamType: "Worker",
  data: { correctsEventId: "e", replacement: { _tag: "WorkerRegistered", identity: envelope, sex: "female" } },
}
const claim = {
  streamId: "person-14-ab12",
  streamType: "PersonRegistration",
  data: { provinceCode: "14", blindIndex: "ab12", workerId: "1" },
}

describe("the raw log as a national officer sees it", () => {
  it("replaces sealed fields and blind indexes wherever they sit, and keeps the statistical fields", () => {
    const seen = rawEventFor(actor("national-officer"), registration)
    expect(seen.data).toEqual({
      workerId: "1",
      blindIndex: REDACTED,
      identity: REDACTED,
      sensitive: REDACTED,
      birthYear: 2000,
    })
    expect(rawEventFor(actor("national-officer"), correction).data).toEqual({
      correctsEventId: "e",
      replacement: { _tag: "WorkerRegistered", identity: REDACTED, sex: "female" },
    })
    expect([...RAW_LOG_REDACTED_KEYS].toSorted()).toEqual(["blindIndex", "identity", "sensitive"])
  })

  it("takes the blind index out of a person-registration stream's id", () => {
    const seen = rawEventFor(actor("national-officer"), claim)
    expect(seen.streamId).toBe(`person-14-${REDACTED}`)
    expect(JSON.stringify(seen)).not.toContain("ab12")
  })

  it("leaves the log as stored for the auditor", () => {
    expect(rawEventFor(actor("auditor"), registration)).toBe(registration)
    expect(rawEventFor(actor("auditor"), claim)).toBe(claim)
  })
})
