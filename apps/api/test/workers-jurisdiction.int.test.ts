import { AdminUnit } from "@xkld/domain"
import { describe, expect, test } from "vitest"
import { ensureUser } from "../src/auth/users.ts"
import { todayIso } from "../src/workers/units.ts"
import {
  accessRows,
  auditor,
  bank,
  CHIENG_AN,
  chiengAn,
  contract,
  enterprise,
  enterpriseId,
  expectProblem,
  leader,
  ok,
  person,
  post,
  province,
  register,
  setUpWorkersApp,
  signIn,
  t,
  TO_HIEU,
  toHieu,
} from "./support/workers-app.ts"

setUpWorkersApp()

describe("jurisdiction and personal data", () => {
  test("the commune officer of Tô Hiệu can neither read nor write a worker of Chiềng An; Chiềng An can", async () => {
    const worker = await register(chiengAn, person({ unit: CHIENG_AN, fullName: "Quàng Văn An" }))
    expect((await toHieu.json("GET", `/api/workers/${worker.id}`)).status).toBe(404)
    expectProblem(
      await post(toHieu, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "A" }),
      404,
      /not-found$/,
    )
    expectProblem(await toHieu.json("GET", `/api/workers?unit=${CHIENG_AN}`), 403, /forbidden$/)
    const own = await register(toHieu, person({ unit: TO_HIEU }))
    const list = await toHieu.json("GET", "/api/workers?limit=500")
    const listed: Array<{ id: string; unitId: string }> = list.body.items
    expect(listed.map((i) => i.id)).not.toContain(worker.id)
    expect(listed.map((i) => i.id)).toContain(own.id)
    // exactly the officer's own ward: every listed unit is Tô Hiệu, or an older unit merged whole into it
    const catalogue = await t.services.models.catalogues.at()
    const toHieuId = AdminUnit.unitOn(catalogue, TO_HIEU, todayIso())[0]!.unitId
    const ownWard = (unitId: string) =>
      unitId === toHieuId ||
      (AdminUnit.successorsToday(catalogue, unitId).length === 1 &&
        AdminUnit.successorsToday(catalogue, unitId)[0]!.unitId === toHieuId)
    expect(listed.filter((i) => !ownWard(i.unitId))).toEqual([])
    expect((await chiengAn.json("GET", `/api/workers/${worker.id}`)).body.identity.fullName).toBe("Quàng Văn An")
    await ok(chiengAn, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "A" })
  })

  test("the leader gets 403 on the person list and details; the auditor reads names but writes nothing", async () => {
    expectProblem(await leader.json("GET", "/api/workers"), 403, /forbidden$/)
    const someone = await register(province, person())
    expectProblem(await leader.json("GET", `/api/workers/${someone.id}`), 403, /forbidden$/)
    expectProblem(
      await post(auditor, someone.id, "counselling", { occurredOn: "2026-01-10", provider: "A" }),
      403,
      /forbidden$/,
    )
    const list = await auditor.json("GET", "/api/workers?limit=5")
    expect(list.status).toBe(200)
    expect(list.body.items[0]).toHaveProperty("fullName")
  })

  test("the list: own ward only for a commune officer, names in Vietnamese order, each shown name logged", async () => {
    const names = ["Đinh Văn Bình", "Lò Thị Ánh", "Bạc Cầm Ân", "Điêu Chính Dũng"]
    const ids: string[] = []
    for (const fullName of names) ids.push((await register(chiengAn, person({ unit: CHIENG_AN, fullName }))).id)
    const list = await chiengAn.json("GET", `/api/workers?unit=${CHIENG_AN}&limit=500&sort=name`)
    expect(list.status).toBe(200)
    expect(list.body.items.every((i: { unitName: string }) => i.unitName === "Phường Chiềng An")).toBe(true)
    const shown: string[] = list.body.items
      .map((i: { fullName: string }) => i.fullName)
      .filter((n: string | null) => n !== null)
    expect(shown).toEqual([...shown].sort(new Intl.Collator("vi").compare))
    expect(list.body.total).toBe(list.body.items.length)
    for (const id of ids)
      expect(await accessRows(id, "list")).toEqual([
        expect.objectContaining({ role: "commune-officer", purpose: "list" }),
      ])
    const item = list.body.items.find((i: { id: string }) => i.id === ids[1])
    expect(item).toMatchObject({
      fullName: "Lò Thị Ánh",
      stage: "registered",
      stageLabel: "đã đăng ký",
      unitCode: CHIENG_AN,
      sex: "male",
      birthYear: 1998,
      ethnicMinority: true,
    })

    const searched = await chiengAn.json("GET", `/api/workers?q=${encodeURIComponent("dinh van binh")}`)
    expect(searched.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]])
    const page = await province.json("GET", `/api/workers?stage=registered&limit=2&offset=1&sort=registeredOn`)
    expect(page.body.items).toHaveLength(2)
    expect(page.body.total).toBeGreaterThan(2)
    expect(page.body.items.every((i: { stage: string }) => i.stage === "registered")).toBe(true)
    expectProblem(await province.json("GET", "/api/workers?limit=501"), 400, /validation$/)
  })

  test("the enterprise officer selects a worker whose dossier the commune confirmed, then acts only for the workers it selected", async () => {
    const mine = await register(province, person())
    const other = await register(province, person())
    await ok(toHieu, mine.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    expectProblem(
      await post(enterprise, other.id, "training", { occurredOn: "2026-02-01", kind: "language", provider: "A" }),
      404,
      /not-found$/,
    )
    expect((await enterprise.json("GET", `/api/workers/${other.id}`)).status).toBe(404)
    await ok(enterprise, mine.id, "selection", { occurredOn: "2026-02-01" })
    expectProblem(
      await post(enterprise, mine.id, "selection", { occurredOn: "2026-02-02", enterpriseId: "doanh-nghiep-khac" }),
      403,
      /forbidden$/,
    )
    await ok(enterprise, mine.id, "training", {
      occurredOn: "2026-02-03",
      kind: "language",
      provider: "Trung tâm ngoại ngữ",
    })
    expectProblem(
      await post(enterprise, mine.id, "counselling", { occurredOn: "2026-02-03", provider: "A" }),
      403,
      /forbidden$/,
    )
    const list = await enterprise.json("GET", "/api/workers?limit=500")
    const ids = list.body.items.map((i: { id: string }) => i.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(other.id)
    expect(list.body.items.every((i: { enterpriseId: string }) => i.enterpriseId === enterpriseId)).toBe(true)
    expect(list.body.items.find((i: { id: string }) => i.id === mine.id).fullName).toBe("Lò Văn Test")
  })

  test("the bank officer records loans only and sees workers with a loan or a contract, without names", async () => {
    const worker = await register(province, person())
    const body = { occurredOn: "2026-02-01", loanId: "vay-9", bank: "NHCSXH Sơn La", amount: 100_000_000 }
    // a new loan needs the loan file the commune confirmed under its id (ADR 0023)
    const unconfirmed = await post(bank, worker.id, "loans", { ...body, status: "approved" })
    expectProblem(unconfirmed, 422, /rejected$/)
    expect(unconfirmed.body.rejection).toBe("LoanFileNotConfirmed")
    expect(unconfirmed.body.detail).toBe(
      "Hồ sơ vay vốn vay-9 chưa được UBND xã, phường xác nhận; chưa thể ghi nhận khoản vay.",
    )
    await ok(province, worker.id, "loan-file-confirmation", {
      occurredOn: "2026-01-30",
      loanId: "vay-9",
      bank: body.bank,
    })
    const loan = await ok(bank, worker.id, "loans", { ...body, status: "approved" })
    expect(loan.stage).toBe("registered")
    expectProblem(
      await post(bank, worker.id, "counselling", { occurredOn: "2026-02-01", provider: "A" }),
      403,
      /forbidden$/,
    )
    const list = await bank.json("GET", "/api/workers?limit=500")
    expect(list.status).toBe(200)
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(worker.id)
    expect(list.body.items.every((i: object) => !("fullName" in i))).toBe(true)
    const detail = await bank.json("GET", `/api/workers/${worker.id}`)
    expect(detail.body).toMatchObject({
      identityStatus: "hidden",
      identity: null,
      loans: [expect.objectContaining({ amount: 100_000_000, status: "approved" })],
    })
    expect(await accessRows(worker.id)).toEqual([])
  })

  test("reading the detail logs who read whose identity; erasure makes it unreadable and leaves the attainment figure as it was", async () => {
    const worker = await register(province, person({ fullName: "Hà Văn Xóa" }))
    await ok(province, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    await ok(province, worker.id, "contract", contract("2026-02-01"))
    await ok(province, worker.id, "departure", { occurredOn: "2026-03-01" })
    const read = await province.json("GET", `/api/workers/${worker.id}`)
    expect(read.body.identity.fullName).toBe("Hà Văn Xóa")
    expect(await accessRows(worker.id, "detail")).toEqual([
      { user_id: expect.any(String), role: "province-officer", purpose: "detail" },
    ])

    const figures = async () => {
      const { total, items } = await t.services.models.attainment({ provinceCode: "14", year: 2026 })
      return { total, items }
    }
    const before = await figures()
    expect(before.total.departed).toBeGreaterThan(0)
    expectProblem(
      await toHieu.json("DELETE", `/api/workers/${worker.id}/personal-data`, { reason: "Yêu cầu của chủ thể dữ liệu" }),
      403,
      /forbidden$/,
    )
    const erased = await province.json("DELETE", `/api/workers/${worker.id}/personal-data`, {
      reason: "Yêu cầu của chủ thể dữ liệu",
    })
    expect(erased.status, JSON.stringify(erased.body)).toBe(200)
    expect(erased.body).toMatchObject({ id: worker.id, erased: true, alreadyErased: false })

    const after = await province.json("GET", `/api/workers/${worker.id}`)
    expect(after.body).toMatchObject({ identityStatus: "erased", stage: "departed", birthYear: 1998 })
    expect(JSON.stringify(after.body)).not.toContain("Hà Văn Xóa")
    expect(after.body.identity.message).toContain("đã bị xóa")
    const listed = await province.json("GET", `/api/workers?unit=${TO_HIEU}&limit=500`)
    expect(listed.body.items.find((i: { id: string }) => i.id === worker.id)).toMatchObject({
      fullName: null,
      identityStatus: "erased",
    })
    expect(await figures()).toEqual(before)

    // facts that need the person's key can no longer be recorded; the others still can
    const back = await ok(province, worker.id, "return", { occurredOn: "2026-06-01", kind: "early" })
    expect(back.stage).toBe("returned")
    const violation = await post(province, worker.id, "violations", {
      occurredOn: "2026-06-02",
      category: "other",
      description: "x",
    })
    expectProblem(violation, 422, /rejected$/)
    const twice = await province.json("DELETE", `/api/workers/${worker.id}/personal-data`, { reason: "Lần nữa" })
    expect(twice.body.alreadyErased).toBe(true)
  })
})

describe("jurisdiction before versions, and identities as of a past date (issue 15)", () => {
  test("a wrong If-Match from outside the jurisdiction is a 404, never a 409 that reveals the worker and its version", async () => {
    await ensureUser(t.services.log.database.db, {
      username: "snv-lai-chau-if-match",
      displayName: "Cán bộ Sở Nội vụ tỉnh Lai Châu",
      role: "province-officer",
      provinceCode: "12",
      password: "demo",
    })
    const laiChau = await signIn(t.app, "snv-lai-chau-if-match")
    const worker = await register(toHieu, person())
    const counselled = await ok(toHieu, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "A" })
    const stale = { "if-match": '"99"' }
    const body = { occurredOn: "2026-01-20", kind: "language", provider: "B" }
    for (const outsider of [chiengAn, laiChau, enterprise]) {
      for (const answer of [
        await post(outsider, worker.id, "training", body, stale),
        await post(outsider, worker.id, "voids", { correctsEventId: counselled.eventId, reason: "x" }, stale),
        await post(
          outsider,
          worker.id,
          "corrections",
          {
            correctsEventId: counselled.eventId,
            reason: "x",
            replacement: { occurredOn: "2026-01-11", provider: "A" },
          },
          stale,
        ),
      ]) {
        expectProblem(answer, 404, /not-found$/)
        expect(answer.body).not.toHaveProperty("currentVersion")
      }
    }
    // a role that may not record the fact at all: 403, still not 409
    expectProblem(await post(bank, worker.id, "training", body, stale), 403, /forbidden$/)
    // the officer in charge gets the 409 with the current version
    const own = await post(toHieu, worker.id, "training", body, stale)
    expectProblem(own, 409, /wrong-expected-version$/)
    expect(own.body.currentVersion).toBe(counselled.version)
  })

  test("as of a past time, a commune sees the people who lived there then, but no longer their identity once they left", async () => {
    const worker = await register(toHieu, person({ fullName: "Lò Văn Chuyển Đi" }))
    const stayed = await register(toHieu, person({ fullName: "Lò Văn Ở Lại" }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const then = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await ok(toHieu, worker.id, "residence", { occurredOn: "2026-02-01", residenceUnit: CHIENG_AN })

    const past = await toHieu.json("GET", `/api/workers?asOf=${encodeURIComponent(then)}&limit=500&sort=registeredOn`)
    expect(past.status, JSON.stringify(past.body)).toBe(200)
    const item = past.body.items.find((i: { id: string }) => i.id === worker.id)
    expect(item).toMatchObject({ unitCode: TO_HIEU, fullName: null, identityStatus: "hidden" })
    expect(JSON.stringify(past.body)).not.toContain("Lò Văn Chuyển Đi")
    expect(past.body.items.find((i: { id: string }) => i.id === stayed.id)).toMatchObject({
      fullName: "Lò Văn Ở Lại",
      identityStatus: "shown",
    })
    // a name search cannot find the hidden name either, and its read is not logged
    const searched = await toHieu.json(
      "GET",
      `/api/workers?asOf=${encodeURIComponent(then)}&q=${encodeURIComponent("chuyen di")}`,
    )
    expect(searched.body.items).toEqual([])
    expect(await accessRows(worker.id, "list")).toEqual([])

    // today Tô Hiệu no longer lists the person; Chiềng An does, with the name, but not as of before the move
    const now = await toHieu.json("GET", "/api/workers?limit=500")
    expect(now.body.items.map((i: { id: string }) => i.id)).not.toContain(worker.id)
    const receiving = await chiengAn.json("GET", `/api/workers?asOf=${encodeURIComponent(then)}&limit=500`)
    expect(receiving.body.items.map((i: { id: string }) => i.id)).not.toContain(worker.id)
    const receivingNow = await chiengAn.json("GET", "/api/workers?limit=500")
    expect(receivingNow.body.items.find((i: { id: string }) => i.id === worker.id)?.fullName).toBe("Lò Văn Chuyển Đi")
    // the province sees both, then and now
    const provincePast = await province.json(
      "GET",
      `/api/workers?asOf=${encodeURIComponent(then)}&unit=${TO_HIEU}&limit=500`,
    )
    expect(provincePast.body.items.find((i: { id: string }) => i.id === worker.id)?.fullName).toBe("Lò Văn Chuyển Đi")
  })
})
