import { Schema } from "effect"

/** What exactly is wrong with a citizen ID number; several can hold at once. */
export const CitizenIdProblem = Schema.Struct({
  code: Schema.Literals(["format", "provinceCode", "century", "sex", "birthYear"]),
  message: Schema.String,
})
export type CitizenIdProblem = typeof CitizenIdProblem.Type

/** The citizen ID (số định danh cá nhân / CCCD) is malformed or disagrees with the date of birth or sex. */
export class InvalidCitizenId extends Schema.TaggedError<InvalidCitizenId>()("InvalidCitizenId", {
  problems: Schema.Array(CitizenIdProblem),
  message: Schema.String,
  messageEn: Schema.String,
}) {}

/** The person's key was deleted (right to erasure): their identifying data can never be read again. */
export class PersonalDataErased extends Schema.TaggedError<PersonalDataErased>()("PersonalDataErased", {
  keyId: Schema.String,
  message: Schema.String,
  messageEn: Schema.String,
}) {}

/** The ciphertext does not authenticate under the given key: wrong key, wrong envelope or tampering. */
export class PersonalDataUnreadable extends Schema.TaggedError<PersonalDataUnreadable>()("PersonalDataUnreadable", {
  keyId: Schema.String,
  message: Schema.String,
  messageEn: Schema.String,
}) {}

export const personalDataErased = (keyId: string) =>
  new PersonalDataErased({
    keyId,
    message: "Dữ liệu cá nhân của người này đã bị xóa theo yêu cầu; không thể đọc lại.",
    messageEn: "This person's personal data was erased and can no longer be read.",
  })

export const personalDataUnreadable = (keyId: string) =>
  new PersonalDataUnreadable({
    keyId,
    message: "Không giải mã được dữ liệu cá nhân: sai khóa hoặc dữ liệu đã bị sửa đổi.",
    messageEn: "Personal data could not be decrypted: wrong key or tampered data.",
  })
