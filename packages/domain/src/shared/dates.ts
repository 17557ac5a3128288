/**
 * Business dates: which calendar days exist, which years the system accepts, and what "today" is in Vietnam.
 * One place for these rules (docs/dates.md); the API's parsers and the imports build on them.
 */

/** No event, birth or plan of this programme lies outside these years; anything outside is a typing error. */
export const EARLIEST_YEAR = 1900
export const LATEST_YEAR = 2100

/** Plan and reporting years the system knows (periods such as `2026-H1`, `year=2026`). */
export const EARLIEST_PLAN_YEAR = 2000
export const LATEST_PLAN_YEAR = LATEST_YEAR

const SHAPE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** True for `yyyy-mm-dd` naming a day that exists (2024-02-29 yes, 2023-02-29 no) within 1900–2100. */
export const isCalendarDate = (text: string): boolean => {
  const match = SHAPE.exec(text)
  if (!match) return false
  const year = Number(match[1])
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false
  const lastDay = new Date(Date.UTC(year, Number(match[2]), 0)).getUTCDate()
  return Number(match[3]) <= lastDay
}

export const isPlanYear = (year: number): boolean =>
  Number.isInteger(year) && year >= EARLIEST_PLAN_YEAR && year <= LATEST_PLAN_YEAR

/** Vietnam keeps UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET = "+07:00"
const OFFSET_MS = 7 * 3600 * 1000

/** The calendar date in Vietnam at an instant: 2026-06-15T20:00:00Z is already 16/06/2026 in Sơn La. */
export const vietnamDateOf = (instant: Date): string =>
  new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10)

/** The last instant of a Vietnamese calendar day (what "as of 15/06/2026" means). */
export const endOfVietnamDay = (date: string): Date => new Date(`${date}T23:59:59.999${VIETNAM_OFFSET}`)
