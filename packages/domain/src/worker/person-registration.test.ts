import fc from "fast-check"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import { given } from "../shared/testing/given-when-then.ts"
import {
  ClaimPersonRegistration,
  PersonRegistrationClaimed,
  personRegistrationDecider,
  PersonRegistrationReleased,
  personRegistrationStreamId,
  ReleasePersonRegistration,
  type PersonRegistrationEvent,
} from "./person-registration.ts"

const key = { provinceCode: "14", blindIndex: "ab".repeat(32) }
const claim = (workerId: string) => new ClaimPersonRegistration({ ...key, workerId, occurredOn: "2025-01-10" })
const claimed = (workerId: string) => new PersonRegistrationClaimed({ ...key, workerId, occurredOn: "2025-01-10" })
const release = (workerId: string) =>
  new ReleasePersonRegistration({ ...key, workerId, occurredOn: "2025-02-01", reason: "Đăng ký nhầm" })
const released = (workerId: string) =>
  new PersonRegistrationReleased({ ...key, workerId, occurredOn: "2025-02-01", reason: "Đăng ký nhầm" })

describe("PersonRegistration", () => {
  it("stream id is per province and blind index", () => {
    expect(personRegistrationStreamId("14", "abc")).toBe("person-14-abc")
  })

  it("ClaimPersonRegistration: a first claim succeeds", () => {
    given(personRegistrationDecider)
      .when(claim("w-1"))
      .then([claimed("w-1")])
  })

  it("ClaimPersonRegistration: the same worker claiming again is an idempotent no-op", () => {
    given(personRegistrationDecider, [claimed("w-1")])
      .when(claim("w-1"))
      .then([])
  })

  it("ClaimPersonRegistration: another worker record for the same person is rejected", () => {
    const rejection = given(personRegistrationDecider, [claimed("w-1")])
      .when(claim("w-2"))
      .rejectedWith("PersonAlreadyRegistered")
    expect(rejection.message).toBe(
      "Người này đã được đăng ký trong tỉnh từ ngày 10/01/2025; mỗi người chỉ đăng ký một lần.",
    )
  })

  it("ReleasePersonRegistration: the holder releases, then another record may claim", () => {
    given(personRegistrationDecider, [claimed("w-1")])
      .when(release("w-1"))
      .then([released("w-1")])
    given(personRegistrationDecider, [claimed("w-1"), released("w-1")])
      .when(claim("w-2"))
      .then([claimed("w-2")])
  })

  it("ReleasePersonRegistration: only the holder can release", () => {
    given(personRegistrationDecider, [claimed("w-1")])
      .when(release("w-2"))
      .rejectedWith("PersonRegistrationNotHeld")
    given(personRegistrationDecider).when(release("w-1")).rejectedWith("PersonRegistrationNotHeld")
  })

  it("property: whatever the sequence of claims and releases, at most one worker holds the person", () => {
    const command = fc
      .tuple(fc.boolean(), fc.constantFrom("w-1", "w-2", "w-3"))
      .map(([isClaim, w]) => (isClaim ? claim(w) : release(w)))
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        const events: Array<PersonRegistrationEvent> = []
        for (const c of commands) {
          const decided = personRegistrationDecider.decide(c, fold(personRegistrationDecider, events))
          if (Result.isSuccess(decided)) events.push(...decided.success)
        }
        // between two claims there is always a release of the first holder
        let holder: string | undefined
        for (const e of events) {
          if (e._tag === "PersonRegistrationClaimed") {
            expect(holder).toBeUndefined()
            holder = e.workerId
          } else {
            expect(e.workerId).toBe(holder)
            holder = undefined
          }
        }
      }),
    )
  })
})
