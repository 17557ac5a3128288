import { Schema } from "effect"

/** The longest stream id a caller may name (the API's path and body limits agree). */
export const MAX_STREAM_ID_LENGTH = 200

/**
 * The one rule for "an id of kind X": `<prefix>:<province code, 2 digits>:<segment>[:<segment>…]`, each
 * segment letters, digits, `.`, `_` or `-`. Stream ids of these kinds ARE these ids, so an id that passes
 * can only name a stream of its own kind: a caller can never point a command at another kind's stream.
 */
export interface StreamIdKind {
  readonly prefix: string
  /** Whether `id` is an id of this kind (of `provinceCode`'s, when given). */
  readonly is: (id: string, provinceCode?: string) => boolean
  /** Builds an id from a province and validated segments; throws on a segment that does not fit. */
  readonly make: (provinceCode: string, ...segments: ReadonlyArray<string | number>) => string
  /** Why `id` is not one (Vietnamese, English), or undefined when it is. */
  readonly problem: (id: string, provinceCode?: string) => { readonly vi: string; readonly en: string } | undefined
  /** The input schema: a string that is an id of this kind (its failure message is Vietnamese). */
  readonly schema: Schema.String
}

const SEGMENT = /^[A-Za-z0-9._-]+$/

export const streamIdKind = (prefix: string, nameVi: string, example: string): StreamIdKind => {
  const pattern = new RegExp(`^${prefix}:\\d{2}(?::[A-Za-z0-9._-]+)+$`)
  const shapeVi = `${nameVi} phải có dạng ${prefix}:<mã tỉnh 2 chữ số>:<…>, ví dụ ${example}`
  const shapeEn = `must look like ${prefix}:<2-digit province code>:<…>, e.g. ${example}`
  const problem = (id: string, provinceCode?: string) => {
    if (id.length > MAX_STREAM_ID_LENGTH || !pattern.test(id)) return { vi: shapeVi, en: shapeEn }
    if (provinceCode !== undefined && !id.startsWith(`${prefix}:${provinceCode}:`))
      return {
        vi: `${nameVi} phải thuộc tỉnh ${provinceCode} (${prefix}:${provinceCode}:…)`,
        en: `must belong to province ${provinceCode} (${prefix}:${provinceCode}:…)`,
      }
    return undefined
  }
  const is = (id: string, provinceCode?: string) => problem(id, provinceCode) === undefined
  return {
    prefix,
    is,
    problem,
    make: (provinceCode, ...segments) => {
      const bad = segments.map(String).find((s) => !SEGMENT.test(s))
      const id = [prefix, provinceCode, ...segments.map(String)].join(":")
      if (bad !== undefined || !is(id)) throw new Error(`not a ${prefix} id: ${id}`)
      return id
    },
    schema: Schema.String.check(
      Schema.isMaxLength(MAX_STREAM_ID_LENGTH, { message: shapeVi }),
      Schema.isPattern(pattern, { message: shapeVi }),
    ),
  }
}
