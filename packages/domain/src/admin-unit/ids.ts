import type { IsoDate } from "../shared/values.ts"

/**
 * Deterministic internal id of a unit from its province code, its code and the date it came into force, so that
 * loading the same data twice gives the same ids: `au/14/2025-07-01` (province), `au/14/03646/2025-07-01`
 * (district or commune). Units whose establishment is not recorded get `origin` instead of a date.
 * The code in the id is only a birth mark: the unit's current code is a dated attribute and may differ.
 */
export const adminUnitId = (args: { provinceCode: string; code: string; validFrom: IsoDate | null }): string => {
  const since = args.validFrom ?? "origin"
  return args.code === args.provinceCode
    ? `au/${args.provinceCode}/${since}`
    : `au/${args.provinceCode}/${args.code}/${since}`
}
