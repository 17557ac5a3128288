import type { EventLog } from "@xkld/event-store"
import type { ReadModels } from "@xkld/projections"
import { stampedText, withKnownText } from "../http/json-body.ts"
import { CataloguesFromMemory } from "./catalogues.ts"
import { positionOf, sharedPosition, wokenPosition } from "./position.ts"
import { wakesOf, wakingRunner } from "./wakes.ts"

/** Answers kept per read model method; the oldest goes first. */
const MAX_ENTRIES = 512

const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)

/**
 * An answer without `asOf` in its query says "as known at <the time it was computed>"; given again from memory it
 * is the answer as known now (nothing changed since), so it says `now`. Answers with `asOf` are given as they are.
 */
function restamped<R>(value: R, args: ReadonlyArray<unknown>, now: string): R {
  const query = args[0] as { readonly asOf?: unknown } | undefined
  if (query && typeof query === "object" && query.asOf !== undefined) return value
  const answer = value as { asOf?: unknown; board?: { asOf?: unknown } }
  if (answer && typeof answer === "object" && typeof answer.asOf === "string") return { ...value, asOf: now }
  if (answer?.board && typeof answer.board.asOf === "string") return { ...value, board: { ...answer.board, asOf: now } }
  return value
}

/**
 * A kept answer given again, with its JSON text known to the edge (`http/json-body.ts`): the restamped copy's text
 * is the kept template with the new stamp put in, the unstamped answer's text is made once.
 */
function givenAgain<R>(
  value: R,
  args: ReadonlyArray<unknown>,
  text: { template?: ((at: string) => Uint8Array<ArrayBuffer>) | null },
): R {
  const now = new Date().toISOString()
  const answer = restamped(value, args, now)
  if (answer === null || typeof answer !== "object") return answer
  if (answer === value) return withKnownText(answer, () => Buffer.from(JSON.stringify(value)))
  if (text.template === undefined) text.template = stampedText(value, (v, at) => restamped(v, args, at)) ?? null
  const template = text.template
  return template ? withKnownText(answer, () => template(now)) : answer
}

type Cached = Pick<ReadModels, "attainment" | "targets" | "funnel" | "outcomes" | "trainingCoverage" | "finance">

const positions = new WeakMap<EventLog, () => Promise<string | undefined>>()

/**
 * The read models' position of this log as the cache reads it (ADR 0024, 0030): the one `withCachedFigures` keeps
 * from the wakes, else a shared read on every call.
 */
export function readModelsPosition(log: EventLog): () => Promise<string | undefined> {
  const known = positions.get(log)
  if (known) return known
  const position = sharedPosition(positionOf(log))
  positions.set(log, position)
  return position
}

/**
 * The read models with their hot figures answered from memory (issue 12): each answer is kept with the read
 * models' position it was computed at (`readPosition`, read before computing) and given again only while the
 * position is the same, so a cached answer is the answer the query would give now, as-of ones included (the
 * arguments, `asOf` among them, are part of the key). Answers are shared: callers must not change them.
 *
 * The position itself is read only after a wake (ADR 0030): the runner returned here wakes on every write this
 * process commits through it, the log's notifications wake for the others; the unit catalogue is answered from
 * memory the same way.
 */
export function withCachedFigures(
  models: ReadModels,
  log: EventLog,
  position?: () => Promise<string | undefined>,
): ReadModels & { readonly cacheStats: { hits: number; misses: number }; readonly uncached: ReadModels } {
  const wakes = wakesOf(log)
  const runner = wakingRunner(models.runner, wakes)
  if (!position) {
    position = wokenPosition(sharedPosition(positionOf(log)), wakes, () => models.runner.caughtUp())
    positions.set(log, position)
  }
  const at = position
  const stats = { hits: 0, misses: 0 }
  const memo = <A extends unknown[], R>(compute: (...args: A) => Promise<R>) => {
    const entries = new Map<
      string,
      {
        readonly position: string
        readonly value: Promise<R>
        readonly text: { template?: ((at: string) => Uint8Array<ArrayBuffer>) | null }
      }
    >()
    return async (...args: A): Promise<R> => {
      const now = await at()
      if (now === undefined) return compute(...args)
      // Today (in Vietnam) is part of the key: a figure "to today" changes at midnight without an event.
      const key = JSON.stringify([vietnamToday(), args])
      const found = entries.get(key)
      if (found && found.position === now) {
        stats.hits++
        return found.value.then((value) => givenAgain(value, args, found.text))
      }
      stats.misses++
      const value = compute(...args)
      entries.delete(key)
      entries.set(key, { position: now, value, text: {} })
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key)
      })
      return value
    }
  }
  const cached: Cached = {
    attainment: memo(models.attainment),
    targets: memo(models.targets),
    funnel: memo(models.funnel),
    outcomes: memo(models.outcomes),
    trainingCoverage: memo(models.trainingCoverage),
    finance: memo(models.finance),
  }
  const catalogues = new CataloguesFromMemory(log, wakes)
  return { ...models, ...cached, runner, catalogues, cacheStats: stats, uncached: models }
}
