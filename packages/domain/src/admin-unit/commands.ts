import { Schema } from "effect"
import { CorrectionFields } from "../shared/correction.ts"
import { IsoDate, LegalBasis } from "../shared/values.ts"
import { AdminUnitId, ShareBasis, SuccessionMode, SuccessorShare } from "./events.ts"
import { AdminUnitKind, KindLabel } from "./kinds.ts"

const change = {
  unitId: AdminUnitId,
  effectiveFrom: IsoDate,
  legalBasis: LegalBasis,
}

export class EstablishAdminUnit extends Schema.TaggedClass<EstablishAdminUnit>()("EstablishAdminUnit", {
  unitId: AdminUnitId,
  code: Schema.String,
  name: Schema.String,
  kind: AdminUnitKind,
  kindLabel: KindLabel,
  parentId: Schema.NullOr(AdminUnitId),
  validFrom: Schema.NullOr(IsoDate),
  legalBasis: Schema.NullOr(LegalBasis),
  source: Schema.optional(Schema.String),
}) {}

export class RenameAdminUnit extends Schema.TaggedClass<RenameAdminUnit>()("RenameAdminUnit", {
  ...change,
  name: Schema.String,
}) {}

export class RecodeAdminUnit extends Schema.TaggedClass<RecodeAdminUnit>()("RecodeAdminUnit", {
  ...change,
  code: Schema.String,
}) {}

export class ReparentAdminUnit extends Schema.TaggedClass<ReparentAdminUnit>()("ReparentAdminUnit", {
  ...change,
  parentId: Schema.NullOr(AdminUnitId),
}) {}

/** `unitId` is the predecessor. */
export class RecordSuccession extends Schema.TaggedClass<RecordSuccession>()("RecordSuccession", {
  ...change,
  mode: SuccessionMode,
  successors: Schema.Array(SuccessorShare),
  shareBasis: ShareBasis,
}) {}

export class DissolveAdminUnit extends Schema.TaggedClass<DissolveAdminUnit>()("DissolveAdminUnit", {
  ...change,
}) {}

export class CorrectAdminUnit extends Schema.TaggedClass<CorrectAdminUnit>()("CorrectAdminUnit", {
  unitId: AdminUnitId,
  ...CorrectionFields,
  periodFrom: Schema.NullOr(IsoDate),
  code: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String),
  kind: Schema.optional(AdminUnitKind),
  kindLabel: Schema.optional(KindLabel),
  parentId: Schema.optional(Schema.NullOr(AdminUnitId)),
}) {}

export class CorrectSuccession extends Schema.TaggedClass<CorrectSuccession>()("CorrectSuccession", {
  unitId: AdminUnitId,
  ...CorrectionFields,
  effectiveFrom: IsoDate,
  successors: Schema.Array(SuccessorShare),
  shareBasis: ShareBasis,
}) {}

export type AdminUnitCommand =
  | EstablishAdminUnit
  | RenameAdminUnit
  | RecodeAdminUnit
  | ReparentAdminUnit
  | RecordSuccession
  | DissolveAdminUnit
  | CorrectAdminUnit
  | CorrectSuccession
