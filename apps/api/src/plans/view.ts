import { AdminUnit, QuotaPlan } from "@xkld/domain"
import type { PlanRow } from "@xkld/projections"

/** One allocation row as the API shows it: the unit resolved through the catalogue on 1 January of the plan year. */
export interface AllocationItem {
  readonly unitId: string | null
  readonly unitCode: string
  readonly unitName: string
  readonly sharePercent: number
  readonly sharePercentPrinted: string
  readonly quota: number
}

export const unitIdOf = (catalogue: AdminUnit.Catalogue, unitCode: string, year: number): string | null =>
  AdminUnit.unitOn(catalogue, unitCode, `${year}-01-01`)[0]?.unitId ?? null

/** A plan (or scheme) as the API shows it; discrepancy = allocatedTotal − target (the Sơn La 2026 table: 703 − 700 = 3). */
export function planItem(
  row: PlanRow,
  catalogue: AdminUnit.Catalogue,
  keepUnit: (unitId: string | null) => boolean = () => true,
) {
  const target = row.departureTarget
  return {
    id: row.planId,
    kind: row.kind,
    provinceCode: row.provinceCode,
    year: row.year,
    title: row.title,
    status: row.status,
    supersededBy: row.supersededBy,
    target,
    printedTotal: row.printedTotal,
    allocatedTotal: row.allocatedTotal,
    discrepancy: target === null ? null : row.allocatedTotal - target,
    shareSum: row.shareSum,
    legalBasis: row.legalBasis,
    targets: row.targets,
    changes: row.changes,
    allocations: row.allocations
      .map((a): AllocationItem => ({
        unitId: unitIdOf(catalogue, a.unitCode, row.year),
        unitCode: a.unitCode,
        unitName: a.unitName,
        sharePercent: a.sharePercent,
        sharePercentPrinted: a.sharePercentPrinted,
        quota: a.headCount,
      }))
      .filter((a) => keepUnit(a.unitId)),
  }
}

/**
 * A proposal: the plan's target apportioned over its printed shares (largest remainder), each unit's
 * quota beside the one issued. Quotas sum exactly to the target.
 */
export function apportionmentOf(row: PlanRow, catalogue: AdminUnit.Catalogue, method: QuotaPlan.ApportionmentMethod) {
  const target = row.departureTarget
  if (target === null) return undefined
  const result = QuotaPlan.apportion(
    target,
    row.allocations.map((a) => ({
      key: a.unitCode,
      name: a.unitName,
      share: a.sharePercentPrinted,
      printed: a.headCount,
    })),
    method,
  )
  const allocations = result.quotas.map((q, i) => {
    const issued = row.allocations[i]!
    return {
      unitId: unitIdOf(catalogue, q.key, row.year),
      unitCode: q.key,
      unitName: issued.unitName,
      sharePercent: issued.sharePercent,
      sharePercentPrinted: issued.sharePercentPrinted,
      exactQuota: Math.round(q.exactQuota * 10_000) / 10_000,
      quota: q.quota,
      issuedQuota: issued.headCount,
      difference: q.differenceFromPrinted ?? 0,
    }
  })
  return {
    planId: row.planId,
    year: row.year,
    method: result.method,
    target,
    total: allocations.reduce((sum, a) => sum + a.quota, 0),
    issuedTotal: row.allocatedTotal,
    differingUnits: allocations.filter((a) => a.difference !== 0).length,
    note: "Đề xuất phân bổ theo phương pháp số dư lớn nhất (Hamilton) trên tỷ lệ đã in; không thay thế chỉ tiêu đã giao.",
    noteEn: "A largest-remainder (Hamilton) proposal over the printed shares; it does not replace the issued quotas.",
    allocations,
  }
}

/** The shared `LegalBasis` of event metadata needs a date: a printed basis without one is kept in the event only. */
export const metadataBasis = (basis: QuotaPlan.PrintedLegalBasis) =>
  basis.date === null
    ? undefined
    : { number: basis.number, date: basis.date, issuer: basis.issuer, ...(basis.title ? { title: basis.title } : {}) }
