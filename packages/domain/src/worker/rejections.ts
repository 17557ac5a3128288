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

/** The wished market is not in the catalogue of markets. */
export class UnknownMarket extends Schema.TaggedError<UnknownMarket>()("UnknownMarket", text) {}
/** The policy is not in the catalogue of support policies. */
export class UnknownSupportPolicy extends Schema.TaggedError<UnknownSupportPolicy>()("UnknownSupportPolicy", text) {}
/** The funding source is not one the policy may be paid from. */
export class FundingSourceNotOfPolicy extends Schema.TaggedError<FundingSourceNotOfPolicy>()(
  "FundingSourceNotOfPolicy",
  text,
) {}
/** The worker is in none of the policy's eligible groups. */
export class NotEligibleForPolicy extends Schema.TaggedError<NotEligibleForPolicy>()("NotEligibleForPolicy", text) {}
/** A subsidy with this id was already appraised. */
export class SubsidyAlreadyAppraised extends Schema.TaggedError<SubsidyAlreadyAppraised>()(
  "SubsidyAlreadyAppraised",
  text,
) {}
/** No appraised subsidy has this id. */
export class SubsidyNotAppraised extends Schema.TaggedError<SubsidyNotAppraised>()("SubsidyNotAppraised", text) {}
/** The subsidy was already decided. */
export class SubsidyAlreadyDecided extends Schema.TaggedError<SubsidyAlreadyDecided>()("SubsidyAlreadyDecided", text) {}
/** The subsidy was not approved (refused, or not decided yet). */
export class SubsidyNotApproved extends Schema.TaggedError<SubsidyNotApproved>()("SubsidyNotApproved", text) {}
/** A decision above the appraised amount, or payments above the decided amount. */
export class SubsidyAmountExceeded extends Schema.TaggedError<SubsidyAmountExceeded>()("SubsidyAmountExceeded", text) {}
/** A passport or visa valid only until a date not after its issue. */
export class ValidityBeforeIssue extends Schema.TaggedError<ValidityBeforeIssue>()("ValidityBeforeIssue", text) {}
/** A visa recorded before any passport. */
export class VisaWithoutPassport extends Schema.TaggedError<VisaWithoutPassport>()("VisaWithoutPassport", text) {}
/** A visa for another country than the latest contract's. */
export class VisaCountryMismatch extends Schema.TaggedError<VisaCountryMismatch>()("VisaCountryMismatch", text) {}
/** The loan file with this id was already confirmed. */
export class LoanFileAlreadyConfirmed extends Schema.TaggedError<LoanFileAlreadyConfirmed>()(
  "LoanFileAlreadyConfirmed",
  text,
) {}
/** A protection case with this id was already opened. */
export class ProtectionCaseAlreadyOpened extends Schema.TaggedError<ProtectionCaseAlreadyOpened>()(
  "ProtectionCaseAlreadyOpened",
  text,
) {}
/** No open protection case has this id. */
export class ProtectionCaseNotOpen extends Schema.TaggedError<ProtectionCaseNotOpen>()("ProtectionCaseNotOpen", text) {}

/** A departure under a programme that requires a visa, without a valid visa for the contract (ADR 0026). */
export class VisaRequired extends Schema.TaggedError<VisaRequired>()("VisaRequired", text) {}
/** A new loan whose loan file the commune has not confirmed (ADR 0026). */
export class LoanFileNotConfirmed extends Schema.TaggedError<LoanFileNotConfirmed>()("LoanFileNotConfirmed", text) {}
/** An EPS contract without a passed EPS Korean test (ADR 0026). */
export class EpsTestNotPassed extends Schema.TaggedError<EpsTestNotPassed>()("EpsTestNotPassed", text) {}

/** The protection case a death or missing report names is not one of the worker's. */
export class ProtectionCaseUnknown extends Schema.TaggedError<ProtectionCaseUnknown>()("ProtectionCaseUnknown", text) {}
/** The worker was already reported dead, or reported missing again while still missing. */
export class DeathOrMissingAlreadyReported extends Schema.TaggedError<DeathOrMissingAlreadyReported>()(
  "DeathOrMissingAlreadyReported",
  text,
) {}
/** A fact that needs the worker alive, after the worker was reported dead. */
export class WorkerDeceased extends Schema.TaggedError<WorkerDeceased>()("WorkerDeceased", text) {}

/** The person's data was already erased (nothing sealed can be recorded or read any more). */
export class PersonalDataErased extends Schema.TaggedError<PersonalDataErased>()("PersonalDataErased", text) {}

/** A residence assignment for a worker who did not live in a split commune on the date, or to a unit not its successor. */
export class NotInSplitUnit extends Schema.TaggedError<NotInSplitUnit>()("NotInSplitUnit", text) {}
export class NotASuccessor extends Schema.TaggedError<NotASuccessor>()("NotASuccessor", text) {}

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
  | UnknownMarket
  | UnknownSupportPolicy
  | FundingSourceNotOfPolicy
  | NotEligibleForPolicy
  | SubsidyAlreadyAppraised
  | SubsidyNotAppraised
  | SubsidyAlreadyDecided
  | SubsidyNotApproved
  | SubsidyAmountExceeded
  | ValidityBeforeIssue
  | VisaWithoutPassport
  | VisaCountryMismatch
  | LoanFileAlreadyConfirmed
  | ProtectionCaseAlreadyOpened
  | ProtectionCaseNotOpen
  | ProtectionCaseUnknown
  | VisaRequired
  | LoanFileNotConfirmed
  | EpsTestNotPassed
  | DeathOrMissingAlreadyReported
  | WorkerDeceased
  | PersonalDataErased
  | NotInSplitUnit
  | NotASuccessor
