import { setUpEnterprises, type EnterpriseHistoryItem, type EnterpriseProfile } from "./enterprises.ts"
import { GeneratorCrypto, keysFromSeed } from "./keys.ts"
import { materialiseWorker, type MaterialiseContext } from "./materialise.ts"
import { provincePlaces, type ProvincePlaces } from "./places.ts"
import { dayOf, isoOf, Rng, weekdayOf } from "./random.ts"
import { bundledAdminUnits, systemAppends } from "./system-events.ts"
import type { GeneratedActor, GeneratedAppend, GenerateHistoryOptions, GeneratorProvince } from "./types.ts"
import { planWorker, type PlanContext } from "./worker-plan.ts"
import { Enterprise } from "@xkld/domain"
const { evolveEnterprise, initialEnterpriseState, standingOn } = Enterprise
type EnterpriseState = Enterprise.EnterpriseState

/**
 * A deterministic generator of realistic history at any size. It yields appends in recorded-time order: the
 * admin-unit catalogue and the enterprises first, then the workers, each driven through the worker decider
 * (`worker-plan.ts` decides what happens to a person, `materialise.ts` turns it into decided, encoded events).
 * Workers arrive on working days with seasons (Tết, the campaign months, the 2025 reorganisation) and a
 * growing trend; their number is set so that about `targetEvents` events are produced, and generation stops
 * once that many have been yielded. Lazy: it holds only the appends not yet yielded.
 */

const MS_PER_DAY = 86_400_000
const DEFAULT_NOW = "2026-11-23T00:00:00Z"
const LATEST = "9999-12-31"

const provinceWeights: Readonly<Record<GeneratorProvince, number>> = { "14": 700, "12": 600, "15": 550 }
const tet = ["2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2023-01-22"].map(dayOf)
const holidays = new Set(["01-01", "04-30", "05-01", "09-02"])
const monthFactor = [0.9, 0.6, 1.2, 1.25, 1.2, 1.0, 0.95, 1.0, 1.1, 1.15, 1.1, 0.8]
const reorganisation = dayOf("2025-07-01")

/** Relative number of registrations recorded on a day. */
const arrivalWeight = (day: number): number => {
  const weekday = weekdayOf(day)
  if (weekday === 0) return 0
  const iso = isoOf(day)
  if (holidays.has(iso.slice(5))) return 0
  let w = weekday === 6 ? 0.2 : 1
  w *= monthFactor[Number(iso.slice(5, 7)) - 1]!
  if (tet.some((t) => Math.abs(day - t) <= 10)) w *= 0.15
  if (day >= reorganisation - 10 && day < reorganisation + 20) w *= 0.6
  return w * (1 + 0.06 * (Number(iso.slice(0, 4)) - 2024))
}

interface Setup {
  readonly seed: string
  readonly startDay: number
  readonly lastDay: number
  readonly nowMs: number
  readonly provinces: ReadonlyArray<GeneratorProvince>
  readonly places: ReadonlyMap<string, ProvincePlaces>
  /** The places of every province enterprises are set up for (whose department records their vetting). */
  readonly enterprisePlaces: ReadonlyMap<string, ProvincePlaces>
  readonly enterprises: ReadonlyArray<EnterpriseProfile>
  readonly enterpriseHistory: ReadonlyArray<EnterpriseHistoryItem>
  readonly unitCodes: ReadonlyMap<string, string>
  readonly masterKey: Uint8Array
  readonly indexKey: Uint8Array
  /** Cumulative arrival weight at the end of each day from startDay. */
  readonly cumulative: Float64Array
}

const placesCache = new Map<string, ProvincePlaces>()

const setUp = (options: GenerateHistoryOptions): Setup => {
  const seed = String(options.seed)
  const from = options.from ?? 2024
  const to = options.to ?? 2026
  if (from > to) throw new RangeError(`from (${from}) is after to (${to})`)
  const nowMs = Date.parse(options.now ?? DEFAULT_NOW)
  if (Number.isNaN(nowMs)) throw new RangeError(`now is not an ISO instant: ${options.now}`)
  const startDay = dayOf(`${from}-01-01`)
  const lastDay = Math.min(dayOf(`${to}-12-31`), Math.floor((nowMs - 1) / MS_PER_DAY))
  if (lastDay < startDay) throw new RangeError("now is before the first year of history")
  const provinces = [...new Set<GeneratorProvince>(options.provinces ?? ["14"])].toSorted()
  const { catalogue } = bundledAdminUnits()
  const placesOf = (p: GeneratorProvince): ProvincePlaces => {
    // Provinces as the catalogue has them today (whatever the years generated): history is grouped by them.
    let found = placesCache.get(p)
    if (found === undefined) {
      found = provincePlaces(catalogue, p, LATEST)
      placesCache.set(p, found)
    }
    return found
  }
  const places = new Map<string, ProvincePlaces>()
  for (const p of provinces) places.set(p, placesOf(p))
  const enterpriseProvinces = [...new Set([...provinces, ...(options.enterpriseProvinces ?? [])])].toSorted()
  const unitCodes = new Map<string, string>()
  for (const pp of places.values())
    for (const period of pp.periods) for (const place of period.places) unitCodes.set(place.unitId, place.code)
  const provinceNames = Object.fromEntries(enterpriseProvinces.map((p) => [p, placesOf(p).provinceName]))
  const enterpriseSeed = String(options.enterpriseSeed ?? seed)
  const enterpriseSetup = setUpEnterprises(Rng.derive(enterpriseSeed, "enterprises"), provinceNames, startDay, lastDay)
  const keys = keysFromSeed(seed)
  const cumulative = new Float64Array(lastDay - startDay + 1)
  let total = 0
  for (let day = startDay; day <= lastDay; day++) {
    total += arrivalWeight(day)
    cumulative[day - startDay] = total
  }
  return {
    seed,
    startDay,
    lastDay,
    nowMs,
    provinces,
    places,
    enterprisePlaces: new Map(enterpriseProvinces.map((p) => [p, placesOf(p)])),
    enterprises: enterpriseSetup.profiles,
    unitCodes,
    masterKey: options.masterKey ?? keys.masterKey,
    indexKey: options.indexKey ?? keys.indexKey,
    cumulative,
    enterpriseHistory: enterpriseSetup.history,
  }
}

const departmentActor =
  (places: ReadonlyMap<string, ProvincePlaces>) =>
  (provinceCode: string, day: number): GeneratedActor => {
    const unit = places.get(provinceCode)?.provinceUnitId
    return day < dayOf("2025-03-01")
      ? { userId: `sldtbxh-${provinceCode}-1`, role: "labourDept", unit }
      : { userId: `snv-${provinceCode}-1`, role: "homeAffairsDept", unit }
  }

const pickProvince = (rng: Rng, provinces: ReadonlyArray<GeneratorProvince>): GeneratorProvince =>
  provinces.length === 1 ? provinces[0]! : rng.weighted(provinces.map((p) => [p, provinceWeights[p]] as const))

const registrationLag = (rng: Rng): number => {
  const r = rng.next()
  return r < 0.6 ? 0 : r < 0.85 ? rng.int(1, 3) : rng.int(4, 14)
}

const planContext = (setup: Setup, provinceCode: string, citizenSerials: Map<string, number>): PlanContext => ({
  places: setup.places.get(provinceCode)!,
  enterprises: setup.enterprises,
  lastDay: setup.lastDay,
  nowMs: setup.nowMs,
  citizenSerials,
})

/** Day (from startDay) where the cumulative weight first reaches `u` of the total. */
const dayAtFraction = (cumulative: Float64Array, u: number): number => {
  const target = u * cumulative[cumulative.length - 1]!
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cumulative[mid]! >= target) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Mean number of events a worker yields within the horizon, from a stratified sample of planned workers. */
const eventsPerWorker = (setup: Setup, samples: number): number => {
  const rng = Rng.derive(setup.seed, "calibration")
  const serials = new Map<string, number>()
  const contexts = new Map(setup.provinces.map((p) => [p, planContext(setup, p, serials)]))
  let events = 0
  for (let i = 0; i < samples; i++) {
    const day = setup.startDay + dayAtFraction(setup.cumulative, (i + 0.5) / samples)
    const atMs = day * MS_PER_DAY + (60 + rng.int(0, 540)) * 60_000
    if (atMs > setup.nowMs) continue
    const provinceCode = pickProvince(rng, setup.provinces)
    const registrationDay = Math.max(setup.startDay, day - registrationLag(rng))
    const plan = planWorker(
      Rng.derive(setup.seed, `calibration-worker-${i}`),
      contexts.get(provinceCode)!,
      atMs,
      registrationDay,
    )
    events += plan.steps.length + 1 // + the person-registration claim
  }
  return events / samples
}

interface Arrival {
  readonly serial: number
  readonly atMs: number
  readonly registrationDay: number
  readonly provinceCode: GeneratorProvince
}

/** `count` registrations spread over the days by weight, in order of the moment they are entered. */
function* arrivals(setup: Setup, count: number): Generator<Arrival> {
  const rng = Rng.derive(setup.seed, "arrivals")
  const total = setup.cumulative[setup.cumulative.length - 1]!
  let serial = 0
  let previous = 0
  for (let i = 0; i < setup.cumulative.length; i++) {
    const upTo = Math.floor((count * setup.cumulative[i]!) / total)
    const today = upTo - previous
    previous = upTo
    if (today === 0) continue
    const day = setup.startDay + i
    const minutes: Array<number> = []
    for (let k = 0; k < today; k++) minutes.push(60 + rng.int(0, 540))
    minutes.sort((a, b) => a - b)
    for (const minute of minutes) {
      const atMs = day * MS_PER_DAY + minute * 60_000
      if (atMs > setup.nowMs) return
      const provinceCode = pickProvince(rng, setup.provinces)
      const registrationDay = Math.max(setup.startDay, day - registrationLag(rng))
      yield { serial: serial++, atMs, registrationDay, provinceCode }
    }
  }
}

// ---- a binary heap of sources (system appends, one per worker), by next recordedAt then serial ----

interface Source {
  t: number
  readonly key: number
  readonly appends: Array<GeneratedAppend | undefined>
  readonly times: ReadonlyArray<number>
  i: number
}

const before = (a: Source, b: Source) => a.t < b.t || (a.t === b.t && a.key < b.key)

class SourceHeap {
  readonly #items: Array<Source> = []
  get size() {
    return this.#items.length
  }
  peek(): Source | undefined {
    return this.#items[0]
  }
  push(source: Source) {
    const items = this.#items
    items.push(source)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(items[i]!, items[parent]!)) break
      ;[items[i], items[parent]] = [items[parent]!, items[i]!]
      i = parent
    }
  }
  /** Restores order after the top's key grew. */
  topChanged() {
    const items = this.#items
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < items.length && before(items[l]!, items[m]!)) m = l
      if (r < items.length && before(items[r]!, items[m]!)) m = r
      if (m === i) return
      ;[items[i], items[m]] = [items[m]!, items[i]!]
      i = m
    }
  }
  popTop() {
    const items = this.#items
    const last = items.pop()!
    if (items.length > 0) {
      items[0] = last
      this.topChanged()
    }
  }
}

/**
 * Generates history lazily, in recorded-time order (`recordedAt` never decreases). Same options, same output,
 * byte for byte. See `GenerateHistoryOptions`.
 */
export function* generateHistory(options: GenerateHistoryOptions): Generator<GeneratedAppend, void, undefined> {
  const setup = setUp(options)
  const target = Math.max(0, Math.floor(options.targetEvents))
  if (target === 0) return
  const system = systemAppends(
    Rng.derive(setup.seed, "system"),
    setup.startDay,
    setup.nowMs,
    setup.lastDay,
    setup.enterpriseHistory,
    departmentActor(setup.enterprisePlaces),
  )
  const withSystem = options.systemAppends ?? true
  let systemEvents = 0
  if (withSystem) for (const a of system.appends) systemEvents += a!.events.length
  const perWorker = eventsPerWorker(setup, 1500)
  const workers = target > systemEvents ? Math.ceil(((target - systemEvents) / perWorker) * 1.03) : 0

  const heap = new SourceHeap()
  if (withSystem && system.appends.length > 0)
    heap.push({ t: system.times[0]!, key: -1, appends: system.appends, times: system.times, i: 0 })
  const serials = new Map<string, number>()
  const contexts = new Map(setup.provinces.map((p) => [p, planContext(setup, p, serials)]))
  const crypto = new GeneratorCrypto({ masterKey: setup.masterKey, indexKey: setup.indexKey })
  // Where each enterprise stands, from its own history: what the app reads before a selection or contract.
  const enterpriseStates = new Map<string, EnterpriseState>()
  for (const item of setup.enterpriseHistory)
    enterpriseStates.set(
      item.enterpriseId,
      evolveEnterprise(enterpriseStates.get(item.enterpriseId) ?? initialEnterpriseState, item.event),
    )
  const materialiseContexts = new Map<string, MaterialiseContext>(
    setup.provinces.map((p) => [
      p,
      {
        places: setup.places.get(p)!,
        unitCodes: setup.unitCodes,
        crypto,
        standingOf: (enterpriseId: string, on: string) => ({
          enterpriseId,
          provinceCode: p,
          on,
          ...standingOn(enterpriseStates.get(enterpriseId) ?? initialEnterpriseState, p, on),
        }),
      },
    ]),
  )
  const incoming = arrivals(setup, workers)
  let next = incoming.next()
  let emitted = 0
  for (;;) {
    const top = heap.peek()
    if (!next.done && (top === undefined || next.value.atMs < top.t)) {
      const arrival = next.value
      const rng = Rng.derive(setup.seed, `worker-${arrival.serial}`)
      const claimEventId = rng.uuid()
      const plan = planWorker(rng, contexts.get(arrival.provinceCode)!, arrival.atMs, arrival.registrationDay)
      const worker = materialiseWorker(plan, claimEventId, materialiseContexts.get(arrival.provinceCode)!)
      if (worker.appends.length > 0) {
        heap.push({ t: worker.times[0]!, key: arrival.serial, appends: [...worker.appends], times: worker.times, i: 0 })
      }
      next = incoming.next()
      continue
    }
    if (top === undefined) return
    const append = top.appends[top.i]!
    top.appends[top.i] = undefined // let it go once yielded
    top.i++
    if (top.i < top.appends.length) {
      top.t = top.times[top.i]!
      heap.topChanged()
    } else {
      heap.popTop()
    }
    yield append
    emitted += append.events.length
    if (emitted >= target) return
  }
}

/** Counts of events by type (and appends, streams by type) in generated history, for tests and reports. */
export interface HistorySummary {
  readonly appends: number
  readonly events: number
  readonly byType: Readonly<Record<string, number>>
  readonly streamsByType: Readonly<Record<string, number>>
}

export const summarise = (appends: Iterable<GeneratedAppend>): HistorySummary => {
  const byType: Record<string, number> = {}
  const streams = new Map<string, string>()
  let count = 0
  let events = 0
  for (const append of appends) {
    count++
    streams.set(append.streamId, append.streamType)
    for (const event of append.events) {
      events++
      byType[event.type] = (byType[event.type] ?? 0) + 1
    }
  }
  const streamsByType: Record<string, number> = {}
  for (const type of streams.values()) streamsByType[type] = (streamsByType[type] ?? 0) + 1
  return { appends: count, events, byType, streamsByType }
}
