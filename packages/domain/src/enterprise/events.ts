import { Schema } from "effect"
import type { EventType } from "../shared/event-type.ts"
import { Count, IsoDate, LegalBasis } from "../shared/values.ts"

export const ENTERPRISE_STREAM_TYPE = "Enterprise"
export const enterpriseStreamId = (enterpriseId: string): string => `enterprise-${enterpriseId}`

const NonEmpty = Schema.String.check(Schema.isMinLength(1))
const base = { enterpriseId: Schema.String, occurredOn: IsoDate }

export const licenceFields = { ...base, name: NonEmpty, licenceNumber: NonEmpty, licenceDate: IsoDate }
export const vettingFields = { ...base, provinceCode: Schema.String, legalBasis: LegalBasis }
export const removalFields = { ...vettingFields, reason: NonEmpty }
export const suspensionFields = { ...base, reason: NonEmpty, legalBasis: LegalBasis, until: Schema.optional(IsoDate) }
export const reinstatementFields = { ...base, legalBasis: LegalBasis }
export const violationFields = {
  ...base,
  description: NonEmpty,
  legalBasis: Schema.optional(LegalBasis),
  penaltyAmount: Schema.optional(Count), // VND
}

/** Licensed to send workers abroad (giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài). */
export class EnterpriseLicensed extends Schema.TaggedClass<EnterpriseLicensed>()("EnterpriseLicensed", licenceFields) {}
/** Put on a province's list of vetted enterprises allowed to recruit there. */
export class EnterpriseVetted extends Schema.TaggedClass<EnterpriseVetted>()("EnterpriseVetted", vettingFields) {}
export class EnterpriseRemovedFromVettedList extends Schema.TaggedClass<EnterpriseRemovedFromVettedList>()(
  "EnterpriseRemovedFromVettedList",
  removalFields,
) {}
export class EnterpriseSuspended extends Schema.TaggedClass<EnterpriseSuspended>()(
  "EnterpriseSuspended",
  suspensionFields,
) {}
export class EnterpriseReinstated extends Schema.TaggedClass<EnterpriseReinstated>()(
  "EnterpriseReinstated",
  reinstatementFields,
) {}
export class EnterpriseViolationRecorded extends Schema.TaggedClass<EnterpriseViolationRecorded>()(
  "EnterpriseViolationRecorded",
  violationFields,
) {}

export const EnterpriseEvent = Schema.Union([
  EnterpriseLicensed,
  EnterpriseVetted,
  EnterpriseRemovedFromVettedList,
  EnterpriseSuspended,
  EnterpriseReinstated,
  EnterpriseViolationRecorded,
])
export type EnterpriseEvent = typeof EnterpriseEvent.Type

const entry = (schema: Schema.Top, type: string, description: string): EventType => ({
  type,
  version: 1,
  streamType: ENTERPRISE_STREAM_TYPE,
  description,
  personalFields: [],
  schema,
})

export const eventTypes: ReadonlyArray<EventType> = [
  entry(EnterpriseLicensed, "EnterpriseLicensed", "A recruitment enterprise holds a licence (number and date)"),
  entry(EnterpriseVetted, "EnterpriseVetted", "A province put the enterprise on its vetted list"),
  entry(
    EnterpriseRemovedFromVettedList,
    "EnterpriseRemovedFromVettedList",
    "A province took the enterprise off its vetted list",
  ),
  entry(EnterpriseSuspended, "EnterpriseSuspended", "The enterprise's activity was suspended"),
  entry(EnterpriseReinstated, "EnterpriseReinstated", "A suspension of the enterprise was lifted"),
  entry(EnterpriseViolationRecorded, "EnterpriseViolationRecorded", "A violation by the enterprise was recorded"),
]
