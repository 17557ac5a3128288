import { AdminUnit } from "@xkld/domain"
import type { Actor } from "../access/actor.ts"
import type { AppServices } from "../services.ts"

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
