import type { Allocation } from "./allocation.ts"
import {
  type ExactDecimal,
  formatVietnamese,
  parsePrintedDecimal,
  rescale,
  sumExact,
  toNumber,
} from "./printed-decimal.ts"
import { type Target, departureTarget } from "./target.ts"

/** A row whose printed head-count is not round(share × target). */
export interface RoundingMismatch {
  readonly unitCode: string
  readonly unitName: string
  readonly sharePercentPrinted: string
  readonly printedHeadCount: number
  /** share × target / 100, exact value shown as a number. */
  readonly exactQuota: number
  /** round half up of the exact quota. */
  readonly expectedHeadCount: number
  /** printed − expected. */
  readonly difference: number
}

export interface PlanConsistency {
  /** The departures target of the plan year, null when the plan has none. */
  readonly target: number | null
  /** The total row as printed ("TỔNG 700"), null when none was printed. */
  readonly printedTotal: number | null
  /** Sum of the printed head-counts of all rows. */
  readonly allocatedTotal: number
  /** allocatedTotal − target (null without target). */
  readonly discrepancy: number | null
  /** allocatedTotal − printedTotal (null without a printed total). */
  readonly printedTotalDiscrepancy: number | null
  /** Exact sum of the printed shares in percent, e.g. 100. */
  readonly shareSum: number
  readonly shareSumPrinted: string
  /** shareSum − 100. */
  readonly shareSumDiscrepancy: number
  readonly roundingMismatches: ReadonlyArray<RoundingMismatch>
  readonly isConsistent: boolean
}

/** Round half up of numerator/denominator for non-negative bigints. */
const roundHalfUp = (numerator: bigint, denominator: bigint): bigint =>
  (2n * numerator + denominator) / (2n * denominator)

/**
 * Checks a plan's allocation table against its own target. Inconsistencies are data, not errors:
 * a plan is recorded as printed and this report tells users where the printed table does not add up.
 * Expected head-counts use round-half-up of share × target (the naive reading of such a table);
 * `apportion` gives the whole numbers that do add up.
 */
export const consistency = (plan: {
  readonly targets: ReadonlyArray<Target>
  readonly allocations: ReadonlyArray<Allocation>
  readonly printedTotal: number | null
  readonly year?: number
}): PlanConsistency => {
  const target = departureTarget(plan.targets, plan.year)?.value ?? null
  const allocatedTotal = plan.allocations.reduce((sum, a) => sum + a.headCount, 0)
  const shares = plan.allocations.map(
    (a): ExactDecimal => parsePrintedDecimal(a.sharePercentPrinted) ?? { scaled: 0n, scale: 0 },
  )
  const shareSum = sumExact(shares)
  const shareSumNumber = toNumber(shareSum)
  const hundred = rescale({ scaled: 100n, scale: 0 }, shareSum.scale)
  const shareSumDiscrepancy = toNumber({ scaled: shareSum.scaled - hundred, scale: shareSum.scale })
  const roundingMismatches: Array<RoundingMismatch> = []
  if (target !== null) {
    plan.allocations.forEach((a, i) => {
      const share = shares[i] ?? { scaled: 0n, scale: 0 }
      const denominator = 100n * 10n ** BigInt(share.scale)
      const numerator = share.scaled * BigInt(target)
      const expected = Number(roundHalfUp(numerator, denominator))
      if (expected !== a.headCount)
        roundingMismatches.push({
          unitCode: a.unitCode,
          unitName: a.unitName,
          sharePercentPrinted: a.sharePercentPrinted,
          printedHeadCount: a.headCount,
          exactQuota: Number(numerator) / Number(denominator),
          expectedHeadCount: expected,
          difference: a.headCount - expected,
        })
    })
  }
  const discrepancy = target === null ? null : allocatedTotal - target
  const printedTotalDiscrepancy = plan.printedTotal === null ? null : allocatedTotal - plan.printedTotal
  const hasRows = plan.allocations.length > 0
  return {
    target,
    printedTotal: plan.printedTotal,
    allocatedTotal,
    discrepancy,
    printedTotalDiscrepancy,
    shareSum: shareSumNumber,
    shareSumPrinted: formatVietnamese(shareSum),
    shareSumDiscrepancy,
    roundingMismatches,
    isConsistent:
      !hasRows ||
      (discrepancy === 0 &&
        (printedTotalDiscrepancy === null || printedTotalDiscrepancy === 0) &&
        shareSumDiscrepancy === 0 &&
        roundingMismatches.length === 0),
  }
}
