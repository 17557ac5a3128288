import { Reference } from "@xkld/domain"
import { yearsOf, type DepartureRow, type RowFilter } from "@xkld/projections"
import { Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import { fail } from "../http/problem.ts"
import { defineRoute } from "../http/route.ts"
import type { AppServices } from "../services.ts"
import {
  AttainmentBody,
  AttainmentDifferenceBody,
  DepartureBreakdownBody,
  FinanceBody,
  FunnelBody,
  LineageBody,
  OutcomesBody,
  TrainingCoverageBody,
} from "./answers.ts"
import { reasonsFor } from "../access/free-text.ts"
import {
  AsOfText,
  collator,
  parseAsOf,
  parsePeriodText,
  PeriodText,
  ProvinceCode,
  requireYear,
  UnitCode,
  YearText,
} from "../http/query.ts"
import { AGGREGATE_READERS, outsideJurisdiction, provinceOf, unitScope } from "../access/jurisdiction.ts"
import { today } from "../clock.ts"
import { TargetIdText } from "../targets/routes.ts"

const FIGURES = ["Số liệu, báo cáo"]
const SplitRule = Schema.Literals(["not-attributable", "apportion"])

const ReportQuery = Schema.Struct({
  province: Schema.optional(ProvinceCode),
  unit: Schema.optional(UnitCode),
  period: Schema.optional(PeriodText),
  asOf: Schema.optional(AsOfText),
})
type ReportQuery = typeof ReportQuery.Type

/** The filter of a report: the actor's province, the unit(s) it may see, the period, the recorded time. */
async function reportFilter(services: AppServices, actor: Actor, query: ReportQuery) {
  const provinceCode = provinceOf(actor, query.province)
  const asOf = parseAsOf(query.asOf)
  const period = parsePeriodText(query.period)
  const unitIds = await unitScope(services, actor, query.unit, { period, asOf })
  const filter: RowFilter = { provinceCode, asOf, ...(unitIds ? { unitIds } : {}) }
  const scope = {
    provinceCode,
    unit: query.unit ?? null,
    period: query.period ?? null,
    asOf: (asOf ?? new Date()).toISOString(),
    restrictedToOwnUnits: actor.role === "commune-officer",
  }
  return { filter, period, scope }
}

/**
 * Whether a departure went to a market the province classifies as high-income. A province that classified
 * none gets `undefined` (no share); one that did counts other markets as not high-income.
 */
const highIncomeOf = (provinceCode: string) => {
  const classified = Reference.highIncomeClassifications.filter((c) => c.provinceCode === provinceCode)
  if (classified.length === 0)
    return { isHighIncome: (): boolean | undefined => undefined, markets: [] as string[], source: null }
  const markets = new Set(classified.map((c) => c.marketCode))
  return {
    isHighIncome: (d: DepartureRow): boolean | undefined => {
      const market = Reference.programmeByCode(d.programme)?.marketCode ?? d.country
      return markets.has(market)
    },
    markets: [...markets].sort(),
    source: classified[0]?.source ?? null,
  }
}

const labelsOf = (codes: Iterable<string>, find: (code: string) => { nameVi: string } | undefined) =>
  Object.fromEntries([...codes].map((code) => [code, find(code)?.nameVi ?? code]))

export const readModelRoutes = [
  defineRoute({
    method: "get",
    path: "/api/attainment",
    summary: "Kết quả thực hiện chỉ tiêu theo xã, phường tại một thời điểm ghi nhận",
    summaryEn: "Attainment of the plan per commune and ward, as known at a recorded time",
    tags: FIGURES,
    access: AGGREGATE_READERS,
    query: Schema.Struct({
      province: Schema.optional(ProvinceCode),
      year: YearText,
      asOf: Schema.optional(AsOfText),
      split: Schema.optional(SplitRule),
      unit: Schema.optional(UnitCode),
    }),
    response: AttainmentBody,
    handler: async ({ query, actor, services }) => {
      const provinceCode = provinceOf(actor, query.province)
      const year = requireYear(query.year)
      const asOf = parseAsOf(query.asOf)
      const units = await unitScope(services, actor, query.unit, { date: `${year}-01-01` })
      const result = await services.models.attainment({
        provinceCode,
        year,
        asOf,
        splitRule: query.split ?? "not-attributable",
      })
      if (units === undefined) return result
      // Commune officers (or a unit asked for): their rows; the province total stays (an aggregate).
      const keep = <T extends { unitId: string }>(rows: ReadonlyArray<T>) =>
        rows.filter((r) => units.includes(r.unitId))
      return {
        ...result,
        items: keep(result.items),
        unitsWithNobody: keep(result.unitsWithNobody),
        notAttributable: keep(result.notAttributable),
      }
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/attainment/difference",
    summary: "Những gì thay đổi giữa hai thời điểm ghi nhận (số đã báo cáo so với số hiện biết)",
    summaryEn: "What changed between two recorded times (what was reported against what is known now)",
    tags: FIGURES,
    access: ["province-officer", "auditor"],
    query: Schema.Struct({
      province: Schema.optional(ProvinceCode),
      year: YearText,
      from: AsOfText,
      to: Schema.optional(AsOfText),
    }),
    response: AttainmentDifferenceBody,
    handler: async ({ query, actor, services }) => {
      const provinceCode = provinceOf(actor, query.province)
      const from = parseAsOf(query.from, "query.from")!
      const to = parseAsOf(query.to, "query.to") ?? new Date()
      if (to < from)
        throw fail("validation", "query.to phải sau query.from.", "query.to must not precede query.from.", {
          fields: [{ path: "query.to", message: "Phải sau from" }],
        })
      return services.models.difference({ provinceCode, year: requireYear(query.year), from, to })
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/lineage",
    summary:
      "Nguồn gốc một số liệu: các sự kiện tạo nên số người đã xuất cảnh, hoặc số đạt được của một chỉ tiêu (figure = mã chỉ tiêu)",
    summaryEn: "Lineage of a figure: the events behind the departures count, or behind a target's measured value",
    tags: FIGURES,
    access: ["auditor", "province-officer", "commune-officer", "national-officer"],
    query: Schema.Struct({
      figure: Schema.Union([Schema.Literal("departed"), TargetIdText]),
      province: Schema.optional(ProvinceCode),
      year: YearText,
      unit: Schema.optional(UnitCode),
      asOf: Schema.optional(AsOfText),
      split: Schema.optional(SplitRule),
    }),
    response: LineageBody,
    handler: async ({ query, actor, services }) => {
      const provinceCode = provinceOf(actor, query.province)
      const year = requireYear(query.year)
      if (query.figure !== "departed") {
        // A target is the province's figure: not a commune officer's (its own units' lineage is "departed").
        if (actor.role === "commune-officer") throw outsideJurisdiction()
        const found = await services.models.targetLineage({
          provinceCode,
          year,
          asOf: parseAsOf(query.asOf),
          today: today(),
          targetId: query.figure,
        })
        if (found === undefined)
          throw fail(
            "not-found",
            `Không có chỉ tiêu ${query.figure} trong các kế hoạch, chương trình của tỉnh ${provinceCode} năm ${year}.`,
            `No target ${query.figure} in the plans and programmes of province ${provinceCode} in ${year}.`,
          )
        return found
      }
      if (actor.role === "commune-officer") {
        if (query.unit === undefined) throw outsideJurisdiction()
        await unitScope(services, actor, query.unit, { date: `${year}-01-01` })
      }
      return services.models.lineage({
        provinceCode,
        year,
        unitCode: query.unit,
        asOf: parseAsOf(query.asOf),
        splitRule: query.split ?? "not-attributable",
      })
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/reports/funnel",
    summary: "Phễu: đăng ký → tư vấn → đào tạo → khám sức khỏe → lý lịch tư pháp → hợp đồng → xuất cảnh",
    summaryEn: "Funnel: registered → counselled → trained → health check → record certificate → contract → departed",
    tags: FIGURES,
    access: AGGREGATE_READERS,
    query: ReportQuery,
    response: FunnelBody,
    handler: async ({ query, actor, services }) => {
      const { filter, period, scope } = await reportFilter(services, actor, query)
      const funnel = await services.models.funnel(filter, period)
      return {
        ...scope,
        ...funnel,
        withdrawn: { ...funnel.withdrawn, byReason: reasonsFor(actor, funnel.withdrawn.byReason) },
      }
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/reports/departures",
    summary:
      "Người đã xuất cảnh theo thị trường, chương trình, giới tính, dân tộc thiểu số, nhóm ưu tiên, doanh nghiệp, tháng",
    summaryEn: "Departures by market, programme, sex, ethnic minority, priority group, enterprise and month",
    tags: FIGURES,
    access: AGGREGATE_READERS,
    query: ReportQuery,
    response: DepartureBreakdownBody,
    handler: async ({ query, actor, services }) => {
      const { filter, period, scope } = await reportFilter(services, actor, query)
      const years = period ? yearsOf(period) : undefined
      const highIncome = highIncomeOf(scope.provinceCode)
      const breakdown = await services.models.departureBreakdown(
        { ...filter, ...(years ? { years } : {}) },
        period,
        highIncome.isHighIncome,
      )
      const enterprises = await services.models.enterprises({ asOf: filter.asOf })
      const enterpriseNames = new Map(enterprises.map((e) => [e.enterpriseId, e.name]))
      return {
        ...scope,
        ...breakdown,
        highIncomeClassification: { markets: highIncome.markets, source: highIncome.source },
        labels: {
          countries: labelsOf(Object.keys(breakdown.byCountry), Reference.marketByCode),
          programmes: labelsOf(Object.keys(breakdown.byProgramme), Reference.programmeByCode),
          enterprises: Object.fromEntries(
            Object.keys(breakdown.byEnterprise).map((id) => [id, enterpriseNames.get(id) ?? id]),
          ),
        },
      }
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/reports/outcomes",
    summary: "Kết quả sau xuất cảnh: đang ở nước ngoài, về nước đúng hạn, về trước hạn, ở lại trái phép, tái hòa nhập",
    summaryEn: "Outcomes: abroad now, returned on time or early, overstayed, reemployed",
    tags: FIGURES,
    access: AGGREGATE_READERS,
    query: Schema.Struct({
      province: Schema.optional(ProvinceCode),
      unit: Schema.optional(UnitCode),
      asOf: Schema.optional(AsOfText),
    }),
    response: OutcomesBody,
    handler: async ({ query, actor, services }) => {
      const { filter, scope } = await reportFilter(services, actor, query)
      const outcomes = await services.models.outcomes(filter)
      return { ...scope, ...outcomes, returnedEarlyReasons: reasonsFor(actor, outcomes.returnedEarlyReasons) }
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/reports/training",
    summary: "Đào tạo trước xuất cảnh: tỷ lệ người xuất cảnh đã được bồi dưỡng ngoại ngữ, định hướng",
    summaryEn: "Training before departure: share of departures trained in language and orientation",
    tags: FIGURES,
    access: AGGREGATE_READERS,
    query: ReportQuery,
    response: TrainingCoverageBody,
    handler: async ({ query, actor, services }) => {
      const { filter, period, scope } = await reportFilter(services, actor, query)
      return { ...scope, ...(await services.models.trainingCoverage(filter, period)) }
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/reports/finance",
    summary: "Vay vốn và hỗ trợ theo chương trình",
    summaryEn: "Loans and subsidies by programme",
    tags: FIGURES,
    access: [...AGGREGATE_READERS, "bank-officer"],
    query: Schema.Struct({
      province: Schema.optional(ProvinceCode),
      unit: Schema.optional(UnitCode),
      asOf: Schema.optional(AsOfText),
    }),
    response: FinanceBody,
    handler: async ({ query, actor, services }) => {
      const { filter, scope } = await reportFilter(services, actor, query)
      const result = await services.models.finance(filter)
      const sorted = <T>(by: Record<string, T>) =>
        Object.fromEntries(Object.entries(by).sort(([a], [b]) => collator.compare(a, b)))
      return {
        ...scope,
        loans: { ...result.loans, byProgramme: sorted(result.loans.byProgramme) },
        subsidies: { ...result.subsidies, byProgramme: sorted(result.subsidies.byProgramme) },
      }
    },
  }),
]
