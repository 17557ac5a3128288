import { Schema } from "effect"

const text = { message: Schema.String, messageEn: Schema.String }

/** The log holds an event type no concept declares (renamed or removed without an upcaster, or a foreign row). */
export class UnknownEventType extends Schema.TaggedError<UnknownEventType>()("UnknownEventType", {
  type: Schema.String,
  ...text,
}) {}

/** The event was written by a newer release than this one: it cannot be read as an older shape. */
export class FutureEventVersion extends Schema.TaggedError<FutureEventVersion>()("FutureEventVersion", {
  type: Schema.String,
  schemaVersion: Schema.Number,
  currentVersion: Schema.Number,
  ...text,
}) {}

/** The stored data does not satisfy the event's schema (after upcasting), or its version number is not valid. */
export class InvalidEventData extends Schema.TaggedError<InvalidEventData>()("InvalidEventData", {
  type: Schema.String,
  schemaVersion: Schema.Number,
  /** What the schema reported, in English (field path and expectation). */
  issue: Schema.String,
  ...text,
}) {}

export type DecodeEventError = UnknownEventType | FutureEventVersion | InvalidEventData

export const unknownEventType = (type: string): UnknownEventType =>
  new UnknownEventType({
    type,
    message: `Loại sự kiện "${type}" không có trong danh mục sự kiện của phần mềm.`,
    messageEn: `Event type "${type}" is not in the event catalogue`,
  })

export const futureEventVersion = (type: string, schemaVersion: number, currentVersion: number): FutureEventVersion =>
  new FutureEventVersion({
    type,
    schemaVersion,
    currentVersion,
    message:
      `Sự kiện "${type}" được ghi ở phiên bản lược đồ ${schemaVersion}, mới hơn phiên bản ${currentVersion} ` +
      `mà phần mềm này đọc được; cần cập nhật phần mềm.`,
    messageEn: `Event "${type}" is stored at schema version ${schemaVersion}, newer than the supported version ${currentVersion}`,
  })

export const invalidEventData = (type: string, schemaVersion: number, issue: string): InvalidEventData =>
  new InvalidEventData({
    type,
    schemaVersion,
    issue,
    message: `Dữ liệu đã lưu của sự kiện "${type}" (phiên bản lược đồ ${schemaVersion}) không đúng lược đồ nên không đọc được.`,
    messageEn: `Data of event "${type}" (schema version ${schemaVersion}) is invalid: ${issue}`,
  })
