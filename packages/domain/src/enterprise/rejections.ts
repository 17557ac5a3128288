import { Schema } from "effect"

const text = { message: Schema.String, messageEn: Schema.String }

export class EnterpriseNotLicensed extends Schema.TaggedError<EnterpriseNotLicensed>()("EnterpriseNotLicensed", text) {}
export class EnterpriseAlreadyLicensed extends Schema.TaggedError<EnterpriseAlreadyLicensed>()(
  "EnterpriseAlreadyLicensed",
  text,
) {}
export class EnterpriseAlreadyVetted extends Schema.TaggedError<EnterpriseAlreadyVetted>()(
  "EnterpriseAlreadyVetted",
  text,
) {}
export class EnterpriseNotVetted extends Schema.TaggedError<EnterpriseNotVetted>()("EnterpriseNotVetted", text) {}
export class EnterpriseIsSuspended extends Schema.TaggedError<EnterpriseIsSuspended>()("EnterpriseIsSuspended", text) {}
export class EnterpriseNotSuspended extends Schema.TaggedError<EnterpriseNotSuspended>()(
  "EnterpriseNotSuspended",
  text,
) {}
export class EnterpriseDatesOutOfOrder extends Schema.TaggedError<EnterpriseDatesOutOfOrder>()(
  "EnterpriseDatesOutOfOrder",
  text,
) {}

export type EnterpriseRejection =
  | EnterpriseNotLicensed
  | EnterpriseAlreadyLicensed
  | EnterpriseAlreadyVetted
  | EnterpriseNotVetted
  | EnterpriseIsSuspended
  | EnterpriseNotSuspended
  | EnterpriseDatesOutOfOrder
