import { beforeAll, describe, expect, test } from "vitest"
import { ensureUser } from "../src/auth/users.ts"
import type { Client } from "./support/test-app.ts"
import {
  CHIENG_AN,
  chiengAn,
  contract,
  enterprise,
  enterpriseId,
  eventCount,
  expectProblem,
  ok,
  person,
  post,
  province,
  register,
  setUpWorkersApp,
  signIn,
  t,
  toHieu,
} from "./support/workers-app.ts"

setUpWorkersApp()

describe("recruitment only through the commune and by enterprises that may recruit (issue 15)", () => {
  const basis = { number: "15/QĐ-SNV", date: "2025-01-05", issuer: "Sở Nội vụ tỉnh Sơn La" }
  const stamp = Date.now().toString(36)
  /** A licensed enterprise (vetted in Sơn La unless told), with an officer account signed in. */
  const enterpriseWithOfficer = async (name: string, vetted: boolean) => {
    const id = `dn-${name}-${stamp}`
    const created = await province.json("POST", "/api/enterprises", {
      enterpriseId: id,
      name: `Công ty TNHH Nhân lực ${name} ${stamp}`,
      licenceNumber: `${name}/LĐTBXH-GP`,
      licenceDate: "2020-01-02",
      occurredOn: "2025-01-02",
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    if (vetted) {
      const vetting = await province.json("POST", `/api/enterprises/${id}/vettings`, {
        legalBasis: basis,
        occurredOn: "2025-01-05",
      })
      expect(vetting.status, JSON.stringify(vetting.body)).toBe(200)
    }
    const username = `dn-${name}-${stamp}`
    await ensureUser(t.services.log.database.db, {
      username,
      displayName: `Cán bộ doanh nghiệp ${name}`,
      role: "enterprise-officer",
      provinceCode: "14",
      enterpriseId: id,
      password: "demo",
    })
    return { id, client: await signIn(t.app, username) }
  }

  let other: { id: string; client: Client }
  let unvetted: { id: string; client: Client }
  let suspended: { id: string; client: Client }
  beforeAll(async () => {
    other = await enterpriseWithOfficer("khac", true)
    unvetted = await enterpriseWithOfficer("chua-duyet", false)
    suspended = await enterpriseWithOfficer("dinh-chi", true)
    const suspension = await province.json("POST", `/api/enterprises/${suspended.id}/suspensions`, {
      legalBasis: { ...basis, number: "99/QĐ-XPHC", date: "2026-03-01" },
      reason: "Thu phí dịch vụ vượt mức quy định",
      until: "2026-04-01",
      occurredOn: "2026-03-01",
    })
    expect(suspension.status, JSON.stringify(suspension.body)).toBe(200)
  }, 120_000)

  test("an enterprise officer cannot select a worker whose dossier is unconfirmed, nor read its identity; it can once the commune confirms", async () => {
    const worker = await register(toHieu, person({ fullName: "Lò Thị Hồ Sơ" }))
    expectProblem(await enterprise.json("GET", `/api/workers/${worker.id}`), 404, /not-found$/)
    const before = await eventCount()
    const refused = await post(enterprise, worker.id, "selection", { occurredOn: "2026-02-01" })
    expectProblem(refused, 422, /rejected$/)
    expect(refused.body).toMatchObject({
      rejection: "DossierNotConfirmed",
      detail: expect.stringContaining("chưa được UBND xã, phường nơi cư trú xác nhận"),
    })
    expect(JSON.stringify(refused.body)).not.toContain("Lò Thị Hồ Sơ")
    expect(await eventCount()).toBe(before)
    // nor through the province officer naming the enterprise
    const byProvince = await post(province, worker.id, "selection", { occurredOn: "2026-02-01", enterpriseId })
    expect(byProvince.body.rejection).toBe("DossierNotConfirmed")
    expectProblem(await enterprise.json("GET", `/api/workers/${worker.id}`), 404, /not-found$/)

    // only the commune of residence (or the province) confirms the dossier
    expectProblem(
      await post(chiengAn, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" }),
      404,
      /not-found$/,
    )
    expectProblem(
      await post(enterprise, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" }),
      403,
      /forbidden$/,
    )
    const confirmed = await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    expect(confirmed.stage).toBe("dossierConfirmed")
    const again = await post(province, worker.id, "dossier-confirmation", { occurredOn: "2026-01-25" })
    expect(again.body.rejection).toBe("DossierAlreadyConfirmed")

    // before the confirmation's date: still refused; after it: selected, and the identity is the enterprise's to read
    const early = await post(enterprise, worker.id, "selection", { occurredOn: "2026-01-19" })
    expect(early.body.rejection).toBe("DatesOutOfOrder")
    await ok(enterprise, worker.id, "selection", { occurredOn: "2026-02-01" })
    const detail = await enterprise.json("GET", `/api/workers/${worker.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({ identityStatus: "shown", identity: { fullName: "Lò Thị Hồ Sơ" } })
    expect(detail.body.stage).toBe("selected")
  })

  test("an enterprise not on the province's list, or suspended on the date, can neither select nor sign; after the suspension it can", async () => {
    const worker = await register(province, person())
    await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    const before = await eventCount()

    const notVetted = await post(unvetted.client, worker.id, "selection", { occurredOn: "2026-02-01" })
    expectProblem(notVetted, 422, /rejected$/)
    expect(notVetted.body).toMatchObject({
      rejection: "EnterpriseNotVettedInProvince",
      detail: expect.stringContaining("không có trong danh sách doanh nghiệp được tỉnh lựa chọn"),
    })
    const named = await post(province, worker.id, "selection", { occurredOn: "2026-02-01", enterpriseId: unvetted.id })
    expect(named.body.rejection).toBe("EnterpriseNotVettedInProvince")
    expectProblem(await unvetted.client.json("GET", `/api/workers/${worker.id}`), 404, /not-found$/)

    const during = await post(suspended.client, worker.id, "selection", { occurredOn: "2026-03-15" })
    expectProblem(during, 422, /rejected$/)
    expect(during.body).toMatchObject({
      rejection: "EnterpriseSuspendedOnDate",
      detail: expect.stringContaining("đang bị đình chỉ hoạt động vào ngày 15/03/2026"),
    })
    const { enterpriseId: _, ...ownContract } = contract("2026-03-20")
    // a contract with the suspended enterprise, recorded by the province, is refused for the same reason
    const contractDuring = await post(province, worker.id, "contract", {
      ...contract("2026-03-20"),
      enterpriseId: suspended.id,
    })
    expectProblem(contractDuring, 422, /rejected$/)
    expect(contractDuring.body.rejection).toBe("EnterpriseSuspendedOnDate")
    expectProblem(await suspended.client.json("GET", `/api/workers/${worker.id}`), 404, /not-found$/)
    expect(await eventCount()).toBe(before)

    // the suspension ended on 1 April: the same enterprise may select and sign after it
    await ok(suspended.client, worker.id, "selection", { occurredOn: "2026-04-02" })
    await ok(suspended.client, worker.id, "contract", { ...ownContract, occurredOn: "2026-04-05" })
    expect((await suspended.client.json("GET", `/api/workers/${worker.id}`)).body.identity.fullName).toBe("Lò Văn Test")
  })

  test("another enterprise can neither void nor correct the first enterprise's contract or departure; the province can", async () => {
    const worker = await register(toHieu, person())
    await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    await ok(enterprise, worker.id, "selection", { occurredOn: "2026-02-01" })
    const { enterpriseId: _, ...ownContract } = contract("2026-02-05")
    const signed = await ok(enterprise, worker.id, "contract", ownContract)
    // the other enterprise selects the worker too, so it may see the record
    await ok(other.client, worker.id, "selection", { occurredOn: "2026-02-10" })
    const departed = await ok(enterprise, worker.id, "departure", { occurredOn: "2026-03-01" })
    expect((await other.client.json("GET", `/api/workers/${worker.id}`)).status).toBe(200)

    const before = await eventCount()
    const attempts = [
      post(other.client, worker.id, "voids", { correctsEventId: signed.eventId, reason: "Hủy hợp đồng" }),
      post(other.client, worker.id, "corrections", {
        correctsEventId: signed.eventId,
        reason: "Sửa lương",
        replacement: { ...ownContract, monthlyWage: { amount: 1, currency: "KRW" } },
      }),
      post(other.client, worker.id, "voids", { correctsEventId: departed.eventId, reason: "Chưa xuất cảnh" }),
      post(other.client, worker.id, "corrections", {
        correctsEventId: departed.eventId,
        reason: "Sai ngày",
        replacement: { occurredOn: "2026-03-10" },
      }),
      // the commune did not record the departure either
      post(toHieu, worker.id, "voids", { correctsEventId: departed.eventId, reason: "Chưa xuất cảnh" }),
    ]
    for (const answer of await Promise.all(attempts)) {
      expectProblem(answer, 403, /forbidden$/)
      expect(answer.body.detail).toContain("hoặc Sở Nội vụ mới được sửa hoặc hủy bản ghi này")
    }
    expect(await eventCount()).toBe(before)

    // the enterprise that recorded them may; so may the province
    const moved = await post(enterprise, worker.id, "corrections", {
      correctsEventId: departed.eventId,
      reason: "Sửa theo ngày trên hộ chiếu",
      replacement: { occurredOn: "2026-03-02" },
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(201)
    const voided = await post(province, worker.id, "voids", { correctsEventId: departed.eventId, reason: "Nhập nhầm" })
    expect(voided.status, JSON.stringify(voided.body)).toBe(201)
    expect(voided.body.stage).toBe("contracted")
    const fixed = await post(province, worker.id, "corrections", {
      correctsEventId: signed.eventId,
      reason: "Sửa mức lương",
      replacement: { ...contract("2026-02-05"), monthlyWage: { amount: 2_100_000, currency: "KRW" } },
    })
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201)
  })

  test("a commune's facts are corrected by that commune or the province, not by the commune the worker moved to", async () => {
    const worker = await register(toHieu, person())
    const counselled = await ok(toHieu, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "Sai tên" })
    await ok(toHieu, worker.id, "residence", { occurredOn: "2026-02-01", residenceUnit: CHIENG_AN })
    expect((await chiengAn.json("GET", `/api/workers/${worker.id}`)).status).toBe(200)
    const replacement = { occurredOn: "2026-01-10", provider: "Trung tâm Dịch vụ việc làm tỉnh" }
    const refused = await post(chiengAn, worker.id, "corrections", {
      correctsEventId: counselled.eventId,
      reason: "Sai đơn vị tư vấn",
      replacement,
    })
    expectProblem(refused, 403, /forbidden$/)
    expect(refused.body.detail).toContain("UBND xã, phường đã ghi nhận")
    expectProblem(
      await post(chiengAn, worker.id, "voids", { correctsEventId: counselled.eventId, reason: "Nhầm" }),
      403,
      /forbidden$/,
    )
    // Chiềng An may correct what it records itself
    const own = await ok(chiengAn, worker.id, "training", { occurredOn: "2026-02-10", kind: "language", provider: "A" })
    const fixedOwn = await post(chiengAn, worker.id, "corrections", {
      correctsEventId: own.eventId,
      reason: "Sai ngày",
      replacement: { occurredOn: "2026-02-11", kind: "language", provider: "A" },
    })
    expect(fixedOwn.status, JSON.stringify(fixedOwn.body)).toBe(201)
    const byProvince = await post(province, worker.id, "corrections", {
      correctsEventId: counselled.eventId,
      reason: "Sai đơn vị tư vấn",
      replacement,
    })
    expect(byProvince.status, JSON.stringify(byProvince.body)).toBe(201)
  })
})
