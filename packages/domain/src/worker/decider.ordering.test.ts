import { describe, expect, it } from "vitest"
import { given } from "../shared/testing/given-when-then.ts"
import { CorrectWorkerFact, RecordContract, RecordLoan, VoidWorkerFact } from "./commands.ts"
import { workerDecider } from "./decider.ts"
import {
  WorkerAssessed,
  WorkerContractSigned,
  WorkerDeparted,
  WorkerFactCorrected,
  WorkerLoanFileConfirmed,
  WorkerLoanRecorded,
  WorkerPassportIssued,
  WorkerVisaIssued,
} from "./events.ts"
import {
  contractData,
  DOB,
  departureCommand,
  departed,
  dossierConfirmed,
  registered,
  returned,
  sealed,
  standing,
  WORKER,
} from "./testing/fixtures.ts"

/** ADR 0026: a visa before the departure, a confirmed loan file before the loan, a passed EPS test before an EPS contract. */

const at = (eventId: string, occurredOn: string) => ({ eventId, workerId: WORKER, occurredOn })

describe("a visa before the departure, where the contract's programme requires one", () => {
  // A contract under a catalogued programme (KR-SEASONAL requires a visa), signed on 01/03/2025.
  const seasonal = new WorkerContractSigned({ ...contractData(), programme: "KR-SEASONAL" })
  const passport = new WorkerPassportIssued({
    ...at("e-passport", "2025-02-10"),
    validUntil: "2035-02-10",
    sensitive: sealed("C1234567"),
  })
  const visa = new WorkerVisaIssued({ ...at("e-visa", "2025-03-20"), country: "KR", validUntil: "2025-12-31" })
  const contracted = [registered, dossierConfirmed, seasonal, passport]

  it("given a visa for the contract, when the worker departs after it, then the departure is recorded", () => {
    given(workerDecider, [...contracted, visa])
      .when(departureCommand("2025-04-01"))
      .then([departed("2025-04-01")])
  })

  it("refuses a departure without a visa, in Vietnamese", () => {
    const rejection = given(workerDecider, contracted).when(departureCommand("2025-04-01")).rejectedWith("VisaRequired")
    expect(rejection.message).toBe(
      "Chưa có thị thực đi KR cho hợp đồng ký ngày 01/03/2025; chương trình KR-SEASONAL yêu cầu thị thực trước khi xuất cảnh.",
    )
  })

  it("refuses a departure dated before the visa, and one after the visa expired", () => {
    given(workerDecider, [...contracted, visa])
      .when(departureCommand("2025-03-15"))
      .rejectedWith("DatesOutOfOrder")
    const rejection = given(workerDecider, [...contracted, visa])
      .when(departureCommand("2026-01-05"))
      .rejectedWith("VisaRequired")
    expect(rejection.message).toBe("Thị thực đi KR hết hạn ngày 31/12/2025, trước ngày xuất cảnh 05/01/2026.")
  })

  it("refuses a second season's departure on the first season's visa (a visa is for its contract)", () => {
    const second = new WorkerContractSigned({
      ...contractData("e-contract-2", "2026-01-10"),
      programme: "KR-SEASONAL",
    })
    const history = [...contracted, visa, departed("2025-04-01"), returned("2025-09-01"), second]
    given(workerDecider, history).when(departureCommand("2026-02-01", "e-depart-2")).rejectedWith("VisaRequired")
    const visa2 = new WorkerVisaIssued({ ...at("e-visa-2", "2026-01-20"), country: "KR", validUntil: "2026-12-31" })
    given(workerDecider, [...history, visa2])
      .when(departureCommand("2026-02-01", "e-depart-2"))
      .then([departed("2026-02-01", "e-depart-2", "e-contract-2")])
  })

  it("does not check a contract whose programme is free text, not a catalogue code (older records)", () => {
    given(workerDecider, [registered, dossierConfirmed, new WorkerContractSigned(contractData())])
      .when(departureCommand("2025-04-01"))
      .then([departed("2025-04-01")])
  })

  it("refuses voiding the visa a departure rests on; other corrections leave older histories alone", () => {
    const history = [...contracted, visa, departed("2025-04-01")]
    const rejection = given(workerDecider, history)
      .when(new VoidWorkerFact({ ...at("e-void", "2025-04-10"), correctsEventId: "e-visa", reason: "Nhập nhầm" }))
      .rejectedWith("FactInUse")
    expect(rejection.message).toBe(
      "Việc xuất cảnh ngày 01/04/2025 dựa trên bản ghi này; hãy sửa hoặc hủy bản ghi đó trước.",
    )
    // a departure recorded before the rule, without a visa: correcting the passport still works
    const older = [
      ...contracted,
      new WorkerDeparted({ ...at("e-depart", "2025-04-01"), contractEventId: "e-contract" }),
    ]
    const replacement = new WorkerPassportIssued({ ...passport, validUntil: "2035-02-11" })
    const correction = { ...at("e-fix", "2025-04-10"), correctsEventId: "e-passport", reason: "Sai ngày hết hạn" }
    given(workerDecider, older)
      .when(new CorrectWorkerFact({ ...correction, replacement, dateOfBirth: DOB }))
      .then([new WorkerFactCorrected({ ...correction, replacement })])
  })
})

describe("the commune confirms the loan file before the loan", () => {
  const file = new WorkerLoanFileConfirmed({ ...at("e-file", "2025-03-01"), loanId: "L1", bank: "NHCSXH Sơn La" })
  const loan = { ...at("e-loan", "2025-03-05"), loanId: "L1", bank: "NHCSXH Sơn La", amount: 80_000_000 }

  it("given a confirmed loan file, when the bank records the loan under its id, then it is recorded", () => {
    given(workerDecider, [registered, file])
      .when(new RecordLoan({ ...loan, status: "applied" }))
      .then([new WorkerLoanRecorded({ ...loan, status: "applied" })])
  })

  it("refuses a new loan without a confirmed file, in Vietnamese", () => {
    const rejection = given(workerDecider, [registered])
      .when(new RecordLoan({ ...loan, status: "applied" }))
      .rejectedWith("LoanFileNotConfirmed")
    expect(rejection.message).toBe("Hồ sơ vay vốn L1 chưa được UBND xã, phường xác nhận; chưa thể ghi nhận khoản vay.")
    given(workerDecider, [registered, file])
      .when(new RecordLoan({ ...loan, loanId: "L2", status: "applied" }))
      .rejectedWith("LoanFileNotConfirmed")
  })

  it("refuses a loan dated before its file was confirmed", () => {
    given(workerDecider, [registered, file])
      .when(new RecordLoan({ ...loan, occurredOn: "2025-02-20", status: "applied" }))
      .rejectedWith("DatesOutOfOrder")
  })

  it("a later status of a loan recorded before the rule (no file) is still recorded", () => {
    const older = new WorkerLoanRecorded({ ...loan, loanId: "L0", status: "applied" })
    given(workerDecider, [registered, older])
      .when(new RecordLoan({ ...loan, eventId: "e-loan-2", loanId: "L0", status: "disbursed" }))
      .then([new WorkerLoanRecorded({ ...loan, eventId: "e-loan-2", loanId: "L0", status: "disbursed" })])
  })

  it("refuses voiding the file a loan rests on", () => {
    given(workerDecider, [registered, file, new WorkerLoanRecorded({ ...loan, status: "applied" })])
      .when(new VoidWorkerFact({ ...at("e-void", "2025-03-10"), correctsEventId: "e-file", reason: "Nhập nhầm" }))
      .rejectedWith("FactInUse")
  })
})

describe("a passed EPS Korean test before an EPS contract", () => {
  const eps = { ...contractData(), programme: "KR-EPS" }
  const passed = new WorkerAssessed({
    ...at("e-eps", "2025-02-15"),
    assessment: "epsKoreanTest",
    outcome: "passed",
    organiser: "Trung tâm Lao động ngoài nước",
  })

  it("given a passed EPS test, when the EPS contract is signed, then it is recorded", () => {
    given(workerDecider, [registered, dossierConfirmed, passed])
      .when(new RecordContract({ ...eps, standing: standing(eps.occurredOn) }))
      .then([new WorkerContractSigned(eps)])
  })

  it("refuses an EPS contract without a passed test: none, only sat or failed, or passed after the contract", () => {
    const command = new RecordContract({ ...eps, standing: standing(eps.occurredOn) })
    const rejection = given(workerDecider, [registered, dossierConfirmed])
      .when(command)
      .rejectedWith("EpsTestNotPassed")
    expect(rejection.message).toBe(
      "Người lao động chưa có kết quả đạt kỳ thi tiếng Hàn (EPS) vào ngày 01/03/2025; chưa thể ký hợp đồng theo Chương trình EPS.",
    )
    for (const outcome of ["sat", "failed"] as const)
      given(workerDecider, [registered, dossierConfirmed, new WorkerAssessed({ ...passed, outcome })])
        .when(command)
        .rejectedWith("EpsTestNotPassed")
    given(workerDecider, [registered, dossierConfirmed, new WorkerAssessed({ ...passed, occurredOn: "2025-03-02" })])
      .when(command)
      .rejectedWith("EpsTestNotPassed")
  })

  it("does not ask an EPS test of other programmes", () => {
    const titp = { ...contractData(), country: "JP", programme: "JP-TITP" }
    given(workerDecider, [registered, dossierConfirmed])
      .when(new RecordContract({ ...titp, standing: standing(titp.occurredOn) }))
      .then([new WorkerContractSigned(titp)])
  })

  it("refuses correcting the test to failed under the contract that rests on it", () => {
    const replacement = new WorkerAssessed({ ...passed, outcome: "failed" })
    given(workerDecider, [registered, dossierConfirmed, passed, new WorkerContractSigned(eps)])
      .when(
        new CorrectWorkerFact({
          ...at("e-fix", "2025-03-10"),
          correctsEventId: "e-eps",
          reason: "Nhập nhầm kết quả",
          replacement,
        }),
      )
      .rejectedWith("FactInUse")
  })
})
