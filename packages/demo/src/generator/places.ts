import type { Rng } from "./random.ts"
import { AdminUnit, QuotaPlan } from "@xkld/domain"
const { attributesOn, successorsToday, unitOn, levelOf } = AdminUnit
type UnitAttributes = AdminUnit.UnitAttributes
type Catalogue = AdminUnit.Catalogue
const { sonLa2026Rows } = QuotaPlan

/**
 * Where generated workers live: the commune-level units of a province valid on a date, from the admin-unit
 * catalogue. Before a reorganisation the province is "everything that became this province" (the new Lào Cai,
 * code 15, was old Lào Cai, code 10, and Yên Bái, which had code 15). Units are weighted: new Sơn La units by
 * their 2026 quota (Phụ lục 01), the others evenly with some spread; an old unit gets its successors' weight.
 */

export interface Place {
  readonly unitId: string
  readonly code: string
  readonly name: string
  /** Cumulative weight, for picking. */
  readonly cumulative: number
}

interface Period {
  readonly from: string
  readonly until: string | null
  readonly places: ReadonlyArray<Place>
  readonly ids: ReadonlySet<string>
  readonly total: number
}

export interface ProvincePlaces {
  readonly provinceCode: string
  readonly provinceName: string
  /** The province unit in force today (departments' actor unit). */
  readonly provinceUnitId: string
  readonly periods: ReadonlyArray<Period>
  /** Old unit id → the unit in force today that took most of it (the office that records for it now). */
  readonly successorOf: ReadonlyMap<string, string>
}

const provinceOf = (catalogue: Catalogue, unit: UnitAttributes, date: string): UnitAttributes | undefined => {
  let current: UnitAttributes | undefined = unit
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    if (current.kind === "province") return current
    current = current.parentId === null ? undefined : attributesOn(catalogue, current.parentId, date)
  }
  return undefined
}

const spread = (code: string): number => {
  let h = 7
  for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) % 1000
  return 0.5 + h / 1000
}

const sonLaQuota = new Map(sonLa2026Rows.map(([code, , , headCount]) => [code, headCount]))

/**
 * The commune-level units of `provinceCode` (as it is on `today`; pass a far date for "as the catalogue ends")
 * on every period of the catalogue.
 */
export const provincePlaces = (catalogue: Catalogue, provinceCode: string, today: string): ProvincePlaces => {
  const province = unitOn(catalogue, provinceCode, today).find((a) => a.kind === "province")
  if (province === undefined) throw new Error(`province ${provinceCode} not in the admin-unit catalogue on ${today}`)
  const breaks = new Set<string>()
  for (const unit of catalogue.units.values()) {
    if (unit.validFrom !== null) breaks.add(unit.validFrom)
    if (unit.validUntil !== null) breaks.add(unit.validUntil)
  }
  const starts = ["0000-01-01", ...[...breaks].toSorted()]
  const successorOf = new Map<string, string>()
  const currentWeight = new Map<string, number>()
  const periods: Array<Period> = []
  // Latest period first, so old units can inherit the weight of their successors.
  for (let i = starts.length - 1; i >= 0; i--) {
    const from = starts[i]!
    const until = starts[i + 1] ?? null
    const probe = from === "0000-01-01" ? (until === null ? today : previousDay(until)) : from
    const places: Array<Place> = []
    let total = 0
    const candidates: Array<{ attributes: UnitAttributes; weight: number }> = []
    for (const record of catalogue.units.values()) {
      const attributes = attributesOn(catalogue, record.id, probe)
      if (attributes === undefined || levelOf(attributes.kind) !== "commune-level") continue
      if (record.validUntil === null || record.validUntil > today) {
        if (provinceOf(catalogue, attributes, today)?.unitId !== province.unitId) continue
        const weight = provinceCode === "14" ? (sonLaQuota.get(attributes.code) ?? 5) : 10 * spread(attributes.code)
        currentWeight.set(record.id, weight)
        candidates.push({ attributes, weight })
      } else {
        const successors = successorsToday(catalogue, record.id).filter((s) => currentWeight.has(s.unitId))
        if (successors.length === 0) continue
        successorOf.set(record.id, successors[0]!.unitId)
        // Spread a successor's weight over its predecessors, by the share it received.
        const weight = successors.reduce((sum, s) => {
          const count = catalogue.units.get(s.unitId)?.predecessors.length ?? 1
          return sum + (currentWeight.get(s.unitId)! * s.share) / Math.max(1, count)
        }, 0)
        candidates.push({ attributes, weight: weight * spread(attributes.code) })
      }
    }
    candidates.sort((a, b) => (a.attributes.unitId < b.attributes.unitId ? -1 : 1))
    for (const { attributes, weight } of candidates) {
      total += weight
      places.push({ unitId: attributes.unitId, code: attributes.code, name: attributes.name, cumulative: total })
    }
    if (places.length > 0) periods.unshift({ from, until, places, ids: new Set(places.map((p) => p.unitId)), total })
  }
  return {
    provinceCode,
    provinceName: province.name.replace(/^Tỉnh /u, ""),
    provinceUnitId: province.unitId,
    periods,
    successorOf,
  }
}

const previousDay = (iso: string): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

const periodOn = (places: ProvincePlaces, date: string): Period => {
  for (const period of places.periods)
    if (period.from <= date && (period.until === null || date < period.until)) return period
  return places.periods[places.periods.length - 1]!
}

/** A commune-level unit of the province valid on `date`, picked by weight. */
export const pickPlace = (rng: Rng, places: ProvincePlaces, date: string): Place => {
  const period = periodOn(places, date)
  const r = rng.next() * period.total
  let lo = 0
  let hi = period.places.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (period.places[mid]!.cumulative > r) hi = mid
    else lo = mid + 1
  }
  return period.places[lo]!
}

/** The office recording on `date` for a unit: the unit itself while in force, else its successor. */
export const recordingUnit = (places: ProvincePlaces, unitId: string, date: string): string => {
  const period = periodOn(places, date)
  if (period.ids.has(unitId)) return unitId
  return places.successorOf.get(unitId) ?? unitId
}
