import fc from "fast-check"
import { expect, test } from "vitest"
import { sameJson } from "./versions.ts"

// sameJson decides whether a derived row changed (a new version opens): it must agree with comparing serialisations
const json = (value: unknown) => JSON.stringify(value)
const values = fc.anything({ withNullPrototype: true, withDate: true, withSparseArray: true, maxDepth: 3 })

test("sameJson(a, b) is JSON.stringify(a) === JSON.stringify(b), for any two values", () => {
  fc.assert(fc.property(values, values, (a, b) => sameJson(a, b) === (json(a) === json(b))))
})

test("sameJson agrees with JSON.stringify on a value and its copies, reordered, with undefined or NaN", () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), values), fc.string(), values, (object, key, extra) => {
      const copy = structuredClone(object)
      const reordered = Object.fromEntries(Object.entries(object).toReversed())
      const changed = { ...object, [key]: extra }
      const withUndefined = { ...object, [`${key}?`]: undefined }
      const withNaN = [object, Number.NaN, undefined]
      for (const other of [copy, reordered, changed, withUndefined])
        expect(sameJson(object, other)).toBe(json(object) === json(other))
      expect(sameJson(withNaN, [copy, null, null])).toBe(json(withNaN) === json([copy, null, null]))
    }),
  )
})
