import { QuotaPlan } from "@xkld/domain"
import { Schema } from "effect"

const N = Schema.Finite
const S = Schema.String

/** ADR 0017's rule as every figure measured over a plan's territory echoes it (targets, attainment). */
export const TerritoryRuleBody = Schema.Struct({
  id: Schema.Literal("issuing-authority-territory"),
  textVi: S,
  textEn: S,
  legalBasis: Schema.Unknown,
})

/** One target of a plan or programme with what the log says about it (issue 9 §2: the shape is the contract). */
export const TargetItemBody = Schema.Struct({
  id: S,
  planId: S,
  kind: QuotaPlan.TargetKind,
  label: S,
  period: Schema.Struct({ from: S, to: S }),
  target: Schema.Struct({ value: N, unit: S, comparator: QuotaPlan.TargetComparator }),
  measured: Schema.Struct({ value: Schema.NullOr(N), numerator: Schema.NullOr(N), denominator: Schema.NullOr(N) }),
  met: Schema.NullOr(Schema.Boolean),
  legalBasis: Schema.Struct({ ...QuotaPlan.PrintedLegalBasis.fields, quote: S }),
})

export const TargetScoreboardBody = Schema.Struct({
  asOf: S,
  provinceCode: S,
  year: N,
  /** The business date the figures run to. */
  through: S,
  /** "A plan keeps the territory of the authority that issued it", echoed like the commune split rule. */
  territoryRule: TerritoryRuleBody,
  plans: Schema.Array(
    Schema.Struct({
      planId: S,
      title: S,
      provinceCode: S,
      territoryOn: S,
      territoryUnits: N,
      notAttributable: N,
    }),
  ),
  items: Schema.Array(TargetItemBody),
})
