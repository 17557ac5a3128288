import { Schema } from "effect"

/** Rejections of worker commands: `message` in Vietnamese for the user, `messageEn` for logs and developers. */
const text = { message: Schema.String, messageEn: Schema.String }

export class WorkerNotRegistered extends Schema.TaggedError<WorkerNotRegistered>()("WorkerNotRegistered", text) {}
export class WorkerAlreadyRegistered extends Schema.TaggedError<WorkerAlreadyRegistered>()(
  "WorkerAlreadyRegistered",
  text,
) {}
export class WorkerHasWithdrawn extends Schema.TaggedError<WorkerHasWithdrawn>()("WorkerHasWithdrawn", text) {}
export class DatesOutOfOrder extends Schema.TaggedError<DatesOutOfOrder>()("DatesOutOfOrder", text) {}
export class NoValidContract extends Schema.TaggedError<NoValidContract>()("NoValidContract", text) {}
export class UnderAge extends Schema.TaggedError<UnderAge>()("UnderAge", text) {}
export class DateOfBirthRequired extends Schema.TaggedError<DateOfBirthRequired>()("DateOfBirthRequired", text) {}
export class DateOfBirthMismatch extends Schema.TaggedError<DateOfBirthMismatch>()("DateOfBirthMismatch", text) {}
export class AlreadyAbroad extends Schema.TaggedError<AlreadyAbroad>()("AlreadyAbroad", text) {}
export class NotAbroad extends Schema.TaggedError<NotAbroad>()("NotAbroad", text) {}
export class NotReturned extends Schema.TaggedError<NotReturned>()("NotReturned", text) {}
export class ContractAlreadyEnded extends Schema.TaggedError<ContractAlreadyEnded>()("ContractAlreadyEnded", text) {}
export class AlreadyOverstayed extends Schema.TaggedError<AlreadyOverstayed>()("AlreadyOverstayed", text) {}
export class CannotWithdrawWhileAbroad extends Schema.TaggedError<CannotWithdrawWhileAbroad>()(
  "CannotWithdrawWhileAbroad",
  text,
) {}
export class UnknownEvent extends Schema.TaggedError<UnknownEvent>()("UnknownEvent", text) {}
export class FactAlreadyVoided extends Schema.TaggedError<FactAlreadyVoided>()("FactAlreadyVoided", text) {}
export class CorrectionTypeMismatch extends Schema.TaggedError<CorrectionTypeMismatch>()(
  "CorrectionTypeMismatch",
  text,
) {}
export class RegistrationHasLaterFacts extends Schema.TaggedError<RegistrationHasLaterFacts>()(
  "RegistrationHasLaterFacts",
  text,
) {}

export class FactInUse extends Schema.TaggedError<FactInUse>()("FactInUse", text) {}

/** Selection or contract before the commune confirmed the dossier. */
export class DossierNotConfirmed extends Schema.TaggedError<DossierNotConfirmed>()("DossierNotConfirmed", text) {}
export class DossierAlreadyConfirmed extends Schema.TaggedError<DossierAlreadyConfirmed>()(
  "DossierAlreadyConfirmed",
  text,
) {}
/** The enterprise had no licence on the date. */
export class EnterpriseNotLicensedToRecruit extends Schema.TaggedError<EnterpriseNotLicensedToRecruit>()(
  "EnterpriseNotLicensedToRecruit",
  text,
) {}
/** The enterprise was not on the province's vetted list on the date. */
export class EnterpriseNotVettedInProvince extends Schema.TaggedError<EnterpriseNotVettedInProvince>()(
  "EnterpriseNotVettedInProvince",
  text,
) {}
/** The enterprise was suspended on the date. */
export class EnterpriseSuspendedOnDate extends Schema.TaggedError<EnterpriseSuspendedOnDate>()(
  "EnterpriseSuspendedOnDate",
  text,
) {}
/** The command did not say where the enterprise stood, or said it for another enterprise, date or province. */
export class EnterpriseStandingMissing extends Schema.TaggedError<EnterpriseStandingMissing>()(
  "EnterpriseStandingMissing",
  text,
) {}

export type WorkerRejection =
  | WorkerNotRegistered
  | WorkerAlreadyRegistered
  | WorkerHasWithdrawn
  | DatesOutOfOrder
  | NoValidContract
  | UnderAge
  | DateOfBirthRequired
  | DateOfBirthMismatch
  | AlreadyAbroad
  | NotAbroad
  | NotReturned
  | ContractAlreadyEnded
  | AlreadyOverstayed
  | CannotWithdrawWhileAbroad
  | UnknownEvent
  | FactAlreadyVoided
  | CorrectionTypeMismatch
  | RegistrationHasLaterFacts
  | FactInUse
  | DossierNotConfirmed
  | DossierAlreadyConfirmed
  | EnterpriseNotLicensedToRecruit
  | EnterpriseNotVettedInProvince
  | EnterpriseSuspendedOnDate
  | EnterpriseStandingMissing
