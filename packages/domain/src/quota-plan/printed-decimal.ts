/**
 * Decimal numbers as Vietnamese documents print them ("3,46" = 3.46; "1.042" = 1042 in running text).
 * Shares are kept as exact scaled integers so sums and products never suffer binary rounding.
 */
export interface ExactDecimal {
  /** The value times 10^scale, e.g. "3,46" → 346n with scale 2. */
  readonly scaled: bigint
  readonly scale: number
}

const decimalPattern = /^(\d+)(?:[.,](\d+))?$/

/**
 * Parses a printed percentage such as "3,46" or "0.50". The comma is the Vietnamese decimal separator.
 * Returns undefined for anything else (thousand separators are not accepted in a share column).
 */
export const parsePrintedDecimal = (printed: string): ExactDecimal | undefined => {
  const match = decimalPattern.exec(printed.trim())
  if (match === null) return undefined
  const whole = match[1] ?? "0"
  const fraction = match[2] ?? ""
  return { scaled: BigInt(whole + fraction), scale: fraction.length }
}

/** A finite non-negative JS number as an exact decimal (via its shortest round-trip representation). */
export const exactFromNumber = (value: number): ExactDecimal | undefined => {
  if (!Number.isFinite(value) || value < 0) return undefined
  const text = value.toString()
  if (!text.includes("e")) return parsePrintedDecimal(text)
  return parsePrintedDecimal(value.toFixed(20).replace(/0+$/, "").replace(/\.$/, ""))
}

export const toNumber = (d: ExactDecimal): number => Number(d.scaled) / 10 ** d.scale

/** Brings two decimals to the same scale. */
export const rescale = (d: ExactDecimal, scale: number): bigint => d.scaled * 10n ** BigInt(scale - d.scale)

/** Exact sum of decimals, at the largest scale among them. */
export const sumExact = (values: ReadonlyArray<ExactDecimal>): ExactDecimal => {
  const scale = values.reduce((max, d) => Math.max(max, d.scale), 0)
  return { scaled: values.reduce((sum, d) => sum + rescale(d, scale), 0n), scale }
}

/** Formats the Vietnamese way: "100,00". */
export const formatVietnamese = (d: ExactDecimal): string => {
  const digits = d.scaled.toString().padStart(d.scale + 1, "0")
  if (d.scale === 0) return digits
  return `${digits.slice(0, -d.scale)},${digits.slice(-d.scale)}`
}
