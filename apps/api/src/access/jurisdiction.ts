import { AdminUnit } from "@xkld/domain"
import type { Period } from "@xkld/projections"
import { fail } from "../http/problem.ts"
import { businessDateOf } from "../http/query.ts"
import type { AppServices } from "../services.ts"
import type { Actor } from "./actor.ts"
import type { Role } from "./roles.ts"

/**
 * Jurisdiction: which province, units and workers an actor's role is bound to (for reads and for writes).
 */

const fullSuccessors = new WeakMap<AdminUnit.Catalogue, ReadonlyMap<string, string>>()

/**
 * Old unit → the one unit of today it merged into whole (no split on the way). Workers keep the residence unit
 * they were registered in; after the 2025 regrouping the ward that took a commune over manages its residents.
 */
function successorMap(catalogue: AdminUnit.Catalogue): ReadonlyMap<string, string> {
  let map = fullSuccessors.get(catalogue)
  if (map) return map
  const built = new Map<string, string>()
  for (const unitId of catalogue.units.keys()) {
    const successors = AdminUnit.successorsToday(catalogue, unitId)
    const only = successors.length === 1 ? successors[0] : undefined
    if (only && only.unitId !== unitId && !only.viaSplit && only.share > 0.999) built.set(unitId, only.unitId)
  }
  fullSuccessors.set(catalogue, (map = built))
  return map
}

/** The units and every older unit merged whole into one of them. */
export function withPredecessors(
  catalogue: AdminUnit.Catalogue,
  unitIds: ReadonlyArray<string>,
): ReadonlyArray<string> {
  const own = new Set(unitIds)
  for (const [old, today] of successorMap(catalogue)) if (own.has(today)) own.add(old)
  return [...own]
}

/**
 * The actor as access checks see it: a commune officer's units extended to the old units merged whole into them.
 * Commands still record the actor as signed in (its metadata names the officer's own unit).
 */
export async function viewerOf(services: AppServices, actor: Actor): Promise<Actor> {
  if (actor.role !== "commune-officer" || actor.unitIds.length === 0) return actor
  return { ...actor, unitIds: withPredecessors(await services.models.catalogues.at(), actor.unitIds) }
}

/**
 * The actor as an event's metadata records it. A commune officer with several units is recorded with the one of
 * them the worker belongs to, so that the commune that recorded a fact is known when it is corrected or voided.
 */
export async function recordingActor(services: AppServices, actor: Actor, workerUnitId: string): Promise<Actor> {
  if (actor.role !== "commune-officer" || actor.unitIds.length <= 1) return actor
  const catalogue = await services.models.catalogues.at()
  const own = actor.unitIds.find((unitId) => withPredecessors(catalogue, [unitId]).includes(workerUnitId))
  return own === undefined ? actor : { ...actor, unitIds: [own] }
}

/**
 * Province of the request: the one asked for, which must be the actor's own (every province account works in one
 * province). A national officer reads every province's aggregates and names the province in each request.
 */
export const provinceOf = (actor: Actor, province: string | undefined): string => {
  if (actor.role === "national-officer") {
    if (province !== undefined) return province
    throw fail(
      "validation",
      "Cán bộ cấp quốc gia cần chọn tỉnh (tham số province, ví dụ province=14).",
      "A national officer names the province (query parameter province, e.g. province=14).",
      { fields: [{ path: "query.province", message: "Chọn tỉnh", messageEn: "Name the province" }] },
    )
  }
  const code = province ?? actor.provinceCode
  if (code !== actor.provinceCode)
    throw fail(
      "forbidden",
      `Bạn chỉ xem được số liệu của tỉnh mình (mã ${actor.provinceCode}).`,
      `You may only read your own province (${actor.provinceCode}).`,
    )
  return code
}

/** Roles that read aggregate figures (no personal data). */
export const AGGREGATE_READERS: ReadonlyArray<Role> = [
  "province-officer",
  "national-officer",
  "commune-officer",
  "department-officer",
  "leader",
  "auditor",
]

/** The catalogue date a unit code is resolved on: the end of the period, or today. */
const resolveDate = (period: Period | undefined, asOf: Date | undefined) => period?.to ?? businessDateOf(asOf)

/**
 * The units a read is restricted to: a commune officer's own units (a `unit` outside them is 403), or the
 * unit asked for, or none (the whole province). Unit codes resolve through the catalogue on `date`.
 */
export async function unitScope(
  services: AppServices,
  actor: Actor,
  unitCode: string | undefined,
  options: { readonly period?: Period | undefined; readonly asOf?: Date | undefined; readonly date?: string } = {},
): Promise<ReadonlyArray<string> | undefined> {
  let unitIds: ReadonlyArray<string> | undefined
  if (unitCode !== undefined) {
    const catalogue = await services.models.catalogues.at()
    const date = options.date ?? resolveDate(options.period, options.asOf)
    unitIds = AdminUnit.unitOn(catalogue, unitCode, date).map((u) => u.unitId)
    if (unitIds.length === 0) unitIds = [...(catalogue.byCode.get(unitCode) ?? [])]
    if (unitIds.length === 0)
      throw fail(
        "not-found",
        `Không tìm thấy đơn vị hành chính mã ${unitCode}.`,
        `No administrative unit with code ${unitCode}.`,
      )
  }
  if (actor.role !== "commune-officer") return unitIds
  if (unitIds === undefined) return actor.unitIds
  const own = unitIds.filter((id) => actor.unitIds.includes(id))
  if (own.length === 0) throw outsideJurisdiction()
  return own
}

export const outsideJurisdiction = () =>
  fail("forbidden", "Đơn vị này không thuộc địa bàn bạn phụ trách.", "This unit is outside your jurisdiction.")

/** Every code a commune officer's units ever carried (codes change with regrouping). */
export async function ownUnitCodes(services: AppServices, actor: Actor): Promise<ReadonlySet<string>> {
  const catalogue = await services.models.catalogues.at()
  return new Set(actor.unitIds.flatMap((id) => catalogue.units.get(id)?.codes.map((c) => c.value) ?? []))
}
