import { Schema } from "effect"

/**
 * What a scheme or plan counts. The seeds set:
 *  - departures: workers who leave (xuất cảnh) — the head-count allocated to units;
 *  - trained-before-departure-share: % given language/orientation/legal training before departure (Sơn La 2026, Lào Cai 2025);
 *  - communes-with-departures-share: % of communes and wards with at least one worker abroad (Sơn La 2026);
 *  - high-income-market-share: % of workers in high-income, stable markets (Lai Châu, > 80% by 2030);
 *  - language-trainees: people given language training for the EPS exam and other programmes (Lai Châu);
 *  - language-training-centres: language centres serving labour export in the province (Lai Châu, at least 01).
 */
export const TargetKind = Schema.Literals([
  "departures",
  "trained-before-departure-share",
  "communes-with-departures-share",
  "high-income-market-share",
  "language-trainees",
  "language-training-centres",
])
export type TargetKind = typeof TargetKind.Type

/** "phấn đấu đưa 700" = target; "từ 450 … trở lên", "ít nhất 01" = at-least; "trên 80%", "trên 1.000" = more-than. */
export const TargetComparator = Schema.Literals(["target", "at-least", "more-than"])
export type TargetComparator = typeof TargetComparator.Type

/** year = in the given year; yearly-average = average per year of the period ("trung bình mỗi năm"); cumulative = by the given year. */
export const TargetAggregation = Schema.Literals(["year", "yearly-average", "cumulative"])
export type TargetAggregation = typeof TargetAggregation.Type

export const Target = Schema.Struct({
  kind: TargetKind,
  value: Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0)),
  comparator: TargetComparator,
  aggregation: TargetAggregation,
  /** The year the target is for, or the milestone year it must be reached by ("đến năm 2030"). */
  byYear: Schema.Int,
  /** The sentence as printed in the document. */
  printed: Schema.String,
})
export type Target = typeof Target.Type

export const isPercentKind = (kind: TargetKind): boolean => kind.endsWith("-share")

/** Two targets address the same thing when kind, aggregation and year agree (an amendment replaces it). */
export const sameTarget = (a: Target, b: Target): boolean =>
  a.kind === b.kind && a.aggregation === b.aggregation && a.byYear === b.byYear

/** The head-count target a yearly plan allocates: departures in the plan year. */
export const departureTarget = (targets: ReadonlyArray<Target>, year?: number): Target | undefined =>
  targets.find((t) => t.kind === "departures" && t.aggregation === "year" && (year === undefined || t.byYear === year))

/** Why a target is invalid, in Vietnamese, or undefined when it is valid. */
export const targetProblem = (t: Target): string | undefined => {
  if (!Number.isFinite(t.value) || t.value < 0) return `Chỉ tiêu "${t.kind}" không được âm (${t.value})`
  if (isPercentKind(t.kind) && t.value > 100) return `Chỉ tiêu tỷ lệ "${t.kind}" vượt quá 100% (${t.value})`
  if (!isPercentKind(t.kind) && !Number.isInteger(t.value)) return `Chỉ tiêu "${t.kind}" phải là số nguyên (${t.value})`
  return undefined
}
