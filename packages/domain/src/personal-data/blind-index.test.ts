import { describe, expect, it } from "vitest"
import { blindIndex, generateIndexKey } from "./blind-index.ts"

describe("blind index", () => {
  const key = generateIndexKey()

  it("is the same for the same number however it was typed", () => {
    expect(blindIndex(key, "14", "014 098 001 234")).toBe(blindIndex(key, "14", "014098001234"))
  })

  it("differs between numbers, provinces and keys, and does not contain the number", () => {
    const index = blindIndex(key, "14", "014098001234")
    expect(index).toMatch(/^[0-9a-f]{64}$/)
    expect(index).not.toContain("014098001234")
    expect(blindIndex(key, "14", "014098001235")).not.toBe(index)
    expect(blindIndex(key, "15", "014098001234")).not.toBe(index)
    expect(blindIndex(generateIndexKey(), "14", "014098001234")).not.toBe(index)
  })
})
