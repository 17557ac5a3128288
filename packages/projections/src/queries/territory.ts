import { type AdminUnit, Target } from "@xkld/domain"

/**
 * ADR 0017 applied to one plan, for every query that measures a plan (the target scoreboard, attainment): the plan
 * keeps the territory of the authority that issued it — the issuing province's communes on the document's date
 * (else its first day) — and each unit of record is inside it, outside it, or only partly in it
 * (`Target.territoryShare`). The rule itself is the domain's (`Target.territoryRule`); this is its one application.
 */
export interface PlanTerritory {
  /** The issuing province's code (the old Lào Cai's plan: "10"). */
  readonly provinceCode: string
  /** The day the territory is taken on. */
  readonly territoryOn: string
  readonly units: ReadonlySet<string>
  /** Where a unit of record lies relative to the territory (cached: a history has few distinct units). */
  readonly shareOf: (unitId: string) => Target.TerritoryShare
}

export type TerritoryPlan = Parameters<typeof Target.firstYearOf>[0] & { readonly provinceCode: string }

export function planTerritory(catalogue: AdminUnit.Catalogue, plan: TerritoryPlan): PlanTerritory {
  const territoryOn = plan.legalBasis.date ?? `${Target.firstYearOf(plan)}-01-01`
  const units = Target.territoryOf(catalogue, plan.provinceCode, territoryOn)
  const cache = new Map<string, Target.TerritoryShare>()
  const shareOf = (unitId: string) => {
    let share = cache.get(unitId)
    if (share === undefined) cache.set(unitId, (share = Target.territoryShare(catalogue, unitId, units)))
    return share
  }
  return { provinceCode: plan.provinceCode, territoryOn, units, shareOf }
}
