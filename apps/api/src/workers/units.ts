import { AdminUnit, type IsoDate } from "@xkld/domain"
import { fail } from "../http/problem.ts"
import { today } from "../clock.ts"

export interface ResolvedUnit {
  readonly unitId: string
  readonly code: string
  readonly name: string
}

const previousDay = (date: IsoDate): IsoDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/**
 * A commune or ward of the province on a date, given by its code ("03646") or its id ("au/14/03646/2025-07-01").
 * Anything else (unknown, not in force then, another province, a district) is a 400 naming the field.
 */
export function resolveUnit(
  catalogue: AdminUnit.Catalogue,
  provinceCode: string,
  codeOrId: string,
  on: IsoDate,
  field: string,
): ResolvedUnit {
  const inProvince = AdminUnit.unitsOf(catalogue, provinceCode, on)
  const found = /^\d+$/.test(codeOrId.trim())
    ? inProvince.find((u) => u.code === codeOrId.trim())
    : inProvince.find((u) => u.unitId === codeOrId.trim())
  if (!found)
    throw fail(
      "validation",
      `Không có xã, phường "${codeOrId}" của tỉnh vào ngày ${on.split("-").reverse().join("/")}.`,
      `No commune or ward "${codeOrId}" in province ${provinceCode} on ${on}.`,
      {
        fields: [
          {
            path: field,
            message: "Mã hoặc định danh xã, phường không tồn tại vào ngày này",
            messageEn: "Unknown commune/ward on that date",
          },
        ],
      },
    )
  return { unitId: found.unitId, code: found.code, name: found.name }
}

/** Code and name of a unit to show: as it is today, or as it was on its last day if it no longer exists. */
export function unitLabel(
  catalogue: AdminUnit.Catalogue,
  unitId: string,
  today: IsoDate,
): { readonly code: string | null; readonly name: string | null } {
  const record = catalogue.units.get(unitId)
  if (!record) return { code: null, name: null }
  const on = record.validUntil && record.validUntil <= today ? previousDay(record.validUntil) : today
  const attributes = AdminUnit.attributesOn(catalogue, unitId, on)
  return { code: attributes?.code ?? null, name: attributes?.name ?? null }
}

/** Today in Vietnam, by the app clock. */
export const todayIso = (): IsoDate => today()
