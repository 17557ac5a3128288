import { AdminUnit, QuotaPlan, Reference, Target, vietnamDateOf } from "@xkld/domain"
import type { EventLog } from "@xkld/event-store"
import type { CatalogueSource } from "../units/catalogue-source.ts"
import type { DepartureRow, WorkerRow } from "../worker/derive.ts"
import { attribute } from "./attainment.ts"
import { eventsById, type LineageEvent } from "./lineage.ts"
import type { RowFilter } from "./rows.ts"
import { planTerritory } from "./territory.ts"
import { plansAt, preparationsAt, type Preparation } from "./targets-sources.ts"

/**
 * The target scoreboard (issue 9 §2): every target of every plan and programme in force for a province in a year,
 * with what the log says about it, as known at a recorded time. What each kind counts is the domain's
 * (`Target.targetDefinitions`); where it counts is the territory of the authority that issued the document
 * (`Target.territoryRule`). Each measured value keeps the ids of the events it rests on (its lineage).
 */

export interface TargetQuery {
  readonly provinceCode: string
  readonly year: number
  readonly asOf?: Date | undefined
  /** The business date the figures run to when `asOf` is absent (the app's today in Vietnam). */
  readonly today?: string | undefined
  /**
   * Count nothing dated after this day (yyyy-mm-dd), whatever `asOf` and `today` say: an earlier day's figures as
   * known at `asOf` (a report's difference compares the same days, ADR 0020). Absent: no further cap.
   */
  readonly through?: string | undefined
}

export interface TargetItem {
  readonly id: string
  readonly planId: string
  readonly kind: QuotaPlan.TargetKind
  readonly label: string
  readonly period: { readonly from: string; readonly to: string }
  readonly target: {
    readonly value: number
    readonly unit: string
    readonly comparator: QuotaPlan.TargetComparator
  }
  readonly measured: {
    readonly value: number | null
    readonly numerator: number | null
    readonly denominator: number | null
  }
  readonly met: boolean | null
  /** The document that set the target, and the target's sentence as printed. */
  readonly legalBasis: QuotaPlan.PrintedLegalBasis & { readonly quote: string }
}

export interface TargetPlan {
  readonly planId: string
  readonly title: string
  readonly provinceCode: string
  /** The day the issuing authority's territory is taken on (the document's date, else its first day). */
  readonly territoryOn: string
  readonly territoryUnits: number
  /** Departures in the plan's years under units formed only partly from the territory (counted nowhere). */
  readonly notAttributable: number
}

export interface TargetScoreboard {
  readonly asOf: string
  readonly provinceCode: string
  readonly year: number
  /** The business date the figures run to (the end of the year, or today, or the asOf's day, whichever is first). */
  readonly through: string
  readonly territoryRule: typeof Target.territoryRule
  readonly plans: ReadonlyArray<TargetPlan>
  readonly items: ReadonlyArray<TargetItem>
}

/** What the scoreboard needs of the read models: rows as known at a recorded time, the log, the catalogue. */
export interface TargetSources {
  readonly log: EventLog
  readonly catalogues: CatalogueSource
  readonly departures: (filter: RowFilter) => Promise<ReadonlyArray<DepartureRow>>
  readonly workers: (filter: RowFilter) => Promise<ReadonlyArray<WorkerRow>>
}

interface Measured {
  readonly item: TargetItem
  readonly lineage: ReadonlyArray<string>
}

const round1 = (n: number) => Math.round(n * 10) / 10
const minDate = (...dates: ReadonlyArray<string>) => dates.reduce((a, b) => (a < b ? a : b))

/** The market of a departure: the programme's market, else the destination country. */
const marketOf = (d: DepartureRow) => Reference.programmeByCode(d.programme)?.marketCode ?? d.country

async function measure(
  sources: TargetSources,
  query: TargetQuery,
): Promise<{ board: TargetScoreboard; measured: ReadonlyArray<Measured> }> {
  const { provinceCode, year, asOf } = query
  const catalogue = await sources.catalogues.at(asOf)
  const today = asOf ? vietnamDateOf(asOf) : (query.today ?? vietnamDateOf(new Date()))
  const through = minDate(`${year}-12-31`, today, query.through ?? today)
  const codes = Target.relatedProvinceCodes(catalogue, provinceCode)
  const plans = (await plansAt(sources.log, asOf))
    .filter((p) => codes.includes(p.provinceCode) && Target.firstYearOf(p) <= year && year <= p.toYear)
    .toSorted((a, b) => a.provinceCode.localeCompare(b.provinceCode) || a.planId.localeCompare(b.planId))
  const withTargets = plans.filter((p) => p.targets.length > 0)
  const kinds = new Set(withTargets.flatMap((p) => p.targets.map((t) => t.kind)))

  const departures = withTargets.length
    ? (await Promise.all(codes.map((code) => sources.departures({ provinceCode: code, asOf }))))
        .flat()
        .filter((d) => d.counted)
    : []
  const needsPreparations = ["trained-before-departure-share", "language-trainees", "language-training-centres"].some(
    (k) => kinds.has(k as QuotaPlan.TargetKind),
  )
  const preparations = needsPreparations ? await preparationsAt(sources.log, asOf) : new Map<string, Preparation>()
  const byWorker = new Map<string, Array<Preparation>>()
  for (const p of preparations.values()) byWorker.set(p.workerId, [...(byWorker.get(p.workerId) ?? []), p])
  const workers =
    kinds.has("language-trainees") || kinds.has("language-training-centres")
      ? new Map(
          (await Promise.all(codes.map((code) => sources.workers({ provinceCode: code, asOf }))))
            .flat()
            .map((w) => [w.workerId, w]),
        )
      : new Map<string, WorkerRow>()

  const measured: Array<Measured> = []
  const planSummaries: Array<TargetPlan> = []
  for (const plan of plans) {
    const { territoryOn, units: territory, shareOf } = planTerritory(catalogue, plan)
    const planFrom = `${Target.firstYearOf(plan)}-01-01`
    let notAttributable = 0
    for (const d of departures)
      if (d.departedOn >= planFrom && d.departedOn <= through && shareOf(d.unitId) === "partly") notAttributable++
    planSummaries.push({
      planId: plan.planId,
      title: plan.title,
      provinceCode: plan.provinceCode,
      territoryOn,
      territoryUnits: territory.size,
      notAttributable,
    })

    for (const target of plan.targets) {
      const period = Target.targetPeriod(plan, target)
      const upTo = minDate(period.to, through)
      const inPeriod = (date: string) => date >= period.from && date <= upTo
      const inside = departures.filter((d) => inPeriod(d.departedOn) && shareOf(d.unitId) === "inside")
      const lineage = new Set<string>()
      const departureLineage = (rows: ReadonlyArray<DepartureRow>) => {
        for (const d of rows) for (const id of d.lineage) lineage.add(id)
      }
      let numerator: number | null = null
      let denominator: number | null = null
      let value: number | null = null
      switch (target.kind) {
        case "departures": {
          departureLineage(inside)
          numerator = inside.length
          if (target.aggregation === "yearly-average") {
            denominator = Target.yearsElapsed(period, upTo)
            value = denominator === 0 ? null : round1(numerator / denominator)
          } else value = numerator
          break
        }
        case "trained-before-departure-share": {
          departureLineage(inside)
          denominator = inside.length
          numerator = 0
          for (const d of inside) {
            const facts = (byWorker.get(d.workerId) ?? []).filter((p) => p.on <= d.departedOn)
            const dates = (kind: string) => facts.filter((p) => p.kind === kind).map((p) => p.on)
            const prepared = Target.preparedBefore(
              {
                language: dates("language"),
                orientation: dates("orientation"),
                legalCounselling: dates("legal-counselling"),
              },
              d.departedOn,
            )
            if (!prepared) continue
            numerator++
            for (const p of facts)
              if (p.kind === "language" || p.kind === "orientation" || p.kind === "legal-counselling")
                for (const id of p.eventIds) lineage.add(id)
          }
          value = Target.percent(numerator, denominator)
          break
        }
        case "communes-with-departures-share": {
          const units = communesOf(catalogue, plan, codes, upTo, shareOf)
          const reached = new Set<string>()
          for (const d of inside) {
            const to = attribute(catalogue, d.unitId, units, upTo, "not-attributable")
            if (to === "not-attributable") continue
            for (const t of to) reached.add(t.unitId)
            departureLineage([d])
          }
          numerator = reached.size
          denominator = units.size
          value = Target.percent(numerator, denominator)
          break
        }
        case "high-income-market-share": {
          const classified = new Set(
            Reference.highIncomeClassifications
              .filter((c) => c.provinceCode === plan.provinceCode)
              .map((c) => c.marketCode),
          )
          departureLineage(inside)
          denominator = inside.length
          numerator = classified.size === 0 ? null : inside.filter((d) => classified.has(marketOf(d))).length
          value = numerator === null ? null : Target.percent(numerator, denominator)
          break
        }
        case "language-trainees":
        case "language-training-centres": {
          const trainings = [...preparations.values()].filter((p) => {
            if (p.kind !== "language" || !inPeriod(p.on)) return false
            const worker = workers.get(p.workerId)
            return worker !== undefined && shareOf(worker.unitId) === "inside"
          })
          for (const p of trainings) for (const id of p.eventIds) lineage.add(id)
          numerator =
            target.kind === "language-trainees"
              ? new Set(trainings.map((p) => p.workerId)).size
              : new Set(trainings.map((p) => p.provider.normalize("NFC").trim().toLocaleLowerCase("vi"))).size
          value = numerator
          break
        }
      }
      const definition = Target.targetDefinitions[target.kind]
      measured.push({
        item: {
          id: Target.targetId(plan.planId, target),
          planId: plan.planId,
          kind: target.kind,
          label: labelOf(definition, target, period),
          period,
          target: {
            value: target.value,
            unit: target.aggregation === "yearly-average" ? `${definition.unit}/năm` : definition.unit,
            comparator: target.comparator,
          },
          measured: { value, numerator, denominator },
          met: Target.meets(target.comparator, value, target.value),
          legalBasis: { ...plan.legalBasis, quote: target.printed },
        },
        lineage: [...lineage],
      })
    }
  }
  return {
    board: {
      asOf: (asOf ?? new Date()).toISOString(),
      provinceCode,
      year,
      through,
      territoryRule: Target.territoryRule,
      plans: planSummaries,
      items: measured.map((m) => m.item),
    },
    measured,
  }
}

const labelOf = (definition: Target.TargetDefinition, target: QuotaPlan.Target, period: Target.TargetPeriod) => {
  const years =
    period.from.slice(0, 4) === period.to.slice(0, 4)
      ? `năm ${period.to.slice(0, 4)}`
      : `${period.from.slice(0, 4)}–${period.to.slice(0, 4)}`
  const how =
    target.aggregation === "yearly-average"
      ? "bình quân mỗi năm, "
      : target.aggregation === "cumulative"
        ? "lũy kế "
        : ""
  return `${definition.labelVi} (${how}${years})`
}

/** The communes a "communes with departures" share is over: the plan's allocation table, else the territory's. */
function communesOf(
  catalogue: AdminUnit.Catalogue,
  plan: QuotaPlan.QuotaPlanView,
  codes: ReadonlyArray<string>,
  on: string,
  shareOf: (unitId: string) => Target.TerritoryShare,
): ReadonlySet<string> {
  if (plan.allocations.length > 0)
    return new Set(
      plan.allocations.map(
        (a) => AdminUnit.unitOn(catalogue, a.unitCode, `${plan.toYear}-01-01`)[0]?.unitId ?? `code:${a.unitCode}`,
      ),
    )
  return new Set(
    codes.flatMap((code) =>
      AdminUnit.unitsOf(catalogue, code, on)
        .filter((u) => shareOf(u.unitId) === "inside")
        .map((u) => u.unitId),
    ),
  )
}

/** Every target of every plan and programme in force for a province in a year, measured (see the module note). */
export async function scoreboard(sources: TargetSources, query: TargetQuery): Promise<TargetScoreboard> {
  return (await measure(sources, query)).board
}

export interface TargetLineage {
  readonly figure: string
  readonly value: number | null
  readonly asOf: string
  readonly events: ReadonlyArray<LineageEvent>
}

/** The events behind one target's measured value (undefined when no plan in force sets that target). */
export async function targetLineage(
  sources: TargetSources,
  query: TargetQuery & { readonly targetId: string },
): Promise<TargetLineage | undefined> {
  const { board, measured } = await measure(sources, query)
  const found = measured.find((m) => m.item.id === query.targetId)
  if (!found) return undefined
  return {
    figure: found.item.id,
    value: found.item.measured.value,
    asOf: board.asOf,
    events: found.lineage.length === 0 ? [] : await eventsById(sources.log, found.lineage, query.asOf),
  }
}

/**
 * The scoreboard over a set of read models — the one call reports need:
 * `targetScoreboard(models, { provinceCode: "12", year: 2026, asOf })`.
 */
export const targetScoreboard = (
  models: { readonly targets: (query: TargetQuery) => Promise<TargetScoreboard> },
  query: TargetQuery,
): Promise<TargetScoreboard> => models.targets(query)
