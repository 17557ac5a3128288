import { Schema } from "effect"
import {
  licenceFields,
  reinstatementFields,
  removalFields,
  suspensionFields,
  vettingFields,
  violationFields,
} from "./events.ts"

export class LicenseEnterprise extends Schema.TaggedClass<LicenseEnterprise>()("LicenseEnterprise", licenceFields) {}
export class VetEnterprise extends Schema.TaggedClass<VetEnterprise>()("VetEnterprise", vettingFields) {}
export class RemoveEnterpriseFromVettedList extends Schema.TaggedClass<RemoveEnterpriseFromVettedList>()(
  "RemoveEnterpriseFromVettedList",
  removalFields,
) {}
export class SuspendEnterprise extends Schema.TaggedClass<SuspendEnterprise>()("SuspendEnterprise", suspensionFields) {}
export class ReinstateEnterprise extends Schema.TaggedClass<ReinstateEnterprise>()(
  "ReinstateEnterprise",
  reinstatementFields,
) {}
export class RecordEnterpriseViolation extends Schema.TaggedClass<RecordEnterpriseViolation>()(
  "RecordEnterpriseViolation",
  violationFields,
) {}

export type EnterpriseCommand =
  | LicenseEnterprise
  | VetEnterprise
  | RemoveEnterpriseFromVettedList
  | SuspendEnterprise
  | ReinstateEnterprise
  | RecordEnterpriseViolation
