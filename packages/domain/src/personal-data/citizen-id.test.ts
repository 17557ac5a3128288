import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { normaliseCitizenId, parseCitizenId, validateCitizenId } from "./citizen-id.ts"
import type { InvalidCitizenId } from "./errors.ts"

const problemsOf = (result: Result.Result<string, InvalidCitizenId>) => {
  if (Result.isSuccess(result)) throw new Error(`expected rejection, got ${result.success}`)
  return result.failure
}

describe("citizen ID (CCCD)", () => {
  it("accepts a number that agrees with date of birth and sex, and normalises spaces and dots", () => {
    expect(validateCitizenId("014 098.001-234", { dateOfBirth: "1998-05-20", sex: "male" })).toEqual(
      Result.succeed("014098001234"),
    )
    expect(validateCitizenId("010303012345", { dateOfBirth: "2003-11-02", sex: "female" })).toEqual(
      Result.succeed("010303012345"),
    )
  })

  it("parses province of birth registration, sex and birth year", () => {
    expect(parseCitizenId("012101000001")).toEqual(
      Result.succeed({ citizenId: "012101000001", provinceCode: "012", sex: "female", birthYear: 1901 }),
    )
    expect(parseCitizenId("015405000001")).toEqual(
      Result.succeed({ citizenId: "015405000001", provinceCode: "015", sex: "male", birthYear: 2105 }),
    )
  })

  it("rejects a wrong length with a Vietnamese message", () => {
    const error = problemsOf(validateCitizenId("01409800123", { dateOfBirth: "1998-05-20", sex: "male" }))
    expect(error.problems.map((p) => p.code)).toEqual(["format"])
    expect(error.message).toContain("phải gồm đúng 12 chữ số (đã nhập 11 ký tự)")
  })

  it("rejects letters", () => {
    const error = problemsOf(validateCitizenId("01409800123A", { dateOfBirth: "1998-05-20", sex: "male" }))
    expect(error.message).toContain("có ký tự không phải chữ số")
  })

  it("rejects an unknown province code", () => {
    const error = problemsOf(validateCitizenId("003098001234", { dateOfBirth: "1998-05-20", sex: "male" }))
    expect(error.problems.map((p) => p.code)).toEqual(["provinceCode"])
    expect(error.message).toContain(`Mã tỉnh nơi đăng ký khai sinh "003"`)
  })

  it("names a century that disagrees with the date of birth", () => {
    const error = problemsOf(validateCitizenId("014298001234", { dateOfBirth: "1998-05-20", sex: "male" }))
    expect(error.problems.map((p) => p.code)).toEqual(["century"])
    expect(error.message).toContain(
      "Chữ số thứ 4 là 2, tức sinh trong các năm 2000–2099, nhưng ngày sinh là 20/05/1998.",
    )
  })

  it("names a sex that disagrees", () => {
    const error = problemsOf(validateCitizenId("014198001234", { dateOfBirth: "1998-05-20", sex: "male" }))
    expect(error.problems.map((p) => p.code)).toEqual(["sex"])
    expect(error.message).toContain("tức giới tính nữ, nhưng giới tính đã khai là nam")
  })

  it("names birth-year digits that disagree", () => {
    const error = problemsOf(validateCitizenId("014097001234", { dateOfBirth: "1998-05-20", sex: "male" }))
    expect(error.problems.map((p) => p.code)).toEqual(["birthYear"])
    expect(error.message).toContain("Chữ số thứ 5–6 (năm sinh) là 97, nhưng năm sinh là 1998.")
  })

  it("reports every disagreement at once", () => {
    const error = problemsOf(validateCitizenId("014397001234", { dateOfBirth: "1998-05-20", sex: "male" }))
    expect(error.problems.map((p) => p.code)).toEqual(["century", "sex", "birthYear"])
  })

  it("property: a number built from any date of birth and sex validates, and flipping the sex digit does not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom("male" as const, "female" as const),
        fc.constantFrom("010", "012", "014", "015", "001"),
        fc.integer({ min: 0, max: 999999 }),
        (year, sex, province, serial) => {
          const digit = 2 * Math.floor((year - 1900) / 100) + (sex === "female" ? 1 : 0)
          const id = `${province}${digit}${String(year % 100).padStart(2, "0")}${String(serial).padStart(6, "0")}`
          const dateOfBirth = `${year}-06-15`
          expect(Result.isSuccess(validateCitizenId(id, { dateOfBirth, sex }))).toBe(true)
          const other = sex === "male" ? "female" : "male"
          expect(Result.isFailure(validateCitizenId(id, { dateOfBirth, sex: other }))).toBe(true)
        },
      ),
    )
  })

  it("normalises only separators", () => {
    expect(normaliseCitizenId(" 014-098.001 234 ")).toBe("014098001234")
  })
})
