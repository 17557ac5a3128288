import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { endOfVietnamDay, isCalendarDate, isPlanYear, vietnamDateOf } from "./dates.ts"
import { IsoDate } from "./values.ts"

describe("business dates", () => {
  it("a calendar date exists and lies in 1900–2100", () => {
    for (const good of ["2024-02-29", "1900-01-01", "2100-12-31", "2026-06-30"])
      expect(isCalendarDate(good), good).toBe(true)
    for (const bad of [
      "2023-02-29",
      "2024-02-30",
      "2026-04-31",
      "0251-01-01",
      "0000-01-01",
      "1899-12-31",
      "2101-01-01",
      "9999-12-31",
      "2026-13-01",
      "2026-6-1",
      "",
    ])
      expect(isCalendarDate(bad), bad).toBe(false)
  })

  it("IsoDate refuses impossible and implausible days with a Vietnamese message", () => {
    const decode = Schema.decodeUnknownExit(IsoDate)
    expect(decode("2024-02-29")._tag).toBe("Success")
    for (const bad of ["2024-02-30", "0251-01-01", "2099-13-01"]) {
      const exit = decode(bad)
      expect(exit._tag, bad).toBe("Failure")
      expect(String(exit), bad).toMatch(/Ngày/)
    }
  })

  it("plan years are 2000–2100", () => {
    expect([1999, 2000, 2026, 2100, 2101, 251, Number.NaN].map(isPlanYear)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ])
  })

  it("today is the Vietnamese calendar day: 20:00 UTC on 15/6 is already 16/6 in Sơn La", () => {
    expect(vietnamDateOf(new Date("2026-06-15T16:59:59Z"))).toBe("2026-06-15")
    expect(vietnamDateOf(new Date("2026-06-15T17:00:00Z"))).toBe("2026-06-16")
    expect(endOfVietnamDay("2026-06-15").toISOString()).toBe("2026-06-15T16:59:59.999Z")
  })
})
