import { isPlanYear } from "@xkld/domain"

/** A span of business dates, inclusive: a year, a half-year ("H1 2026"), a quarter, a month. */
export interface Period {
  readonly from: string
  readonly to: string
}

const yyyy = (year: number) => String(year).padStart(4, "0")

export const yearPeriod = (year: number): Period => ({ from: `${yyyy(year)}-01-01`, to: `${yyyy(year)}-12-31` })

/** The calendar years a period touches (a year, a half-year or a month: one). */
export const yearsOf = (period: Period): ReadonlyArray<number> => {
  const from = Number(period.from.slice(0, 4))
  const to = Number(period.to.slice(0, 4))
  return from === to ? [from] : [from, to]
}

export const inPeriod = (date: string | null | undefined, period: Period | undefined): boolean =>
  date !== null && date !== undefined && (!period || (date >= period.from && date <= period.to))

/**
 * Parses "2026", "2026-H1", "2026-Q3", "2026-05" into a period; undefined for anything else, including a year
 * outside the plan years (`isPlanYear`: "0251" is a typing error, not the year 251).
 */
export const parsePeriod = (text: string): Period | undefined => {
  if (!isPlanYear(Number(text.slice(0, 4)))) return undefined
  const year = /^(\d{4})$/.exec(text)
  if (year) return yearPeriod(Number(year[1]))
  const half = /^(\d{4})-H([12])$/.exec(text)
  if (half)
    return half[2] === "1"
      ? { from: `${half[1]}-01-01`, to: `${half[1]}-06-30` }
      : { from: `${half[1]}-07-01`, to: `${half[1]}-12-31` }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text)
  if (quarter) {
    const q = Number(quarter[2])
    const last = new Date(Date.UTC(Number(quarter[1]), q * 3, 0)).getUTCDate()
    return {
      from: `${quarter[1]}-${String(q * 3 - 2).padStart(2, "0")}-01`,
      to: `${quarter[1]}-${String(q * 3).padStart(2, "0")}-${last}`,
    }
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text)
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate()
    return { from: `${month[1]}-${month[2]}-01`, to: `${month[1]}-${month[2]}-${last}` }
  }
  return undefined
}
