import { vietnamDateOf } from "@xkld/domain"

/**
 * The app's "now" for business dates: today in Vietnam (no event dated later), the default as-of date of a status,
 * the day the demo history ends. The event log's recorded time is the database's clock, never this.
 * Tests set it (`openTestApp({ now })`), so no test depends on the calendar (docs/dates.md).
 */
let current: () => Date = () => new Date()

export const now = (): Date => current()

/** Today's date in Vietnam (UTC+7): at 20:00 UTC it is already tomorrow in Sơn La. */
export const today = (): string => vietnamDateOf(current())

/** Replaces the clock: a fixed instant, or a function. Tests only; production keeps the system clock. */
export const setClock = (clock: Date | (() => Date)): void => {
  current = typeof clock === "function" ? clock : () => clock
}
