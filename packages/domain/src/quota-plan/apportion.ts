import { type ExactDecimal, exactFromNumber, parsePrintedDecimal, rescale } from "./printed-decimal.ts"

/** Apportionment methods. Only Hamilton's is implemented; the name is part of every result so reports can cite it. */
export type ApportionmentMethod = "largest-remainder"

export interface ApportionShare {
  /** Identifies the row, e.g. the unit code. */
  readonly key: string
  /** Name used for the last tie-break (Vietnamese collation), e.g. the unit name as printed. */
  readonly name?: string
  /** Share as a number (3.46) or as printed ("3,46"). Shares need not sum to 100: they are used in proportion. */
  readonly share: number | string
  /** The head-count a document printed for this row, to report the difference. */
  readonly printed?: number
}

export interface ApportionedQuota {
  readonly key: string
  readonly name: string | undefined
  readonly share: number
  /** target × share / Σshares, as a (rounded for display) number. */
  readonly exactQuota: number
  readonly quota: number
  readonly printed: number | null
  /** quota − printed, or null when nothing was printed. */
  readonly differenceFromPrinted: number | null
}

export interface Apportionment {
  readonly method: ApportionmentMethod
  readonly target: number
  readonly quotas: ReadonlyArray<ApportionedQuota>
  /** Rows whose quota differs from the printed head-count. */
  readonly differingFromPrinted: ReadonlyArray<ApportionedQuota>
}

const collator = new Intl.Collator("vi")

const toExact = (share: number | string): ExactDecimal => {
  const exact = typeof share === "number" ? exactFromNumber(share) : parsePrintedDecimal(share)
  if (exact === undefined) throw new RangeError(`share must be a non-negative decimal, got ${String(share)}`)
  return exact
}

/**
 * Splits a whole-number `target` into whole quotas proportional to `shares`, summing exactly to `target`.
 *
 * Largest remainder (Hamilton / Hare quota): every row first gets ⌊target × sᵢ / Σs⌋; the seats still
 * missing go one each to the rows with the largest remainders. Each quota is therefore within one of its
 * exact quota (|quota − exact| < 1). Arithmetic is exact (BigInt over the printed decimals), so ties are real ties.
 *
 * Tie-break, in order: larger remainder; then larger share; then the name in Vietnamese collation
 * (`Intl.Collator("vi")`, so "Đ" sorts after "D"); then the key (unit code) in plain string order.
 * The result does not depend on the order of the input rows (as long as keys are unique).
 *
 * @throws RangeError when target is not a non-negative integer, a share is not a non-negative decimal,
 * or all shares are zero while the target is positive.
 */
export const apportion = (
  target: number,
  shares: ReadonlyArray<ApportionShare>,
  method: ApportionmentMethod = "largest-remainder",
): Apportionment => {
  if (!Number.isSafeInteger(target) || target < 0)
    throw new RangeError(`target must be a non-negative integer, got ${target}`)
  const exact = shares.map((s) => toExact(s.share))
  const scale = exact.reduce((max, d) => Math.max(max, d.scale), 0)
  const scaled = exact.map((d) => rescale(d, scale))
  const total = scaled.reduce((a, b) => a + b, 0n)
  if (total === 0n && target > 0)
    throw new RangeError("cannot apportion a positive target over shares that are all zero")
  const T = BigInt(target)
  const rows = shares.map((s, i) => {
    const numerator = T * (scaled[i] ?? 0n)
    const floor = total === 0n ? 0n : numerator / total
    const remainder = total === 0n ? 0n : numerator % total
    return { index: i, share: s, scaledShare: scaled[i] ?? 0n, floor, remainder }
  })
  const assigned = rows.reduce((sum, r) => sum + r.floor, 0n)
  let left = Number(T - assigned)
  const order = rows.toSorted((a, b) => {
    if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1
    if (a.scaledShare !== b.scaledShare) return a.scaledShare > b.scaledShare ? -1 : 1
    const byName = collator.compare(a.share.name ?? "", b.share.name ?? "")
    if (byName !== 0) return byName
    return a.share.key < b.share.key ? -1 : a.share.key > b.share.key ? 1 : 0
  })
  const bonus = new Set<number>()
  for (const r of order) {
    if (left <= 0) break
    bonus.add(r.index)
    left -= 1
  }
  const quotas = rows.map((r): ApportionedQuota => {
    const quota = Number(r.floor) + (bonus.has(r.index) ? 1 : 0)
    const printed = r.share.printed ?? null
    return {
      key: r.share.key,
      name: r.share.name,
      share: Number(r.scaledShare) / 10 ** scale,
      exactQuota: total === 0n ? 0 : Number(T * r.scaledShare) / Number(total),
      quota,
      printed,
      differenceFromPrinted: printed === null ? null : quota - printed,
    }
  })
  return {
    method,
    target,
    quotas,
    differingFromPrinted: quotas.filter((q) => q.differenceFromPrinted !== null && q.differenceFromPrinted !== 0),
  }
}
