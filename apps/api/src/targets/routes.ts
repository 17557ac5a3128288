import { Target } from "@xkld/domain"
import { Schema } from "effect"
import { AGGREGATE_READERS, provinceOf } from "../access/jurisdiction.ts"
import { today } from "../clock.ts"
import { defineRoute } from "../http/route.ts"
import { parseYearAsOf, ProvinceYearAsOfQuery } from "../http/query.ts"
import { TargetScoreboardBody } from "./answers.ts"

const FIGURES = ["Số liệu, báo cáo"]

/** A target id as the scoreboard gives it (`<plan id>/<kind>/<aggregation>/<year>`), for `/api/lineage?figure=`. */
export const TargetIdText = Schema.String.check(
  Schema.makeFilter((text: string) =>
    Target.parseTargetId(text) ? undefined : "Mã chỉ tiêu như trong bảng chỉ tiêu / a target id of the scoreboard",
  ),
)

export const targetRoutes = [
  defineRoute({
    method: "get",
    path: "/api/targets",
    summary:
      "Bảng chỉ tiêu: mọi chỉ tiêu của kế hoạch, chương trình đang thực hiện và số đạt được tại một thời điểm ghi nhận",
    summaryEn:
      "Target scoreboard: every target of the plans and programmes in force, measured, as known at a recorded time",
    tags: FIGURES,
    access: AGGREGATE_READERS,
    query: ProvinceYearAsOfQuery,
    response: TargetScoreboardBody,
    handler: async ({ query, actor, services }) => {
      const provinceCode = provinceOf(actor, query.province)
      const { year, asOf } = parseYearAsOf(query, () => Number(today().slice(0, 4)))
      return services.models.targets({ provinceCode, year, asOf, today: today() })
    },
  }),
]
