import { QuotaPlan } from "@xkld/domain"
import { Schema } from "effect"
import { TerritoryRuleBody } from "../targets/answers.ts"

/** Success bodies of the stable contract routes, for the OpenAPI document (extra fields may be added, never removed). */

const N = Schema.Finite
const S = Schema.String
const Page = { total: N, limit: N, offset: N }

export const PlanAllocationBody = Schema.Struct({
  unitId: Schema.NullOr(S),
  unitCode: S,
  unitName: S,
  sharePercent: N,
  sharePercentPrinted: S,
  quota: N,
})

export const PlanBody = Schema.Struct({
  id: S,
  kind: Schema.Literals(["scheme", "plan"]),
  year: N,
  title: S,
  status: Schema.Literals(["issued", "superseded"]),
  target: Schema.NullOr(N),
  printedTotal: Schema.NullOr(N),
  allocatedTotal: N,
  discrepancy: Schema.NullOr(N),
  legalBasis: QuotaPlan.PrintedLegalBasis,
  allocations: Schema.Array(PlanAllocationBody),
})

export const PlanListBody = Schema.Struct({ items: Schema.Array(PlanBody), ...Page })

export const ApportionmentBody = Schema.Struct({
  planId: S,
  method: Schema.Literal("largest-remainder"),
  target: N,
  total: N,
  issuedTotal: N,
  differingUnits: N,
  allocations: Schema.Array(
    Schema.Struct({
      unitId: Schema.NullOr(S),
      unitCode: S,
      unitName: S,
      sharePercent: N,
      exactQuota: N,
      quota: N,
      issuedQuota: N,
      difference: N,
    }),
  ),
})

const UnitRef = { unitId: S, unitCode: S, unitName: S }

export const AttainmentBody = Schema.Struct({
  asOf: S,
  provinceCode: S,
  year: N,
  /** The plan measured (the issuing authority's, ADR 0017), or null when the province has none for the year. */
  plan: Schema.NullOr(
    Schema.Struct({
      planId: S,
      title: S,
      target: Schema.NullOr(N),
      allocatedTotal: N,
      discrepancy: Schema.NullOr(N),
      legalBasis: QuotaPlan.PrintedLegalBasis,
      provinceCode: S,
      territoryOn: S,
      territoryUnits: N,
      partlyInTerritory: N,
    }),
  ),
  splitRule: Schema.Literals(["not-attributable", "apportion"]),
  territoryRule: TerritoryRuleBody,
  unitsWithNobody: Schema.Array(Schema.Struct(UnitRef)),
  notAttributable: Schema.Array(Schema.Struct({ ...UnitRef, departed: N })),
  items: Schema.Array(
    Schema.Struct({
      unitId: S,
      unitCode: S,
      unitName: S,
      target: N,
      departed: N,
      percent: Schema.NullOr(N),
      remaining: N,
    }),
  ),
  total: Schema.Struct({
    target: Schema.NullOr(N),
    departed: N,
    percent: Schema.NullOr(N),
    remaining: Schema.NullOr(N),
  }),
})

export const LineageBody = Schema.Struct({
  /** "departed", or the id of a target of the scoreboard (`GET /api/targets`). */
  figure: S,
  /** Null when a target's value cannot be measured yet (a share of no departures). */
  value: Schema.NullOr(N),
  asOf: S,
  events: Schema.Array(
    Schema.Struct({
      eventId: S,
      type: S,
      streamId: S,
      recordedAt: S,
      occurredAt: S,
      actor: Schema.Unknown,
      legalBasis: Schema.Unknown,
    }),
  ),
})

export const EventPageBody = Schema.Struct({
  items: Schema.Array(
    Schema.Struct({
      checkpoint: S,
      globalPosition: N,
      transactionId: S,
      streamId: S,
      streamType: S,
      streamPosition: N,
      eventId: S,
      type: S,
      schemaVersion: N,
      data: Schema.Unknown,
      metadata: Schema.Unknown,
      occurredAt: S,
      recordedAt: S,
      hash: S,
    }),
  ),
  next: Schema.NullOr(S),
  last: S,
})

export const VerifyBody = Schema.Struct({
  ok: Schema.Boolean,
  checked: Schema.Struct({ events: N, streams: N, seals: N }),
  firstProblem: Schema.NullOr(Schema.Unknown),
  problems: N,
})

/** What every figure route answers beside its figures: whose, for which period, as of when. */
const FigureScope = {
  provinceCode: S,
  unit: Schema.NullOr(S),
  period: Schema.NullOr(S),
  asOf: S,
  restrictedToOwnUnits: Schema.Boolean,
}
const Counts = Schema.Record(S, N)
const CountAndAmount = Schema.Struct({ count: N, amount: N })
const Money = Schema.Struct({ count: N, amount: N, byProgramme: Schema.Record(S, CountAndAmount) })

export const FunnelBody = Schema.Struct({
  ...FigureScope,
  stages: Schema.Array(Schema.Struct({ stage: S, count: N })),
  withdrawn: Schema.Struct({ total: N, byStage: Counts, byReason: Counts }),
})

export const DepartureBreakdownBody = Schema.Struct({
  ...FigureScope,
  total: N,
  byCountry: Counts,
  byProgramme: Counts,
  bySex: Counts,
  byEthnicMinority: Counts,
  byPriorityGroup: Counts,
  byEnterprise: Counts,
  byMonth: Counts,
  highIncomeShare: Schema.NullOr(N),
  highIncomeClassification: Schema.Struct({ markets: Schema.Array(S), source: Schema.Unknown }),
  labels: Schema.Struct({
    countries: Schema.Record(S, S),
    programmes: Schema.Record(S, S),
    enterprises: Schema.Record(S, S),
  }),
})

export const OutcomesBody = Schema.Struct({
  ...FigureScope,
  abroadNow: N,
  returnedOnTime: N,
  returnedEarly: N,
  returnedEarlyReasons: Counts,
  overstayed: N,
  contractEndedEarly: N,
  returnees: N,
  reemployed: N,
  reemploymentByKind: Counts,
  violations: N,
})

export const TrainingCoverageBody = Schema.Struct({
  ...FigureScope,
  departed: N,
  trainedBeforeDeparture: N,
  percent: Schema.NullOr(N),
  languageTrainees: N,
})

export const FinanceBody = Schema.Struct({ ...FigureScope, loans: Money, subsidies: Money })

/** A departure as the difference shows it on either side (the departures read model's row, with its lineage). */
const DifferenceRowBody = Schema.Struct({
  departureEventId: S,
  workerId: S,
  departedOn: S,
  year: N,
  unitId: S,
  unitCode: S,
  country: S,
  programme: S,
  enterpriseId: S,
  counted: Schema.Boolean,
  sex: S,
  ethnicMinority: Schema.Boolean,
  priorityGroups: Schema.Array(S),
  trainedBeforeDeparture: Schema.Boolean,
  /** The events the row rests on: departure, contract, residence, and corrections of them. */
  lineage: Schema.Array(S),
})

export const AttainmentDifferenceBody = Schema.Struct({
  from: S,
  to: S,
  departedBefore: N,
  departedAfter: N,
  changes: Schema.Array(
    Schema.Struct({
      departureEventId: S,
      workerId: S,
      change: Schema.Literals(["added", "removed", "changed"]),
      before: Schema.NullOr(DifferenceRowBody),
      after: Schema.NullOr(DifferenceRowBody),
    }),
  ),
  events: LineageBody.fields.events,
})
