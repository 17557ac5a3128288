import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import { given } from "../shared/testing/given-when-then.ts"
import {
  RecordContract,
  RecordCriminalRecordCertificate,
  RecordHealthCheck,
  RecordLoan,
  RecordResidenceChange,
  RecordSelection,
  RecordSupportSubsidy,
  RecordTraining,
  RecordWithdrawal,
} from "./commands.ts"
import { workerDecider } from "./decider.ts"
import {
  WorkerCriminalRecordCertificateIssued,
  WorkerDossierConfirmed,
  WorkerHealthChecked,
  WorkerLoanFileConfirmed,
  WorkerLoanRecorded,
  WorkerResidenceChanged,
  WorkerSelectedByEnterprise,
  WorkerSupportSubsidyGranted,
  WorkerTrainingCompleted,
  WorkerWithdrew,
} from "./events.ts"
import {
  abroadHistory,
  confirmDossierCommand,
  contractCommand,
  contractData,
  contracted,
  dossierConfirmed,
  counselled,
  counsellingCommand,
  registerCommand,
  registered,
  returned,
  sealed,
  standing,
  WORKER,
} from "./testing/fixtures.ts"

const withdrawn = new WorkerWithdrew({
  eventId: "e-withdraw",
  workerId: WORKER,
  occurredOn: "2025-02-01",
  stage: "counselled",
  reason: "Gia đình không đồng ý",
})

describe("RegisterWorker", () => {
  it("records the registration", () => {
    given(workerDecider).when(registerCommand).then([registered])
    const state = fold(workerDecider, [registered])
    expect(state.stage).toBe("registered")
    expect(state.residence).toEqual([{ from: "2025-01-10", residenceUnitCode: "04000", residenceUnitId: "u-04000" }])
  })

  it("rejects a second registration of the same worker", () => {
    const rejection = given(workerDecider, [registered]).when(registerCommand).rejectedWith("WorkerAlreadyRegistered")
    expect(rejection.message).toBe("Người lao động đã được đăng ký ngày 10/01/2025.")
  })
})

describe("RecordResidenceChange", () => {
  const move = {
    eventId: "e-move",
    workerId: WORKER,
    occurredOn: "2025-02-01",
    residenceUnitCode: "04100",
    residenceUnitId: "u-04100",
  }

  it("records a move", () => {
    given(workerDecider, [registered])
      .when(new RecordResidenceChange(move))
      .then([new WorkerResidenceChanged(move)])
  })

  it("rejects before registration", () => {
    const rejection = given(workerDecider).when(new RecordResidenceChange(move)).rejectedWith("WorkerNotRegistered")
    expect(rejection.message).toContain("chưa được đăng ký")
  })

  it("rejects a date before the registration", () => {
    const rejection = given(workerDecider, [registered])
      .when(new RecordResidenceChange({ ...move, occurredOn: "2024-12-31" }))
      .rejectedWith("DatesOutOfOrder")
    expect(rejection.message).toBe("Ngày chuyển nơi cư trú (31/12/2024) không thể trước ngày đăng ký (10/01/2025).")
  })
})

describe("RecordCounselling", () => {
  it("records counselling and moves the stage", () => {
    given(workerDecider, [registered]).when(counsellingCommand()).then([counselled])
    expect(fold(workerDecider, [registered, counselled]).stage).toBe("counselled")
  })

  it("rejects an unregistered worker", () => {
    given(workerDecider).when(counsellingCommand()).rejectedWith("WorkerNotRegistered")
  })

  it("rejects a date before registration", () => {
    given(workerDecider, [registered]).when(counsellingCommand("2025-01-09")).rejectedWith("DatesOutOfOrder")
  })

  it("rejects after withdrawal", () => {
    const rejection = given(workerDecider, [registered, withdrawn])
      .when(counsellingCommand("2025-03-01", "e-2"))
      .rejectedWith("WorkerHasWithdrawn")
    expect(rejection.message).toBe(
      "Người lao động đã rút khỏi chương trình ngày 01/02/2025; không thể ghi nhận thêm tư vấn.",
    )
  })

  it("rejects while abroad", () => {
    const rejection = given(workerDecider, abroadHistory)
      .when(counsellingCommand("2025-05-01"))
      .rejectedWith("AlreadyAbroad")
    expect(rejection.message).toContain("đang ở nước ngoài (xuất cảnh ngày 01/04/2025)")
  })
})

describe("RecordTraining", () => {
  const training = {
    eventId: "e-train",
    workerId: WORKER,
    occurredOn: "2025-02-01",
    kind: "language" as const,
    provider: "Trường Cao đẳng Sơn La",
  }

  it("records training with its provider", () => {
    given(workerDecider, [registered])
      .when(new RecordTraining(training))
      .then([new WorkerTrainingCompleted(training)])
    const state = fold(workerDecider, [registered, new WorkerTrainingCompleted(training)])
    expect(state.trainings).toEqual([
      { kind: "language", provider: "Trường Cao đẳng Sơn La", completedOn: "2025-02-01" },
    ])
    expect(state.stage).toBe("training")
  })

  it("a later counselling record does not move the stage back", () => {
    const state = fold(workerDecider, [registered, new WorkerTrainingCompleted(training), counselled])
    expect(state.stage).toBe("training")
  })

  it("rejects while abroad", () => {
    given(workerDecider, abroadHistory)
      .when(new RecordTraining({ ...training, occurredOn: "2025-05-01" }))
      .rejectedWith("AlreadyAbroad")
  })
})

describe("RecordHealthCheck", () => {
  const check = {
    eventId: "e-health",
    workerId: WORKER,
    occurredOn: "2025-02-10",
    provider: "Bệnh viện Đa khoa tỉnh",
    sensitive: sealed("fit"),
  }

  it("records a health check with its result sealed", () => {
    given(workerDecider, [registered])
      .when(new RecordHealthCheck(check))
      .then([new WorkerHealthChecked(check)])
    expect(fold(workerDecider, [registered, new WorkerHealthChecked(check)]).stage).toBe("healthChecked")
  })

  it("rejects after withdrawal", () => {
    given(workerDecider, [registered, withdrawn]).when(new RecordHealthCheck(check)).rejectedWith("WorkerHasWithdrawn")
  })
})

describe("RecordCriminalRecordCertificate", () => {
  const cert = {
    eventId: "e-cert",
    workerId: WORKER,
    occurredOn: "2025-02-12",
    issuer: "Sở Tư pháp Sơn La",
    sensitive: sealed("none"),
  }

  it("records the certificate", () => {
    given(workerDecider, [registered])
      .when(new RecordCriminalRecordCertificate(cert))
      .then([new WorkerCriminalRecordCertificateIssued(cert)])
  })

  it("rejects a date before registration", () => {
    given(workerDecider, [registered])
      .when(new RecordCriminalRecordCertificate({ ...cert, occurredOn: "2024-01-01" }))
      .rejectedWith("DatesOutOfOrder")
  })
})

describe("ConfirmDossier (xác nhận hồ sơ)", () => {
  it("records the commune's confirmation and moves the stage", () => {
    given(workerDecider, [registered]).when(confirmDossierCommand()).then([dossierConfirmed])
    const state = fold(workerDecider, [registered, dossierConfirmed])
    expect(state).toMatchObject({ dossierConfirmedOn: "2025-02-01", stage: "dossierConfirmed" })
  })

  it("rejects an unregistered worker, a date before the registration, and a worker who withdrew", () => {
    given(workerDecider).when(confirmDossierCommand()).rejectedWith("WorkerNotRegistered")
    given(workerDecider, [registered]).when(confirmDossierCommand("2024-12-31")).rejectedWith("DatesOutOfOrder")
    given(workerDecider, [registered, withdrawn]).when(confirmDossierCommand()).rejectedWith("WorkerHasWithdrawn")
  })

  it("rejects a second confirmation in the same stay at home, and accepts one after a return", () => {
    const rejection = given(workerDecider, [registered, dossierConfirmed])
      .when(confirmDossierCommand("2025-02-10", "e-dossier-2"))
      .rejectedWith("DossierAlreadyConfirmed")
    expect(rejection.message).toBe("Hồ sơ của người lao động đã được xác nhận ngày 01/02/2025.")
    given(workerDecider, abroadHistory).when(confirmDossierCommand("2025-06-01", "e-d2")).rejectedWith("AlreadyAbroad")
    const again = new WorkerDossierConfirmed({ eventId: "e-d2", workerId: WORKER, occurredOn: "2026-05-01" })
    given(workerDecider, [...abroadHistory, returned()])
      .when(confirmDossierCommand("2026-05-01", "e-d2"))
      .then([again])
  })
})

describe("RecordSelection", () => {
  const selection = { eventId: "e-select", workerId: WORKER, occurredOn: "2025-02-20", enterpriseId: "ent-1" }
  const select = (overrides: Parameters<typeof standing>[1] = {}, occurredOn = "2025-02-20") =>
    new RecordSelection({ ...selection, occurredOn, standing: standing(occurredOn, overrides) })

  it("records selection by a licensed, vetted, not suspended enterprise of a worker whose dossier is confirmed", () => {
    given(workerDecider, [registered, dossierConfirmed])
      .when(select())
      .then([new WorkerSelectedByEnterprise(selection)])
    const state = fold(workerDecider, [registered, dossierConfirmed, new WorkerSelectedByEnterprise(selection)])
    expect(state.selectedBy).toEqual({ enterpriseId: "ent-1", on: "2025-02-20" })
    expect(state.stage).toBe("selected")
  })

  it("rejects a worker whose dossier the commune has not confirmed, or confirmed only later", () => {
    const rejection = given(workerDecider, [registered]).when(select()).rejectedWith("DossierNotConfirmed")
    expect(rejection.message).toBe(
      "Hồ sơ của người lao động chưa được UBND xã, phường nơi cư trú xác nhận; chưa thể ghi nhận doanh nghiệp tuyển chọn.",
    )
    const late = given(workerDecider, [registered, dossierConfirmed])
      .when(select({}, "2025-01-20"))
      .rejectedWith("DatesOutOfOrder")
    expect(late.message).toBe(
      "Ngày doanh nghiệp tuyển chọn (20/01/2025) không thể trước ngày xác nhận hồ sơ (01/02/2025).",
    )
  })

  it("rejects an enterprise not licensed, not vetted by the province, or suspended on the date", () => {
    const history = [registered, dossierConfirmed]
    const unlicensed = given(workerDecider, history)
      .when(select({ licensed: false, vetted: false }))
      .rejectedWith("EnterpriseNotLicensedToRecruit")
    expect(unlicensed.message).toBe(
      "Doanh nghiệp chưa có giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài vào ngày 20/02/2025; không thể ghi nhận doanh nghiệp tuyển chọn.",
    )
    const notVetted = given(workerDecider, history)
      .when(select({ vetted: false }))
      .rejectedWith("EnterpriseNotVettedInProvince")
    expect(notVetted.message).toBe(
      "Doanh nghiệp không có trong danh sách doanh nghiệp được tỉnh lựa chọn vào ngày 20/02/2025; không thể ghi nhận doanh nghiệp tuyển chọn.",
    )
    const suspended = given(workerDecider, history)
      .when(select({ suspended: true }))
      .rejectedWith("EnterpriseSuspendedOnDate")
    expect(suspended.message).toBe(
      "Doanh nghiệp đang bị đình chỉ hoạt động vào ngày 20/02/2025; không thể ghi nhận doanh nghiệp tuyển chọn.",
    )
  })

  it("rejects a standing given for another enterprise, another date or another province", () => {
    const history = [registered, dossierConfirmed]
    for (const wrong of [{ enterpriseId: "ent-2" }, { on: "2025-02-19" }, { provinceCode: "12" }])
      given(workerDecider, history).when(select(wrong)).rejectedWith("EnterpriseStandingMissing")
  })

  it("rejects while abroad", () => {
    given(workerDecider, abroadHistory).when(select({}, "2025-06-01")).rejectedWith("AlreadyAbroad")
  })
})

describe("RecordContract", () => {
  it("records the contract", () => {
    given(workerDecider, [registered, dossierConfirmed]).when(contractCommand()).then([contracted()])
    const state = fold(workerDecider, [registered, dossierConfirmed, contracted()])
    expect(state.stage).toBe("contracted")
    expect(state.contract?.country).toBe("KR")
  })

  it("rejects a contract without a confirmed dossier, or with an enterprise that may not recruit on its date", () => {
    given(workerDecider, [registered]).when(contractCommand()).rejectedWith("DossierNotConfirmed")
    const data = contractData()
    const suspended = new RecordContract({ ...data, standing: standing(data.occurredOn, { suspended: true }) })
    const rejection = given(workerDecider, [registered, dossierConfirmed])
      .when(suspended)
      .rejectedWith("EnterpriseSuspendedOnDate")
    expect(rejection.message).toBe(
      "Doanh nghiệp đang bị đình chỉ hoạt động vào ngày 01/03/2025; không thể ghi nhận ký hợp đồng.",
    )
    const notVetted = new RecordContract({ ...data, standing: standing(data.occurredOn, { vetted: false }) })
    given(workerDecider, [registered, dossierConfirmed]).when(notVetted).rejectedWith("EnterpriseNotVettedInProvince")
  })

  it("rejects a contract dated before the registration", () => {
    const rejection = given(workerDecider, [registered])
      .when(contractCommand("e-c", "2024-12-01"))
      .rejectedWith("DatesOutOfOrder")
    expect(rejection.message).toBe("Ngày ký hợp đồng (01/12/2024) không thể trước ngày đăng ký (10/01/2025).")
  })

  it("rejects a new contract while abroad", () => {
    given(workerDecider, abroadHistory).when(contractCommand("e-c2", "2025-06-01")).rejectedWith("AlreadyAbroad")
  })

  it("refuses a malformed country code at construction", () => {
    expect(
      () => new RecordContract({ ...contractData(), country: "Korea", standing: standing("2025-03-01") }),
    ).toThrow()
  })
})

describe("RecordLoan", () => {
  const loan = {
    eventId: "e-loan",
    workerId: WORKER,
    occurredOn: "2025-03-05",
    loanId: "L1",
    bank: "NHCSXH chi nhánh Sơn La",
    amount: 100_000_000,
    status: "applied" as const,
  }

  // The commune confirmed the loan file L1 first (ADR 0026: decider.ordering.test.ts).
  const file = new WorkerLoanFileConfirmed({
    eventId: "e-file",
    workerId: WORKER,
    occurredOn: "2025-03-01",
    loanId: "L1",
    bank: loan.bank,
  })

  it("records a loan, and recording the same loan again updates its status", () => {
    given(workerDecider, [registered, file])
      .when(new RecordLoan(loan))
      .then([new WorkerLoanRecorded(loan)])
    const disbursed = new WorkerLoanRecorded({
      ...loan,
      eventId: "e-loan-2",
      occurredOn: "2025-03-20",
      status: "disbursed",
    })
    expect(fold(workerDecider, [registered, new WorkerLoanRecorded(loan), disbursed]).loans).toEqual({
      L1: { bank: "NHCSXH chi nhánh Sơn La", amount: 100_000_000, status: "disbursed", on: "2025-03-20" },
    })
  })

  it("is allowed while abroad (disbursement can follow departure)", () => {
    const later = new RecordLoan({ ...loan, occurredOn: "2025-05-01" })
    given(workerDecider, [...abroadHistory, file])
      .when(later)
      .then([new WorkerLoanRecorded({ ...loan, occurredOn: "2025-05-01" })])
  })

  it("rejects an unregistered worker", () => {
    given(workerDecider).when(new RecordLoan(loan)).rejectedWith("WorkerNotRegistered")
  })
})

describe("RecordSupportSubsidy", () => {
  const subsidy = {
    eventId: "e-sub",
    workerId: WORKER,
    occurredOn: "2025-03-10",
    policy: "CTMTQG 1719",
    amount: 5_000_000,
  }

  it("records a subsidy", () => {
    given(workerDecider, [registered])
      .when(new RecordSupportSubsidy(subsidy))
      .then([new WorkerSupportSubsidyGranted(subsidy)])
  })

  it("rejects after withdrawal", () => {
    given(workerDecider, [registered, withdrawn])
      .when(new RecordSupportSubsidy(subsidy))
      .rejectedWith("WorkerHasWithdrawn")
  })
})

describe("RecordWithdrawal", () => {
  const withdrawal = (occurredOn: string, eventId = "e-withdraw") =>
    new RecordWithdrawal({ eventId, workerId: WORKER, occurredOn, reason: "Gia đình không đồng ý" })

  it("records the withdrawal with the stage reached", () => {
    given(workerDecider, [registered, counselled]).when(withdrawal("2025-02-01")).then([withdrawn])
    expect(fold(workerDecider, [registered, counselled, withdrawn]).stage).toBe("withdrawn")
  })

  it("rejects a withdrawal dated before the latest recorded fact", () => {
    const rejection = given(workerDecider, [registered, counselled])
      .when(withdrawal("2025-01-12"))
      .rejectedWith("DatesOutOfOrder")
    expect(rejection.message).toContain("không thể trước ngày sự kiện gần nhất đã ghi nhận (15/01/2025)")
  })

  it("rejects while abroad", () => {
    given(workerDecider, abroadHistory).when(withdrawal("2025-06-01")).rejectedWith("CannotWithdrawWhileAbroad")
  })

  it("rejects a second withdrawal", () => {
    given(workerDecider, [registered, withdrawn])
      .when(withdrawal("2025-03-01", "e-w2"))
      .rejectedWith("WorkerHasWithdrawn")
  })

  it("rejects an unregistered worker", () => {
    given(workerDecider).when(withdrawal("2025-03-01")).rejectedWith("WorkerNotRegistered")
  })
})
