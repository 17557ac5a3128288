import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import { given } from "../shared/testing/given-when-then.ts"
import { CorrectWorkerFact, VoidWorkerFact } from "./commands.ts"
import { workerDecider } from "./decider.ts"
import { departureCount } from "./departures.ts"
import {
  WorkerContractSigned,
  WorkerCounselled,
  WorkerDossierConfirmed,
  WorkerFactCorrected,
  WorkerFactVoided,
  WorkerRegistered,
  WorkerResidenceChanged,
  WorkerWithdrew,
  type WorkerFact,
} from "./events.ts"
import {
  abroadHistory,
  contracted,
  counselled,
  departed,
  DOB,
  dossierConfirmed,
  registered,
  registrationData,
  standing,
  WORKER,
} from "./testing/fixtures.ts"

const correction = (
  correctsEventId: string,
  replacement: WorkerFact,
  dateOfBirth?: string,
  enterpriseStanding?: ReturnType<typeof standing>,
) =>
  new CorrectWorkerFact({
    eventId: "e-fix",
    workerId: WORKER,
    occurredOn: "2025-06-01",
    correctsEventId,
    reason: "Nhập sai ngày",
    replacement,
    ...(dateOfBirth === undefined ? {} : { dateOfBirth }),
    ...(enterpriseStanding === undefined ? {} : { standing: enterpriseStanding }),
  })
const corrected = (correctsEventId: string, replacement: WorkerFact) =>
  new WorkerFactCorrected({
    eventId: "e-fix",
    workerId: WORKER,
    occurredOn: "2025-06-01",
    correctsEventId,
    reason: "Nhập sai ngày",
    replacement,
  })
const voiding = (correctsEventId: string, eventId = "e-void") =>
  new VoidWorkerFact({ eventId, workerId: WORKER, occurredOn: "2025-06-01", correctsEventId, reason: "Ghi nhầm hồ sơ" })
const voided = (correctsEventId: string, eventId = "e-void") =>
  new WorkerFactVoided({
    eventId,
    workerId: WORKER,
    occurredOn: "2025-06-01",
    correctsEventId,
    reason: "Ghi nhầm hồ sơ",
  })

describe("CorrectWorkerFact", () => {
  it("moves a departure to its corrected date; the original stays in the log", () => {
    const fixedDeparture = departed("2025-04-15")
    given(workerDecider, abroadHistory)
      .when(correction("e-depart", departed("2025-04-15", "ignored-id"), DOB))
      .then([corrected("e-depart", fixedDeparture)])
    const history = [...abroadHistory, corrected("e-depart", fixedDeparture)]
    const state = fold(workerDecider, history)
    expect(state.departure?.date).toBe("2025-04-15")
    expect(state.countedDepartures.map((d) => d.date)).toEqual(["2025-04-15"])
    expect(state.corrections).toEqual([
      { eventId: "e-fix", correctsEventId: "e-depart", reason: "Nhập sai ngày", kind: "corrected" },
    ])
  })

  it("a corrected departure date counts for the commune of residence on the new date", () => {
    const move = new WorkerResidenceChanged({
      eventId: "e-move",
      workerId: WORKER,
      occurredOn: "2025-04-10",
      residenceUnitCode: "04100",
      residenceUnitId: "u-04100",
    })
    const history = [registered, contracted(), move, departed("2025-04-01")]
    expect(fold(workerDecider, history).departure?.residenceUnitCode).toBe("04000")
    given(workerDecider, history)
      .when(correction("e-depart", departed("2025-04-20"), DOB))
      .then([corrected("e-depart", departed("2025-04-20"))])
    const state = fold(workerDecider, [...history, corrected("e-depart", departed("2025-04-20"))])
    expect(state.departure?.residenceUnitCode).toBe("04100")
  })

  it("a corrected contract (country) is reflected in the departure made under it", () => {
    const fixed = contracted("e-contract", "2025-03-01")
    const japan = new WorkerContractSigned({ ...fixed, country: "JP", programme: "Thực tập sinh kỹ năng" })
    given(workerDecider, abroadHistory)
      .when(correction("e-contract", japan, undefined, standing("2025-03-01")))
      .then([corrected("e-contract", japan)])
    const state = fold(workerDecider, [...abroadHistory, corrected("e-contract", japan)])
    expect(state.departure).toMatchObject({
      country: "JP",
      programme: "Thực tập sinh kỹ năng",
      contractEventId: "e-contract",
    })
  })

  it("corrects the priority groups of a registration", () => {
    const fixed = new WorkerRegistered({ ...registrationData, priorityGroups: ["poorHousehold", "youth"] })
    given(workerDecider, [registered, counselled])
      .when(correction("e-reg", fixed))
      .then([corrected("e-reg", fixed)])
    expect(
      fold(workerDecider, [registered, counselled, corrected("e-reg", fixed)]).registration?.priorityGroups,
    ).toEqual(["poorHousehold", "youth"])
  })

  it("corrects a withdrawal even after the worker withdrew", () => {
    const withdrawn = new WorkerWithdrew({
      eventId: "e-w",
      workerId: WORKER,
      occurredOn: "2025-02-01",
      stage: "counselled",
      reason: "Đổi ý",
    })
    const fixed = new WorkerWithdrew({ ...withdrawn, reason: "Không đủ sức khỏe" })
    given(workerDecider, [registered, counselled, withdrawn])
      .when(correction("e-w", fixed))
      .then([corrected("e-w", fixed)])
  })

  it("rejects a correction that would put dates out of order (contract after the departure)", () => {
    const rejection = given(workerDecider, abroadHistory)
      .when(correction("e-contract", contracted("e-contract", "2025-05-01"), undefined, standing("2025-05-01")))
      .rejectedWith("DatesOutOfOrder")
    expect(rejection.message).toBe("Ngày xuất cảnh (01/04/2025) không thể trước ngày ký hợp đồng (01/05/2025).")
  })

  it("rejects a corrected departure date that breaks the rules (before the contract; under 18)", () => {
    given(workerDecider, abroadHistory)
      .when(correction("e-depart", departed("2018-04-01"), DOB))
      .rejectedWith("DatesOutOfOrder")
    const young = new WorkerRegistered({ ...registrationData, birthYear: 2007 })
    given(workerDecider, [young, contracted(), departed("2025-06-01")])
      .when(correction("e-depart", departed("2025-05-01"), "2007-05-20"))
      .rejectedWith("UnderAge")
  })

  it("a corrected contract needs the enterprise's standing on its new date, which must allow recruiting", () => {
    const later = contracted("e-contract", "2025-03-10")
    given(workerDecider, abroadHistory).when(correction("e-contract", later)).rejectedWith("EnterpriseStandingMissing")
    given(workerDecider, abroadHistory)
      .when(correction("e-contract", later, undefined, standing("2025-03-01")))
      .rejectedWith("EnterpriseStandingMissing")
    given(workerDecider, abroadHistory)
      .when(correction("e-contract", later, undefined, standing("2025-03-10", { suspended: true })))
      .rejectedWith("EnterpriseSuspendedOnDate")
    given(workerDecider, abroadHistory)
      .when(correction("e-contract", later, undefined, standing("2025-03-10")))
      .then([corrected("e-contract", later)])
  })

  it("the dossier confirmation cannot be moved after the contract that rests on it", () => {
    const late = new WorkerDossierConfirmed({ ...dossierConfirmed, occurredOn: "2025-03-05" })
    const rejection = given(workerDecider, abroadHistory).when(correction("e-dossier", late)).rejectedWith("FactInUse")
    expect(rejection.message).toBe(
      "Việc ký hợp đồng ngày 01/03/2025 dựa trên xác nhận hồ sơ này; hãy sửa hoặc hủy bản ghi đó trước.",
    )
    const earlier = new WorkerDossierConfirmed({ ...dossierConfirmed, occurredOn: "2025-01-20" })
    given(workerDecider, abroadHistory)
      .when(correction("e-dossier", earlier))
      .then([corrected("e-dossier", earlier)])
  })

  it("facts recorded before the dossier rule existed stay correctable (only the corrected fact is re-checked)", () => {
    const legacy = [registered, contracted(), departed()]
    given(workerDecider, legacy)
      .when(correction("e-depart", departed("2025-04-15"), DOB))
      .then([corrected("e-depart", departed("2025-04-15"))])
  })

  it("rejects a corrected departure without the date of birth", () => {
    given(workerDecider, abroadHistory)
      .when(correction("e-depart", departed("2025-04-15")))
      .rejectedWith("DateOfBirthRequired")
  })

  it("rejects an unknown event id", () => {
    const rejection = given(workerDecider, abroadHistory)
      .when(correction("e-nope", departed()))
      .rejectedWith("UnknownEvent")
    expect(rejection.message).toContain("Không tìm thấy bản ghi cần sửa")
  })

  it("rejects correcting a voided fact", () => {
    given(workerDecider, [registered, counselled, voided("e-counsel")])
      .when(correction("e-counsel", counselled))
      .rejectedWith("FactAlreadyVoided")
  })

  it("rejects a replacement of another type", () => {
    const rejection = given(workerDecider, abroadHistory)
      .when(correction("e-depart", counselled))
      .rejectedWith("CorrectionTypeMismatch")
    expect(rejection.message).toBe("Bản sửa phải cùng loại với bản ghi gốc (xuất cảnh), không thể thay bằng tư vấn.")
  })

  it("a second correction of the same fact replaces the first", () => {
    const first = corrected("e-counsel", new WorkerCounselled({ ...counselled, occurredOn: "2025-01-20" }))
    const second = new WorkerFactCorrected({
      ...first,
      eventId: "e-fix-2",
      replacement: new WorkerCounselled({ ...counselled, occurredOn: "2025-01-25" }),
    })
    expect(fold(workerDecider, [registered, counselled, first, second]).counselledOn).toBe("2025-01-25")
  })
})

describe("VoidWorkerFact", () => {
  it("voids a departure: it no longer counts and the worker is no longer abroad", () => {
    given(workerDecider, abroadHistory)
      .when(voiding("e-depart"))
      .then([voided("e-depart")])
    const history = [...abroadHistory, voided("e-depart")]
    expect(departureCount(history)).toBe(0)
    const state = fold(workerDecider, history)
    expect(state).toMatchObject({
      abroad: false,
      stage: "contracted",
      departure: undefined,
      voidedEventIds: ["e-depart"],
    })
  })

  it("rejects voiding a contract a departure depends on", () => {
    given(workerDecider, abroadHistory).when(voiding("e-contract")).rejectedWith("NoValidContract")
    // even when an older unused contract would still allow a departure: the departure names its contract
    const twoContracts = [registered, contracted("e-contract-0", "2025-02-01"), contracted(), departed()]
    const rejection = given(workerDecider, twoContracts).when(voiding("e-contract")).rejectedWith("FactInUse")
    expect(rejection.message).toBe(
      "Lần xuất cảnh ngày 01/04/2025 dựa trên hợp đồng này; hãy sửa hoặc hủy lần xuất cảnh đó trước.",
    )
  })

  it("rejects voiding the dossier confirmation a selection or contract rests on", () => {
    const rejection = given(workerDecider, abroadHistory).when(voiding("e-dossier")).rejectedWith("FactInUse")
    expect(rejection.message).toContain("dựa trên xác nhận hồ sơ này")
    given(workerDecider, [registered, dossierConfirmed])
      .when(voiding("e-dossier"))
      .then([voided("e-dossier")])
  })

  it("rejects voiding twice", () => {
    const rejection = given(workerDecider, [...abroadHistory, voided("e-depart")])
      .when(voiding("e-depart", "e-void-2"))
      .rejectedWith("FactAlreadyVoided")
    expect(rejection.message).toContain("đã bị hủy trước đó")
  })

  it("rejects an unknown event id, including the id of a correction", () => {
    given(workerDecider, abroadHistory).when(voiding("e-nope")).rejectedWith("UnknownEvent")
    given(workerDecider, [...abroadHistory, voided("e-depart")])
      .when(voiding("e-void", "e-void-2"))
      .rejectedWith("UnknownEvent")
  })

  it("rejects voiding a registration that has later facts", () => {
    given(workerDecider, [registered, counselled]).when(voiding("e-reg")).rejectedWith("RegistrationHasLaterFacts")
  })

  it("voids a lone registration", () => {
    given(workerDecider, [registered])
      .when(voiding("e-reg"))
      .then([voided("e-reg")])
    const state = fold(workerDecider, [registered, voided("e-reg")])
    expect(state.registration).toBeUndefined()
    expect(state.stage).toBeUndefined()
  })
})
