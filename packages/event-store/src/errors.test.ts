import { describe, expect, test } from "vitest"
import { StoreFailure } from "./errors.ts"

describe("StoreFailure's message", () => {
  test("names the cause, whatever the driver threw", () => {
    const bare = Object.assign(Object.create(null), { code: "57P01" })
    expect(new StoreFailure({ operation: "append", cause: new Error("boom") }).message).toBe(
      "event store append failed: boom",
    )
    expect(new StoreFailure({ operation: "read", cause: { message: "terminating connection" } }).message).toBe(
      "event store read failed: terminating connection",
    )
    // String() of an object without a prototype throws; the message must not.
    expect(new StoreFailure({ operation: "append", cause: bare }).message).toBe(
      'event store append failed: {"code":"57P01"}',
    )
    expect(new StoreFailure({ operation: "append", cause: "text" }).message).toBe("event store append failed: text")
  })
})
