import type { IsoDate } from "../shared/values.ts"
import { type Catalogue, isInForce, type UnitRecord, valueOn } from "./catalogue.ts"
import type { SuccessionMode } from "./events.ts"
import { type AdminUnitKind, type KindLabel, levelOf } from "./kinds.ts"
import { bareName, bareNameKey, compareVietnamese, nameKey } from "./names.ts"

/** What a unit was on a date. */
export interface UnitAttributes {
  readonly unitId: string
  readonly code: string
  readonly name: string
  readonly kind: AdminUnitKind
  readonly kindLabel: KindLabel
  readonly parentId: string | null
  readonly validFrom: IsoDate | null
  /** First day no longer in force (null while it exists). */
  readonly validUntil: IsoDate | null
}

const attributesOfRecord = (unit: UnitRecord, date: IsoDate): UnitAttributes | undefined => {
  if (!isInForce(unit, date)) return undefined
  const code = valueOn(unit.codes, date)
  const name = valueOn(unit.names, date)
  const kind = valueOn(unit.kinds, date)
  const parentId = valueOn(unit.parents, date)
  if (code === undefined || name === undefined || kind === undefined || parentId === undefined) return undefined
  return {
    unitId: unit.id,
    code,
    name,
    kind: kind.kind,
    kindLabel: kind.label,
    parentId,
    validFrom: unit.validFrom,
    validUntil: unit.validUntil,
  }
}

/** Vietnamese order of the name without its kind word ("Phường Chiềng An" before "Xã Chiềng Cọ"), then full name. */
const byName = (a: UnitAttributes, b: UnitAttributes) =>
  compareVietnamese(bareName(a.name), bareName(b.name)) ||
  compareVietnamese(a.name, b.name) ||
  a.code.localeCompare(b.code)

/** Code, name, kind and parent of a unit on `date`; undefined if unknown or not in force then. */
export const attributesOn = (catalogue: Catalogue, unitId: string, date: IsoDate): UnitAttributes | undefined => {
  const unit = catalogue.units.get(unitId)
  return unit === undefined ? undefined : attributesOfRecord(unit, date)
}

/**
 * Which unit(s) carried this code, or this name, on `date`. A string of digits is a code (unique on a date);
 * anything else is a name, matched ignoring case and Unicode form, with or without the kind word
 * ("Phường Tô Hiệu", "tô hiệu"); names repeat across provinces, so several units may answer.
 */
export const unitOn = (catalogue: Catalogue, codeOrName: string, date: IsoDate): ReadonlyArray<UnitAttributes> => {
  const query = codeOrName.normalize("NFC").trim()
  const isCode = /^\d+$/.test(query)
  const key = isCode ? query : nameKey(query)
  const candidates = (isCode ? catalogue.byCode : catalogue.byName).get(key) ?? []
  const matches = (a: UnitAttributes) =>
    isCode ? a.code === query : nameKey(a.name) === key || bareNameKey(a.name) === key
  return candidates
    .map((id) => attributesOn(catalogue, id, date))
    .filter((a): a is UnitAttributes => a !== undefined && matches(a))
    .toSorted(byName)
}

/** The province that carried `provinceCode` on `date`. */
const provinceOn = (catalogue: Catalogue, provinceCode: string, date: IsoDate): UnitAttributes | undefined =>
  unitOn(catalogue, provinceCode, date).find((a) => a.kind === "province")

const isUnder = (catalogue: Catalogue, unit: UnitAttributes, ancestorId: string, date: IsoDate): boolean => {
  let parentId = unit.parentId
  for (let depth = 0; parentId !== null && depth < 8; depth++) {
    if (parentId === ancestorId) return true
    parentId = attributesOn(catalogue, parentId, date)?.parentId ?? null
  }
  return false
}

const within = (
  catalogue: Catalogue,
  provinceCode: string,
  date: IsoDate,
  keep: (a: UnitAttributes) => boolean,
): ReadonlyArray<UnitAttributes> => {
  const province = provinceOn(catalogue, provinceCode, date)
  if (province === undefined) return []
  return [...catalogue.units.values()]
    .map((unit) => attributesOfRecord(unit, date))
    .filter((a): a is UnitAttributes => a !== undefined && keep(a) && isUnder(catalogue, a, province.unitId, date))
    .toSorted(byName)
}

/** The communes, wards, townships and special zones of a province on `date`, in Vietnamese order of their names. */
export const unitsOf = (catalogue: Catalogue, provinceCode: string, date: IsoDate): ReadonlyArray<UnitAttributes> =>
  within(catalogue, provinceCode, date, (a) => levelOf(a.kind) === "commune-level")

/** The districts of a province on `date` (none from 1 July 2025), in Vietnamese name order. */
export const districtsOf = (catalogue: Catalogue, provinceCode: string, date: IsoDate): ReadonlyArray<UnitAttributes> =>
  within(catalogue, provinceCode, date, (a) => a.kind === "district")

export interface SuccessorToday {
  readonly unitId: string
  /** Fraction of the old unit that ended up in this unit (product of shares along the chain). */
  readonly share: number
  /** True if any step was a split or partial transfer: the old unit's figures cannot be moved one-to-one. */
  readonly viaSplit: boolean
}

/**
 * The units in force on `date` (or, without a date, the units that have not ended) that took over `oldUnitId`,
 * following chains of successions; a unit still in force keeps the share it did not pass on. Shares sum to less
 * than 1 only when part of the chain was dissolved without successors.
 */
export const successorsToday = (
  catalogue: Catalogue,
  oldUnitId: string,
  date?: IsoDate,
): ReadonlyArray<SuccessorToday> => {
  const found = new Map<string, { share: number; viaSplit: boolean }>()
  const add = (unitId: string, share: number, viaSplit: boolean) => {
    const seen = found.get(unitId)
    found.set(unitId, { share: (seen?.share ?? 0) + share, viaSplit: (seen?.viaSplit ?? false) || viaSplit })
  }
  const alive = (unit: UnitRecord) => (date === undefined ? unit.validUntil === null : isInForce(unit, date))
  // Area that reached a unit on `arrived` follows only that unit's successions after that day, so chains end.
  const follow = (unitId: string, share: number, viaSplit: boolean, arrived: IsoDate | null) => {
    const unit = catalogue.units.get(unitId)
    if (unit === undefined) return
    let remaining = share
    const steps = unit.successions
      .filter((s) => (arrived === null || s.effectiveFrom > arrived) && (date === undefined || s.effectiveFrom <= date))
      .toSorted((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    for (const step of steps) {
      for (const successor of step.successors)
        follow(successor.unitId, remaining * successor.share, viaSplit || step.split, step.effectiveFrom)
      const passed = step.successors.reduce((total, s) => total + s.share, 0)
      remaining = step.mode === "full" ? 0 : remaining * (1 - passed)
    }
    if (remaining > 0 && alive(unit)) add(unit.id, remaining, viaSplit || remaining < share)
  }
  follow(oldUnitId, 1, false, null)
  return [...found.entries()]
    .map(([unitId, v]) => ({ unitId, share: v.share, viaSplit: v.viaSplit }))
    .toSorted((a, b) => b.share - a.share || a.unitId.localeCompare(b.unitId))
}

export interface Predecessor {
  readonly unitId: string
  readonly share: number
  readonly effectiveFrom: IsoDate
  readonly mode: SuccessionMode
  readonly split: boolean
}

/** The units that passed all or part of themselves directly to `unitId`, oldest first. */
export const predecessors = (catalogue: Catalogue, unitId: string): ReadonlyArray<Predecessor> =>
  (catalogue.units.get(unitId)?.predecessors ?? [])
    .map((p) => ({
      unitId: p.predecessorId,
      share: p.share,
      effectiveFrom: p.effectiveFrom,
      mode: p.mode,
      split: p.split,
    }))
    .toSorted((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.unitId.localeCompare(b.unitId))
