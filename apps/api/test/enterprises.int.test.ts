import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openTestApp, signIn, type Client, type TestApp } from "./support/test-app.ts"

let t: TestApp
let officer: Client
beforeAll(async () => {
  t = await openTestApp()
  officer = await signIn(t.app, "so-noi-vu")
})
afterAll(() => t.close())

const basis = {
  number: "45/TB-SNV",
  date: "2024-04-01",
  issuer: "Sở Nội vụ tỉnh Sơn La",
  title: "Danh sách doanh nghiệp được tuyển chọn lao động",
}
const license = (enterpriseId: string, name: string) =>
  officer.json("POST", "/api/enterprises", {
    enterpriseId,
    name,
    licenceNumber: `${enterpriseId}/LĐTBXH-GP`,
    licenceDate: "2024-03-01",
    occurredOn: "2024-03-05",
  })

describe("enterprises", () => {
  let createdAt: Date
  test("licence, vetting, suspension, reinstatement, violation, removal — each shown in the list and recorded with its legal basis", async () => {
    createdAt = new Date()
    await new Promise((r) => setTimeout(r, 20))
    const licensed = await license("dn-duong-minh", "Công ty Cổ phần Dương Minh")
    expect(licensed.status).toBe(201)
    expect(licensed.body).toMatchObject({
      id: "dn-duong-minh",
      version: 1,
      enterprise: { name: "Công ty Cổ phần Dương Minh", vettedInProvince: false, suspended: false },
    })

    const vetted = await officer.json("POST", "/api/enterprises/dn-duong-minh/vettings", {
      legalBasis: basis,
      occurredOn: "2024-04-01",
    })
    expect(vetted.status).toBe(200)
    expect(vetted.body.enterprise).toMatchObject({
      vettedIn: ["14"],
      vettedInProvince: true,
      mayRecruitInProvince: true,
    })

    const suspended = await officer.json("POST", "/api/enterprises/dn-duong-minh/suspensions", {
      legalBasis: { ...basis, number: "12/QĐ-XPVPHC", date: "2025-01-10" },
      reason: "Thu phí dịch vụ vượt mức quy định",
      occurredOn: "2025-01-10",
    })
    expect(suspended.status).toBe(200)
    expect(suspended.body.enterprise).toMatchObject({
      suspended: true,
      suspensionReason: "Thu phí dịch vụ vượt mức quy định",
      mayRecruitInProvince: false,
    })

    const twice = await officer.json("POST", "/api/enterprises/dn-duong-minh/suspensions", {
      legalBasis: basis,
      reason: "x",
      occurredOn: "2025-01-11",
    })
    expect(twice.status).toBe(422)
    expect(twice.body.rejection).toBe("EnterpriseIsSuspended")
    expect(twice.body.detail).toMatch(/đình chỉ/)

    expect(
      (
        await officer.json("POST", "/api/enterprises/dn-duong-minh/reinstatements", {
          legalBasis: { ...basis, date: "2025-03-01" },
          occurredOn: "2025-03-01",
        })
      ).body.enterprise.suspended,
    ).toBe(false)
    expect(
      (
        await officer.json("POST", "/api/enterprises/dn-duong-minh/violations", {
          description: "Không báo cáo định kỳ",
          penaltyAmount: 15_000_000,
          occurredOn: "2025-04-01",
        })
      ).body.enterprise.violations,
    ).toBe(1)
    const removed = await officer.json("POST", "/api/enterprises/dn-duong-minh/removals", {
      legalBasis: { ...basis, date: "2025-05-01" },
      reason: "Không còn hoạt động tại tỉnh",
      occurredOn: "2025-05-01",
    })
    expect(removed.body.enterprise).toMatchObject({ vettedIn: [], vettedInProvince: false })

    const events = await t.services.log.readStream("enterprise-dn-duong-minh")
    expect(events.map((e) => e.type)).toEqual([
      "EnterpriseLicensed",
      "EnterpriseVetted",
      "EnterpriseSuspended",
      "EnterpriseReinstated",
      "EnterpriseViolationRecorded",
      "EnterpriseRemovedFromVettedList",
    ])
    expect(events[1]!.metadata.legalBasis).toEqual(basis)
    expect(events[0]!.metadata.legalBasis).toBeUndefined()
    expect(events[1]!.metadata.actor).toMatchObject({ role: "province-officer" })
  })

  test("the list: Vietnamese order, filters, pagination, as of a recorded time", async () => {
    await license("dn-em", "Công ty Cổ phần Em")
    await license("dn-dong-a", "Công ty Cổ phần Đông Á")
    await officer.json("POST", "/api/enterprises/dn-dong-a/vettings", { legalBasis: basis, occurredOn: "2024-04-01" })
    const all = await officer.json("GET", "/api/enterprises?province=14")
    expect(all.status).toBe(200)
    // "D" < "Đ" < "E" in Vietnamese (a code-point sort would put Đ after E)
    expect(all.body.items.map((e: any) => e.name)).toEqual([
      "Công ty Cổ phần Dương Minh",
      "Công ty Cổ phần Đông Á",
      "Công ty Cổ phần Em",
    ])
    expect(all.body.total).toBe(3)
    expect((await officer.json("GET", "/api/enterprises?vetted=true")).body.items.map((e: any) => e.id)).toEqual([
      "dn-dong-a",
    ])
    expect((await officer.json("GET", "/api/enterprises?q=đông")).body.items.map((e: any) => e.id)).toEqual([
      "dn-dong-a",
    ])
    const page = await officer.json("GET", "/api/enterprises?limit=1&offset=1")
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ id: "dn-dong-a" }] })
    const before = await officer.json("GET", `/api/enterprises?asOf=${createdAt.toISOString()}`)
    expect(before.body.items).toEqual([])
    expect((await officer.json("GET", "/api/enterprises/dn-em")).body).toMatchObject({
      id: "dn-em",
      licenceNumber: "dn-em/LĐTBXH-GP",
    })
  })

  test("refusals: unknown enterprise 404, dates out of order 422, bad input 400", async () => {
    expect((await officer.json("GET", "/api/enterprises/khong-co")).status).toBe(404)
    expect((await officer.json("POST", "/api/enterprises/khong-co/vettings", { legalBasis: basis })).status).toBe(404)
    // a violation is recorded by a province whose vetted list the enterprise is or was on (ADR 0013)
    const offList = await officer.json("POST", "/api/enterprises/dn-em/violations", { description: "x" })
    expect(offList.status).toBe(403)
    expect(offList.body.detail).toContain("chưa từng có trong danh sách")
    expect((await officer.json("POST", "/api/enterprises/dn-em/vettings", { legalBasis: basis })).status).toBe(200)
    const early = await officer.json("POST", "/api/enterprises/dn-em/violations", {
      description: "x",
      occurredOn: "2020-01-01",
    })
    expect(early.status).toBe(422)
    expect(early.body.rejection).toBe("EnterpriseDatesOutOfOrder")
    const twice = await license("dn-em", "Công ty Cổ phần Em")
    expect(twice.status).toBe(422)
    const bad = await officer.json("POST", "/api/enterprises", {
      name: "",
      licenceNumber: "1",
      licenceDate: "01/03/2024",
    })
    expect(bad.status).toBe(400)
    expect(bad.body.fields.map((f: any) => f.path)).toEqual(expect.arrayContaining(["body.name", "body.licenceDate"]))
    // text the database cannot store (NUL, a lone surrogate) is a 400 naming the field, never a 500
    for (const name of ["Công ty\u0000", "Công ty \ud800"]) {
      const r = await officer.json("POST", "/api/enterprises", { name, licenceNumber: "1", licenceDate: "2024-03-01" })
      expect(r.status).toBe(400)
      expect(r.body.fields).toEqual([expect.objectContaining({ path: "body.name" })])
    }
    expect((await officer.json("GET", "/api/enterprises?asOf=2026-02-30")).status).toBe(400)
  })

  test("only the province officer writes; the enterprise and bank officers read; the administrator does not", async () => {
    for (const username of ["kiem-toan", "lanh-dao", "doanh-nghiep", "to-hieu"]) {
      const client = await signIn(t.app, username)
      expect(
        (await client.json("POST", "/api/enterprises/dn-em/violations", { description: "x" })).status,
        username,
      ).toBe(403)
    }
    for (const username of ["doanh-nghiep", "ngan-hang", "lanh-dao"])
      expect((await (await signIn(t.app, username)).json("GET", "/api/enterprises")).status).toBe(200)
    expect((await (await signIn(t.app, "quan-tri")).json("GET", "/api/enterprises")).status).toBe(403)
  })
})
