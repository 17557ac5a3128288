import { describe, expect, test } from "vitest"
import {
  bank,
  CHIENG_AN,
  chiengAn,
  contract,
  enterprise,
  enterpriseId,
  expectProblem,
  ok,
  person,
  post,
  province,
  register,
  setUpWorkersApp,
  t,
  TO_HIEU,
  toHieu,
} from "./support/workers-app.ts"

setUpWorkersApp()

/** The worker's row in the registry read model (what lists, reports and targets read). */
const rowOf = async (workerId: string) =>
  (await t.services.models.workers({ provinceCode: "14" })).find((w) => w.workerId === workerId)!

/** A refusal of the domain: 422 with the rule's tag and its Vietnamese words, and nothing written. */
const refused = async (response: { status: number; body: any }, rejection: string, words: string | RegExp) => {
  expectProblem(response, 422, /rejected$/)
  expect(response.body.rejection).toBe(rejection)
  expect(response.body.detail).toMatch(words)
}

describe("the stages of the documents, through HTTP (issue 9 §3)", () => {
  test("the wish at registration: market and occupation; an unknown market is refused", async () => {
    const worker = await register(province, {
      ...person(),
      wish: { marketCode: "KR", occupation: "Nông nghiệp" },
    } as never)
    expect(await rowOf(worker.id)).toMatchObject({ wishMarket: "KR", wishOccupation: "Nông nghiệp" })

    const before = await t.services.log.count()
    const unknown = await province.json("POST", "/api/workers", { ...person(), wish: { marketCode: "FR" } })
    await refused(unknown, "UnknownMarket", "Thị trường mong muốn “FR” không có trong danh mục thị trường.")
    expect(await t.services.log.count()).toBe(before)
  })

  test("before departure: legal counselling, the EPS test, the loan file, passport and visa", async () => {
    const worker = await register(province, person())
    await ok(toHieu, worker.id, "legal-counselling", { occurredOn: "2026-01-12", provider: "Trợ giúp pháp lý tỉnh" })
    await ok(province, worker.id, "assessments", {
      occurredOn: "2026-01-20",
      assessment: "epsKoreanTest",
      outcome: "sat",
      organiser: "Trung tâm Lao động ngoài nước",
    })
    await ok(province, worker.id, "assessments", {
      occurredOn: "2026-02-05",
      assessment: "epsKoreanTest",
      outcome: "passed",
      organiser: "Trung tâm Lao động ngoài nước",
    })
    const badOutcome = await post(province, worker.id, "assessments", {
      occurredOn: "2026-02-05",
      assessment: "epsKoreanTest",
      outcome: "maybe",
      organiser: "Trung tâm",
    })
    expectProblem(badOutcome, 400, /validation$/)
    await ok(toHieu, worker.id, "loan-file-confirmation", {
      occurredOn: "2026-02-06",
      loanId: "vay-1",
      bank: "NHCSXH chi nhánh tỉnh Sơn La",
    })
    await refused(
      await post(toHieu, worker.id, "loan-file-confirmation", {
        occurredOn: "2026-02-07",
        loanId: "vay-1",
        bank: "NHCSXH",
      }),
      "LoanFileAlreadyConfirmed",
      "Hồ sơ vay vốn vay-1 đã được xác nhận ngày 06/02/2026.",
    )
    // the bank may not confirm the file: that is the commune's
    expect(
      (await post(bank, worker.id, "loan-file-confirmation", { occurredOn: "2026-02-07", bank: "x" })).status,
    ).toBe(403)

    // a visa needs a passport and a contract for the same country
    await refused(
      await post(province, worker.id, "visa", { occurredOn: "2026-02-10", country: "KR", validUntil: "2029-02-10" }),
      "VisaWithoutPassport",
      /hộ chiếu/,
    )
    await refused(
      await post(province, worker.id, "passport", {
        occurredOn: "2026-02-08",
        passportNumber: "C1234567",
        validUntil: "2026-02-01",
      }),
      "ValidityBeforeIssue",
      "Thời hạn của hộ chiếu (01/02/2026) phải sau ngày cấp (08/02/2026).",
    )
    await ok(province, worker.id, "passport", {
      occurredOn: "2026-02-08",
      passportNumber: "C1234567",
      validUntil: "2036-02-08",
    })
    await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-02-20" })
    await ok(province, worker.id, "selection", { occurredOn: "2026-03-01", enterpriseId: enterpriseId })
    await ok(province, worker.id, "contract", contract("2026-03-05"))
    await refused(
      await post(province, worker.id, "visa", { occurredOn: "2026-03-10", country: "JP", validUntil: "2029-03-10" }),
      "VisaCountryMismatch",
      "Thị thực cấp cho nước JP, nhưng hợp đồng của người lao động là đi KR.",
    )
    await ok(enterprise, worker.id, "visa", { occurredOn: "2026-03-10", country: "KR", validUntil: "2029-03-10" })

    expect(await rowOf(worker.id)).toMatchObject({
      legalCounselledOn: "2026-01-12",
      epsTestOutcome: "passed",
      epsTestOn: "2026-02-05",
      loanFileConfirmedOn: "2026-02-06",
      passportValidUntil: "2036-02-08",
      visaCountry: "KR",
      visaValidUntil: "2029-03-10",
    })
    // the passport number is sealed with the person's key, never in the log in clear
    const detail = await province.json("GET", `/api/workers/${worker.id}`)
    const passport = detail.body.history.find((e: { type: string }) => e.type === "WorkerPassportIssued")
    expect(passport.data).toMatchObject({ validUntil: "2036-02-08", sensitiveSealed: true })
    expect(JSON.stringify(passport.data)).not.toContain("C1234567")
  })

  test("a support subsidy appraised → decided → paid under a catalogued policy; what the catalogue refuses", async () => {
    const worker = await register(province, person()) // an ethnic-minority rural worker
    const policy = { policyCode: "ctmtqg-dtts-mn", fundingSourceCode: "ctmtqg-dtts-mn" }

    await refused(
      await post(toHieu, worker.id, "subsidy-appraisals", {
        occurredOn: "2026-02-01",
        policyCode: "ho-tro-tu-dat",
        fundingSourceCode: "nsdp",
        amount: 1,
      }),
      "UnknownSupportPolicy",
      /không có trong danh mục chính sách hỗ trợ.*1719\/QĐ-TTg/,
    )
    await refused(
      await post(toHieu, worker.id, "subsidy-appraisals", {
        occurredOn: "2026-02-01",
        ...policy,
        fundingSourceCode: "nsdp",
        amount: 1,
      }),
      "FundingSourceNotOfPolicy",
      /không phải nguồn chi của chính sách theo 1719\/QĐ-TTg/,
    )
    await refused(
      await post(toHieu, worker.id, "subsidy-appraisals", {
        occurredOn: "2026-02-01",
        policyCode: "ctmtqg-gnbv",
        fundingSourceCode: "ctmtqg-gnbv",
        amount: 1,
      }),
      "NotEligibleForPolicy",
      "Người lao động không thuộc đối tượng được hỗ trợ theo 90/QĐ-TTg",
    )

    await ok(toHieu, worker.id, "subsidy-appraisals", {
      occurredOn: "2026-02-01",
      subsidyId: "ht-1",
      ...policy,
      amount: 5_000_000,
    })
    await refused(
      await post(toHieu, worker.id, "subsidy-payments", { occurredOn: "2026-02-02", subsidyId: "ht-1", amount: 1 }),
      "SubsidyNotApproved",
      "Hồ sơ hỗ trợ ht-1 chưa có quyết định hỗ trợ; chưa thể chi trả.",
    )
    await refused(
      await post(province, worker.id, "subsidy-decisions", {
        occurredOn: "2026-02-05",
        subsidyId: "ht-1",
        approved: true,
        amount: 6_000_000,
        decisionNumber: "20/QĐ-UBND",
      }),
      "SubsidyAmountExceeded",
      "Số tiền quyết định hỗ trợ (6.000.000 đồng) vượt số tiền đã thẩm định (5.000.000 đồng).",
    )
    await ok(province, worker.id, "subsidy-decisions", {
      occurredOn: "2026-02-05",
      subsidyId: "ht-1",
      approved: true,
      amount: 4_000_000,
      decisionNumber: "20/QĐ-UBND",
    })
    await ok(toHieu, worker.id, "subsidy-payments", { occurredOn: "2026-02-10", subsidyId: "ht-1", amount: 4_000_000 })
    await refused(
      await post(toHieu, worker.id, "subsidy-payments", { occurredOn: "2026-02-11", subsidyId: "ht-1", amount: 1 }),
      "SubsidyAmountExceeded",
      /vượt số tiền được quyết định hỗ trợ \(4\.000\.000 đồng\)/,
    )
    // enterprises do not appraise public subsidies
    expect(
      (await post(enterprise, worker.id, "subsidy-appraisals", { occurredOn: "2026-02-01", ...policy, amount: 1 }))
        .status,
    ).toBe(403)

    expect(await rowOf(worker.id)).toMatchObject({
      subsidiesAppraised: 1,
      subsidiesApproved: 1,
      subsidyApprovedAmount: 4_000_000,
      subsidyPaidAmount: 4_000_000,
      subsidyCount: 1,
      subsidyAmount: 4_000_000,
    })
  })

  test("abroad and back: a protection case opened and resolved, the returnee's notices, reintegration", async () => {
    const worker = await register(province, person())
    await refused(
      await post(province, worker.id, "protection-cases", { occurredOn: "2026-02-01", category: "illness" }),
      "NotAbroad",
      /không ở nước ngoài/,
    )
    await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-02-20" })
    await ok(province, worker.id, "selection", { occurredOn: "2026-03-01", enterpriseId: enterpriseId })
    await ok(province, worker.id, "contract", contract("2026-03-05"))
    await ok(province, worker.id, "departure", { occurredOn: "2026-04-01" })
    await ok(province, worker.id, "protection-cases", {
      occurredOn: "2026-05-01",
      caseId: "bh-1",
      category: "workAccident",
      description: "Gãy tay khi làm việc",
    })
    await refused(
      await post(province, worker.id, "protection-case-resolutions", {
        occurredOn: "2026-05-10",
        caseId: "bh-khac",
        resolution: "x",
      }),
      "ProtectionCaseNotOpen",
      "Không có vụ việc bảo hộ công dân bh-khac của người lao động này.",
    )
    await ok(province, worker.id, "protection-case-resolutions", {
      occurredOn: "2026-05-20",
      caseId: "bh-1",
      resolution: "Doanh nghiệp đã bồi thường",
    })
    await refused(
      await post(toHieu, worker.id, "returnee-notices", { occurredOn: "2026-06-01", recipient: "police" }),
      "NotReturned",
      /chưa về nước/,
    )
    await ok(province, worker.id, "return", { occurredOn: "2026-09-01", kind: "early", reason: "Tai nạn lao động" })
    await ok(toHieu, worker.id, "returnee-notices", { occurredOn: "2026-09-02", recipient: "police" })
    await ok(toHieu, worker.id, "returnee-notices", { occurredOn: "2026-09-02", recipient: "commune" })
    await ok(toHieu, worker.id, "reintegration", { occurredOn: "2026-10-01", outcome: "employedDomestically" })

    expect(await rowOf(worker.id)).toMatchObject({
      protectionCases: 1,
      protectionCasesOpen: 0,
      returneeNotifiedPoliceOn: "2026-09-02",
      returneeNotifiedCommuneOn: "2026-09-02",
      reintegrationOutcome: "employedDomestically",
    })
    const detail = await province.json("GET", `/api/workers/${worker.id}`)
    const opened = detail.body.history.find((e: { type: string }) => e.type === "WorkerProtectionCaseOpened")
    expect(opened.data).toMatchObject({ caseId: "bh-1", category: "workAccident", sensitiveSealed: true })
    expect(JSON.stringify(opened.data)).not.toContain("Gãy tay")
  })

  test("dead or missing abroad: reported with the country, the source and the protection case; the note sealed", async () => {
    const worker = await register(province, person())
    const report = { occurredOn: "2026-05-10", status: "missing", country: "KR", source: "Doanh nghiệp" }
    await refused(await post(province, worker.id, "deaths-or-missing", report), "NotAbroad", /không ở nước ngoài/)
    await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-02-20" })
    await ok(province, worker.id, "selection", { occurredOn: "2026-03-01", enterpriseId })
    await ok(province, worker.id, "contract", contract("2026-03-05"))
    await ok(province, worker.id, "departure", { occurredOn: "2026-04-01" })
    const before = await t.services.log.count()
    const invalid = await post(province, worker.id, "deaths-or-missing", { ...report, status: "dead" })
    expectProblem(invalid, 400, /validation$/)
    await refused(
      await post(province, worker.id, "deaths-or-missing", { ...report, protectionCaseId: "bh-khong-co" }),
      "ProtectionCaseUnknown",
      /bh-khong-co/,
    )
    expect(await t.services.log.count()).toBe(before)
    await ok(enterprise, worker.id, "deaths-or-missing", { ...report, note: "Bỏ nơi làm việc ngày 08/05/2026" })
    expect(await rowOf(worker.id)).toMatchObject({ deathOrMissing: "missing", deathOrMissingOn: "2026-05-10" })
    await ok(province, worker.id, "protection-cases", { occurredOn: "2026-06-02", caseId: "bh-9", category: "death" })
    await ok(province, worker.id, "deaths-or-missing", {
      occurredOn: "2026-06-01",
      status: "deceased",
      country: "KR",
      source: "Đại sứ quán Việt Nam tại Hàn Quốc",
      protectionCaseId: "bh-9",
      note: "Tai nạn giao thông",
    })
    expect(await rowOf(worker.id)).toMatchObject({ deathOrMissing: "deceased", deathOrMissingOn: "2026-06-01" })
    await refused(
      await post(province, worker.id, "return", { occurredOn: "2026-07-01", kind: "early" }),
      "WorkerDeceased",
      "Người lao động đã được báo tử vong ngày 01/06/2026; không thể ghi nhận về nước.",
    )
    const detail = await province.json("GET", `/api/workers/${worker.id}`)
    const reports = detail.body.history.filter((e: { type: string }) => e.type === "WorkerDeathOrMissingReported")
    expect(reports).toHaveLength(2)
    expect(reports[1].data).toMatchObject({ status: "deceased", protectionCaseId: "bh-9", sensitiveSealed: true })
    expect(JSON.stringify(reports)).not.toContain("Tai nạn giao thông")
  })

  test("erasure is an event (who, when, legal basis), releases the person's claim and changes no figure", async () => {
    const someone = person({ fullName: "Lường Thị Xóa" })
    const worker = await register(province, someone)
    await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-02-20" })
    await ok(province, worker.id, "selection", { occurredOn: "2026-03-01", enterpriseId })
    await ok(province, worker.id, "contract", contract("2026-03-05"))
    await ok(province, worker.id, "departure", { occurredOn: "2026-04-01" })
    const figures = async () => {
      const { total, items } = await t.services.models.attainment({ provinceCode: "14", year: 2026 })
      return { total, items }
    }
    const before = await figures()
    // the same person cannot be registered twice while the claim is held
    expect((await province.json("POST", "/api/workers", someone)).status).toBe(409)

    const basis = {
      number: "91/2025/QH15",
      date: "2025-06-26",
      issuer: "Quốc hội",
      title: "Luật Bảo vệ dữ liệu cá nhân",
    }
    const erased = await province.json("DELETE", `/api/workers/${worker.id}/personal-data`, {
      reason: "Chủ thể dữ liệu yêu cầu xóa",
      legalBasis: basis,
    })
    expect(erased.status, JSON.stringify(erased.body)).toBe(200)
    expect(erased.body).toMatchObject({ erased: true, alreadyErased: false, legalBasis: basis })
    const detail = await province.json("GET", `/api/workers/${worker.id}`)
    const event = detail.body.history.at(-1)
    expect(event).toMatchObject({
      eventId: erased.body.eventId,
      type: "WorkerPersonalDataErased",
      actor: expect.objectContaining({ role: "province-officer" }),
      data: expect.objectContaining({ legalBasis: basis, reason: "Chủ thể dữ liệu yêu cầu xóa" }),
    })
    expect(await figures()).toEqual(before)

    // the claim is released: the person may be registered again, as a new record
    const again = await province.json("POST", "/api/workers", { ...someone, occurredOn: "2026-05-01" })
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    expect(again.body.id).not.toBe(worker.id)

    // erasing again records nothing more and answers with the first erasure's event and basis
    const count = await t.services.log.count()
    const twice = await province.json("DELETE", `/api/workers/${worker.id}/personal-data`, { reason: "Lần nữa" })
    expect(twice.body).toMatchObject({ alreadyErased: true, eventId: erased.body.eventId, legalBasis: basis })
    expect(await t.services.log.count()).toBe(count)
  })

  test("a move recorded by the receiving commune, by citizen ID; each commune's figures follow the residence on each date", async () => {
    const someone = person()
    const worker = await register(province, someone)
    await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-02-20" })
    await ok(province, worker.id, "selection", { occurredOn: "2026-03-01", enterpriseId })
    await ok(province, worker.id, "contract", contract("2026-03-05"))
    await ok(province, worker.id, "departure", { occurredOn: "2026-03-10" })
    await ok(province, worker.id, "return", { occurredOn: "2026-06-01", kind: "onTime" })
    // Chiềng An cannot see the record before the move
    expect((await chiengAn.json("GET", `/api/workers/${worker.id}`)).status).toBe(404)

    const moveIn = (client: typeof chiengAn, body: Record<string, unknown>) =>
      client.json("POST", "/api/workers/move-ins", { occurredOn: "2026-06-15", residenceUnit: CHIENG_AN, ...body })
    expectProblem(await moveIn(toHieu, { citizenId: someone.identity.citizenId }), 403, /forbidden$/)
    expectProblem(await moveIn(chiengAn, { citizenId: "0140980" }), 400, /validation$/)
    const stranger = person()
    expectProblem(await moveIn(chiengAn, { citizenId: stranger.identity.citizenId }), 404, /not-found$/)

    const moved = await moveIn(chiengAn, { citizenId: someone.identity.citizenId })
    expect(moved.status, JSON.stringify(moved.body)).toBe(201)
    expect(moved.body).toMatchObject({ id: worker.id, stage: "returned" })
    // now Chiềng An's worker, no longer Tô Hiệu's
    expect((await chiengAn.json("GET", `/api/workers/${worker.id}`)).status).toBe(200)
    expect((await toHieu.json("GET", `/api/workers/${worker.id}`)).status).toBe(404)
    expect(await rowOf(worker.id)).toMatchObject({ unitCode: CHIENG_AN })
    // the departure of March stays Tô Hiệu's: it counts where the worker lived on its date
    const departure = (await t.services.models.departures({ provinceCode: "14" })).find((d) => d.workerId === worker.id)
    expect(departure).toMatchObject({ unitCode: TO_HIEU, departedOn: "2026-03-10" })
    const detail = await chiengAn.json("GET", `/api/workers/${worker.id}`)
    expect(detail.body.history.at(-1)).toMatchObject({
      type: "WorkerResidenceChanged",
      actor: expect.objectContaining({ role: "commune-officer" }),
    })
  })

  test("residents of a commune split on 1 July 2025: a work list, assigned to one successor with a reason; figures attributable then", async () => {
    // Xã Chiềng Hắc (04012) was split between Phường Mộc Châu (03980) and Xã Chiềng Hặc (04078)
    const worker = await register(province, person({ unit: "04012", occurredOn: "2025-03-01" }))
    await ok(province, worker.id, "dossier-confirmation", { occurredOn: "2026-02-20" })
    await ok(province, worker.id, "selection", { occurredOn: "2026-03-01", enterpriseId })
    await ok(province, worker.id, "contract", contract("2026-03-05"))
    await ok(province, worker.id, "departure", { occurredOn: "2026-04-01" })
    const notAttributable = async () =>
      (await t.services.models.attainment({ provinceCode: "14", year: 2026 })).notAttributable.reduce(
        (n, u) => n + u.departed,
        0,
      )
    const before = await notAttributable()
    expect(before).toBeGreaterThanOrEqual(1)

    const list = await province.json("GET", "/api/split-commune-residents")
    expect(list.status, JSON.stringify(list.body).slice(0, 500)).toBe(200)
    const item = list.body.items.find((i: { id: string }) => i.id === worker.id)
    expect(item).toMatchObject({ unit: { unitCode: "04012", unitName: "Xã Chiềng Hắc" } })
    expect(item.successors.map((s: { unitCode: string }) => s.unitCode).toSorted()).toEqual(["03980", "04078"])
    expect(JSON.stringify(list.body)).not.toContain("Lò Văn Test")
    expect((await toHieu.json("GET", "/api/split-commune-residents")).status).toBe(403)

    const assign = (client: typeof province, id: string, residenceUnit: string) =>
      post(client, id, "residence-assignment", { occurredOn: "2025-07-01", residenceUnit, reason: "Bản thuộc xã mới" })
    await refused(await assign(province, worker.id, "03646"), "NotASuccessor", /không phải đơn vị kế thừa/)
    const elsewhere = await register(province, person())
    await refused(
      await post(province, elsewhere.id, "residence-assignment", {
        occurredOn: "2026-02-01",
        residenceUnit: "04078",
        reason: "Nhầm",
      }),
      "NotInSplitUnit",
      /không cư trú tại xã, phường bị chia tách/,
    )
    expect((await assign(toHieu, worker.id, "04078")).status).toBe(403)

    await ok(province, worker.id, "residence-assignment", {
      occurredOn: "2025-07-01",
      residenceUnit: "04078",
      reason: "Bản Pa Khen thuộc xã Chiềng Hặc mới",
    })
    const after = await province.json("GET", "/api/split-commune-residents")
    expect(after.body.items.some((i: { id: string }) => i.id === worker.id)).toBe(false)
    expect(after.body.total).toBe(list.body.total - 1)
    const departure = (await t.services.models.departures({ provinceCode: "14" })).find((d) => d.workerId === worker.id)
    expect(departure).toMatchObject({ unitCode: "04078" })
    expect(await notAttributable()).toBe(before - 1)
  })
})
