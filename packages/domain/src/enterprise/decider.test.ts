import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import { given } from "../shared/testing/given-when-then.ts"
import {
  LicenseEnterprise,
  RecordEnterpriseViolation,
  ReinstateEnterprise,
  RemoveEnterpriseFromVettedList,
  SuspendEnterprise,
  VetEnterprise,
} from "./commands.ts"
import { enterpriseDecider } from "./decider.ts"
import {
  EnterpriseLicensed,
  EnterpriseReinstated,
  EnterpriseRemovedFromVettedList,
  EnterpriseSuspended,
  EnterpriseVetted,
  EnterpriseViolationRecorded,
  eventTypes,
} from "./events.ts"
import { canRecruitIn, standingOn } from "./state.ts"

const E = "ent-1"
const basis = { number: "123/QĐ-UBND", date: "2025-03-01", issuer: "UBND tỉnh Sơn La" }
const licenceData = {
  enterpriseId: E,
  occurredOn: "2025-01-05",
  name: "Công ty CP Nhân lực Quốc tế",
  licenceNumber: "456/LĐTBXH-GP",
  licenceDate: "2024-11-20",
}
const licensed = new EnterpriseLicensed(licenceData)
const vetData = { enterpriseId: E, occurredOn: "2025-03-01", provinceCode: "14", legalBasis: basis }
const vetted = new EnterpriseVetted(vetData)
const removalData = { ...vetData, occurredOn: "2025-09-01", reason: "Không tuyển được lao động" }
const suspendData = {
  enterpriseId: E,
  occurredOn: "2025-06-01",
  reason: "Vi phạm quy định thu phí",
  legalBasis: basis,
  until: "2025-09-01",
}
const suspended = new EnterpriseSuspended(suspendData)
const reinstateData = { enterpriseId: E, occurredOn: "2025-08-01", legalBasis: basis }
const violationData = {
  enterpriseId: E,
  occurredOn: "2025-05-20",
  description: "Thu phí dịch vụ vượt mức",
  penaltyAmount: 50_000_000,
}

describe("LicenseEnterprise", () => {
  it("records the licence", () => {
    given(enterpriseDecider).when(new LicenseEnterprise(licenceData)).then([licensed])
    expect(fold(enterpriseDecider, [licensed]).licence).toEqual({
      name: licenceData.name,
      number: "456/LĐTBXH-GP",
      date: "2024-11-20",
    })
  })

  it("rejects a second licence", () => {
    const rejection = given(enterpriseDecider, [licensed])
      .when(new LicenseEnterprise(licenceData))
      .rejectedWith("EnterpriseAlreadyLicensed")
    expect(rejection.message).toBe("Doanh nghiệp đã có giấy phép số 456/LĐTBXH-GP cấp ngày 20/11/2024.")
  })

  it("rejects recording a licence before its own date", () => {
    given(enterpriseDecider)
      .when(new LicenseEnterprise({ ...licenceData, occurredOn: "2024-11-01" }))
      .rejectedWith("EnterpriseDatesOutOfOrder")
  })
})

describe("VetEnterprise", () => {
  it("puts the enterprise on a province's vetted list", () => {
    given(enterpriseDecider, [licensed]).when(new VetEnterprise(vetData)).then([vetted])
    expect(canRecruitIn(fold(enterpriseDecider, [licensed, vetted]), "14", "2025-04-01")).toBe(true)
    expect(canRecruitIn(fold(enterpriseDecider, [licensed, vetted]), "15", "2025-04-01")).toBe(false)
  })

  it("rejects an unlicensed enterprise", () => {
    const rejection = given(enterpriseDecider).when(new VetEnterprise(vetData)).rejectedWith("EnterpriseNotLicensed")
    expect(rejection.message).toContain("chưa được ghi nhận giấy phép")
  })

  it("rejects vetting twice in the same province", () => {
    given(enterpriseDecider, [licensed, vetted])
      .when(new VetEnterprise(vetData))
      .rejectedWith("EnterpriseAlreadyVetted")
  })

  it("rejects a suspended enterprise", () => {
    given(enterpriseDecider, [licensed, suspended])
      .when(new VetEnterprise({ ...vetData, occurredOn: "2025-07-01" }))
      .rejectedWith("EnterpriseIsSuspended")
  })

  it("rejects a date before the licence", () => {
    const rejection = given(enterpriseDecider, [licensed])
      .when(new VetEnterprise({ ...vetData, occurredOn: "2024-10-01" }))
      .rejectedWith("EnterpriseDatesOutOfOrder")
    expect(rejection.message).toBe("Ngày ghi nhận (01/10/2024) không thể trước ngày cấp giấy phép (20/11/2024).")
  })
})

describe("RemoveEnterpriseFromVettedList", () => {
  it("takes the enterprise off the list", () => {
    const removed = new EnterpriseRemovedFromVettedList(removalData)
    given(enterpriseDecider, [licensed, vetted]).when(new RemoveEnterpriseFromVettedList(removalData)).then([removed])
    expect(canRecruitIn(fold(enterpriseDecider, [licensed, vetted, removed]), "14", "2025-10-01")).toBe(false)
  })

  it("rejects when not on the list", () => {
    given(enterpriseDecider, [licensed])
      .when(new RemoveEnterpriseFromVettedList(removalData))
      .rejectedWith("EnterpriseNotVetted")
  })

  it("rejects a removal dated before the vetting", () => {
    given(enterpriseDecider, [licensed, vetted])
      .when(new RemoveEnterpriseFromVettedList({ ...removalData, occurredOn: "2025-02-01" }))
      .rejectedWith("EnterpriseDatesOutOfOrder")
  })

  it("rejects an unlicensed enterprise", () => {
    given(enterpriseDecider).when(new RemoveEnterpriseFromVettedList(removalData)).rejectedWith("EnterpriseNotLicensed")
  })
})

describe("SuspendEnterprise and ReinstateEnterprise", () => {
  it("suspends: the enterprise cannot recruit during the suspension, and can again after `until`", () => {
    given(enterpriseDecider, [licensed, vetted]).when(new SuspendEnterprise(suspendData)).then([suspended])
    const state = fold(enterpriseDecider, [licensed, vetted, suspended])
    expect(canRecruitIn(state, "14", "2025-05-31")).toBe(true)
    expect(canRecruitIn(state, "14", "2025-07-01")).toBe(false)
    expect(canRecruitIn(state, "14", "2025-09-01")).toBe(true)
  })

  it("rejects suspending twice", () => {
    given(enterpriseDecider, [licensed, suspended])
      .when(new SuspendEnterprise(suspendData))
      .rejectedWith("EnterpriseIsSuspended")
  })

  it("rejects an end of suspension before its start", () => {
    given(enterpriseDecider, [licensed])
      .when(new SuspendEnterprise({ ...suspendData, until: "2025-05-01" }))
      .rejectedWith("EnterpriseDatesOutOfOrder")
  })

  it("rejects suspending an unlicensed enterprise", () => {
    given(enterpriseDecider).when(new SuspendEnterprise(suspendData)).rejectedWith("EnterpriseNotLicensed")
  })

  it("reinstates a suspended enterprise", () => {
    const reinstated = new EnterpriseReinstated(reinstateData)
    given(enterpriseDecider, [licensed, vetted, suspended])
      .when(new ReinstateEnterprise(reinstateData))
      .then([reinstated])
    expect(canRecruitIn(fold(enterpriseDecider, [licensed, vetted, suspended, reinstated]), "14", "2025-08-02")).toBe(
      true,
    )
  })

  it("rejects reinstating an enterprise that is not suspended", () => {
    const rejection = given(enterpriseDecider, [licensed])
      .when(new ReinstateEnterprise(reinstateData))
      .rejectedWith("EnterpriseNotSuspended")
    expect(rejection.message).toBe("Doanh nghiệp không bị đình chỉ; không có gì để khôi phục.")
  })

  it("rejects a reinstatement dated before the suspension", () => {
    given(enterpriseDecider, [licensed, suspended])
      .when(new ReinstateEnterprise({ ...reinstateData, occurredOn: "2025-05-01" }))
      .rejectedWith("EnterpriseDatesOutOfOrder")
  })
})

describe("standingOn: where the enterprise stood on a date, from its whole history", () => {
  it("answers for past dates after a removal from the list and a suspension lifted early", () => {
    const removed = new EnterpriseRemovedFromVettedList(removalData)
    const reinstated = new EnterpriseReinstated(reinstateData)
    const state = fold(enterpriseDecider, [licensed, vetted, suspended, reinstated, removed])
    // before the licence date, before the vetting, during the suspension, after it was lifted, after the removal
    expect(standingOn(state, "14", "2024-11-19")).toEqual({ licensed: false, vetted: false, suspended: false })
    expect(standingOn(state, "14", "2025-02-28")).toEqual({ licensed: true, vetted: false, suspended: false })
    expect(standingOn(state, "14", "2025-07-31")).toEqual({ licensed: true, vetted: true, suspended: true })
    expect(standingOn(state, "14", "2025-08-01")).toEqual({ licensed: true, vetted: true, suspended: false })
    expect(standingOn(state, "14", "2025-09-01")).toEqual({ licensed: true, vetted: false, suspended: false })
    expect(standingOn(state, "15", "2025-08-01").vetted).toBe(false)
  })

  it("a suspension without an end lasts until it is lifted", () => {
    const open = new EnterpriseSuspended({ ...suspendData, until: undefined })
    expect(standingOn(fold(enterpriseDecider, [licensed, vetted, open]), "14", "2030-01-01").suspended).toBe(true)
    const lifted = new EnterpriseReinstated({ ...reinstateData, occurredOn: "2026-01-01" })
    const state = fold(enterpriseDecider, [licensed, vetted, open, lifted])
    expect(standingOn(state, "14", "2025-12-31").suspended).toBe(true)
    expect(standingOn(state, "14", "2026-01-01").suspended).toBe(false)
  })
})

describe("RecordEnterpriseViolation", () => {
  it("records a violation", () => {
    const violation = new EnterpriseViolationRecorded(violationData)
    given(enterpriseDecider, [licensed]).when(new RecordEnterpriseViolation(violationData)).then([violation])
    expect(fold(enterpriseDecider, [licensed, violation]).violations).toEqual([
      { on: "2025-05-20", description: "Thu phí dịch vụ vượt mức", penaltyAmount: 50_000_000 },
    ])
  })

  it("rejects an unlicensed enterprise", () => {
    given(enterpriseDecider).when(new RecordEnterpriseViolation(violationData)).rejectedWith("EnterpriseNotLicensed")
  })
})

describe("enterprise event catalogue", () => {
  it("lists the six events on the Enterprise stream, none with personal fields", () => {
    expect(eventTypes.map((t) => t.type)).toEqual([
      "EnterpriseLicensed",
      "EnterpriseVetted",
      "EnterpriseRemovedFromVettedList",
      "EnterpriseSuspended",
      "EnterpriseReinstated",
      "EnterpriseViolationRecorded",
    ])
    for (const t of eventTypes) expect(t).toMatchObject({ streamType: "Enterprise", version: 1, personalFields: [] })
  })
})
