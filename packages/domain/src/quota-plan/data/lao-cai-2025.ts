import type { IssuePlan } from "../commands.ts"
import type { PrintedLegalBasis } from "../printed-legal-basis.ts"

/**
 * Lào Cai 2025 — seed 002 (Kế hoạch triển khai … năm 2025, UBND tỉnh Lào Cai, 24/01/2025).
 *
 * Issued before the 1 July 2025 reorganisation, by the old Lào Cai (province code 10; the new Lào Cai,
 * merged with Yên Bái, has code 15). The seed copy starts at the date line: no document number is printed,
 * so the number is recorded as blank. No allocation table is printed (districts were to allocate to communes).
 */
export const laoCai2025PlanId = "quota-plan:10:2025"

export const laoCai2025Basis: PrintedLegalBasis = {
  number: "",
  date: "2025-01-24",
  issuer: "Ủy ban nhân dân tỉnh Lào Cai",
  title:
    "Kế hoạch triển khai thực hiện công tác đưa người lao động tỉnh Lào Cai đi làm việc ở nước ngoài theo hợp đồng năm 2025",
  printed: "Lào Cai, ngày 24 tháng 01 năm 2025 (số văn bản không có trong bản sao)",
}

export const laoCai2025Plan: IssuePlan = {
  _tag: "IssuePlan",
  planId: laoCai2025PlanId,
  schemeId: null,
  provinceCode: "10",
  year: 2025,
  title:
    "Kế hoạch triển khai thực hiện công tác đưa người lao động tỉnh Lào Cai đi làm việc ở nước ngoài theo hợp đồng năm 2025",
  targets: [
    {
      kind: "departures",
      value: 350,
      comparator: "target",
      aggregation: "year",
      byYear: 2025,
      printed: "Năm 2025, phấn đấu đưa 350 lao động đi làm việc ở nước ngoài theo hợp đồng.",
    },
    {
      kind: "trained-before-departure-share",
      value: 100,
      comparator: "target",
      aggregation: "year",
      byYear: 2025,
      printed: "100% lao động đi làm việc ở nước ngoài được bồi dưỡng kiến thức cần thiết trước khi xuất cảnh.",
    },
  ],
  allocations: [],
  printedTotal: null,
  legalBasis: laoCai2025Basis,
}
