import { Result } from "effect"
import { marketByCode } from "../reference/markets.ts"
import { EPS_PROGRAMME_CODE, programmeByCode } from "../reference/programmes.ts"
import { fundingSourceByCode, supportPolicies, supportPolicyByCode } from "../reference/support-policies.ts"
import type { IsoDate } from "../shared/values.ts"
import {
  WorkerDeparted,
  WorkerWithdrew,
  type WorkerContractSigned,
  type WorkerDeathOrMissingReported,
  type WorkerFact,
  type WorkerLoanRecorded,
  type WorkerRegistered,
  type WorkerSelectedByEnterprise,
  type WorkerSubsidyAppraised,
  type WorkerSubsidyDecided,
  type WorkerSubsidyPaid,
} from "./events.ts"
import { dateVi, factLabelVi } from "./messages.ts"
import {
  AlreadyAbroad,
  AlreadyOverstayed,
  CannotWithdrawWhileAbroad,
  ContractAlreadyEnded,
  DateOfBirthMismatch,
  DateOfBirthRequired,
  DatesOutOfOrder,
  DeathOrMissingAlreadyReported,
  DossierAlreadyConfirmed,
  DossierNotConfirmed,
  EpsTestNotPassed,
  EnterpriseNotLicensedToRecruit,
  EnterpriseNotVettedInProvince,
  EnterpriseStandingMissing,
  EnterpriseSuspendedOnDate,
  FundingSourceNotOfPolicy,
  LoanFileAlreadyConfirmed,
  LoanFileNotConfirmed,
  NoValidContract,
  NotASuccessor,
  NotEligibleForPolicy,
  NotInSplitUnit,
  PersonalDataErased,
  ProtectionCaseAlreadyOpened,
  ProtectionCaseNotOpen,
  ProtectionCaseUnknown,
  SubsidyAlreadyAppraised,
  SubsidyAlreadyDecided,
  SubsidyAmountExceeded,
  SubsidyNotApproved,
  SubsidyNotAppraised,
  UnknownMarket,
  UnknownSupportPolicy,
  ValidityBeforeIssue,
  VisaCountryMismatch,
  VisaRequired,
  VisaWithoutPassport,
  NotAbroad,
  NotReturned,
  UnderAge,
  WorkerAlreadyRegistered,
  WorkerDeceased,
  WorkerHasWithdrawn,
  WorkerNotRegistered,
  type WorkerRejection,
} from "./rejections.ts"
import { residenceAt, type WorkerState } from "./state.ts"
import { priorityGroupReferenceCode, type EnterpriseStanding, type SplitUnit } from "./values.ts"

/** A departure or withdrawal as requested: the rest of the recorded event is derived from the state. */
export type DepartureRequest = Pick<WorkerDeparted, "_tag" | "eventId" | "workerId" | "occurredOn">
export type WithdrawalRequest = Pick<WorkerWithdrew, "_tag" | "eventId" | "workerId" | "occurredOn" | "reason">
export type FactCandidate = Exclude<WorkerFact, WorkerDeparted | WorkerWithdrew> | DepartureRequest | WithdrawalRequest

/**
 * What a rule may need beyond the state: the date of birth for the age check and where the enterprise stood on the
 * date of a selection or contract (both read by the app, checked, never stored).
 */
export interface AdmitContext {
  readonly dateOfBirth?: IsoDate | undefined
  /** False when re-checking facts already admitted earlier (a correction's replay): their age check passed then. */
  readonly checkAge: boolean
  readonly standing?: EnterpriseStanding | undefined
  /** False when re-checking facts admitted earlier: the enterprise's standing was checked then. Default true. */
  readonly checkEnterprise?: boolean
  /**
   * False when re-checking facts admitted earlier, unless the correction is of the dossier confirmation itself
   * (a selection may not lose the confirmation it rests on). Default true.
   */
  readonly checkDossier?: boolean
  /**
   * The ordering rules of ADR 0026 (a visa before the departure, a confirmed loan file before the loan, a passed
   * EPS test before an EPS contract). False when re-checking facts admitted earlier, unless the correction is of a
   * fact they rest on (histories recorded before the rules keep their facts). Default true.
   */
  readonly checkOrder?: boolean
  /** A residence assignment's split unit, as the app read it from the catalogue (absent on a replay). */
  readonly split?: SplitUnit | undefined
}

export const MINIMUM_DEPARTURE_AGE = 18

export const ageOn = (dateOfBirth: IsoDate, date: IsoDate): number => {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years
}

const outOfOrder = (fact: FactCandidate, earlierLabel: string, earlierDate: IsoDate) =>
  Result.fail(
    new DatesOutOfOrder({
      message: `Ngày ${factLabelVi[fact._tag]} (${dateVi(fact.occurredOn)}) không thể trước ngày ${earlierLabel} (${dateVi(
        earlierDate,
      )}).`,
      messageEn: `${fact._tag} on ${fact.occurredOn} cannot precede ${earlierLabel} on ${earlierDate}`,
    }),
  )

const notWhileAbroad = (fact: FactCandidate, state: WorkerState) =>
  Result.fail(
    new AlreadyAbroad({
      message: `Người lao động đang ở nước ngoài (xuất cảnh ngày ${dateVi(state.departure!.date)}); không thể ghi nhận ${
        factLabelVi[fact._tag]
      } trước khi về nước.`,
      messageEn: `Worker is abroad since ${state.departure!.date}; cannot record ${fact._tag} before a return`,
    }),
  )

const notAbroad = (fact: FactCandidate) =>
  Result.fail(
    new NotAbroad({
      message: `Người lao động không ở nước ngoài; không thể ghi nhận ${factLabelVi[fact._tag]}.`,
      messageEn: `Worker is not abroad; cannot record ${fact._tag}`,
    }),
  )

const preDeparture = new Set<WorkerFact["_tag"]>([
  "WorkerCounselled",
  "WorkerTrainingCompleted",
  "WorkerHealthChecked",
  "WorkerCriminalRecordCertificateIssued",
  "WorkerDossierConfirmed",
  "WorkerSelectedByEnterprise",
  "WorkerContractSigned",
  "WorkerLegalCounselled",
  "WorkerAssessed",
  "WorkerLoanFileConfirmed",
  "WorkerVisaIssued",
])

/** What may still be recorded after a death abroad: the citizen-protection case that handles it (repatriation). */
const afterDeath = new Set<WorkerFact["_tag"]>([
  "WorkerProtectionCaseOpened",
  "WorkerProtectionCaseResolved",
  "WorkerDeathOrMissingReported",
])

/**
 * The business rules for one new fact against the state before it. Returns the fact as it will be recorded
 * (a departure gets the contract it departs under; a withdrawal the stage reached) or a rejection.
 */
export const admitFact = (
  state: WorkerState,
  fact: FactCandidate,
  context: AdmitContext,
): Result.Result<WorkerFact, WorkerRejection> => {
  const registration = state.registration
  if (fact._tag === "WorkerRegistered") {
    return registration === undefined
      ? admitRegistration(fact)
      : Result.fail(
          new WorkerAlreadyRegistered({
            message: `Người lao động đã được đăng ký ngày ${dateVi(registration.occurredOn)}.`,
            messageEn: `Worker already registered on ${registration.occurredOn}`,
          }),
        )
  }
  if (registration === undefined) {
    return Result.fail(
      new WorkerNotRegistered({
        message: "Người lao động chưa được đăng ký; hãy đăng ký trước.",
        messageEn: "Worker is not registered",
      }),
    )
  }
  if (state.withdrawal !== undefined) {
    return Result.fail(
      new WorkerHasWithdrawn({
        message: `Người lao động đã rút khỏi chương trình ngày ${dateVi(state.withdrawal.on)}; không thể ghi nhận thêm ${
          factLabelVi[fact._tag]
        }.`,
        messageEn: `Worker withdrew on ${state.withdrawal.on}; no further facts can be recorded`,
      }),
    )
  }
  if (state.erasure !== undefined && (fact as { sensitive?: unknown }).sensitive !== undefined) {
    return Result.fail(
      new PersonalDataErased({
        message: `Dữ liệu cá nhân của người lao động đã được xóa ngày ${dateVi(state.erasure.on)}; không thể ghi nhận ${vi(
          fact,
        )} có nội dung được mã hóa.`,
        messageEn: `Personal data erased on ${state.erasure.on}; ${fact._tag} with sealed content cannot be recorded`,
      }),
    )
  }
  if (state.deathOrMissing?.status === "deceased" && !afterDeath.has(fact._tag)) {
    return Result.fail(
      new WorkerDeceased({
        message: `Người lao động đã được báo tử vong ngày ${dateVi(state.deathOrMissing.on)}; không thể ghi nhận ${vi(fact)}.`,
        messageEn: `Worker was reported dead on ${state.deathOrMissing.on}; ${fact._tag} cannot be recorded`,
      }),
    )
  }
  if (fact.occurredOn < registration.occurredOn) return outOfOrder(fact, "đăng ký", registration.occurredOn)
  if (preDeparture.has(fact._tag) && state.abroad) return notWhileAbroad(fact, state)

  switch (fact._tag) {
    case "WorkerDossierConfirmed": {
      const confirmedOn = state.dossierConfirmedOn
      // A dossier is confirmed once per stay at home: again only after a return (a new dossier for a new contract).
      if (confirmedOn !== undefined && (state.lastReturn === undefined || state.lastReturn.on < confirmedOn)) {
        return Result.fail(
          new DossierAlreadyConfirmed({
            message: `Hồ sơ của người lao động đã được xác nhận ngày ${dateVi(confirmedOn)}.`,
            messageEn: `The dossier was already confirmed on ${confirmedOn}`,
          }),
        )
      }
      return Result.succeed(fact)
    }
    case "WorkerSelectedByEnterprise":
    case "WorkerContractSigned":
      return admitRecruitment(state, fact, context)
    case "WorkerDeparted":
      return admitDeparture(state, fact, context)
    case "WorkerContractEndedEarly":
      if (!state.abroad) return notAbroad(fact)
      if (state.contractEndedEarly !== undefined) {
        return Result.fail(
          new ContractAlreadyEnded({
            message: `Hợp đồng đã được ghi nhận chấm dứt trước hạn ngày ${dateVi(state.contractEndedEarly.on)}.`,
            messageEn: `Contract already ended early on ${state.contractEndedEarly.on}`,
          }),
        )
      }
      return fact.occurredOn < state.departure!.date
        ? outOfOrder(fact, "xuất cảnh", state.departure!.date)
        : Result.succeed(fact)
    case "WorkerOverstayed":
      if (!state.abroad) return notAbroad(fact)
      if (state.overstayed) {
        return Result.fail(
          new AlreadyOverstayed({
            message: "Người lao động đã được ghi nhận cư trú bất hợp pháp trong lần xuất cảnh này.",
            messageEn: "Overstay already recorded for this stay abroad",
          }),
        )
      }
      return fact.occurredOn < state.departure!.date
        ? outOfOrder(fact, "xuất cảnh", state.departure!.date)
        : Result.succeed(fact)
    case "WorkerReturned":
      if (!state.abroad) return notAbroad(fact)
      return fact.occurredOn < state.departure!.date
        ? outOfOrder(fact, "xuất cảnh", state.departure!.date)
        : Result.succeed(fact)
    case "WorkerReemploymentSupported":
      if (state.lastReturn === undefined || state.abroad) {
        return Result.fail(
          new NotReturned({
            message: "Người lao động chưa về nước; hỗ trợ việc làm sau khi về nước chỉ ghi nhận cho người đã về.",
            messageEn: "Re-employment support needs a recorded return",
          }),
        )
      }
      return fact.occurredOn < state.lastReturn.on
        ? outOfOrder(fact, "về nước", state.lastReturn.on)
        : Result.succeed(fact)
    case "WorkerWithdrew":
      if (state.abroad) {
        return Result.fail(
          new CannotWithdrawWhileAbroad({
            message:
              "Người lao động đang ở nước ngoài; hãy ghi nhận chấm dứt hợp đồng hoặc về nước thay vì rút khỏi chương trình.",
            messageEn: "Cannot withdraw while abroad; record an early end or a return",
          }),
        )
      }
      if (state.latestFactDate !== undefined && fact.occurredOn < state.latestFactDate) {
        return outOfOrder(fact, "sự kiện gần nhất đã ghi nhận", state.latestFactDate)
      }
      return Result.succeed(
        new WorkerWithdrew({
          eventId: fact.eventId,
          workerId: fact.workerId,
          occurredOn: fact.occurredOn,
          reason: fact.reason,
          stage: state.stage ?? "registered",
        }),
      )
    case "WorkerResidenceAssigned":
      return admitAssignment(state, fact, context.split)
    case "WorkerLoanFileConfirmed":
      if (state.loanFiles[fact.loanId] !== undefined) {
        return Result.fail(
          new LoanFileAlreadyConfirmed({
            message: `Hồ sơ vay vốn ${fact.loanId} đã được xác nhận ngày ${dateVi(state.loanFiles[fact.loanId]!.on)}.`,
            messageEn: `Loan file ${fact.loanId} was already confirmed on ${state.loanFiles[fact.loanId]!.on}`,
          }),
        )
      }
      return Result.succeed(fact)
    case "WorkerLoanRecorded":
      return context.checkOrder === false ? Result.succeed(fact) : admitLoan(state, fact)
    case "WorkerPassportIssued":
      return validAfterIssue(fact, "hộ chiếu", fact.validUntil)
    case "WorkerVisaIssued":
      return admitVisa(state, fact)
    case "WorkerSubsidyAppraised":
      return admitAppraisal(state, fact)
    case "WorkerSubsidyDecided":
      return admitSubsidyDecision(state, fact)
    case "WorkerSubsidyPaid":
      return admitSubsidyPayment(state, fact)
    case "WorkerProtectionCaseOpened":
      if (!state.abroad) return notAbroad(fact)
      if (state.protectionCases[fact.caseId] !== undefined) {
        return Result.fail(
          new ProtectionCaseAlreadyOpened({
            message: `Vụ việc bảo hộ công dân ${fact.caseId} đã được mở ngày ${dateVi(state.protectionCases[fact.caseId]!.openedOn)}.`,
            messageEn: `Protection case ${fact.caseId} was already opened`,
          }),
        )
      }
      return fact.occurredOn < state.departure!.date
        ? outOfOrder(fact, "xuất cảnh", state.departure!.date)
        : Result.succeed(fact)
    case "WorkerProtectionCaseResolved": {
      const opened = state.protectionCases[fact.caseId]
      if (opened === undefined || opened.resolvedOn !== undefined) {
        return Result.fail(
          new ProtectionCaseNotOpen({
            message:
              opened === undefined
                ? `Không có vụ việc bảo hộ công dân ${fact.caseId} của người lao động này.`
                : `Vụ việc bảo hộ công dân ${fact.caseId} đã được giải quyết ngày ${dateVi(opened.resolvedOn!)}.`,
            messageEn: `No open protection case ${fact.caseId}`,
          }),
        )
      }
      return fact.occurredOn < opened.openedOn ? outOfOrder(fact, "mở vụ việc", opened.openedOn) : Result.succeed(fact)
    }
    case "WorkerDeathOrMissingReported":
      return admitDeathOrMissing(state, fact)
    case "WorkerReturneeNotified":
    case "WorkerReintegrationAssessed":
      if (state.lastReturn === undefined || state.abroad) {
        return Result.fail(
          new NotReturned({
            message: `Người lao động chưa về nước; chỉ ghi nhận ${vi(fact)} cho người đã về nước.`,
            messageEn: `${fact._tag} needs a recorded return`,
          }),
        )
      }
      return fact.occurredOn < state.lastReturn.on
        ? outOfOrder(fact, "về nước", state.lastReturn.on)
        : Result.succeed(fact)
    default:
      return Result.succeed(fact)
  }
}

/**
 * Tử vong, mất tích: only for a worker abroad, dated on or after the departure; a missing worker may later be
 * reported dead, a dead one is not reported again; the protection case named must be one of the worker's.
 */
const admitDeathOrMissing = (
  state: WorkerState,
  fact: WorkerDeathOrMissingReported,
): Result.Result<WorkerFact, WorkerRejection> => {
  if (!state.abroad) return notAbroad(fact)
  const earlier = state.deathOrMissing
  if (earlier !== undefined && (earlier.status === "deceased" || fact.status === "missing")) {
    return Result.fail(
      new DeathOrMissingAlreadyReported({
        message: `Người lao động đã được báo ${earlier.status === "deceased" ? "tử vong" : "mất tích"} ngày ${dateVi(earlier.on)}.`,
        messageEn: `Worker was already reported ${earlier.status} on ${earlier.on}`,
      }),
    )
  }
  if (fact.protectionCaseId !== undefined && state.protectionCases[fact.protectionCaseId] === undefined) {
    return Result.fail(
      new ProtectionCaseUnknown({
        message: `Không có vụ việc bảo hộ công dân ${fact.protectionCaseId} của người lao động này; hãy mở vụ việc trước hoặc bỏ trống.`,
        messageEn: `No protection case ${fact.protectionCaseId} of this worker`,
      }),
    )
  }
  return fact.occurredOn < state.departure!.date
    ? outOfOrder(fact, "xuất cảnh", state.departure!.date)
    : Result.succeed(fact)
}

/**
 * Gán nơi cư trú: only for a worker who lived, on the date, in a unit split among several successors (as the app
 * read the catalogue), and only to one of them. On a replay (no `split`) the fact was checked when recorded.
 */
const admitAssignment = (
  state: WorkerState,
  fact: Extract<FactCandidate, { _tag: "WorkerResidenceAssigned" }>,
  split: SplitUnit | undefined,
): Result.Result<WorkerFact, WorkerRejection> => {
  if (split === undefined) return Result.succeed(fact)
  const lived = residenceAt(state, fact.occurredOn)
  if (lived?.residenceUnitId !== split.unitId || !split.split) {
    return Result.fail(
      new NotInSplitUnit({
        message: `Ngày ${dateVi(fact.occurredOn)} người lao động không cư trú tại xã, phường bị chia tách; không cần gán nơi cư trú.`,
        messageEn: `On ${fact.occurredOn} the worker did not live in a split unit`,
      }),
    )
  }
  if (!split.successorIds.includes(fact.residenceUnitId)) {
    return Result.fail(
      new NotASuccessor({
        message: `Xã, phường ${fact.residenceUnitCode} không phải đơn vị kế thừa của xã, phường nơi người lao động cư trú.`,
        messageEn: `${fact.residenceUnitId} is not a successor of ${split.unitId}`,
      }),
    )
  }
  return Result.succeed(fact)
}

/** A registration's wished market, when given, is one of the catalogue's. */
const admitRegistration = (fact: WorkerRegistered): Result.Result<WorkerFact, WorkerRejection> => {
  const marketCode = fact.wish?.marketCode
  if (marketCode !== undefined && marketByCode(marketCode) === undefined) {
    return Result.fail(
      new UnknownMarket({
        message: `Thị trường mong muốn “${marketCode}” không có trong danh mục thị trường.`,
        messageEn: `Unknown market ${marketCode}`,
      }),
    )
  }
  return Result.succeed(fact)
}

const validAfterIssue = <F extends FactCandidate>(
  fact: F,
  label: string,
  validUntil: IsoDate,
): Result.Result<WorkerFact, WorkerRejection> =>
  validUntil <= fact.occurredOn
    ? Result.fail(
        new ValidityBeforeIssue({
          message: `Thời hạn của ${label} (${dateVi(validUntil)}) phải sau ngày cấp (${dateVi(fact.occurredOn)}).`,
          messageEn: `${fact._tag}: valid until ${validUntil} is not after the issue on ${fact.occurredOn}`,
        }),
      )
    : Result.succeed(fact as unknown as WorkerFact)

/** A visa (thủ tục xuất cảnh): after a passport, for the country of the latest contract, valid after its issue. */
const admitVisa = (
  state: WorkerState,
  fact: Extract<FactCandidate, { _tag: "WorkerVisaIssued" }>,
): Result.Result<WorkerFact, WorkerRejection> => {
  if (state.passport === undefined) {
    return Result.fail(
      new VisaWithoutPassport({
        message: "Chưa ghi nhận hộ chiếu của người lao động; hãy ghi nhận cấp hộ chiếu trước khi ghi nhận thị thực.",
        messageEn: "A passport must be recorded before a visa",
      }),
    )
  }
  const contract = state.contract
  if (contract === undefined || state.contractUsed) {
    return Result.fail(
      new NoValidContract({
        message: "Chưa có hợp đồng (chưa dùng cho lần xuất cảnh nào) để xin thị thực.",
        messageEn: "No unused contract for a visa",
      }),
    )
  }
  if (contract.country !== fact.country) {
    return Result.fail(
      new VisaCountryMismatch({
        message: `Thị thực cấp cho nước ${fact.country}, nhưng hợp đồng của người lao động là đi ${contract.country}.`,
        messageEn: `Visa for ${fact.country}, contract for ${contract.country}`,
      }),
    )
  }
  if (fact.occurredOn < contract.occurredOn) return outOfOrder(fact, "ký hợp đồng", contract.occurredOn)
  return validAfterIssue(fact, "thị thực", fact.validUntil)
}

/** The worker's groups as the reference catalogue codes them (ethnic minority included). */
const groupsOf = (state: WorkerState): ReadonlySet<string> => {
  const registration = state.registration!
  const codes = registration.priorityGroups.map((g) => priorityGroupReferenceCode[g])
  if (registration.ethnicMinority) codes.push(priorityGroupReferenceCode.ethnicMinority)
  return new Set(codes)
}

/** Thẩm định: a catalogued policy, one of its funding sources, a worker in one of its groups; one appraisal per id. */
const admitAppraisal = (
  state: WorkerState,
  fact: WorkerSubsidyAppraised,
): Result.Result<WorkerFact, WorkerRejection> => {
  const policy = supportPolicyByCode(fact.policyCode)
  if (policy === undefined) {
    return Result.fail(
      new UnknownSupportPolicy({
        message: `Chính sách “${fact.policyCode}” không có trong danh mục chính sách hỗ trợ (${supportPolicies
          .map((p) => `${p.code}: ${p.legalBasis.number}`)
          .join("; ")}).`,
        messageEn: `Unknown support policy ${fact.policyCode}`,
      }),
    )
  }
  if (!policy.fundingSources.includes(fact.fundingSourceCode)) {
    const names = policy.fundingSources.map((code) => fundingSourceByCode(code)?.nameVi ?? code)
    return Result.fail(
      new FundingSourceNotOfPolicy({
        message: `Nguồn kinh phí “${fact.fundingSourceCode}” không phải nguồn chi của chính sách theo ${policy.legalBasis.number}; nguồn được dùng: ${names.join("; ")}.`,
        messageEn: `Funding source ${fact.fundingSourceCode} is not one of policy ${policy.code}'s`,
      }),
    )
  }
  const groups = groupsOf(state)
  if (!policy.eligibleGroups.some((g) => groups.has(g))) {
    return Result.fail(
      new NotEligibleForPolicy({
        message: `Người lao động không thuộc đối tượng được hỗ trợ theo ${policy.legalBasis.number} (${policy.nameVi}).`,
        messageEn: `The worker is in none of policy ${policy.code}'s eligible groups`,
      }),
    )
  }
  if (state.subsidyCases[fact.subsidyId] !== undefined) {
    return Result.fail(
      new SubsidyAlreadyAppraised({
        message: `Hồ sơ hỗ trợ ${fact.subsidyId} đã được thẩm định ngày ${dateVi(state.subsidyCases[fact.subsidyId]!.appraisedOn)}.`,
        messageEn: `Subsidy ${fact.subsidyId} was already appraised`,
      }),
    )
  }
  return Result.succeed(fact)
}

const notAppraised = (subsidyId: string) =>
  Result.fail(
    new SubsidyNotAppraised({
      message: `Không có hồ sơ hỗ trợ ${subsidyId} đã được thẩm định cho người lao động này.`,
      messageEn: `No appraised subsidy ${subsidyId}`,
    }),
  )

/** Quyết định: once per appraisal, on or after it, an approval not above the appraised amount. */
const admitSubsidyDecision = (
  state: WorkerState,
  fact: WorkerSubsidyDecided,
): Result.Result<WorkerFact, WorkerRejection> => {
  const subsidy = state.subsidyCases[fact.subsidyId]
  if (subsidy === undefined) return notAppraised(fact.subsidyId)
  if (subsidy.decision !== undefined) {
    return Result.fail(
      new SubsidyAlreadyDecided({
        message: `Hồ sơ hỗ trợ ${fact.subsidyId} đã có quyết định ngày ${dateVi(subsidy.decision.on)}.`,
        messageEn: `Subsidy ${fact.subsidyId} was already decided`,
      }),
    )
  }
  if (fact.occurredOn < subsidy.appraisedOn) return outOfOrder(fact, "thẩm định hỗ trợ", subsidy.appraisedOn)
  if (fact.approved && fact.amount > subsidy.appraisedAmount) {
    return Result.fail(
      new SubsidyAmountExceeded({
        message: `Số tiền quyết định hỗ trợ (${moneyVi(fact.amount)} đồng) vượt số tiền đã thẩm định (${moneyVi(subsidy.appraisedAmount)} đồng).`,
        messageEn: `Decided ${fact.amount} exceeds the appraised ${subsidy.appraisedAmount}`,
      }),
    )
  }
  return Result.succeed(fact)
}

/** Chi trả: only an approved subsidy, on or after the decision, all payments together not above the amount decided. */
const admitSubsidyPayment = (
  state: WorkerState,
  fact: WorkerSubsidyPaid,
): Result.Result<WorkerFact, WorkerRejection> => {
  const subsidy = state.subsidyCases[fact.subsidyId]
  if (subsidy === undefined) return notAppraised(fact.subsidyId)
  const decision = subsidy.decision
  if (decision === undefined || !decision.approved) {
    return Result.fail(
      new SubsidyNotApproved({
        message:
          decision === undefined
            ? `Hồ sơ hỗ trợ ${fact.subsidyId} chưa có quyết định hỗ trợ; chưa thể chi trả.`
            : `Hồ sơ hỗ trợ ${fact.subsidyId} không được phê duyệt (quyết định ngày ${dateVi(decision.on)}); không thể chi trả.`,
        messageEn: `Subsidy ${fact.subsidyId} is not approved`,
      }),
    )
  }
  if (fact.occurredOn < decision.on) return outOfOrder(fact, "quyết định hỗ trợ", decision.on)
  if (subsidy.paidAmount + fact.amount > decision.amount) {
    return Result.fail(
      new SubsidyAmountExceeded({
        message: `Tổng số tiền chi trả (${moneyVi(subsidy.paidAmount + fact.amount)} đồng) vượt số tiền được quyết định hỗ trợ (${moneyVi(decision.amount)} đồng).`,
        messageEn: `Payments ${subsidy.paidAmount + fact.amount} exceed the decided ${decision.amount}`,
      }),
    )
  }
  return Result.succeed(fact)
}

/** 1.234.567, as Vietnamese users read amounts. */
const moneyVi = (amount: number): string => amount.toLocaleString("vi-VN")

const vi = (fact: FactCandidate) => factLabelVi[fact._tag]

/**
 * Selection and contract: only by an enterprise licensed, on the province's vetted list and not suspended on the
 * fact's date (`context.standing`, read by the app from the enterprise's history), and only for a worker whose
 * dossier the commune confirmed on or before that date.
 */
const admitRecruitment = (
  state: WorkerState,
  fact: WorkerSelectedByEnterprise | WorkerContractSigned,
  context: AdmitContext,
): Result.Result<WorkerFact, WorkerRejection> => {
  const on = dateVi(fact.occurredOn)
  if (context.checkEnterprise !== false) {
    const standing = context.standing
    if (
      standing === undefined ||
      standing.enterpriseId !== fact.enterpriseId ||
      standing.on !== fact.occurredOn ||
      standing.provinceCode !== state.registration!.provinceCode
    ) {
      return Result.fail(
        new EnterpriseStandingMissing({
          message: `Thiếu thông tin về tình trạng của doanh nghiệp vào ngày ${on} (giấy phép, danh sách của tỉnh, đình chỉ); không thể ghi nhận ${vi(fact)}.`,
          messageEn: `The standing of enterprise ${fact.enterpriseId} on ${fact.occurredOn} in the worker's province is needed`,
        }),
      )
    }
    if (!standing.licensed) {
      return Result.fail(
        new EnterpriseNotLicensedToRecruit({
          message: `Doanh nghiệp chưa có giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài vào ngày ${on}; không thể ghi nhận ${vi(fact)}.`,
          messageEn: `Enterprise ${fact.enterpriseId} held no licence on ${fact.occurredOn}`,
        }),
      )
    }
    if (!standing.vetted) {
      return Result.fail(
        new EnterpriseNotVettedInProvince({
          message: `Doanh nghiệp không có trong danh sách doanh nghiệp được tỉnh lựa chọn vào ngày ${on}; không thể ghi nhận ${vi(fact)}.`,
          messageEn: `Enterprise ${fact.enterpriseId} was not on province ${standing.provinceCode}'s vetted list on ${fact.occurredOn}`,
        }),
      )
    }
    if (standing.suspended) {
      return Result.fail(
        new EnterpriseSuspendedOnDate({
          message: `Doanh nghiệp đang bị đình chỉ hoạt động vào ngày ${on}; không thể ghi nhận ${vi(fact)}.`,
          messageEn: `Enterprise ${fact.enterpriseId} was suspended on ${fact.occurredOn}`,
        }),
      )
    }
  }
  if (context.checkDossier !== false) {
    const confirmedOn = state.dossierConfirmedOn
    if (confirmedOn === undefined) {
      return Result.fail(
        new DossierNotConfirmed({
          message: `Hồ sơ của người lao động chưa được UBND xã, phường nơi cư trú xác nhận; chưa thể ghi nhận ${vi(fact)}.`,
          messageEn: `The commune has not confirmed the worker's dossier; cannot record ${fact._tag}`,
        }),
      )
    }
    if (fact.occurredOn < confirmedOn) return outOfOrder(fact, "xác nhận hồ sơ", confirmedOn)
  }
  if (fact._tag === "WorkerContractSigned" && fact.programme === EPS_PROGRAMME_CODE && context.checkOrder !== false) {
    const passed = state.assessments.some(
      (a) => a.assessment === "epsKoreanTest" && a.outcome === "passed" && a.on <= fact.occurredOn,
    )
    if (!passed) {
      return Result.fail(
        new EpsTestNotPassed({
          message: `Người lao động chưa có kết quả đạt kỳ thi tiếng Hàn (EPS) vào ngày ${on}; chưa thể ký hợp đồng theo Chương trình EPS.`,
          messageEn: `No passed EPS Korean test on or before ${fact.occurredOn}; an EPS contract cannot be signed`,
        }),
      )
    }
  }
  return Result.succeed(fact)
}

/**
 * Vay vốn: a new loan (the first record of its id) needs the loan file the commune confirmed under the same id, on
 * or before its date (xác nhận hồ sơ vay vốn); later records of the loan change its status.
 */
const admitLoan = (state: WorkerState, fact: WorkerLoanRecorded): Result.Result<WorkerFact, WorkerRejection> => {
  if (state.loans[fact.loanId] !== undefined) return Result.succeed(fact)
  const file = state.loanFiles[fact.loanId]
  if (file === undefined) {
    return Result.fail(
      new LoanFileNotConfirmed({
        message: `Hồ sơ vay vốn ${fact.loanId} chưa được UBND xã, phường xác nhận; chưa thể ghi nhận khoản vay.`,
        messageEn: `Loan file ${fact.loanId} was not confirmed by the commune; the loan cannot be recorded`,
      }),
    )
  }
  return fact.occurredOn < file.on ? outOfOrder(fact, "xác nhận hồ sơ vay vốn", file.on) : Result.succeed(fact)
}

/**
 * Thị thực trước khi xuất cảnh: under a contract of a catalogued programme that requires a visa, a visa for the
 * contract's country issued for this contract (on or after its signing), on or before the departure and valid on
 * its date. A contract whose programme is not a catalogue code (free text of older records) is not checked.
 */
const checkVisa = (
  state: WorkerState,
  fact: DepartureRequest,
  contract: WorkerContractSigned,
): Result.Result<void, WorkerRejection> => {
  if (programmeByCode(contract.programme)?.visaRequired !== true) return Result.succeed(undefined)
  const visa = state.visa
  const forContract = visa !== undefined && visa.country === contract.country && visa.on >= contract.occurredOn
  if (!forContract) {
    return Result.fail(
      new VisaRequired({
        message: `Chưa có thị thực đi ${contract.country} cho hợp đồng ký ngày ${dateVi(contract.occurredOn)}; chương trình ${contract.programme} yêu cầu thị thực trước khi xuất cảnh.`,
        messageEn: `No visa for ${contract.country} issued for the contract of ${contract.occurredOn}; programme ${contract.programme} requires one before departure`,
      }),
    )
  }
  if (fact.occurredOn < visa.on) return outOfOrder(fact, "cấp thị thực", visa.on)
  if (visa.validUntil < fact.occurredOn) {
    return Result.fail(
      new VisaRequired({
        message: `Thị thực đi ${contract.country} hết hạn ngày ${dateVi(visa.validUntil)}, trước ngày xuất cảnh ${dateVi(fact.occurredOn)}.`,
        messageEn: `The visa expired on ${visa.validUntil}, before the departure on ${fact.occurredOn}`,
      }),
    )
  }
  return Result.succeed(undefined)
}

const admitDeparture = (
  state: WorkerState,
  fact: DepartureRequest,
  context: AdmitContext,
): Result.Result<WorkerFact, WorkerRejection> => {
  if (state.abroad) {
    return Result.fail(
      new AlreadyAbroad({
        message: `Người lao động đã xuất cảnh ngày ${dateVi(state.departure!.date)} và chưa về nước; không thể xuất cảnh lần nữa.`,
        messageEn: `Worker departed on ${state.departure!.date} and has not returned`,
      }),
    )
  }
  const contract = state.contract
  if (contract === undefined || state.contractUsed) {
    return Result.fail(
      new NoValidContract({
        message:
          contract === undefined
            ? "Chưa có hợp đồng đưa người lao động đi làm việc ở nước ngoài; không thể ghi nhận xuất cảnh."
            : "Hợp đồng gần nhất đã được dùng cho lần xuất cảnh trước; cần hợp đồng mới để xuất cảnh.",
        messageEn:
          contract === undefined ? "No contract signed" : "The latest contract was used by an earlier departure",
      }),
    )
  }
  if (fact.occurredOn < contract.occurredOn) return outOfOrder(fact, "ký hợp đồng", contract.occurredOn)
  if (state.lastReturn !== undefined && fact.occurredOn < state.lastReturn.on) {
    return outOfOrder(fact, "về nước lần trước", state.lastReturn.on)
  }
  if (context.checkOrder !== false) {
    const visa = checkVisa(state, fact, contract)
    if (Result.isFailure(visa)) return Result.fail(visa.failure)
  }
  if (context.checkAge) {
    const dateOfBirth = context.dateOfBirth
    if (dateOfBirth === undefined) {
      return Result.fail(
        new DateOfBirthRequired({
          message: "Cần ngày sinh để kiểm tra người lao động đủ 18 tuổi vào ngày xuất cảnh.",
          messageEn: "Date of birth needed to check age at departure",
        }),
      )
    }
    const birthYear = state.registration!.birthYear
    if (Number(dateOfBirth.slice(0, 4)) !== birthYear) {
      return Result.fail(
        new DateOfBirthMismatch({
          message: `Ngày sinh ${dateVi(dateOfBirth)} không khớp với năm sinh đã đăng ký (${birthYear}).`,
          messageEn: `Date of birth ${dateOfBirth} disagrees with registered birth year ${birthYear}`,
        }),
      )
    }
    if (ageOn(dateOfBirth, fact.occurredOn) < MINIMUM_DEPARTURE_AGE) {
      return Result.fail(
        new UnderAge({
          message: `Người lao động chưa đủ ${MINIMUM_DEPARTURE_AGE} tuổi vào ngày xuất cảnh ${dateVi(fact.occurredOn)}.`,
          messageEn: `Worker is under ${MINIMUM_DEPARTURE_AGE} on the departure date ${fact.occurredOn}`,
        }),
      )
    }
  }
  return Result.succeed(
    new WorkerDeparted({
      eventId: fact.eventId,
      workerId: fact.workerId,
      occurredOn: fact.occurredOn,
      contractEventId: contract.eventId,
    }),
  )
}
