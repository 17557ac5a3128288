/**
 * A small seeded pseudo-random generator (sfc32, seeded from a string by cyrb128) and the draws the history
 * generator needs. Same seed, same sequence, on every machine: nothing here reads the clock or the platform RNG.
 */

/** 128 bits of seed material from a string (cyrb128). */
const seedWords = (text: string): [number, number, number, number] => {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"))

export class Rng {
  #a: number
  #b: number
  #c: number
  #d: number

  constructor(seed: string) {
    const [a, b, c, d] = seedWords(seed)
    this.#a = a
    this.#b = b
    this.#c = c
    this.#d = d
    for (let i = 0; i < 12; i++) this.uint32() // warm up: decorrelate similar seeds
  }

  /** An independent generator for a named sub-stream (e.g. one worker), stable whatever else is drawn. */
  static derive(seed: string, label: string): Rng {
    return new Rng(`${seed}\u0000${label}`)
  }

  /** Next unsigned 32-bit integer (sfc32). */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0
    this.#d = (this.#d + 1) | 0
    this.#a = this.#b ^ (this.#b >>> 9)
    this.#b = (this.#c + (this.#c << 3)) | 0
    this.#c = (this.#c << 21) | (this.#c >>> 11)
    this.#c = (this.#c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /** Whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: ReadonlyArray<T>): T {
    if (items.length === 0) throw new RangeError("pick from an empty list")
    return items[Math.floor(this.next() * items.length)]!
  }

  /** Picks by weight: `[[value, weight], …]` (weights need not sum to 1). */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0
    for (const [, w] of entries) total += w
    let r = this.next() * total
    for (const [value, w] of entries) {
      r -= w
      if (r < 0) return value
    }
    return entries[entries.length - 1]![0]
  }

  /** A day number in [from, to] (see `dayOf`). */
  day(from: number, to: number): number {
    return this.int(from, to)
  }

  /** An ISO date in [from, to]. */
  date(from: string, to: string): string {
    return isoOf(this.day(dayOf(from), dayOf(to)))
  }

  /** Roughly normal (sum of three uniforms), mean `mean`, spread `sd`. */
  normal(mean: number, sd: number): number {
    return mean + sd * ((this.next() + this.next() + this.next() - 1.5) * 2)
  }

  /** 16 random bytes formatted as a version-4-shaped UUID. */
  uuid(): string {
    const a = this.uint32()
    const b = this.uint32()
    const c = (this.uint32() & 0x0fffffff) | 0x40000000
    const d = ((this.uint32() & 0x3fffffff) | 0x80000000) >>> 0
    const e = this.uint32()
    const hex = (n: number) => HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!
    const h = hex(a) + hex(b) + hex(c) + hex(d) + hex(e)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(16, 20)}-${h.slice(24, 28)}-${h.slice(28, 40)}`
  }
}

// ---- calendar days -----------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01 of an ISO date (yyyy-mm-dd). */
export const dayOf = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY

const isoCache = new Map<number, string>()

/** The ISO date of a day number. */
export const isoOf = (day: number): string => {
  let iso = isoCache.get(day)
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
    isoCache.set(day, iso)
  }
  return iso
}

/** Day of week, 0 = Sunday. */
export const weekdayOf = (day: number): number => (day + 4) % 7

export const msOfDay = (day: number): number => day * MS_PER_DAY

export const dayOfMs = (ms: number): number => Math.floor(ms / MS_PER_DAY)
