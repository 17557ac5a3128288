import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { blindIndex, generateIndexKey } from "../personal-data/blind-index.ts"
import { generatePersonKey, openPersonal } from "../personal-data/envelope.ts"
import { WorkerIdentity, WorkerSensitiveProfile } from "./personal-payloads.ts"
import { prepareRegistration, type RegistrationInput } from "./registration-input.ts"

const input: RegistrationInput = {
  eventId: "e-1",
  workerId: "w-1",
  occurredOn: "2025-01-10",
  provinceCode: "14",
  residenceUnitCode: "04000",
  residenceUnitId: "u-04000",
  sex: "male",
  ethnicMinority: true,
  priorityGroups: ["youth"],
  identity: { fullName: "Cầm Văn Hùng", citizenId: "014 098 001 234", dateOfBirth: "1998-05-20" },
  sensitive: { ethnicGroup: "Thái" },
}

describe("prepareRegistration", () => {
  const personKey = generatePersonKey()
  const indexKey = generateIndexKey()

  it("validates the citizen ID, derives the birth year, indexes and seals", () => {
    const result = prepareRegistration(input, { personKey, indexKey })
    if (Result.isFailure(result)) throw result.failure
    const command = result.success
    expect(command.birthYear).toBe(1998)
    expect(command.blindIndex).toBe(blindIndex(indexKey, "14", "014098001234"))
    expect(openPersonal(personKey, command.identity, WorkerIdentity)).toEqual(
      Result.succeed({ fullName: "Cầm Văn Hùng", citizenId: "014098001234", dateOfBirth: "1998-05-20" }),
    )
    expect(openPersonal(personKey, command.sensitive!, WorkerSensitiveProfile)).toEqual(
      Result.succeed({ ethnicGroup: "Thái" }),
    )
  })

  it("rejects a citizen ID that disagrees with the declared sex", () => {
    const result = prepareRegistration({ ...input, sex: "female" }, { personKey, indexKey })
    expect(Result.isFailure(result) && result.failure.message).toContain("giới tính đã khai là nữ")
  })

  it("refuses a date of birth after the registration (born 2099, registered 2025), in Vietnamese", () => {
    const result = prepareRegistration(
      { ...input, identity: { ...input.identity, dateOfBirth: "2099-01-03", citizenId: "014 199 001 234" } },
      { personKey, indexKey },
    )
    expect(Result.isFailure(result) && result.failure._tag).toBe("DatesOutOfOrder")
    expect(Result.isFailure(result) && result.failure.message).toBe(
      "Ngày sinh (03/01/2099) không thể sau ngày đăng ký (10/01/2025).",
    )
  })

  it("accepts a person registered on the day of birth (the boundary), refuses one born the next day", () => {
    const on = { ...input, occurredOn: "1998-05-20" }
    expect(Result.isSuccess(prepareRegistration(on, { personKey, indexKey }))).toBe(true)
    const dayAfter = { ...input, occurredOn: "1998-05-19" }
    expect(Result.isFailure(prepareRegistration(dayAfter, { personKey, indexKey }))).toBe(true)
  })

  it("omits the sensitive envelope when there is nothing sensitive", () => {
    const { sensitive: _, ...withoutSensitive } = input
    const result = prepareRegistration(withoutSensitive, { personKey, indexKey })
    expect(Result.isSuccess(result) && result.success.sensitive).toBeUndefined()
  })
})
