import { Schema } from "effect"
import { CorrectionFields } from "../shared/correction.ts"
import type { EventType } from "../shared/event-type.ts"
import { Count, IsoDate } from "../shared/values.ts"
import { Allocation } from "./allocation.ts"
import { PrintedLegalBasis } from "./printed-legal-basis.ts"
import { Target } from "./target.ts"

export const quotaPlanStreamType = "QuotaPlan"

const ProvinceCode = Schema.String.check(Schema.isPattern(/^\d{2}$/, { message: "Mã tỉnh gồm 2 chữ số" }))

/** A multi-year scheme (Đề án, Chương trình hành động) with its targets, e.g. 2025–2030 with yearly averages. */
export class SchemeIssued extends Schema.TaggedClass<SchemeIssued>()("SchemeIssued", {
  planId: Schema.String,
  provinceCode: ProvinceCode,
  title: Schema.String,
  /** First year of the period, null when the document does not print it ("đến năm 2030"). */
  fromYear: Schema.NullOr(Schema.Int),
  toYear: Schema.Int,
  targets: Schema.Array(Target),
  legalBasis: PrintedLegalBasis,
}) {}

/**
 * A yearly plan, recorded as issued even when its table is inconsistent (see `consistency`).
 * `printedTotal` is the total row as printed ("TỔNG 700"), which need not equal the sum of the rows.
 */
export class PlanIssued extends Schema.TaggedClass<PlanIssued>()("PlanIssued", {
  planId: Schema.String,
  schemeId: Schema.NullOr(Schema.String),
  provinceCode: ProvinceCode,
  year: Schema.Int,
  title: Schema.String,
  targets: Schema.Array(Target),
  allocations: Schema.Array(Allocation),
  printedTotal: Schema.NullOr(Count),
  legalBasis: PrintedLegalBasis,
}) {}

/** Re-allocation by a cited decision: the listed rows replace the rows of the same units from `effectiveOn`. */
export class AllocationAmended extends Schema.TaggedClass<AllocationAmended>()("AllocationAmended", {
  planId: Schema.String,
  changes: Schema.Array(Allocation),
  legalBasis: PrintedLegalBasis,
  effectiveOn: IsoDate,
  reason: Schema.String,
}) {}

/** A target changed by a cited decision (replaces the target of the same kind, aggregation and year, or adds it). */
export class TargetAmended extends Schema.TaggedClass<TargetAmended>()("TargetAmended", {
  planId: Schema.String,
  target: Target,
  previousValue: Schema.NullOr(Schema.Finite),
  legalBasis: PrintedLegalBasis,
  effectiveOn: IsoDate,
  reason: Schema.String,
}) {}

/** The plan or scheme is replaced by another one from `effectiveOn`; it stays readable but can no longer change. */
export class PlanSuperseded extends Schema.TaggedClass<PlanSuperseded>()("PlanSuperseded", {
  planId: Schema.String,
  supersededBy: Schema.String,
  legalBasis: PrintedLegalBasis,
  effectiveOn: IsoDate,
}) {}

/**
 * A data-entry mistake in what was recorded (not a legal change: that is an amendment).
 * Fields present replace the recorded ones; the corrected event stays in the log.
 */
export class QuotaPlanRecordCorrected extends Schema.TaggedClass<QuotaPlanRecordCorrected>()(
  "QuotaPlanRecordCorrected",
  {
    ...CorrectionFields,
    planId: Schema.String,
    correctedOn: IsoDate,
    title: Schema.optional(Schema.String),
    targets: Schema.optional(Schema.Array(Target)),
    allocations: Schema.optional(Schema.Array(Allocation)),
    printedTotal: Schema.optional(Schema.NullOr(Count)),
    legalBasis: Schema.optional(PrintedLegalBasis),
  },
) {}

/**
 * Declares a plan or scheme void: recorded by mistake (a plan the province never issued, a duplicate), or annulled
 * by a cited decision (`legalBasis`). The plan's events stay in the log; from the void on the plan is in no list,
 * no attainment and no scoreboard, and takes no further command. As of a time before the void it still shows.
 */
export class QuotaPlanVoided extends Schema.TaggedClass<QuotaPlanVoided>()("QuotaPlanVoided", {
  ...CorrectionFields,
  planId: Schema.String,
  voidedOn: IsoDate,
  legalBasis: Schema.optional(PrintedLegalBasis),
}) {}

export type QuotaPlanEvent =
  | SchemeIssued
  | PlanIssued
  | AllocationAmended
  | TargetAmended
  | PlanSuperseded
  | QuotaPlanRecordCorrected
  | QuotaPlanVoided

const entry = (schema: Schema.Top & { readonly identifier: string }, description: string): EventType => ({
  type: schema.identifier,
  version: 1,
  streamType: quotaPlanStreamType,
  description,
  personalFields: [],
  schema,
})

export const eventTypes: ReadonlyArray<EventType> = [
  entry(SchemeIssued, "A multi-year scheme with its targets was issued by a cited decision"),
  entry(PlanIssued, "A yearly quota plan with targets and its allocation table as printed was issued"),
  entry(AllocationAmended, "Allocations of some units were changed by a cited decision"),
  entry(TargetAmended, "A target of a plan or scheme was changed by a cited decision"),
  entry(PlanSuperseded, "A plan or scheme was replaced by another one"),
  entry(QuotaPlanRecordCorrected, "A data-entry mistake in a recorded plan was corrected"),
  entry(QuotaPlanVoided, "A plan or scheme recorded by mistake or annulled was declared void; the original stays"),
]
