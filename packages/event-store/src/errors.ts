import { Schema } from "effect"

/** The stream is not at the version the writer expected; nothing was written. */
export class WrongExpectedVersion extends Schema.TaggedError<WrongExpectedVersion>()("WrongExpectedVersion", {
  streamId: Schema.String,
  expected: Schema.String,
  actualVersion: Schema.Number,
}) {
  override get message() {
    return `Luồng ${this.streamId} đang ở phiên bản ${this.actualVersion}, không phải ${this.expected} / stream ${this.streamId} is at version ${this.actualVersion}, expected ${this.expected}`
  }
}

/** Some of the event ids were already recorded, but not as this same append. */
export class IdempotencyConflict extends Schema.TaggedError<IdempotencyConflict>()("IdempotencyConflict", {
  streamId: Schema.String,
}) {
  override get message() {
    return `Mã sự kiện đã được dùng cho một lần ghi khác / event ids already used by a different append to ${this.streamId}`
  }
}

/**
 * The stream exists with another stream type: a stream holds events of one kind for its whole life, so the
 * append was refused and nothing was written (migration 0006).
 */
export class StreamTypeMismatch extends Schema.TaggedError<StreamTypeMismatch>()("StreamTypeMismatch", {
  streamId: Schema.String,
  expectedStreamType: Schema.String,
  actualStreamType: Schema.String,
}) {
  override get message() {
    return `Luồng ${this.streamId} thuộc loại ${this.actualStreamType}, không ghi được sự kiện loại ${this.expectedStreamType} / stream ${this.streamId} is of type ${this.actualStreamType}, not ${this.expectedStreamType}`
  }
}

/** Another runner advanced the checkpoint first; this batch was rolled back. */
export class CheckpointConflict extends Schema.TaggedError<CheckpointConflict>()("CheckpointConflict", {
  subscriber: Schema.String,
}) {}

/** The database failed (connection, SQL, or a rule the database enforces). */
export class StoreFailure extends Schema.TaggedError<StoreFailure>()("StoreFailure", {
  operation: Schema.String,
  cause: Schema.Defect(),
}) {
  override get message() {
    return `event store ${this.operation} failed: ${describeCause(this.cause)}`
  }
}

/**
 * A cause as text, whatever it is: an Error, a driver's plain error object, or an object without a prototype
 * (`String` of one throws "Cannot convert object to primitive value", which once turned a lost connection during a
 * failover into an exception thrown by `message` itself).
 */
export const describeCause = (cause: unknown): string => {
  if (cause instanceof Error) return cause.message
  if (typeof cause === "object" && cause !== null) {
    const message = (cause as { message?: unknown }).message
    if (typeof message === "string") return message
    try {
      return JSON.stringify(cause) ?? "unknown"
    } catch {
      return Object.prototype.toString.call(cause)
    }
  }
  return String(cause)
}

export type AppendError = WrongExpectedVersion | IdempotencyConflict | StreamTypeMismatch | StoreFailure
