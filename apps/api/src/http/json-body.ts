/**
 * Answers whose JSON text is already known (issue 12). A cached figure is given again thousands of times a second
 * with only its "as known at" stamp changed; serialising its 12 kB again each time, and encoding it to UTF-8, was a
 * third of the API's time on a cached read. Whoever holds such an answer registers its bytes here beside the
 * object, and the edge (`route.ts`) sends those bytes instead of serialising the object.
 *
 * The bytes must be exactly `JSON.stringify(answer)` in UTF-8: `stampedText` builds them from a template, and a
 * property test holds the two equal.
 */
const known = new WeakMap<object, () => Uint8Array<ArrayBuffer>>()

/**
 * Registers the bytes of `answer` (made on demand, at most once); returns the answer. The first registration
 * stands: an as-of answer given again from memory is the same object, and its bytes are not made again.
 */
export function withKnownText<T extends object>(answer: T, bytes: () => Uint8Array<ArrayBuffer>): T {
  if (known.has(answer)) return answer
  let made: Uint8Array<ArrayBuffer> | undefined
  known.set(answer, () => (made ??= bytes()))
  return answer
}

/** The answer's JSON in UTF-8, from what was registered, else serialised now. */
export function jsonBytes(answer: unknown): Uint8Array<ArrayBuffer> | string {
  const registered = answer !== null && typeof answer === "object" ? known.get(answer) : undefined
  return registered ? registered() : JSON.stringify(answer)
}

const STAMP = "\u0000stamp\u0000"
const STAMP_JSON = JSON.stringify(STAMP)

/**
 * The JSON of `stamp(value, s)` for any string `s`, computed once: `JSON.stringify(stamp(value, STAMP))` cut at the
 * one place the stamp appears, so each answer costs the stamp's few bytes. Undefined when the stamp does not appear
 * exactly once (then the caller serialises as usual).
 */
export function stampedText<T>(
  value: T,
  stamp: (value: T, at: string) => unknown,
): ((at: string) => Uint8Array<ArrayBuffer>) | undefined {
  const text = JSON.stringify(stamp(value, STAMP))
  const at = text.indexOf(STAMP_JSON)
  if (at < 0 || text.indexOf(STAMP_JSON, at + 1) >= 0) return undefined
  const before = Buffer.from(text.slice(0, at))
  const after = Buffer.from(text.slice(at + STAMP_JSON.length))
  return (s) => {
    const middle = Buffer.from(JSON.stringify(s))
    return Buffer.concat([before, middle, after], before.length + middle.length + after.length)
  }
}
