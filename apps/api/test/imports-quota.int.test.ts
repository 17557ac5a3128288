import { QuotaPlan } from "@xkld/domain"
import ExcelJS from "exceljs"
import { describe, expect, test } from "vitest"
import { QUOTA_SHEET, UNITS_SHEET } from "../src/imports/templates.ts"
import {
  CHIENG_AN,
  footprint,
  jsonOf,
  quotaFile,
  session,
  setUpImportsApp,
  sha256,
  t,
  TO_HIEU,
} from "./support/imports-app.ts"

setUpImportsApp()

describe("importing a quota table", () => {
  const planId = QuotaPlan.sonLa2026PlanId
  const basis = "legalNumber=123%2FQĐ-UBND&legalDate=2026-03-02&issuer=" + encodeURIComponent("UBND tỉnh Sơn La")

  test("an amendment of the Sơn La 2026 plan is recorded, reported inconsistent, and not recorded twice", async () => {
    const printed = QuotaPlan.sonLa2026Plan.allocations.slice(0, 2)
    const file = await quotaFile(
      printed.map((a) => [a.unitCode, a.unitName, a.sharePercentPrinted, a.headCount + 3] as const),
    )
    const officer = await session("so-noi-vu")
    const path = `/api/imports/quota?plan=${encodeURIComponent(planId)}&${basis}`
    const response = await officer.upload(path, file, "dieu-chinh.xlsx")
    const body = await jsonOf(response)
    expect(response.status, JSON.stringify(body).slice(0, 800)).toBe(200)
    expect(body).toMatchObject({
      planId,
      action: "amended",
      imported: 1,
      alreadyImported: 0,
      rows: 2,
      fileSha256: sha256(file),
    })
    expect(body.consistency).toMatchObject({
      target: 700,
      isConsistent: false,
      allocatedTotal: 703 + 6,
      discrepancy: 9,
    })
    const events = await t.services.log.readStream(planId)
    const amended = events.at(-1)!
    expect(amended.type).toBe("AllocationAmended")
    expect(amended.metadata.source).toEqual({
      kind: "import",
      fileName: "dieu-chinh.xlsx",
      fileSha256: sha256(file),
      row: 1,
    })
    expect(amended.data.changes.map((a: { headCount: number }) => a.headCount)).toEqual(
      printed.map((a) => a.headCount + 3),
    )
    const again = await officer.upload(path, file, "dieu-chinh.xlsx")
    expect(await jsonOf(again)).toMatchObject({ imported: 0, alreadyImported: 1 })
    expect((await t.services.log.readStream(planId)).length).toBe(events.length)
  })

  test("a new plan is issued from a table whose rows do not add up, with the consistency report", async () => {
    const file = await quotaFile([
      [TO_HIEU, "Phường Tô Hiệu", "50", 50],
      [CHIENG_AN, "Phường Chiềng An", 30.5, 30],
      [null, "Tổng cộng", "", 85],
    ])
    const officer = await session("so-noi-vu")
    const response = await officer.upload(`/api/imports/quota?year=2027&target=90&${basis}`, file, "ke-hoach-2027.xlsx")
    const body = await jsonOf(response)
    expect(response.status, JSON.stringify(body).slice(0, 800)).toBe(200)
    expect(body).toMatchObject({
      planId: "quota-plan:14:2027",
      action: "issued",
      imported: 1,
      allocations: 2,
      printedTotal: 85,
    })
    expect(body.consistency).toMatchObject({
      target: 90,
      allocatedTotal: 80,
      discrepancy: -10,
      printedTotalDiscrepancy: -5,
      shareSumPrinted: "80,5",
      isConsistent: false,
    })
    const [issued] = await t.services.log.readStream("quota-plan:14:2027")
    expect(issued!.type).toBe("PlanIssued")
    expect(issued!.data.allocations[1]).toMatchObject({
      unitCode: CHIENG_AN,
      sharePercentPrinted: "30,5",
      sharePercent: 30.5,
    })
    const plans = await t.services.models.plans({ provinceCode: "14" })
    expect(JSON.stringify(plans)).toContain("quota-plan:14:2027")
  })

  test("the downloaded quota template, filled in, issues a consistent plan", async () => {
    const officer = await session("so-noi-vu")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      Buffer.from(await (await officer.get("/api/imports/templates/quota.xlsx")).arrayBuffer()) as never,
    )
    const units = workbook.getWorksheet(UNITS_SHEET)!
    const sheet = workbook.getWorksheet(QUOTA_SHEET)!
    // Four units from the catalogue sheet, 25% and 10 people each; then the total row.
    for (let i = 0; i < 4; i++) {
      const unit = units.getRow(2 + i)
      sheet.getRow(2 + i).values = [i + 1, String(unit.getCell(1).value), String(unit.getCell(2).value), "25", 10]
    }
    sheet.getRow(6).values = [null, null, "Tổng cộng", null, 40]
    const file = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
    const response = await officer.upload(
      `/api/imports/quota?year=2029&target=40&${basis}&title=${encodeURIComponent("Kế hoạch năm 2029")}`,
      file,
      "mau-chi-tieu.xlsx",
    )
    const body = await jsonOf(response)
    expect(response.status, JSON.stringify(body).slice(0, 800)).toBe(200)
    expect(body).toMatchObject({ planId: "quota-plan:14:2029", allocations: 4, printedTotal: 40, warnings: [] })
    expect(body.consistency).toMatchObject({
      target: 40,
      allocatedTotal: 40,
      shareSumPrinted: "100",
      isConsistent: true,
    })
  })

  test("bad quota rows: 422 row by row, nothing written", async () => {
    const file = await quotaFile([
      ["0364", "Phường Tô Hiệu", "3,46", 24],
      ["01001", "Phường Ngoài Tỉnh", "1,2", 5],
      [CHIENG_AN, "Phường Chiềng An", "ba", -1],
      [CHIENG_AN, "Phường Chiềng An", "1", 1],
    ])
    const officer = await session("so-noi-vu")
    const before = await t.services.log.count()
    const response = await officer.upload(`/api/imports/quota?year=2028&target=90&${basis}`, file, "loi.xlsx")
    const body = await jsonOf(response)
    expect(response.status).toBe(422)
    expect(body.rows.map((r: { row: number; field: string }) => `${r.row}:${r.field}`)).toEqual([
      "2:Mã ĐVHC",
      "3:Mã ĐVHC",
      "4:Tỷ lệ (%)",
      "4:Chỉ tiêu (người)",
      "5:Mã ĐVHC",
    ])
    expect(body.rows[4].message).toMatch(/đã có ở dòng 4/)
    expect(await t.services.log.count()).toBe(before)
  })

  test("an amendment may only change units the plan allocates; only the province officer imports quotas", async () => {
    const file = await quotaFile([["99998", "Xã Không Có", "1", 1]])
    const officer = await session("so-noi-vu")
    const response = await officer.upload(
      `/api/imports/quota?plan=${encodeURIComponent(planId)}&${basis}`,
      file,
      "x.xlsx",
    )
    expect(response.status).toBe(422)
    expect((await jsonOf(response)).rows[0].message).toMatch(/không có trong bảng giao chỉ tiêu của kế hoạch/)
    const missing = await officer.upload(`/api/imports/quota?plan=quota-plan:14:1999&${basis}`, file, "x.xlsx")
    expect(missing.status).toBe(404)
    const noBasis = await officer.upload(`/api/imports/quota?plan=${encodeURIComponent(planId)}`, file, "x.xlsx")
    expect(noBasis.status).toBe(400)
    const commune = await session("to-hieu")
    expect(
      (await commune.upload(`/api/imports/quota?plan=${encodeURIComponent(planId)}&${basis}`, file, "x.xlsx")).status,
    ).toBe(403)
  })
})

describe("the quota import's plan is a quota plan's id or nothing", () => {
  const basis = "legalNumber=9%2FQĐ-UBND&legalDate=2026-03-02&issuer=" + encodeURIComponent("UBND tỉnh Sơn La")
  const table = () => quotaFile([[TO_HIEU, "Phường Tô Hiệu", "50", 5]])

  test.each([
    ["reporting-obligation:14:x", /Mã kế hoạch phải có dạng quota-plan:/],
    ["worker-00000000-0000-4000-8000-000000000000", /Mã kế hoạch phải có dạng quota-plan:/],
    ["quota-plan-14-2026", /Mã kế hoạch phải có dạng quota-plan:<mã tỉnh 2 chữ số>/],
    ["quota-plan:14:../2026", /Mã kế hoạch phải có dạng/],
    ["person-14-abc", /Mã kế hoạch phải có dạng quota-plan:/],
  ])("plan=%s is a 400 field error and writes nothing", async (plan, message) => {
    const officer = await session("so-noi-vu")
    const before = await footprint()
    const response = await officer.upload(
      `/api/imports/quota?plan=${encodeURIComponent(plan)}&${basis}`,
      await table(),
      "x.xlsx",
    )
    const body = await jsonOf(response)
    expect(response.status).toBe(400)
    expect(body.fields).toEqual([
      expect.objectContaining({ path: "query.plan", message: expect.stringMatching(message) }),
    ])
    expect(await footprint()).toEqual(before)
  })

  test("a new plan goes only to the stream its year names; another province's plan is forbidden", async () => {
    const officer = await session("so-noi-vu")
    const before = await footprint()
    const elsewhere = await officer.upload(
      `/api/imports/quota?year=2031&target=5&plan=${encodeURIComponent("quota-plan:14:2026")}&${basis}`,
      await table(),
      "x.xlsx",
    )
    expect(elsewhere.status).toBe(400)
    expect((await jsonOf(elsewhere)).fields[0].message).toMatch(
      /kế hoạch mới năm 2031 của tỉnh có mã quota-plan:14:2031/,
    )
    const other = await officer.upload(`/api/imports/quota?plan=quota-plan:10:2025&${basis}`, await table(), "x.xlsx")
    expect(other.status).toBe(403)
    expect(await footprint()).toEqual(before)
  })
})
