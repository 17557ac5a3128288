import type { IsoDate, LegalBasis } from "../shared/values.ts"
import { knownEventGuard } from "../shared/unknown-stream-event.ts"
import {
  adminUnitStreamType,
  eventTypes,
  type AdminUnitEvent,
  type ShareBasis,
  type SuccessionMode,
  type SuccessorShare,
} from "./events.ts"
import type { AdminUnitKind, KindLabel } from "./kinds.ts"
import { bareNameKey, nameKey } from "./names.ts"

/** A value in force from `from` (inclusive; null = since the unit's unrecorded origin) until the next entry. */
export interface Dated<T> {
  readonly from: IsoDate | null
  readonly value: T
}

export interface KindValue {
  readonly kind: AdminUnitKind
  readonly label: KindLabel
}

export interface Succession {
  readonly effectiveFrom: IsoDate
  readonly mode: SuccessionMode
  readonly successors: ReadonlyArray<SuccessorShare>
  readonly shareBasis: ShareBasis
  readonly split: boolean
  readonly legalBasis: LegalBasis
}

/** A succession seen from the successor's side. */
export interface Inbound {
  readonly predecessorId: string
  readonly share: number
  readonly effectiveFrom: IsoDate
  readonly mode: SuccessionMode
  readonly split: boolean
}

export interface UnitRecord {
  readonly id: string
  readonly validFrom: IsoDate | null
  /** First day the unit is no longer in force (exclusive end); null while it exists. */
  readonly validUntil: IsoDate | null
  readonly endedBy: "succession" | "dissolution" | null
  readonly codes: ReadonlyArray<Dated<string>>
  readonly names: ReadonlyArray<Dated<string>>
  readonly kinds: ReadonlyArray<Dated<KindValue>>
  readonly parents: ReadonlyArray<Dated<string | null>>
  readonly successions: ReadonlyArray<Succession>
  readonly predecessors: ReadonlyArray<Inbound>
  readonly legalBasis: LegalBasis | null
  readonly source: string | undefined
}

/** Every unit with its dated attributes, folded from AdminUnit events; indexes never forget a code or name. */
export interface Catalogue {
  readonly units: ReadonlyMap<string, UnitRecord>
  readonly byCode: ReadonlyMap<string, ReadonlyArray<string>>
  readonly byName: ReadonlyMap<string, ReadonlyArray<string>>
}

export const emptyCatalogue: Catalogue = { units: new Map(), byCode: new Map(), byName: new Map() }

// ---- reading dated values -------------------------------------------------------------------------------------

const startsBy = (from: IsoDate | null, date: IsoDate): boolean => from === null || from <= date

/** The value in force on `date`, or undefined if the timeline starts later. */
export const valueOn = <T>(timeline: ReadonlyArray<Dated<T>>, date: IsoDate): T | undefined => {
  let found: Dated<T> | undefined
  for (const entry of timeline) if (startsBy(entry.from, date)) found = entry
  return found?.value
}

export const isInForce = (unit: UnitRecord, date: IsoDate): boolean =>
  startsBy(unit.validFrom, date) && (unit.validUntil === null || date < unit.validUntil)

/** The latest date at which anything about the unit changed (null if nothing dated was recorded). */
export const lastChangeOf = (unit: UnitRecord): IsoDate | null => {
  const dates = [
    unit.validFrom,
    ...[unit.codes, unit.names, unit.kinds, unit.parents].flatMap((t) => t.map((e) => e.from)),
    ...unit.successions.map((s) => s.effectiveFrom),
  ].filter((d): d is IsoDate => d !== null)
  return dates.length === 0 ? null : dates.reduce((a, b) => (a > b ? a : b))
}

// ---- folding ----------------------------------------------------------------------------------------------------

interface Draft {
  units: Map<string, UnitRecord>
  byCode: Map<string, ReadonlyArray<string>>
  byName: Map<string, ReadonlyArray<string>>
}

const addToIndex = (index: Map<string, ReadonlyArray<string>>, key: string, id: string): void => {
  const ids = index.get(key) ?? []
  if (!ids.includes(id)) index.set(key, [...ids, id])
}

const indexName = (draft: Draft, name: string, id: string): void => {
  addToIndex(draft.byName, nameKey(name), id)
  addToIndex(draft.byName, bareNameKey(name), id)
}

const append = <T>(timeline: ReadonlyArray<Dated<T>>, from: IsoDate, value: T): ReadonlyArray<Dated<T>> => [
  ...timeline,
  { from, value },
]

const replaceAt = <T>(timeline: ReadonlyArray<Dated<T>>, from: IsoDate | null, value: T): ReadonlyArray<Dated<T>> =>
  timeline.map((entry) => (entry.from === from ? { from, value } : entry))

const inboundOf = (predecessorId: string, s: Succession, successor: SuccessorShare): Inbound => ({
  predecessorId,
  share: successor.share,
  effectiveFrom: s.effectiveFrom,
  mode: s.mode,
  split: s.split,
})

/** Adds (or removes) a succession's inbound entries on its successors' records. */
const linkSuccessors = (draft: Draft, predecessorId: string, s: Succession, link: boolean): void => {
  for (const successor of s.successors) {
    const record = draft.units.get(successor.unitId)
    if (record === undefined) continue
    const others = record.predecessors.filter(
      (p) => !(p.predecessorId === predecessorId && p.effectiveFrom === s.effectiveFrom),
    )
    draft.units.set(record.id, {
      ...record,
      predecessors: link ? [...others, inboundOf(predecessorId, s, successor)] : others,
    })
  }
}

/** Applies one event to a draft; records are replaced, never mutated, so older catalogues stay intact. */
const known = knownEventGuard(adminUnitStreamType, eventTypes)

const apply = (draft: Draft, event: AdminUnitEvent): void => {
  known(event)
  if (event._tag === "AdminUnitEstablished") {
    if (draft.units.has(event.unitId)) return
    draft.units.set(event.unitId, {
      id: event.unitId,
      validFrom: event.validFrom,
      validUntil: null,
      endedBy: null,
      codes: [{ from: event.validFrom, value: event.code }],
      names: [{ from: event.validFrom, value: event.name }],
      kinds: [{ from: event.validFrom, value: { kind: event.kind, label: event.kindLabel } }],
      parents: [{ from: event.validFrom, value: event.parentId }],
      successions: [],
      predecessors: [],
      legalBasis: event.legalBasis,
      source: event.source,
    })
    addToIndex(draft.byCode, event.code, event.unitId)
    indexName(draft, event.name, event.unitId)
    return
  }
  const unit = draft.units.get(event.unitId)
  if (unit === undefined) return
  const set = (record: UnitRecord) => draft.units.set(record.id, record)
  switch (event._tag) {
    case "AdminUnitRenamed":
      set({ ...unit, names: append(unit.names, event.effectiveFrom, event.name) })
      indexName(draft, event.name, unit.id)
      return
    case "AdminUnitRecoded":
      set({ ...unit, codes: append(unit.codes, event.effectiveFrom, event.code) })
      addToIndex(draft.byCode, event.code, unit.id)
      return
    case "AdminUnitReparented":
      set({ ...unit, parents: append(unit.parents, event.effectiveFrom, event.parentId) })
      return
    case "AdminUnitSucceeded": {
      const succession: Succession = {
        effectiveFrom: event.effectiveFrom,
        mode: event.mode,
        successors: event.successors,
        shareBasis: event.shareBasis,
        split: event.split,
        legalBasis: event.legalBasis,
      }
      const ends = event.mode === "full"
      set({
        ...unit,
        successions: [...unit.successions, succession],
        validUntil: ends ? event.effectiveFrom : unit.validUntil,
        endedBy: ends ? "succession" : unit.endedBy,
      })
      linkSuccessors(draft, unit.id, succession, true)
      return
    }
    case "AdminUnitDissolved":
      set({ ...unit, validUntil: event.effectiveFrom, endedBy: "dissolution" })
      return
    case "AdminUnitCorrected": {
      const at = event.periodFrom
      let record = unit
      if (event.code !== undefined) record = { ...record, codes: replaceAt(record.codes, at, event.code) }
      if (event.name !== undefined) record = { ...record, names: replaceAt(record.names, at, event.name) }
      if (event.kind !== undefined && event.kindLabel !== undefined)
        record = { ...record, kinds: replaceAt(record.kinds, at, { kind: event.kind, label: event.kindLabel }) }
      if (event.parentId !== undefined) record = { ...record, parents: replaceAt(record.parents, at, event.parentId) }
      set(record)
      if (event.code !== undefined) addToIndex(draft.byCode, event.code, unit.id)
      if (event.name !== undefined) indexName(draft, event.name, unit.id)
      return
    }
    case "AdminUnitSuccessionCorrected": {
      const old = unit.successions.find((s) => s.effectiveFrom === event.effectiveFrom)
      if (old === undefined) return
      const corrected: Succession = {
        ...old,
        successors: event.successors,
        shareBasis: event.shareBasis,
        split: event.split,
      }
      set({ ...unit, successions: unit.successions.map((s) => (s === old ? corrected : s)) })
      linkSuccessors(draft, unit.id, old, false)
      linkSuccessors(draft, unit.id, corrected, true)
      return
    }
  }
}

/** Folds one event into a catalogue (the decider's `evolve`): copies the maps, shares the untouched records. */
export const evolveCatalogue = (catalogue: Catalogue, event: AdminUnitEvent): Catalogue => {
  const draft: Draft = {
    units: new Map(catalogue.units),
    byCode: new Map(catalogue.byCode),
    byName: new Map(catalogue.byName),
  }
  apply(draft, event)
  return draft
}

/**
 * A catalogue grown in place, for long folds (loading data, replaying streams) where copying the maps per event
 * would cost O(units) each time. `catalogue` is a live view: read it, do not keep it across `add`s.
 */
export const catalogueBuilder = (): { readonly catalogue: Catalogue; add: (event: AdminUnitEvent) => void } => {
  const draft: Draft = { units: new Map(), byCode: new Map(), byName: new Map() }
  return { catalogue: draft, add: (event) => apply(draft, event) }
}

/** Folds many events at once (same result as folding `evolveCatalogue`, without copying per event). */
export const buildCatalogue = (events: Iterable<AdminUnitEvent>): Catalogue => {
  const builder = catalogueBuilder()
  for (const event of events) builder.add(event)
  return builder.catalogue
}
