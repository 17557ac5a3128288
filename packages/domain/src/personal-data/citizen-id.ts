import { Result } from "effect"
import type { IsoDate } from "../shared/values.ts"
import { cccdProvinceCodes } from "./data/cccd-province-codes.ts"
import { InvalidCitizenId, type CitizenIdProblem } from "./errors.ts"
import { sexLabelVi, type Sex } from "./sex.ts"

/**
 * Vietnamese citizen ID (CCCD / số định danh cá nhân): 12 digits =
 * 3 digits province of birth registration + 1 digit century and sex + 2 digits birth year + 6 digits.
 * Century/sex digit: 0/1 = 1900–1999 male/female, 2/3 = 2000–2099, 4/5 = 2100–2199, 6/7, 8/9 after that.
 * There is no check digit, so agreement with date of birth and sex is all that can be verified.
 */
export interface CitizenIdFacts {
  readonly citizenId: string
  readonly provinceCode: string
  readonly sex: Sex
  readonly birthYear: number
}

/** Drops the spaces, dots and dashes people type inside the number. */
export const normaliseCitizenId = (raw: string): string => raw.replace(/[\s.-]/g, "")

const centuryStart = (digit: number): number => 1900 + 100 * Math.floor(digit / 2)

const formatVi = (date: IsoDate): string => date.split("-").reverse().join("/")

const fail = (problems: ReadonlyArray<CitizenIdProblem>) =>
  Result.fail(
    new InvalidCitizenId({
      problems,
      message: `Số CCCD không hợp lệ: ${problems.map((p) => p.message).join(" ")}`,
      messageEn: `Invalid citizen ID: ${problems.map((p) => p.code).join(", ")}`,
    }),
  )

/** Reads province, sex and birth year out of a well-formed number. */
export const parseCitizenId = (raw: string): Result.Result<CitizenIdFacts, InvalidCitizenId> => {
  const citizenId = normaliseCitizenId(raw)
  if (!/^\d{12}$/.test(citizenId)) {
    const hasNonDigit = /\D/.test(citizenId)
    return fail([
      {
        code: "format",
        message: `Số CCCD phải gồm đúng 12 chữ số (đã nhập ${citizenId.length} ký tự${
          hasNonDigit ? ", có ký tự không phải chữ số" : ""
        }).`,
      },
    ])
  }
  const provinceCode = citizenId.slice(0, 3)
  if (cccdProvinceCodes[provinceCode] === undefined) {
    return fail([
      {
        code: "provinceCode",
        message: `Mã tỉnh nơi đăng ký khai sinh "${provinceCode}" (3 chữ số đầu) không tồn tại.`,
      },
    ])
  }
  const centuryDigit = Number(citizenId[3])
  const birthYear = centuryStart(centuryDigit) + Number(citizenId.slice(4, 6))
  return Result.succeed({ citizenId, provinceCode, sex: centuryDigit % 2 === 0 ? "male" : "female", birthYear })
}

/**
 * Checks the number against the declared date of birth and sex.
 * Returns the normalised number, or every disagreement found, each named in Vietnamese.
 */
export const validateCitizenId = (
  raw: string,
  declared: { readonly dateOfBirth: IsoDate; readonly sex: Sex },
): Result.Result<string, InvalidCitizenId> => {
  const parsed = parseCitizenId(raw)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const { citizenId } = parsed.success
  const centuryDigit = Number(citizenId[3])
  const year = Number(declared.dateOfBirth.slice(0, 4))
  const problems: Array<CitizenIdProblem> = []
  const start = centuryStart(centuryDigit)
  if (year < start || year > start + 99) {
    problems.push({
      code: "century",
      message: `Chữ số thứ 4 là ${centuryDigit}, tức sinh trong các năm ${start}–${start + 99}, nhưng ngày sinh là ${formatVi(
        declared.dateOfBirth,
      )}.`,
    })
  }
  if (parsed.success.sex !== declared.sex) {
    problems.push({
      code: "sex",
      message: `Chữ số thứ 4 là ${centuryDigit}, tức giới tính ${sexLabelVi[parsed.success.sex]}, nhưng giới tính đã khai là ${
        sexLabelVi[declared.sex]
      }.`,
    })
  }
  const yearDigits = citizenId.slice(4, 6)
  if (Number(yearDigits) !== year % 100) {
    problems.push({
      code: "birthYear",
      message: `Chữ số thứ 5–6 (năm sinh) là ${yearDigits}, nhưng năm sinh là ${year}.`,
    })
  }
  return problems.length > 0 ? fail(problems) : Result.succeed(citizenId)
}
