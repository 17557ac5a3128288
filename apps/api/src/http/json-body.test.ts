import fc from "fast-check"
import { describe, expect, test } from "vitest"
import { jsonBytes, stampedText, withKnownText } from "./json-body.ts"

const text = (bytes: Uint8Array | string) => (typeof bytes === "string" ? bytes : Buffer.from(bytes).toString("utf8"))

describe("answers with known JSON text", () => {
  const stampTop = (v: Record<string, unknown>, at: string) => ({ ...v, asOf: at })
  const stampBoard = (v: Record<string, unknown>, at: string) => ({ ...v, board: { name: "Bảng", asOf: at } })

  test("the template with any stamp put in is exactly JSON.stringify of the stamped answer", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue()),
        fc.string({ unit: "binary" }),
        fc.boolean(),
        (value, at, board) => {
          const stamp = board ? stampBoard : stampTop
          const template = stampedText(value, stamp)
          // a key of the value may itself be "asOf" or hold the stamp's text: then there is no template, never a wrong one
          if (template) expect(Buffer.from(template(at)).toString("utf8")).toBe(JSON.stringify(stamp(value, at)))
        },
      ),
      { numRuns: 500 },
    )
  })

  test("Vietnamese text and the stamp's own characters survive the template", () => {
    const at = "2026-12-01T22:30:00.000Z"
    // a field holding exactly the stamp's text: it would appear twice, so no template (serialised as usual)
    expect(stampedText({ note: "\u0000stamp\u0000" }, stampTop)).toBeUndefined()
    // a field merely starting with it is not the stamp
    const near = { note: "\u0000stamp\u0000 is not the stamp here" }
    expect(Buffer.from(stampedText(near, stampTop)!(at)).toString("utf8")).toBe(JSON.stringify({ ...near, asOf: at }))
    const plain = { name: "Xã Tô Hiệu — Sơn La", items: [1, "ờ"] }
    const t = stampedText(plain, stampTop)!
    expect(Buffer.from(t(at)).toString("utf8")).toBe(JSON.stringify({ ...plain, asOf: at }))
  })

  test("the edge sends registered bytes for that object only, and serialises everything else", () => {
    const answer = withKnownText({ a: "ạ" }, () => Buffer.from('{"a":"ạ"}'))
    expect(text(jsonBytes(answer))).toBe('{"a":"ạ"}')
    expect(typeof jsonBytes(answer)).not.toBe("string")
    expect(jsonBytes({ a: "ạ" })).toBe('{"a":"ạ"}')
    expect(jsonBytes(null)).toBe("null")
    expect(jsonBytes([1, 2])).toBe("[1,2]")
    // registered again (an as-of answer given from memory twice): the bytes are made once
    let made = 0
    const asOf = { a: 1 }
    for (let i = 0; i < 3; i++) withKnownText(asOf, () => (made++, Buffer.from('{"a":1}')))
    for (let i = 0; i < 3; i++) expect(text(jsonBytes(asOf))).toBe('{"a":1}')
    expect(made).toBe(1)
  })
})
