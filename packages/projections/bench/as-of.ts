import type { Database } from "@xkld/event-store"
import type { ReadModels } from "../src/index.ts"
import { percentile } from "@xkld/event-store/bench"
import { rawQuery } from "./targets.ts"

export interface LatencySample {
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly max: number
  readonly count: number
}

export interface AsOfResult {
  readonly asOf: LatencySample
  readonly live: LatencySample
  /** The recorded-time range the random instants were drawn from. */
  readonly from: Date
  readonly to: Date
}

export interface AsOfSettings {
  readonly queries: number
  readonly provinceCode: string
  readonly years: ReadonlyArray<number>
  readonly seed: number
}

const summary = (ms: ReadonlyArray<number>): LatencySample => ({
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
  p99: percentile(ms, 99),
  max: Math.max(...ms),
  count: ms.length,
})

/**
 * `queries` attainment queries as known at a random instant of the recorded history (uniform between the
 * first and the last recorded event; seeded, so every run asks the same instants of the same history),
 * alternating the years, and as many live ones (no `asOf`). As-of and live queries alternate one by one,
 * so that background load hits both alike; ten of each run first, untimed.
 */
export async function benchAsOf(database: Database, models: ReadModels, settings: AsOfSettings): Promise<AsOfResult> {
  const [range] = await rawQuery(database, "SELECT min(recorded_at) AS a, max(recorded_at) AS b FROM es_events")
  const from = new Date(range!.a)
  const to = new Date(range!.b)
  let state = settings.seed >>> 0
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const instant = () => new Date(from.getTime() + Math.floor(random() * (to.getTime() - from.getTime())))
  const query = (year: number, asOf?: Date) => ({
    provinceCode: settings.provinceCode,
    year,
    ...(asOf ? { asOf } : {}),
  })
  const timed = async (run: () => Promise<unknown>): Promise<number> => {
    const started = performance.now()
    await run()
    return performance.now() - started
  }

  for (let i = 0; i < 10; i++) {
    const year = settings.years[i % settings.years.length]!
    await models.attainment(query(year, instant()))
    await models.attainment(query(year))
  }
  const asOf: number[] = []
  const live: number[] = []
  for (let i = 0; i < settings.queries; i++) {
    const year = settings.years[i % settings.years.length]!
    const at = instant()
    const sides = [
      async () => asOf.push(await timed(() => models.attainment(query(year, at)))),
      async () => live.push(await timed(() => models.attainment(query(year)))),
    ]
    if (i % 2 === 1) sides.reverse()
    for (const side of sides) await side()
  }
  return { asOf: summary(asOf), live: summary(live), from, to }
}
