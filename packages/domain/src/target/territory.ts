import { type Catalogue } from "../admin-unit/catalogue.ts"
import { provinceResolution } from "../admin-unit/load/legal-bases.ts"
import { attributesOn, predecessors, successorsToday, unitOn, unitsOf } from "../admin-unit/queries.ts"
import type { LegalBasis } from "../shared/values.ts"

/**
 * "A plan keeps the territory of the authority that issued it" (issue 9 §1). The old Lào Cai (10) issued its 2025
 * plan in January 2025; on 1 July 2025 it merged with Yên Bái into the new Lào Cai (15). The plan is measured over
 * the old Lào Cai's communes for the whole year: before the merger the communes themselves, after it the new units
 * formed only from them. A unit formed partly from the territory cannot be counted one-to-one: not attributable.
 */
export const territoryRule: {
  readonly id: "issuing-authority-territory"
  readonly textVi: string
  readonly textEn: string
  readonly legalBasis: LegalBasis
} = {
  id: "issuing-authority-territory",
  textVi:
    "Kế hoạch giữ địa bàn của cơ quan ban hành: chỉ tiêu được đo trên các xã, phường thuộc tỉnh ban hành vào ngày ban hành, và trên các đơn vị hình thành toàn bộ từ chúng sau sắp xếp ngày 01/7/2025; đơn vị hình thành một phần từ địa bàn thì không quy được.",
  textEn:
    "A plan keeps the territory of the authority that issued it: its targets are measured over the communes of the issuing province on the day it was issued, and over the units formed wholly from them after the reorganisation of 1 July 2025; a unit formed partly from that territory is not attributable.",
  legalBasis: provinceResolution,
}

/** The commune-level units of a province on a date: the issuing authority's territory. */
export const territoryOf = (catalogue: Catalogue, provinceCode: string, date: string): ReadonlySet<string> =>
  new Set(unitsOf(catalogue, provinceCode, date).map((u) => u.unitId))

export type TerritoryShare = "inside" | "outside" | "partly"

/**
 * Whether a unit (a residence on some date) lies in a territory: it is one of its units; or it ended and every unit
 * it passed into lies in the territory (forwards); or it was formed, every part of it, from units of the territory
 * (backwards, through chains of successions).
 */
export const territoryShare = (
  catalogue: Catalogue,
  unitId: string,
  territory: ReadonlySet<string>,
): TerritoryShare => {
  if (territory.has(unitId)) return "inside"
  const unit = catalogue.units.get(unitId)
  if (unit === undefined) return "outside"
  if (unit.validUntil !== null) {
    const successors = successorsToday(catalogue, unitId)
    const total = successors.reduce((sum, s) => sum + s.share, 0)
    const inside = successors.filter((s) => territory.has(s.unitId)).reduce((sum, s) => sum + s.share, 0)
    if (total > 0)
      return inside >= total - 1e-9 ? "inside" : inside <= 1e-9 ? backwards(catalogue, unitId, territory, 0) : "partly"
  }
  return backwards(catalogue, unitId, territory, 0)
}

const backwards = (
  catalogue: Catalogue,
  unitId: string,
  territory: ReadonlySet<string>,
  depth: number,
): TerritoryShare => {
  const from = predecessors(catalogue, unitId)
  if (from.length === 0 || depth > 8) return "outside"
  const shares = from.map((p) =>
    territory.has(p.unitId) ? "inside" : backwards(catalogue, p.unitId, territory, depth + 1),
  )
  if (shares.every((s) => s === "inside")) return "inside"
  if (shares.every((s) => s === "outside")) return "outside"
  return "partly"
}

/**
 * Every code of a province that shares territory with `provinceCode` through a province-level succession: the
 * old provinces merged into it and the province it merged into ("15" → "10", "15"; "10" → "10", "15").
 * Workers are registered under the code of their province at the time; a plan's departures are sought under all.
 */
export const relatedProvinceCodes = (catalogue: Catalogue, provinceCode: string): ReadonlyArray<string> => {
  const codes = new Set([provinceCode])
  const provinces = (catalogue.byCode.get(provinceCode) ?? []).filter((id) =>
    catalogue.units.get(id)?.kinds.some((k) => k.value.kind === "province"),
  )
  const codeOf = (id: string) => catalogue.units.get(id)?.codes.at(-1)?.value
  for (const id of provinces) {
    for (const s of successorsToday(catalogue, id)) {
      const code = codeOf(s.unitId)
      if (code) codes.add(code)
      for (const p of predecessors(catalogue, s.unitId)) {
        const before = codeOf(p.unitId)
        if (before) codes.add(before)
      }
    }
    for (const p of predecessors(catalogue, id)) {
      const before = codeOf(p.unitId)
      if (before) codes.add(before)
    }
  }
  return [...codes].toSorted()
}

/** The name of the province that carried a code on a date ("Tỉnh Lào Cai"), for the answer. */
export const provinceNameOn = (catalogue: Catalogue, provinceCode: string, date: string): string | undefined =>
  unitOn(catalogue, provinceCode, date)
    .map((u) => attributesOn(catalogue, u.unitId, date))
    .find((u) => u?.kind === "province")?.name
