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
  WorkerHealthChecked,
  WorkerLoanRecorded,
  WorkerResidenceChanged,
  WorkerSelectedByEnterprise,
  WorkerSupportSubsidyGranted,
  WorkerTrainingCompleted,
  WorkerWithdrew,
} from "./events.ts"
import {
  abroadHistory,
  contractCommand,
  contractData,
  contracted,
  counselled,
  counsellingCommand,
  registerCommand,
  registered,
  sealed,
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

describe("RecordSelection", () => {
  const selection = { eventId: "e-select", workerId: WORKER, occurredOn: "2025-02-20", enterpriseId: "ent-1" }

  it("records selection by an enterprise", () => {
    given(workerDecider, [registered])
      .when(new RecordSelection(selection))
      .then([new WorkerSelectedByEnterprise(selection)])
    expect(fold(workerDecider, [registered, new WorkerSelectedByEnterprise(selection)]).selectedBy).toEqual({
      enterpriseId: "ent-1",
      on: "2025-02-20",
    })
  })

  it("rejects while abroad", () => {
    given(workerDecider, abroadHistory)
      .when(new RecordSelection({ ...selection, occurredOn: "2025-06-01" }))
      .rejectedWith("AlreadyAbroad")
  })
})

describe("RecordContract", () => {
  it("records the contract", () => {
    given(workerDecider, [registered]).when(contractCommand()).then([contracted()])
    const state = fold(workerDecider, [registered, contracted()])
    expect(state.stage).toBe("contracted")
    expect(state.contract?.country).toBe("KR")
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
    expect(() => new RecordContract({ ...contractData(), country: "Korea" })).toThrow()
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

  it("records a loan, and recording the same loan again updates its status", () => {
    given(workerDecider, [registered])
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
    given(workerDecider, abroadHistory)
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
