/**
 * Vietnamese name order: `Intl.Collator("vi")` (ICU's Vietnamese tailoring: a < ă < â, d < đ, e < ê, o < ô < ơ,
 * u < ư, tones compared after the letters), the full name as written (family name first), then the worker id so
 * that equal names have one order. The list's name order is this and nothing else (ADR 0024).
 */
const collator = new Intl.Collator("vi")

export interface NamedWorker {
  readonly workerId: string
  readonly fullName: string
}

export const compareNamed = (a: NamedWorker, b: NamedWorker): number =>
  collator.compare(a.fullName, b.fullName) || (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0)
