import { describe, expect, it } from "vitest"
import {
  formatDate,
  formatDateTime,
  formatDocumentNumber,
  formatNumber,
  formatPercent,
  parseDate,
  parseInstant,
  sortByName,
} from "./format.ts"

describe("Vietnamese formats", () => {
  it("writes numbers with a dot for thousands and a comma for decimals", () => {
    expect(formatNumber(1234.5)).toBe("1.234,5")
    expect(formatNumber(700)).toBe("700")
    expect(formatPercent(123.1)).toBe("123,1 %")
    expect(formatNumber(undefined)).toBe("—")
  })
  it("writes dates dd/mm/yyyy, calendar dates unshifted, instants in Vietnam time", () => {
    expect(formatDate("2026-03-02")).toBe("02/03/2026")
    expect(formatDate("2026-06-14T18:30:00Z")).toBe("15/06/2026")
    expect(formatDateTime("2026-06-14T18:30:00Z")).toBe("15/06/2026 01:30")
  })
  it("marks a document printed without its number, and leaves real numbers alone", () => {
    expect(formatDocumentNumber("/QĐ-UBND")).toBe("…/QĐ-UBND (chưa ghi số)")
    expect(formatDocumentNumber(" /QĐ-UBND", "en")).toBe("…/QĐ-UBND (not numbered)")
    expect(formatDocumentNumber("2553/ĐA-UBND")).toBe("2553/ĐA-UBND")
    expect(formatDocumentNumber(undefined)).toBe("—")
  })
  it("reads dd/mm/yyyy and refuses dates that do not exist", () => {
    expect(parseDate("2/3/2026")).toBe("2026-03-02")
    expect(parseDate("31/02/2026")).toBeUndefined()
    expect(parseDate("2026-03-02")).toBeUndefined()
  })
  it("sorts names in Vietnamese order (Đ after D, Ư after U)", () => {
    const names = ["Xã Ưng Hòe", "Phường Đông", "Xã Uyên", "Phường Dương", "Phường Chiềng An"]
    expect(sortByName(names, (n) => n)).toEqual([
      "Phường Chiềng An",
      "Phường Dương",
      "Phường Đông",
      "Xã Uyên",
      "Xã Ưng Hòe",
    ])
  })
})

describe("as-of instants typed by an officer", () => {
  it("reads a date as the end of that day in Vietnam time, and a time as given", () => {
    expect(parseInstant("15/06/2026")).toBe("2026-06-15T16:59:59.999Z")
    expect(parseInstant("15/06/2026 08:30")).toBe("2026-06-15T01:30:00.000Z")
    expect(parseInstant("15/06/2026 25:00")).toBeUndefined()
    expect(parseInstant("hôm qua")).toBeUndefined()
  })
})
