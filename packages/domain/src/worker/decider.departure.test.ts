import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import { given } from "../shared/testing/given-when-then.ts"
import { RecordContractEndedEarly, RecordOverstay, RecordReemploymentSupport, RecordViolation } from "./commands.ts"
import { workerDecider } from "./decider.ts"
import { departureCount } from "./departures.ts"
import {
  WorkerContractEndedEarly,
  WorkerOverstayed,
  WorkerReemploymentSupported,
  WorkerRegistered,
  WorkerResidenceChanged,
  WorkerViolationRecorded,
  WorkerWithdrew,
} from "./events.ts"
import {
  abroadHistory,
  contractCommand,
  contracted,
  departed,
  departureCommand,
  registered,
  registrationData,
  returnCommand,
  returned,
  sealed,
  WORKER,
} from "./testing/fixtures.ts"

const moved = new WorkerResidenceChanged({
  eventId: "e-move",
  workerId: WORKER,
  occurredOn: "2025-03-15",
  residenceUnitCode: "04100",
  residenceUnitId: "u-04100",
})

describe("RecordDeparture", () => {
  it("records the departure with the contract and the commune of residence on that date", () => {
    given(workerDecider, [registered, contracted()]).when(departureCommand()).then([departed()])
    const state = fold(workerDecider, [registered, contracted(), departed()])
    expect(state.stage).toBe("departed")
    expect(state.abroad).toBe(true)
    expect(state.departure).toMatchObject({ date: "2025-04-01", residenceUnitCode: "04000", counted: true })
    expect(state.countedDepartures).toEqual([
      { eventId: "e-depart", year: 2025, date: "2025-04-01", residenceUnitCode: "04000", residenceUnitId: "u-04000" },
    ])
  })

  it("counts for the commune the worker lived in on the departure date", () => {
    given(workerDecider, [registered, contracted(), moved]).when(departureCommand()).then([departed()])
    const state = fold(workerDecider, [registered, contracted(), moved, departed()])
    expect(state.departure).toMatchObject({
      residenceUnitCode: "04100",
      residenceUnitId: "u-04100",
      country: "KR",
      programme: "EPS",
      enterpriseId: "ent-1",
    })
    expect(state.countedDepartures[0]?.residenceUnitCode).toBe("04100")
  })

  it("a move dated after the departure does not change where it counts", () => {
    const lateMove = new WorkerResidenceChanged({ ...moved, occurredOn: "2025-05-01" })
    const state = fold(workerDecider, [registered, contracted(), lateMove, departed("2025-04-01")])
    expect(state.departure?.residenceUnitCode).toBe("04000")
  })

  it("a move recorded late but dated before the departure moves the departure to the new commune", () => {
    const state = fold(workerDecider, [registered, contracted(), departed("2025-04-01"), moved])
    expect(state.departure?.residenceUnitCode).toBe("04100")
    expect(state.countedDepartures.map((d) => d.residenceUnitCode)).toEqual(["04100"])
  })

  it("accepts a worker who turns 18 on the departure date, and rejects the day before", () => {
    const young = new WorkerRegistered({ ...registrationData, birthYear: 2007 })
    given(workerDecider, [young, contracted()])
      .when(departureCommand("2025-05-20", "e-depart", "2007-05-20"))
      .then([departed("2025-05-20")])
    const rejection = given(workerDecider, [young, contracted()])
      .when(departureCommand("2025-05-19", "e-depart", "2007-05-20"))
      .rejectedWith("UnderAge")
    expect(rejection.message).toBe("Người lao động chưa đủ 18 tuổi vào ngày xuất cảnh 19/05/2025.")
  })

  it("rejects a date of birth that disagrees with the registered birth year", () => {
    const rejection = given(workerDecider, [registered, contracted()])
      .when(departureCommand("2025-04-01", "e-depart", "1999-05-20"))
      .rejectedWith("DateOfBirthMismatch")
    expect(rejection.message).toBe("Ngày sinh 20/05/1999 không khớp với năm sinh đã đăng ký (2000).")
  })

  it("rejects a departure without a contract", () => {
    const rejection = given(workerDecider, [registered]).when(departureCommand()).rejectedWith("NoValidContract")
    expect(rejection.message).toContain("Chưa có hợp đồng")
  })

  it("rejects a departure on a contract already used by an earlier departure", () => {
    const rejection = given(workerDecider, [...abroadHistory, returned()])
      .when(departureCommand("2026-05-01", "e-depart-2"))
      .rejectedWith("NoValidContract")
    expect(rejection.message).toContain("cần hợp đồng mới")
  })

  it("rejects a departure dated before the contract", () => {
    const rejection = given(workerDecider, [registered, contracted()])
      .when(departureCommand("2025-02-01"))
      .rejectedWith("DatesOutOfOrder")
    expect(rejection.message).toBe("Ngày xuất cảnh (01/02/2025) không thể trước ngày ký hợp đồng (01/03/2025).")
  })

  it("rejects a second departure before a return", () => {
    const rejection = given(workerDecider, abroadHistory)
      .when(departureCommand("2025-06-01", "e-2"))
      .rejectedWith("AlreadyAbroad")
    expect(rejection.message).toContain("chưa về nước; không thể xuất cảnh lần nữa")
  })

  it("rejects a departure dated before the previous return", () => {
    const history = [...abroadHistory, returned("2026-04-01"), contracted("e-contract-2", "2026-03-01")]
    given(workerDecider, history).when(departureCommand("2026-03-15", "e-depart-2")).rejectedWith("DatesOutOfOrder")
  })

  it("rejects after withdrawal", () => {
    const withdrawn = new WorkerWithdrew({
      eventId: "e-w",
      workerId: WORKER,
      occurredOn: "2025-03-10",
      stage: "contracted",
      reason: "Đổi ý",
    })
    given(workerDecider, [registered, contracted(), withdrawn])
      .when(departureCommand())
      .rejectedWith("WorkerHasWithdrawn")
  })

  it("a second departure with a new contract after a return counts again only in another year", () => {
    const sameYear = [...abroadHistory, returned("2025-06-01"), contracted("e-contract-2", "2025-07-01")]
    given(workerDecider, sameYear)
      .when(departureCommand("2025-08-01", "e-depart-2"))
      .then([departed("2025-08-01", "e-depart-2", "e-contract-2")])
    const events = [...sameYear, departed("2025-08-01", "e-depart-2", "e-contract-2")]
    expect(departureCount(events, 2025)).toBe(1)
    expect(fold(workerDecider, events).departure?.counted).toBe(false)

    const nextYear = [
      ...abroadHistory,
      returned("2025-06-01"),
      contracted("e-contract-2", "2025-07-01"),
      departed("2026-01-05", "e-depart-2", "e-contract-2"),
    ]
    expect(departureCount(nextYear)).toBe(2)
    expect(departureCount(nextYear, 2026)).toBe(1)
  })
})

describe("RecordContractEndedEarly", () => {
  const end = (occurredOn: string, eventId = "e-end") =>
    new RecordContractEndedEarly({ eventId, workerId: WORKER, occurredOn, reason: "Doanh nghiệp phá sản" })
  const ended = new WorkerContractEndedEarly({
    eventId: "e-end",
    workerId: WORKER,
    occurredOn: "2025-10-01",
    reason: "Doanh nghiệp phá sản",
  })

  it("records an early end while abroad", () => {
    given(workerDecider, abroadHistory).when(end("2025-10-01")).then([ended])
    expect(fold(workerDecider, [...abroadHistory, ended]).stage).toBe("contractEndedEarly")
  })

  it("rejects when not abroad", () => {
    given(workerDecider, [registered, contracted()]).when(end("2025-10-01")).rejectedWith("NotAbroad")
  })

  it("rejects a second early end", () => {
    given(workerDecider, [...abroadHistory, ended])
      .when(end("2025-11-01", "e-end-2"))
      .rejectedWith("ContractAlreadyEnded")
  })

  it("rejects a date before the departure", () => {
    given(workerDecider, abroadHistory).when(end("2025-03-20")).rejectedWith("DatesOutOfOrder")
  })
})

describe("RecordReturn", () => {
  it("records the return", () => {
    given(workerDecider, abroadHistory).when(returnCommand()).then([returned()])
    const state = fold(workerDecider, [...abroadHistory, returned()])
    expect(state).toMatchObject({ stage: "returned", abroad: false, lastReturn: { on: "2026-04-01", kind: "early" } })
    // the departure still counts after the return
    expect(state.countedDepartures).toHaveLength(1)
  })

  it("rejects a return without a departure", () => {
    const rejection = given(workerDecider, [registered]).when(returnCommand()).rejectedWith("NotAbroad")
    expect(rejection.message).toBe("Người lao động không ở nước ngoài; không thể ghi nhận về nước.")
  })

  it("rejects a return dated before the departure", () => {
    const rejection = given(workerDecider, abroadHistory)
      .when(returnCommand("2025-03-31"))
      .rejectedWith("DatesOutOfOrder")
    expect(rejection.message).toBe("Ngày về nước (31/03/2025) không thể trước ngày xuất cảnh (01/04/2025).")
  })
})

describe("RecordOverstay", () => {
  const overstay = (eventId = "e-over") =>
    new RecordOverstay({ eventId, workerId: WORKER, occurredOn: "2028-05-01", source: "Công an tỉnh" })

  it("records an overstay while abroad", () => {
    given(workerDecider, abroadHistory)
      .when(overstay())
      .then([
        new WorkerOverstayed({ eventId: "e-over", workerId: WORKER, occurredOn: "2028-05-01", source: "Công an tỉnh" }),
      ])
  })

  it("rejects when not abroad", () => {
    given(workerDecider, [registered]).when(overstay()).rejectedWith("NotAbroad")
  })

  it("rejects a second overstay record for the same stay", () => {
    const first = new WorkerOverstayed({ eventId: "e-over", workerId: WORKER, occurredOn: "2028-05-01" })
    given(workerDecider, [...abroadHistory, first])
      .when(overstay("e-over-2"))
      .rejectedWith("AlreadyOverstayed")
  })
})

describe("RecordViolation", () => {
  const violation = {
    eventId: "e-viol",
    workerId: WORKER,
    occurredOn: "2025-09-01",
    category: "leftWorkplace" as const,
    sensitive: sealed("details"),
  }

  it("records a violation", () => {
    given(workerDecider, abroadHistory)
      .when(new RecordViolation(violation))
      .then([new WorkerViolationRecorded(violation)])
  })

  it("rejects an unregistered worker", () => {
    given(workerDecider).when(new RecordViolation(violation)).rejectedWith("WorkerNotRegistered")
  })
})

describe("RecordReemploymentSupport", () => {
  const support = (occurredOn: string) =>
    new RecordReemploymentSupport({
      eventId: "e-re",
      workerId: WORKER,
      occurredOn,
      kind: "domesticJob",
      provider: "Trung tâm Dịch vụ việc làm",
    })

  it("records support for a returnee", () => {
    given(workerDecider, [...abroadHistory, returned()])
      .when(support("2026-05-01"))
      .then([
        new WorkerReemploymentSupported({
          eventId: "e-re",
          workerId: WORKER,
          occurredOn: "2026-05-01",
          kind: "domesticJob",
          provider: "Trung tâm Dịch vụ việc làm",
        }),
      ])
  })

  it("rejects a worker who has not returned", () => {
    given(workerDecider, abroadHistory).when(support("2026-05-01")).rejectedWith("NotReturned")
    given(workerDecider, [registered]).when(support("2026-05-01")).rejectedWith("NotReturned")
  })

  it("rejects a date before the return", () => {
    given(workerDecider, [...abroadHistory, returned()])
      .when(support("2026-03-01"))
      .rejectedWith("DatesOutOfOrder")
  })
})

describe("contract after a return", () => {
  it("is allowed and makes a new departure possible", () => {
    const history = [...abroadHistory, returned()]
    given(workerDecider, history)
      .when(contractCommand("e-contract-2", "2026-06-01"))
      .then([contracted("e-contract-2", "2026-06-01")])
  })
})
