import { Schema } from "effect"
import { CorrectionFields } from "../shared/correction.ts"
import type { EventType } from "../shared/event-type.ts"
import { IsoDate, LegalBasis } from "../shared/values.ts"
import { AdminUnitKind, KindLabel } from "./kinds.ts"

/** Every event of an administrative unit lives in the stream of that unit's internal id (`unitId`). */
export const adminUnitStreamType = "AdminUnit"

/** The internal id: never reused, unlike the statistics-office code. */
export const AdminUnitId = Schema.String.check(Schema.isMinLength(1))

export const SuccessionMode = Schema.Literals(["full", "partial"])
export type SuccessionMode = typeof SuccessionMode.Type

/** How the shares were obtained: stated by the legal basis/data, or assumed equal because nothing better is known. */
export const ShareBasis = Schema.Literals(["stated", "assumed-equal"])
export type ShareBasis = typeof ShareBasis.Type

/** One unit taking over (part of) a predecessor; `share` is the fraction of the predecessor it received. */
export const SuccessorShare = Schema.Struct({
  unitId: AdminUnitId,
  share: Schema.Number.check(Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(1)),
  /** The line of the legal basis that decided this part, verbatim. */
  legalText: Schema.optional(Schema.String),
  /** The source data's confidence in this row (e.g. "high", "manual:high"). */
  confidence: Schema.optional(Schema.String),
})
export type SuccessorShare = typeof SuccessorShare.Type

const change = {
  unitId: AdminUnitId,
  effectiveFrom: IsoDate,
  legalBasis: LegalBasis,
}

export class AdminUnitEstablished extends Schema.TaggedClass<AdminUnitEstablished>()("AdminUnitEstablished", {
  unitId: AdminUnitId,
  code: Schema.String,
  name: Schema.String,
  kind: AdminUnitKind,
  kindLabel: KindLabel,
  parentId: Schema.NullOr(AdminUnitId),
  /** null: the unit existed before the catalogue's recorded history starts (its establishment is not recorded). */
  validFrom: Schema.NullOr(IsoDate),
  /** null only together with a null `validFrom`: then `source` says where the unit's existence is taken from. */
  legalBasis: Schema.NullOr(LegalBasis),
  source: Schema.optional(Schema.String),
}) {}

export class AdminUnitRenamed extends Schema.TaggedClass<AdminUnitRenamed>()("AdminUnitRenamed", {
  ...change,
  name: Schema.String,
}) {}

export class AdminUnitRecoded extends Schema.TaggedClass<AdminUnitRecoded>()("AdminUnitRecoded", {
  ...change,
  code: Schema.String,
}) {}

export class AdminUnitReparented extends Schema.TaggedClass<AdminUnitReparented>()("AdminUnitReparented", {
  ...change,
  parentId: Schema.NullOr(AdminUnitId),
}) {}

/**
 * The unit `unitId` (the predecessor) passed to `successors`: `full` ends the predecessor (shares sum to 1),
 * `partial` moves part of it (shares sum below 1) and it goes on. `split` is true when the predecessor's figures
 * cannot be moved one-to-one (several successors, or a partial transfer).
 */
export class AdminUnitSucceeded extends Schema.TaggedClass<AdminUnitSucceeded>()("AdminUnitSucceeded", {
  ...change,
  mode: SuccessionMode,
  successors: Schema.Array(SuccessorShare),
  shareBasis: ShareBasis,
  split: Schema.Boolean,
}) {}

/** The unit ceased without successors (e.g. the districts on 1 July 2025: their communes passed on separately). */
export class AdminUnitDissolved extends Schema.TaggedClass<AdminUnitDissolved>()("AdminUnitDissolved", {
  ...change,
}) {}

/**
 * A recorded attribute was wrong: the values given replace those of the period starting at `periodFrom`
 * (null: the period starting at an unrecorded establishment). The corrected event stays in the log.
 */
export class AdminUnitCorrected extends Schema.TaggedClass<AdminUnitCorrected>()("AdminUnitCorrected", {
  unitId: AdminUnitId,
  ...CorrectionFields,
  periodFrom: Schema.NullOr(IsoDate),
  code: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String),
  kind: Schema.optional(AdminUnitKind),
  kindLabel: Schema.optional(KindLabel),
  parentId: Schema.optional(Schema.NullOr(AdminUnitId)),
}) {}

/** A recorded succession was wrong: its successors and shares are replaced. */
export class AdminUnitSuccessionCorrected extends Schema.TaggedClass<AdminUnitSuccessionCorrected>()(
  "AdminUnitSuccessionCorrected",
  {
    unitId: AdminUnitId,
    ...CorrectionFields,
    effectiveFrom: IsoDate,
    successors: Schema.Array(SuccessorShare),
    shareBasis: ShareBasis,
    split: Schema.Boolean,
  },
) {}

export type AdminUnitEvent =
  | AdminUnitEstablished
  | AdminUnitRenamed
  | AdminUnitRecoded
  | AdminUnitReparented
  | AdminUnitSucceeded
  | AdminUnitDissolved
  | AdminUnitCorrected
  | AdminUnitSuccessionCorrected

export const AdminUnitEvent = Schema.Union([
  AdminUnitEstablished,
  AdminUnitRenamed,
  AdminUnitRecoded,
  AdminUnitReparented,
  AdminUnitSucceeded,
  AdminUnitDissolved,
  AdminUnitCorrected,
  AdminUnitSuccessionCorrected,
])

/** The stream an event belongs to: the internal id of the unit it is about (the predecessor, for successions). */
export const streamIdOf = (event: AdminUnitEvent): string => event.unitId

const entry = (schema: Schema.Top, type: string, description: string): EventType => ({
  type,
  version: 1,
  streamType: adminUnitStreamType,
  description,
  personalFields: [],
  schema,
})

export const eventTypes: ReadonlyArray<EventType> = [
  entry(
    AdminUnitEstablished,
    "AdminUnitEstablished",
    "An administrative unit came into existence with its code, name, kind and parent",
  ),
  entry(AdminUnitRenamed, "AdminUnitRenamed", "An administrative unit took a new name from a date"),
  entry(AdminUnitRecoded, "AdminUnitRecoded", "An administrative unit took a new statistics-office code from a date"),
  entry(
    AdminUnitReparented,
    "AdminUnitReparented",
    "An administrative unit was placed under another parent unit from a date",
  ),
  entry(
    AdminUnitSucceeded,
    "AdminUnitSucceeded",
    "An administrative unit passed all or part of its area to successor units, with shares",
  ),
  entry(AdminUnitDissolved, "AdminUnitDissolved", "An administrative unit ceased to exist without successors"),
  entry(
    AdminUnitCorrected,
    "AdminUnitCorrected",
    "A recorded code, name, kind or parent of an administrative unit was corrected",
  ),
  entry(
    AdminUnitSuccessionCorrected,
    "AdminUnitSuccessionCorrected",
    "The successors or shares of a recorded succession were corrected",
  ),
]
