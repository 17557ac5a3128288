import type { IssuePlan } from "../commands.ts"
import { sonLa2023Basis } from "../../reporting-obligation/data/son-la-2023.ts"

/**
 * Sơn La 2023 — seed 003, Kế hoạch 113/KH-UBND of 28/04/2023 implementing Directive 20-CT/TW (and the provincial
 * Party Committee's Kế hoạch 148-KH/TU). Recorded as the document states it:
 *
 * - **It states**: its purposes and requirements (I), four groups of tasks and solutions in words (II), what thirteen
 *   bodies are to do (III: loaded as tasks, `plan-task:14:2023:III.*`), and the reports (V: 6-month and annual
 *   reports to UBND tỉnh through Sở LĐTBXH "trước ngày 10/6 và 10/12", and Sở LĐTBXH's reports to the ministry and
 *   UBND tỉnh "theo quy định": loaded as reporting obligations for 2023).
 * - **It does not state**: any numeric target (no head-count, no share, no training count), any quota or allocation
 *   table, a period or an end year, funding amounts (only "căn cứ nguồn ngân sách Trung ương bổ sung có mục tiêu …
 *   hàng năm"), or a time frame for any task. So `targets` and `allocations` are empty and `printedTotal` is null:
 *   the scoreboard lists nothing to measure for it and the attainment of 2023 has no target.
 * - Its year is 2023, the year of its date (the plan prints no period): a plan stream of year 2023 is what its tasks
 *   and its 2023 reporting obligations belong to.
 */
export const sonLa2023PlanId = "quota-plan:14:2023:kh-113"

export const sonLa2023Plan: IssuePlan = {
  _tag: "IssuePlan",
  planId: sonLa2023PlanId,
  schemeId: null,
  provinceCode: "14",
  year: 2023,
  title:
    "Kế hoạch thực hiện Chỉ thị số 20-CT/TW của Ban Bí thư về công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài trong tình hình mới (tỉnh Sơn La)",
  targets: [],
  allocations: [],
  printedTotal: null,
  legalBasis: sonLa2023Basis,
}
