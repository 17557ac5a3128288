import { describe, expect, it } from "vitest"
import { parseCsv } from "./csv.ts"

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and newlines, CRLF and a BOM", () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line\nbreak",\n\n'
    expect(parseCsv(text)).toEqual([
      { a: "1", b: "x, y", c: 'say "hi"' },
      { a: "2", b: "line\nbreak", c: "" },
    ])
  })

  it("reads a last row without a trailing newline", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([{ a: "1", b: "2" }])
  })

  it("rejects a row with the wrong number of fields, and an unterminated quote", () => {
    expect(() => parseCsv("a,b\n1,2,3\n")).toThrow(/row 2 has 3 fields/)
    expect(() => parseCsv('a,b\n1,"2\n')).toThrow(/unterminated/)
  })

  it("gives nothing for an empty text", () => {
    expect(parseCsv("")).toEqual([])
  })
})
