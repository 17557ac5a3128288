import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import { given } from "../shared/testing/given-when-then.ts"
import {
  OpenProtectionCase,
  RecordReturn,
  RecordReturneeNotice,
  ReportDeathOrMissing,
  ResolveProtectionCase,
  VoidWorkerFact,
} from "./commands.ts"
import { workerDecider } from "./decider.ts"
import {
  WorkerDeathOrMissingReported,
  WorkerFactVoided,
  WorkerProtectionCaseOpened,
  WorkerProtectionCaseResolved,
  WorkerReturned,
} from "./events.ts"
import { abroadHistory, registered, returned, sealed, WORKER } from "./testing/fixtures.ts"

const at = (eventId: string, occurredOn: string) => ({ eventId, workerId: WORKER, occurredOn })
const EMBASSY = "Đại sứ quán Việt Nam tại Hàn Quốc"

describe("ReportDeathOrMissing: a worker dead or missing abroad", () => {
  const opened = new WorkerProtectionCaseOpened({
    ...at("e-case", "2025-08-02"),
    caseId: "case-1",
    category: "death",
  })
  const death = {
    ...at("e-death", "2025-08-01"),
    status: "deceased" as const,
    country: "KR",
    source: EMBASSY,
    protectionCaseId: "case-1",
    sensitive: sealed("Tai nạn lao động tại nhà máy"),
  }
  const missing = {
    ...at("e-missing", "2025-07-01"),
    status: "missing" as const,
    country: "KR",
    source: "Doanh nghiệp",
  }

  it("given a worker abroad with a protection case, when a death is reported naming the case, then it is recorded", () => {
    given(workerDecider, [...abroadHistory, opened])
      .when(new ReportDeathOrMissing(death))
      .then([new WorkerDeathOrMissingReported(death)])
    const state = fold(workerDecider, [...abroadHistory, opened, new WorkerDeathOrMissingReported(death)])
    expect(state.deathOrMissing).toEqual({
      status: "deceased",
      on: "2025-08-01",
      country: "KR",
      source: EMBASSY,
      protectionCaseId: "case-1",
    })
  })

  it("given a worker abroad, when reported missing without a case, then it is recorded; a later death too", () => {
    given(workerDecider, abroadHistory)
      .when(new ReportDeathOrMissing(missing))
      .then([new WorkerDeathOrMissingReported(missing)])
    const { protectionCaseId: _, ...deathWithoutCase } = death
    given(workerDecider, [...abroadHistory, new WorkerDeathOrMissingReported(missing)])
      .when(new ReportDeathOrMissing(deathWithoutCase))
      .then([new WorkerDeathOrMissingReported(deathWithoutCase)])
  })

  it("given a missing worker, when the worker returns, then the worker is no longer missing (the report stays)", () => {
    const back = { ...at("e-back", "2025-09-01"), kind: "late" as const }
    given(workerDecider, [...abroadHistory, new WorkerDeathOrMissingReported(missing)])
      .when(new RecordReturn(back))
      .then([new WorkerReturned(back)])
    const state = fold(workerDecider, [
      ...abroadHistory,
      new WorkerDeathOrMissingReported(missing),
      new WorkerReturned(back),
    ])
    expect(state.deathOrMissing).toBeUndefined()
    expect(state.facts.some((f) => f._tag === "WorkerDeathOrMissingReported")).toBe(true)
  })

  it("refuses a report for a worker who is not abroad (registered only, or home again)", () => {
    const rejection = given(workerDecider, [registered])
      .when(new ReportDeathOrMissing(missing))
      .rejectedWith("NotAbroad")
    expect(rejection.message).toBe(
      "Người lao động không ở nước ngoài; không thể ghi nhận báo tử vong, mất tích ở nước ngoài.",
    )
    given(workerDecider, [...abroadHistory, returned("2025-06-01")])
      .when(new ReportDeathOrMissing({ ...missing, occurredOn: "2025-07-01" }))
      .rejectedWith("NotAbroad")
  })

  it("refuses a report dated before the departure", () => {
    given(workerDecider, abroadHistory)
      .when(new ReportDeathOrMissing({ ...missing, occurredOn: "2025-03-01" }))
      .rejectedWith("DatesOutOfOrder")
  })

  it("refuses a second missing report, and any report after a death", () => {
    given(workerDecider, [...abroadHistory, new WorkerDeathOrMissingReported(missing)])
      .when(new ReportDeathOrMissing({ ...missing, eventId: "e-missing-2", occurredOn: "2025-07-05" }))
      .rejectedWith("DeathOrMissingAlreadyReported")
    const rejection = given(workerDecider, [...abroadHistory, opened, new WorkerDeathOrMissingReported(death)])
      .when(new ReportDeathOrMissing({ ...missing, eventId: "e-missing-2", occurredOn: "2025-08-05" }))
      .rejectedWith("DeathOrMissingAlreadyReported")
    expect(rejection.message).toBe("Người lao động đã được báo tử vong ngày 01/08/2025.")
  })

  it("refuses naming a protection case the worker does not have", () => {
    const rejection = given(workerDecider, abroadHistory)
      .when(new ReportDeathOrMissing(death))
      .rejectedWith("ProtectionCaseUnknown")
    expect(rejection.message).toContain("case-1")
  })

  it("after a death: the protection case is still handled; a return or a returnee notice is refused", () => {
    const history = [...abroadHistory, opened, new WorkerDeathOrMissingReported(death)]
    const resolution = { ...at("e-case-end", "2025-09-10"), caseId: "case-1", resolution: "Đã đưa thi hài về nước" }
    given(workerDecider, history)
      .when(new ResolveProtectionCase(resolution))
      .then([new WorkerProtectionCaseResolved(resolution)])
    given(workerDecider, history)
      .when(new OpenProtectionCase({ ...at("e-case-2", "2025-08-20"), caseId: "case-2", category: "other" }))
      .then([new WorkerProtectionCaseOpened({ ...at("e-case-2", "2025-08-20"), caseId: "case-2", category: "other" })])
    const rejection = given(workerDecider, history)
      .when(new RecordReturn({ ...at("e-back", "2025-09-01"), kind: "early" }))
      .rejectedWith("WorkerDeceased")
    expect(rejection.message).toBe("Người lao động đã được báo tử vong ngày 01/08/2025; không thể ghi nhận về nước.")
    given(workerDecider, history)
      .when(new RecordReturneeNotice({ ...at("e-notice", "2025-09-01"), recipient: "police" }))
      .rejectedWith("WorkerDeceased")
  })

  it("a report made by mistake is voided: the worker is no longer reported dead", () => {
    const history = [...abroadHistory, opened, new WorkerDeathOrMissingReported(death)]
    const voiding = { ...at("e-void", "2025-08-10"), correctsEventId: "e-death", reason: "Nhầm người lao động" }
    given(workerDecider, history)
      .when(new VoidWorkerFact(voiding))
      .then([new WorkerFactVoided(voiding)])
    expect(fold(workerDecider, [...history, new WorkerFactVoided(voiding)]).deathOrMissing).toBeUndefined()
  })

  it("refuses voiding the protection case a death report names (the report rests on it)", () => {
    given(workerDecider, [...abroadHistory, opened, new WorkerDeathOrMissingReported(death)])
      .when(new VoidWorkerFact({ ...at("e-void", "2025-08-10"), correctsEventId: "e-case", reason: "Mở nhầm vụ việc" }))
      .rejectedWith("ProtectionCaseUnknown")
  })
})
