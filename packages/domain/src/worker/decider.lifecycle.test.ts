import { describe, expect, it } from "vitest"
import { supportPolicies, fundingSourceByCode, priorityGroupByCode } from "../reference/index.ts"
import { fold } from "../shared/decider.ts"
import { given } from "../shared/testing/given-when-then.ts"
import {
  AppraiseSubsidy,
  AssignResidence,
  ConfirmLoanFile,
  CorrectWorkerFact,
  ErasePersonalData,
  DecideSubsidy,
  OpenProtectionCase,
  RecordAssessment,
  RecordLegalCounselling,
  RecordPassport,
  RecordReintegration,
  RecordReturneeNotice,
  RecordSubsidyPayment,
  RecordVisa,
  RegisterWorker,
  ResolveProtectionCase,
} from "./commands.ts"
import { workerDecider } from "./decider.ts"
import {
  WorkerAssessed,
  WorkerFactCorrected,
  WorkerLegalCounselled,
  WorkerLoanFileConfirmed,
  WorkerPassportIssued,
  WorkerPersonalDataErased,
  WorkerProtectionCaseOpened,
  WorkerProtectionCaseResolved,
  WorkerRegistered,
  WorkerReintegrationAssessed,
  WorkerResidenceAssigned,
  WorkerReturneeNotified,
  WorkerSubsidyAppraised,
  WorkerSubsidyDecided,
  WorkerSubsidyPaid,
  WorkerVisaIssued,
} from "./events.ts"
import {
  abroadHistory,
  contracted,
  registered,
  registrationData,
  returned,
  sealed,
  WORKER,
} from "./testing/fixtures.ts"
import { PriorityGroup, priorityGroupReferenceCode } from "./values.ts"

const at = (eventId: string, occurredOn: string) => ({ eventId, workerId: WORKER, occurredOn })

describe("the wish at registration (market, occupation)", () => {
  it("records the market and occupation wished for", () => {
    const data = { ...registrationData, wish: { marketCode: "KR", occupation: "Sản xuất chế tạo" } }
    given(workerDecider)
      .when(new RegisterWorker(data))
      .then([new WorkerRegistered(data)])
  })

  it("refuses a market that is not in the catalogue", () => {
    const data = { ...registrationData, wish: { marketCode: "FR" } }
    const rejection = given(workerDecider).when(new RegisterWorker(data)).rejectedWith("UnknownMarket")
    expect(rejection.message).toBe("Thị trường mong muốn “FR” không có trong danh mục thị trường.")
  })

  it("reads a registration without a wish (events written before it)", () => {
    expect(fold(workerDecider, [registered]).registration?.wish).toBeUndefined()
  })
})

describe("RecordLegalCounselling: legal counselling is its own kind", () => {
  const fields = { ...at("e-legal", "2025-01-20"), provider: "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Sơn La" }

  it("records legal counselling apart from general counselling", () => {
    given(workerDecider, [registered])
      .when(new RecordLegalCounselling(fields))
      .then([new WorkerLegalCounselled(fields)])
    const state = fold(workerDecider, [registered, new WorkerLegalCounselled(fields)])
    expect(state.legalCounselledOn).toBe("2025-01-20")
    expect(state.counselledOn).toBeUndefined()
  })

  it("refuses legal counselling dated before the registration", () => {
    given(workerDecider, [registered])
      .when(new RecordLegalCounselling({ ...fields, occurredOn: "2025-01-01" }))
      .rejectedWith("DatesOutOfOrder")
  })

  it("refuses legal counselling while the worker is abroad", () => {
    given(workerDecider, abroadHistory)
      .when(new RecordLegalCounselling({ ...fields, occurredOn: "2025-05-01" }))
      .rejectedWith("AlreadyAbroad")
  })
})

describe("RecordAssessment: interview, exam, EPS Korean test", () => {
  const sat = {
    ...at("e-eps-1", "2025-02-10"),
    assessment: "epsKoreanTest" as const,
    outcome: "sat" as const,
    organiser: "Bộ Nội vụ",
  }
  const passed = { ...sat, eventId: "e-eps-2", occurredOn: "2025-03-10", outcome: "passed" } as const

  it("records sitting the EPS test and then passing it", () => {
    given(workerDecider, [registered])
      .when(new RecordAssessment(sat))
      .then([new WorkerAssessed(sat)])
    const state = fold(workerDecider, [registered, new WorkerAssessed(sat), new WorkerAssessed(passed)])
    expect(state.assessments.map((a) => a.outcome)).toEqual(["sat", "passed"])
  })

  it("records a failed interview", () => {
    const failed = {
      ...at("e-int", "2025-02-01"),
      assessment: "interview" as const,
      outcome: "failed" as const,
      organiser: "Doanh nghiệp",
    }
    given(workerDecider, [registered])
      .when(new RecordAssessment(failed))
      .then([new WorkerAssessed(failed)])
  })

  it("refuses an exam while the worker is abroad", () => {
    given(workerDecider, abroadHistory)
      .when(new RecordAssessment({ ...passed, occurredOn: "2025-05-01", assessment: "exam" }))
      .rejectedWith("AlreadyAbroad")
  })
})

describe("ConfirmLoanFile: the commune confirms the loan file", () => {
  const fields = { ...at("e-file", "2025-02-05"), loanId: "loan-1", bank: "NHCSXH chi nhánh Sơn La" }

  it("records the confirmation under the loan's id", () => {
    given(workerDecider, [registered])
      .when(new ConfirmLoanFile(fields))
      .then([new WorkerLoanFileConfirmed(fields)])
    expect(fold(workerDecider, [registered, new WorkerLoanFileConfirmed(fields)]).loanFiles["loan-1"]).toEqual({
      bank: "NHCSXH chi nhánh Sơn La",
      on: "2025-02-05",
    })
  })

  it("refuses confirming the same loan file twice", () => {
    const rejection = given(workerDecider, [registered, new WorkerLoanFileConfirmed(fields)])
      .when(new ConfirmLoanFile({ ...fields, eventId: "e-file-2" }))
      .rejectedWith("LoanFileAlreadyConfirmed")
    expect(rejection.message).toBe("Hồ sơ vay vốn loan-1 đã được xác nhận ngày 05/02/2025.")
  })
})

describe("exit procedures: passport and visa", () => {
  const passport = { ...at("e-passport", "2025-03-05"), validUntil: "2035-03-05", sensitive: sealed("passport") }
  const visa = { ...at("e-visa", "2025-03-20"), country: "KR", validUntil: "2028-03-20" }
  const withContract = [registered, contracted(), new WorkerPassportIssued(passport)]

  it("records a passport with its expiry and then a visa for the contract's country", () => {
    given(workerDecider, [registered])
      .when(new RecordPassport(passport))
      .then([new WorkerPassportIssued(passport)])
    given(workerDecider, withContract)
      .when(new RecordVisa(visa))
      .then([new WorkerVisaIssued(visa)])
    const state = fold(workerDecider, [...withContract, new WorkerVisaIssued(visa)])
    expect(state.passport).toEqual({ on: "2025-03-05", validUntil: "2035-03-05" })
    expect(state.visa).toEqual({ on: "2025-03-20", country: "KR", validUntil: "2028-03-20" })
  })

  it("refuses a passport that expires on or before its issue", () => {
    const rejection = given(workerDecider, [registered])
      .when(new RecordPassport({ ...passport, validUntil: "2025-03-05" }))
      .rejectedWith("ValidityBeforeIssue")
    expect(rejection.message).toBe("Thời hạn của hộ chiếu (05/03/2025) phải sau ngày cấp (05/03/2025).")
  })

  it("refuses a visa before a passport", () => {
    given(workerDecider, [registered, contracted()]).when(new RecordVisa(visa)).rejectedWith("VisaWithoutPassport")
  })

  it("refuses a visa without a contract", () => {
    given(workerDecider, [registered, new WorkerPassportIssued(passport)])
      .when(new RecordVisa(visa))
      .rejectedWith("NoValidContract")
  })

  it("refuses a visa for another country than the contract's", () => {
    const rejection = given(workerDecider, withContract)
      .when(new RecordVisa({ ...visa, country: "JP" }))
      .rejectedWith("VisaCountryMismatch")
    expect(rejection.message).toBe("Thị thực cấp cho nước JP, nhưng hợp đồng của người lao động là đi KR.")
  })

  it("refuses a visa dated before the contract", () => {
    given(workerDecider, withContract)
      .when(new RecordVisa({ ...visa, occurredOn: "2025-02-20" }))
      .rejectedWith("DatesOutOfOrder")
  })
})

describe("support subsidy: appraised → decided → paid, under a catalogued policy", () => {
  const appraisal = {
    ...at("e-appraise", "2025-02-01"),
    subsidyId: "sub-1",
    policyCode: "ctmtqg-dtts-mn",
    fundingSourceCode: "ctmtqg-dtts-mn",
    amount: 5_000_000,
  }
  const appraised = new WorkerSubsidyAppraised(appraisal)
  const decision = {
    ...at("e-decide", "2025-02-10"),
    subsidyId: "sub-1",
    approved: true,
    amount: 4_000_000,
    decisionNumber: "15/QĐ-UBND",
  }
  const decided = new WorkerSubsidyDecided(decision)
  const payment = { ...at("e-pay", "2025-02-20"), subsidyId: "sub-1", amount: 4_000_000 }

  it("appraises, decides and pays; the payment counts with the subsidies granted", () => {
    given(workerDecider, [registered]).when(new AppraiseSubsidy(appraisal)).then([appraised])
    given(workerDecider, [registered, appraised]).when(new DecideSubsidy(decision)).then([decided])
    given(workerDecider, [registered, appraised, decided])
      .when(new RecordSubsidyPayment(payment))
      .then([new WorkerSubsidyPaid(payment)])
    const state = fold(workerDecider, [registered, appraised, decided, new WorkerSubsidyPaid(payment)])
    expect(state.subsidyCases["sub-1"]).toMatchObject({
      appraisedAmount: 5_000_000,
      decision: { approved: true, amount: 4_000_000, on: "2025-02-10" },
      paidAmount: 4_000_000,
    })
    expect(state.subsidies).toEqual([{ policy: "ctmtqg-dtts-mn", amount: 4_000_000, on: "2025-02-20" }])
  })

  it("refuses a policy that is not in the catalogue", () => {
    const rejection = given(workerDecider, [registered])
      .when(new AppraiseSubsidy({ ...appraisal, policyCode: "Hỗ trợ tự đặt" }))
      .rejectedWith("UnknownSupportPolicy")
    expect(rejection.message).toContain("không có trong danh mục chính sách hỗ trợ")
    expect(rejection.message).toContain("1719/QĐ-TTg")
  })

  it("refuses a funding source the policy is not paid from", () => {
    const rejection = given(workerDecider, [registered])
      .when(new AppraiseSubsidy({ ...appraisal, fundingSourceCode: "nsdp" }))
      .rejectedWith("FundingSourceNotOfPolicy")
    expect(rejection.message).toContain("1719/QĐ-TTg")
  })

  it("refuses a worker who is in none of the policy's groups", () => {
    const kinh = new WorkerRegistered({ ...registrationData, ethnicMinority: false, priorityGroups: ["youth"] })
    const rejection = given(workerDecider, [kinh])
      .when(new AppraiseSubsidy(appraisal))
      .rejectedWith("NotEligibleForPolicy")
    expect(rejection.message).toMatch(/^Người lao động không thuộc đối tượng được hỗ trợ theo 1719\/QĐ-TTg/)
  })

  it("admits a resident of an especially difficult area under the ethnic-minority areas programme", () => {
    const remote = new WorkerRegistered({
      ...registrationData,
      ethnicMinority: false,
      priorityGroups: ["especiallyDifficultArea"],
    })
    given(workerDecider, [remote]).when(new AppraiseSubsidy(appraisal)).then([appraised])
  })

  it("refuses appraising the same subsidy twice", () => {
    given(workerDecider, [registered, appraised])
      .when(new AppraiseSubsidy({ ...appraisal, eventId: "e-appraise-2" }))
      .rejectedWith("SubsidyAlreadyAppraised")
  })

  it("refuses a decision on a subsidy never appraised", () => {
    given(workerDecider, [registered]).when(new DecideSubsidy(decision)).rejectedWith("SubsidyNotAppraised")
  })

  it("refuses approving more than was appraised", () => {
    const rejection = given(workerDecider, [registered, appraised])
      .when(new DecideSubsidy({ ...decision, amount: 6_000_000 }))
      .rejectedWith("SubsidyAmountExceeded")
    expect(rejection.message).toBe(
      "Số tiền quyết định hỗ trợ (6.000.000 đồng) vượt số tiền đã thẩm định (5.000.000 đồng).",
    )
  })

  it("refuses a second decision and a decision before the appraisal", () => {
    given(workerDecider, [registered, appraised, decided])
      .when(new DecideSubsidy({ ...decision, eventId: "e-decide-2" }))
      .rejectedWith("SubsidyAlreadyDecided")
    given(workerDecider, [registered, appraised])
      .when(new DecideSubsidy({ ...decision, occurredOn: "2025-01-20" }))
      .rejectedWith("DatesOutOfOrder")
  })

  it("refuses paying a subsidy that was refused or not decided", () => {
    const refused = new WorkerSubsidyDecided({ ...decision, approved: false, amount: 0, reason: "Không đủ điều kiện" })
    const rejection = given(workerDecider, [registered, appraised, refused])
      .when(new RecordSubsidyPayment(payment))
      .rejectedWith("SubsidyNotApproved")
    expect(rejection.message).toBe(
      "Hồ sơ hỗ trợ sub-1 không được phê duyệt (quyết định ngày 10/02/2025); không thể chi trả.",
    )
    given(workerDecider, [registered, appraised])
      .when(new RecordSubsidyPayment(payment))
      .rejectedWith("SubsidyNotApproved")
  })

  it("refuses payments that add up to more than was decided", () => {
    const first = new WorkerSubsidyPaid({ ...payment, amount: 3_000_000 })
    given(workerDecider, [registered, appraised, decided, first])
      .when(new RecordSubsidyPayment({ ...payment, eventId: "e-pay-2", amount: 1_500_000 }))
      .rejectedWith("SubsidyAmountExceeded")
    given(workerDecider, [registered, appraised, decided, first])
      .when(new RecordSubsidyPayment({ ...payment, eventId: "e-pay-2", amount: 1_000_000 }))
      .then([new WorkerSubsidyPaid({ ...payment, eventId: "e-pay-2", amount: 1_000_000 })])
  })
})

describe("support policies and priority groups (reference data)", () => {
  it("cites a legal basis, funding sources and eligible groups that exist for every policy", () => {
    expect(supportPolicies.length).toBeGreaterThanOrEqual(3)
    for (const policy of supportPolicies) {
      expect(policy.legalBasis.number, policy.code).toMatch(/\//)
      expect(policy.fundingSources.length, policy.code).toBeGreaterThan(0)
      for (const source of policy.fundingSources) expect(fundingSourceByCode(source), source).toBeDefined()
      for (const group of policy.eligibleGroups) expect(priorityGroupByCode(group), group).toBeDefined()
      expect(policy.sources.length, policy.code).toBeGreaterThan(0)
    }
  })

  it("codes every priority group a worker can be registered with in the reference catalogue", () => {
    for (const group of [...PriorityGroup.literals, "ethnicMinority" as const])
      expect(priorityGroupByCode(priorityGroupReferenceCode[group]), group).toBeDefined()
    for (const code of ["job-loss", "student", "policy-beneficiary", "especially-difficult-area"])
      expect(Object.values(priorityGroupReferenceCode)).toContain(code)
  })
})

describe("citizen protection abroad: a case opened and resolved", () => {
  const opening = { ...at("e-case", "2025-06-01"), caseId: "case-1", category: "wageDispute" as const }
  const opened = new WorkerProtectionCaseOpened(opening)
  const resolution = { ...at("e-case-end", "2025-07-01"), caseId: "case-1", resolution: "Đã được trả đủ lương" }

  it("opens a case while abroad and resolves it", () => {
    given(workerDecider, abroadHistory).when(new OpenProtectionCase(opening)).then([opened])
    given(workerDecider, [...abroadHistory, opened])
      .when(new ResolveProtectionCase(resolution))
      .then([new WorkerProtectionCaseResolved(resolution)])
    const state = fold(workerDecider, [...abroadHistory, opened, new WorkerProtectionCaseResolved(resolution)])
    expect(state.protectionCases["case-1"]).toEqual({
      category: "wageDispute",
      openedOn: "2025-06-01",
      resolvedOn: "2025-07-01",
    })
  })

  it("refuses a case for a worker who is not abroad", () => {
    given(workerDecider, [registered]).when(new OpenProtectionCase(opening)).rejectedWith("NotAbroad")
  })

  it("refuses opening the same case twice, and resolving an unknown or resolved case", () => {
    given(workerDecider, [...abroadHistory, opened])
      .when(new OpenProtectionCase({ ...opening, eventId: "e-case-2" }))
      .rejectedWith("ProtectionCaseAlreadyOpened")
    given(workerDecider, abroadHistory)
      .when(new ResolveProtectionCase(resolution))
      .rejectedWith("ProtectionCaseNotOpen")
    const rejection = given(workerDecider, [...abroadHistory, opened, new WorkerProtectionCaseResolved(resolution)])
      .when(new ResolveProtectionCase({ ...resolution, eventId: "e-case-end-2" }))
      .rejectedWith("ProtectionCaseNotOpen")
    expect(rejection.message).toBe("Vụ việc bảo hộ công dân case-1 đã được giải quyết ngày 01/07/2025.")
  })

  it("refuses a resolution dated before the case was opened", () => {
    given(workerDecider, [...abroadHistory, opened])
      .when(new ResolveProtectionCase({ ...resolution, occurredOn: "2025-05-01" }))
      .rejectedWith("DatesOutOfOrder")
  })

  it("resolves a case after the worker came home", () => {
    const home = returned("2025-06-15")
    given(workerDecider, [...abroadHistory, opened, home])
      .when(new ResolveProtectionCase(resolution))
      .then([new WorkerProtectionCaseResolved(resolution)])
  })
})

describe("returnee: notice to the commune and the police, social reintegration", () => {
  const home = [...abroadHistory, returned("2026-04-01")]
  const notice = { ...at("e-notice", "2026-04-05"), recipient: "police" as const }
  const outcome = { ...at("e-reint", "2026-10-01"), outcome: "employedDomestically" as const }

  it("records the notices and the reintegration outcome of a returnee", () => {
    given(workerDecider, home)
      .when(new RecordReturneeNotice(notice))
      .then([new WorkerReturneeNotified(notice)])
    given(workerDecider, home)
      .when(new RecordReintegration(outcome))
      .then([new WorkerReintegrationAssessed(outcome)])
    const state = fold(workerDecider, [
      ...home,
      new WorkerReturneeNotified(notice),
      new WorkerReturneeNotified({ ...notice, eventId: "e-notice-2", recipient: "commune" }),
      new WorkerReintegrationAssessed(outcome),
    ])
    expect(state.returneeNotices.map((n) => n.recipient)).toEqual(["police", "commune"])
    expect(state.reintegration).toEqual({ outcome: "employedDomestically", on: "2026-10-01" })
  })

  it("refuses a notice or an outcome for a worker who has not returned", () => {
    const rejection = given(workerDecider, abroadHistory)
      .when(new RecordReturneeNotice(notice))
      .rejectedWith("NotReturned")
    expect(rejection.message).toBe(
      "Người lao động chưa về nước; chỉ ghi nhận thông báo người lao động về nước cho người đã về nước.",
    )
    given(workerDecider, [registered]).when(new RecordReintegration(outcome)).rejectedWith("NotReturned")
  })

  it("refuses a notice dated before the return", () => {
    given(workerDecider, home)
      .when(new RecordReturneeNotice({ ...notice, occurredOn: "2026-03-01" }))
      .rejectedWith("DatesOutOfOrder")
  })
})

describe("ErasePersonalData: erasure is an event, and no figure changes", () => {
  const basis = { number: "91/2025/QH15", date: "2025-06-26", issuer: "Quốc hội", title: "Luật Bảo vệ dữ liệu cá nhân" }
  const erasure = {
    ...at("e-erase", "2026-05-01"),
    keyId: "key-1",
    legalBasis: basis,
    reason: "Chủ thể dữ liệu yêu cầu",
  }
  const history = [...abroadHistory, returned("2026-04-01")]

  it("records the erasure with its legal basis; the state's figures are those before it", () => {
    given(workerDecider, history)
      .when(new ErasePersonalData(erasure))
      .then([new WorkerPersonalDataErased(erasure)])
    const before = fold(workerDecider, history)
    const after = fold(workerDecider, [...history, new WorkerPersonalDataErased(erasure)])
    expect(after.erasure).toEqual({ eventId: "e-erase", on: "2026-05-01", legalBasis: basis })
    expect({ ...after, erasure: undefined }).toEqual(before)
  })

  it("refuses a second erasure and an erasure of a worker never registered", () => {
    const rejection = given(workerDecider, [...history, new WorkerPersonalDataErased(erasure)])
      .when(new ErasePersonalData({ ...erasure, eventId: "e-erase-2" }))
      .rejectedWith("PersonalDataErased")
    expect(rejection.message).toBe("Dữ liệu cá nhân của người lao động đã được xóa ngày 01/05/2026.")
    given(workerDecider).when(new ErasePersonalData(erasure)).rejectedWith("WorkerNotRegistered")
  })

  it("after it, facts without sealed content are still recorded; sealed content and registration corrections are refused", () => {
    const erased = [...history, new WorkerPersonalDataErased(erasure)]
    given(workerDecider, erased)
      .when(new RecordReintegration({ ...at("e-reint", "2026-06-01"), outcome: "selfEmployed" }))
      .then([new WorkerReintegrationAssessed({ ...at("e-reint", "2026-06-01"), outcome: "selfEmployed" })])
    given(workerDecider, erased)
      .when(new RecordPassport({ ...at("e-pass", "2026-06-01"), validUntil: "2036-06-01", sensitive: sealed("p") }))
      .rejectedWith("PersonalDataErased")
    given(workerDecider, erased)
      .when(
        new CorrectWorkerFact({
          ...at("e-fix", "2026-06-01"),
          correctsEventId: "e-reg",
          reason: "Sai năm sinh",
          replacement: new WorkerRegistered({ ...registrationData, birthYear: 2001 }),
        }),
      )
      .rejectedWith("PersonalDataErased")
  })

  it("survives a later correction of another fact", () => {
    const erased = [...history, new WorkerPersonalDataErased(erasure)]
    const fixed = new WorkerFactCorrected({
      ...at("e-fix", "2026-06-01"),
      correctsEventId: "e-return",
      reason: "Sai ngày",
      replacement: returned("2026-04-02"),
    })
    expect(fold(workerDecider, [...erased, fixed]).erasure).toEqual({
      eventId: "e-erase",
      on: "2026-05-01",
      legalBasis: basis,
    })
  })
})

describe("AssignResidence: a resident of a split commune assigned to one successor", () => {
  const split = { unitId: "u-04000", successorIds: ["u-03980", "u-04078"], split: true }
  const fields = {
    ...at("e-assign", "2025-07-01"),
    residenceUnitCode: "04078",
    residenceUnitId: "u-04078",
    reason: "Bản thuộc xã mới",
  }

  it("assigns from the split's date; the residence follows from then", () => {
    given(workerDecider, [registered])
      .when(new AssignResidence({ ...fields, split }))
      .then([new WorkerResidenceAssigned(fields)])
    const state = fold(workerDecider, [registered, new WorkerResidenceAssigned(fields)])
    expect(state.residence.map((r) => [r.from, r.residenceUnitId])).toEqual([
      ["2025-01-10", "u-04000"],
      ["2025-07-01", "u-04078"],
    ])
  })

  it("refuses a unit that is not one of the successors", () => {
    given(workerDecider, [registered])
      .when(new AssignResidence({ ...fields, residenceUnitId: "u-03646", residenceUnitCode: "03646", split }))
      .rejectedWith("NotASuccessor")
  })

  it("refuses a worker who did not live in a split unit on the date", () => {
    const rejection = given(workerDecider, [registered])
      .when(new AssignResidence({ ...fields, split: { ...split, split: false } }))
      .rejectedWith("NotInSplitUnit")
    expect(rejection.message).toBe(
      "Ngày 01/07/2025 người lao động không cư trú tại xã, phường bị chia tách; không cần gán nơi cư trú.",
    )
    given(workerDecider, [registered])
      .when(new AssignResidence({ ...fields, split: { ...split, unitId: "u-other" } }))
      .rejectedWith("NotInSplitUnit")
  })
})
