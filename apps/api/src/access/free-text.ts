import type { Actor } from "./actor.ts"
import type { Role } from "./roles.ts"

/**
 * Free-text reasons (withdrawal, early return) typed by officers can name a person or a health detail (ADR 0007);
 * as keys of a count they reach every reader of the report. Readers who may open the records behind the figure
 * see them as typed; the others (leaders, departments) see a reason only when at least `SMALL_CELL` people share
 * it — the rest are summed into one "other reasons" cell, so totals still add up (ADR 0012).
 */
export const SMALL_CELL = 5

export const OTHER_REASONS = `Lý do khác (mỗi lý do dưới ${SMALL_CELL} trường hợp) / other reasons (each under ${SMALL_CELL})`

/** Roles that may open the worker records of their scope, so the reasons tell them nothing they cannot read. */
const RECORD_READERS: ReadonlyArray<Role> = ["province-officer", "commune-officer", "auditor"]

export const seesFreeText = (actor: Actor): boolean => RECORD_READERS.includes(actor.role)

/** Counts keyed by free text, with cells under `SMALL_CELL` merged into `OTHER_REASONS`. */
export const suppressSmallCells = (counts: Readonly<Record<string, number>>): Record<string, number> => {
  const shown: Record<string, number> = {}
  let other = 0
  for (const [reason, n] of Object.entries(counts))
    if (n >= SMALL_CELL) shown[reason] = n
    else other += n
  if (other > 0) shown[OTHER_REASONS] = other
  return shown
}

/** The reasons as this actor may read them. */
export const reasonsFor = (actor: Actor, counts: Readonly<Record<string, number>>): Record<string, number> =>
  seesFreeText(actor) ? { ...counts } : suppressSmallCells(counts)
