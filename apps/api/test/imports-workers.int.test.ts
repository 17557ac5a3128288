import { createHash } from "node:crypto"
import { PersonalData, Worker } from "@xkld/domain"
import { Result } from "effect"
import ExcelJS from "exceljs"
import { describe, expect, test } from "vitest"
import { QUOTA_SHEET, UNITS_SHEET, WORKERS_SHEET } from "../src/imports/templates.ts"
import {
  CHIENG_AN,
  footprint,
  HEADERS,
  jsonOf,
  people,
  rowOf,
  session,
  setUpImportsApp,
  sha256,
  t,
  TO_HIEU,
  toHieuId,
  workersFile,
  workersIn,
  XLSX,
} from "./support/imports-app.ts"

setUpImportsApp()

const workbookOfBuffer = async (bytes: ArrayBuffer) => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as never)
  return workbook
}

describe("templates", () => {
  test("the workers template downloads as xlsx with Vietnamese headers, notes and drop-down lists", async () => {
    const officer = await session("to-hieu")
    const response = await officer.get("/api/imports/templates/workers.xlsx")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe(XLSX)
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="mau-danh-sach-nguoi-lao-dong\.xlsx"/,
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
    const sheet = workbook.getWorksheet(WORKERS_SHEET)!
    const headers = (sheet.getRow(1).values as Array<unknown>).slice(1)
    for (const h of [
      "Họ và tên",
      "Số CCCD",
      "Ngày sinh (dd/mm/yyyy)",
      "Giới tính (Nam/Nữ)",
      "Mã xã/phường",
      "Dân tộc thiểu số (Có/Không)",
      "Nhóm ưu tiên",
      "Ngày đăng ký (dd/mm/yyyy)",
      "Số điện thoại",
      "Địa chỉ",
    ])
      expect(headers).toContain(h)
    expect(sheet.getRow(1).getCell(2).font?.bold).toBe(true)
    const sexColumn = sheet.getColumn(headers.indexOf("Giới tính (Nam/Nữ)") + 1).letter
    expect(sheet.getCell(`${sexColumn}2`).dataValidation).toMatchObject({ type: "list", formulae: ['"Nam,Nữ"'] })
    const notes = workbook.getWorksheet("Hướng dẫn")!
    const noteText = notes.getSheetValues().flat().join(" ")
    expect(noteText).toMatch(/12 chữ số/)
    expect(noteText).toMatch(/Hộ cận nghèo/)
    // A commune officer's catalogue sheet offers their own unit only.
    const units = workbook.getWorksheet(UNITS_SHEET)!
    expect(units.getRow(2).values).toEqual([undefined, TO_HIEU, "Phường Tô Hiệu"])
    expect(units.rowCount).toBe(2)
  })

  test("the quota template has the quota headers and the province's units", async () => {
    const officer = await session("so-noi-vu")
    const response = await officer.get("/api/imports/templates/quota.xlsx")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe(XLSX)
    expect(response.headers.get("content-disposition")).toMatch(/filename="mau-bang-giao-chi-tieu\.xlsx"/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
    expect((workbook.getWorksheet(QUOTA_SHEET)!.getRow(1).values as Array<unknown>).slice(2, 6)).toEqual([
      "Mã ĐVHC",
      "Tên xã, phường",
      "Tỷ lệ (%)",
      "Chỉ tiêu (người)",
    ])
    expect(workbook.getWorksheet(UNITS_SHEET)!.rowCount).toBeGreaterThan(70) // Sơn La: 75 communes and wards
  })
})

describe("importing a commune's workers", () => {
  const list = people(20, 1)
  let file: Uint8Array
  let first: any

  test("a valid list of 20 is registered in one go; the registry shows them at once", async () => {
    file = await workersFile(list)
    const officer = await session("to-hieu")
    const [eventsBefore, workersBefore] = [await t.services.log.count(), await workersIn(toHieuId)]
    const response = await officer.upload("/api/imports/workers", file, "Danh sách Tô Hiệu tháng 1.xlsx")
    first = await jsonOf(response)
    expect(response.status, JSON.stringify(first).slice(0, 800)).toBe(200)
    expect(first).toMatchObject({
      fileName: "Danh sách Tô Hiệu tháng 1.xlsx",
      fileSha256: sha256(file),
      rows: 20,
      imported: 20,
      alreadyImported: 0,
    })
    expect(first.workers.map((w: { row: number }) => w.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3))
    expect(await workersIn(toHieuId)).toBe(workersBefore + 20)
    expect(await t.services.log.count()).toBe(eventsBefore + 40) // registration + person claim each
  })

  test("each event records the file's name, its SHA-256 and its row as its source", async () => {
    const { workerId, row } = first.workers[4]
    const [registered] = await t.services.log.readStream(Worker.workerStreamId(workerId))
    expect(registered!.type).toBe("WorkerRegistered")
    expect(registered!.metadata.source).toEqual({
      kind: "import",
      fileName: "Danh sách Tô Hiệu tháng 1.xlsx",
      fileSha256: sha256(file),
      row,
    })
    expect(registered!.metadata.actor).toMatchObject({ role: "commune-officer", unit: toHieuId })
    expect(registered!.data).toMatchObject({ residenceUnitCode: TO_HIEU, provinceCode: "14", sex: "male" })
    // Personal data is sealed, never in clear.
    expect(JSON.stringify(registered!.data)).not.toContain(list[4]!.cccd)
    expect(JSON.stringify(registered!.data)).not.toContain(list[4]!.name)
    // …and the person's key was stored with it: the identity opens.
    const identity = await PersonalData.openWithKeyRing(
      t.services.keyRing,
      registered!.data.identity,
      Worker.WorkerIdentity,
    )
    expect(Result.getOrThrow(identity)).toMatchObject({
      fullName: list[4]!.name,
      citizenId: list[4]!.cccd,
      dateOfBirth: "2004-05-05",
    })
  })

  test("the same file again writes nothing and says so", async () => {
    const officer = await session("to-hieu")
    const before = await t.services.log.count()
    const response = await officer.upload("/api/imports/workers", file, "bản sao.xlsx")
    const body = await jsonOf(response)
    expect(response.status).toBe(200)
    expect(body).toMatchObject({ rows: 20, imported: 0, alreadyImported: 20 })
    expect(body.workers).toEqual(first.workers)
    expect(await t.services.log.count()).toBe(before)
  })

  test("three bad rows: 422 naming each row and column in Vietnamese, and nothing is written", async () => {
    const list = people(8, 2)
    list[0] = { ...list[0]!, cccd: "01409912" } // row 3: too short
    list[2] = { ...list[2]!, dob: "31/02/1995" } // row 5: no such day
    list[4] = { ...list[4]!, unit: CHIENG_AN } // row 7: another ward
    const officer = await session("to-hieu")
    const [eventsBefore, workersBefore] = [await t.services.log.count(), await workersIn(toHieuId)]
    const response = await officer.upload("/api/imports/workers", await workersFile(list), "co-loi.xlsx")
    const body = await jsonOf(response)
    expect(response.status).toBe(422)
    expect(body.type).toMatch(/import-invalid$/)
    expect(body.rows).toEqual([
      expect.objectContaining({
        row: 3,
        field: "Số CCCD",
        column: "C",
        message: expect.stringMatching(/^Số CCCD không hợp lệ: .*12 chữ số/),
      }),
      expect.objectContaining({
        row: 5,
        field: "Ngày sinh (dd/mm/yyyy)",
        message: "Ngày “31/02/1995” không có thật trên lịch.",
      }),
      expect.objectContaining({
        row: 7,
        field: "Mã xã/phường",
        message: expect.stringMatching(/Phường Chiềng An .*ngoài phạm vi quản lý của bạn.*Phường Tô Hiệu/),
      }),
    ])
    expect(body.detail).toMatch(/3 lỗi ở 3 dòng; chưa dữ liệu nào được ghi/)
    expect(await t.services.log.count()).toBe(eventsBefore)
    expect(await workersIn(toHieuId)).toBe(workersBefore)
  })

  test("the same person twice in a file, or already registered in the province, is refused", async () => {
    const fresh = people(3, 3)
    const twice = [...fresh, { ...fresh[1]!, name: "Người Trùng Lặp" }, { ...list[0]! }]
    const officer = await session("to-hieu")
    const before = await t.services.log.count()
    const response = await officer.upload("/api/imports/workers", await workersFile(twice), "trung.xlsx")
    const body = await jsonOf(response)
    expect(response.status).toBe(422)
    expect(body.rows).toEqual([
      expect.objectContaining({
        row: 6,
        field: "Số CCCD",
        message: expect.stringMatching(/trùng với dòng 4 trong tệp/),
      }),
      expect.objectContaining({
        row: 7,
        field: "Số CCCD",
        message: expect.stringMatching(/đã được đăng ký tại tỉnh/),
      }),
    ])
    expect(await t.services.log.count()).toBe(before)
  })

  test("every kind of cell problem is reported, several per row", async () => {
    const bad = people(2, 4)
    bad[0] = {
      ...bad[0]!,
      sex: "Khác" as never,
      minority: "Có thể" as never,
      groups: "Hộ giàu",
      phone: "12345",
      registered: "15/01/2099",
    }
    bad[1] = { ...bad[1]!, unit: "99999", name: "" }
    const officer = await session("so-noi-vu")
    const response = await officer.upload("/api/imports/workers", await workersFile(bad), "nhieu-loi.xlsx")
    const body = await jsonOf(response)
    expect(response.status).toBe(422)
    const fields = body.rows.map((r: { row: number; field: string }) => `${r.row}:${r.field}`)
    expect(fields).toEqual(
      expect.arrayContaining([
        "3:Giới tính (Nam/Nữ)",
        "3:Dân tộc thiểu số (Có/Không)",
        "3:Nhóm ưu tiên",
        "3:Số điện thoại",
        "3:Ngày đăng ký (dd/mm/yyyy)",
        "4:Mã xã/phường",
        "4:Họ và tên",
      ]),
    )
    expect(
      body.rows.find((r: { row: number; field: string }) => r.row === 4 && r.field === "Mã xã/phường").message,
    ).toMatch(/không có trong danh mục/)
  })

  test("a province officer imports any unit of the province, here as a raw body with X-File-Name", async () => {
    const list = people(2, 5, CHIENG_AN)
    const file = await workersFile(list)
    const officer = await session("so-noi-vu")
    const response = await officer.raw("/api/imports/workers", file, {
      "content-type": XLSX,
      "x-file-name": encodeURIComponent("Chiềng An.xlsx"),
    })
    const body = await jsonOf(response)
    expect(response.status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({ fileName: "Chiềng An.xlsx", imported: 2 })
  })

  test("the downloaded template, filled in, imports", async () => {
    const officer = await session("to-hieu")
    const template = await (await officer.get("/api/imports/templates/workers.xlsx")).arrayBuffer()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(template) as never)
    const sheet = workbook.getWorksheet(WORKERS_SHEET)!
    const headers = (sheet.getRow(1).values as Array<string>).slice(1)
    const column = (h: string) => headers.indexOf(h) + 1
    people(3, 6).forEach((p, i) => {
      const row = sheet.getRow(2 + i)
      row.getCell(column("Họ và tên")).value = p.name
      row.getCell(column("Số CCCD")).value = p.cccd
      // A date cell, as Excel stores dates when the user types into a date-formatted cell.
      const [d, m, y] = p.dob.split("/").map(Number)
      const dob = row.getCell(column("Ngày sinh (dd/mm/yyyy)"))
      dob.value = new Date(Date.UTC(y!, m! - 1, d!))
      dob.numFmt = "dd/mm/yyyy"
      row.getCell(column("Giới tính (Nam/Nữ)")).value = p.sex
      row.getCell(column("Mã xã/phường")).value = Number(p.unit) // a number cell loses the leading zero
      row.getCell(column("Tên xã/phường")).value = "Tô Hiệu"
      row.getCell(column("Dân tộc thiểu số (Có/Không)")).value = p.minority
      row.getCell(column("Dân tộc")).value = "Thái"
      row.getCell(column("Ngày đăng ký (dd/mm/yyyy)")).value = p.registered
      row.getCell(column("Số điện thoại")).value = 912345678 // likewise
    })
    const filled = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
    const response = await officer.upload("/api/imports/workers", filled, "mau-da-dien.xlsx")
    const body = await jsonOf(response)
    expect(response.status, JSON.stringify(body).slice(0, 800)).toBe(200)
    expect(body).toMatchObject({ rows: 3, imported: 3 })
  })

  test("the wish (market, occupation) and the priority groups of the documents import; an unknown market is a row error", async () => {
    const officer = await session("to-hieu")
    const template = workbookOfBuffer(await (await officer.get("/api/imports/templates/workers.xlsx")).arrayBuffer())
    const notes = (await template).getWorksheet("Hướng dẫn")!.getSheetValues().flat().join(" ")
    expect(notes).toMatch(/Thị trường mong muốn/)
    expect(notes).toMatch(/Vùng đặc biệt khó khăn/)
    const list = people(3, 49)
    const wishes = [
      ["Hàn Quốc", "Nông nghiệp", "Mất việc làm; Vùng sâu, vùng xa"],
      ["Nhật Bản", "Điều dưỡng", "Học sinh, sinh viên; Đối tượng chính sách"],
      ["", "", ""],
    ]
    const fileOf = async (rows: ReadonlyArray<ReadonlyArray<string>>) => {
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet("DS")
      sheet.addRow([
        ...HEADERS.filter((h) => h !== "Nhóm ưu tiên"),
        "Nhóm ưu tiên",
        "Thị trường mong muốn",
        "Nghề mong muốn",
      ])
      list.forEach((p, i) => {
        const cells = rowOf(p, i).filter((_, c) => HEADERS[c] !== "Nhóm ưu tiên")
        sheet.addRow([...cells, rows[i]![2]!, rows[i]![0]!, rows[i]![1]!])
      })
      return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
    }

    const before = await t.services.log.count()
    const bad = await officer.upload(
      "/api/imports/workers",
      await fileOf([["Pháp", "Nông nghiệp", ""], ...wishes.slice(1)]),
      "sai-thi-truong.xlsx",
    )
    const problems = await jsonOf(bad)
    expect(bad.status).toBe(422)
    expect(problems.rows).toEqual([
      expect.objectContaining({
        row: 2,
        field: "Thị trường mong muốn",
        message: "Thị trường “Pháp” không có trong danh mục thị trường (xem trang “Hướng dẫn”).",
      }),
    ])
    expect(await t.services.log.count()).toBe(before)

    const response = await officer.upload("/api/imports/workers", await fileOf(wishes), "nguyen-vong.xlsx")
    expect(response.status, JSON.stringify(await response.clone().json())).toBe(200)
    const rows = await t.services.models.workers({ unitIds: [toHieuId] })
    const mine = (birthYear: number, wishMarket: string | null) =>
      rows.find((w) => w.registeredOn >= "2026-01-01" && w.birthYear === birthYear && w.wishMarket === wishMarket)
    const year = (p: (typeof list)[number]) => Number(p.dob.slice(-4))
    expect(mine(year(list[0]!), "KR")).toMatchObject({
      wishOccupation: "Nông nghiệp",
      priorityGroups: ["especiallyDifficultArea", "jobLoss"],
    })
    expect(mine(year(list[1]!), "JP")).toMatchObject({
      wishOccupation: "Điều dưỡng",
      priorityGroups: ["policyBeneficiary", "student"],
    })
  })

  test("files that are not xlsx are client errors, never 500", async () => {
    const officer = await session("to-hieu")
    const text = new TextEncoder().encode("Họ và tên,Số CCCD\nLò Văn Minh,014099001234\n")
    const csv = await officer.upload("/api/imports/workers", text, "danh-sach.csv")
    expect(csv.status).toBe(415)
    expect((await jsonOf(csv)).detail).toMatch(/không phải tệp Excel/)
    const broken = await officer.upload(
      "/api/imports/workers",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
      "hong.xlsx",
    )
    expect(broken.status).toBe(400)
    expect((await jsonOf(broken)).detail).toMatch(/tệp bị hỏng/)
    const xls = await officer.upload(
      "/api/imports/workers",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      "cu.xls",
    )
    expect(xls.status).toBe(415)
    const json = await officer.raw("/api/imports/workers", new TextEncoder().encode("{}"), {
      "content-type": "application/json",
    })
    expect(json.status).toBe(415)
    const noFile = await officer.raw("/api/imports/workers", new Uint8Array(), { "content-type": XLSX })
    expect(noFile.status).toBe(400)
    // A workbook without the expected columns: 422 naming the missing columns.
    const other = new ExcelJS.Workbook()
    other.addWorksheet("Sheet1").addRow(["Tên", "Tuổi"])
    const wrong = await officer.upload(
      "/api/imports/workers",
      new Uint8Array((await other.xlsx.writeBuffer()) as ArrayBuffer),
      "khac.xlsx",
    )
    expect(wrong.status).toBe(422)
    expect((await jsonOf(wrong)).rows.map((r: { field: string }) => r.field)).toContain("Số CCCD")
  })

  test("more than 5,000 rows is refused with a clear message", async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet("DS")
    sheet.addRow(HEADERS)
    for (let i = 0; i < 5001; i++) sheet.addRow([i + 1, "Lò Văn Minh"])
    const officer = await session("so-noi-vu")
    const response = await officer.upload(
      "/api/imports/workers",
      new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
      "lon.xlsx",
    )
    expect(response.status).toBe(400)
    expect((await jsonOf(response)).detail).toMatch(/có từ 5\.001 dòng dữ liệu trở lên, vượt quá giới hạn 5\.000 dòng/)
  })

  test("only province and commune officers import workers", async () => {
    for (const username of ["lanh-dao", "kiem-toan", "doanh-nghiep"]) {
      const other = await session(username)
      expect((await other.upload("/api/imports/workers", await workersFile(people(1, 7)), "x.xlsx")).status).toBe(403)
    }
  })
})

describe("row reports and ids never reveal another commune's records", () => {
  test("a person registered by Chiềng An, imported by Tô Hiệu: the row error names neither the record nor its date", async () => {
    const [person] = people(1, 41, CHIENG_AN)
    const chiengAn = await session("chieng-an")
    const registered = await chiengAn.upload("/api/imports/workers", await workersFile([person!]), "chieng-an.xlsx")
    const first = await jsonOf(registered)
    expect(registered.status, JSON.stringify(first)).toBe(200)
    const theirId: string = first.workers[0].workerId
    const [d, m, y] = person!.registered.split("/")
    const toHieu = await session("to-hieu")
    const before = await footprint()
    const response = await toHieu.upload(
      "/api/imports/workers",
      await workersFile([{ ...person!, unit: TO_HIEU, registered: "25/01/2026" }]),
      "to-hieu.xlsx",
    )
    const text = await response.text()
    expect(response.status).toBe(422)
    expect(JSON.parse(text).rows).toEqual([
      {
        row: 3,
        field: "Số CCCD",
        column: "C",
        message:
          "Người này đã được đăng ký tại tỉnh; mỗi người chỉ được đăng ký một lần trong tỉnh. Hãy tìm và cập nhật hồ sơ đã có.",
        messageEn: "This person is already registered in the province; each person is registered once per province.",
      },
    ])
    expect(text).not.toContain(theirId)
    expect(text).not.toContain(`${d}/${m}/${y}`)
    expect(text).not.toContain(`${y}-${m}-${d}`)
    expect(text).not.toMatch(/Chiềng An/)
    expect(await footprint()).toEqual(before)
  })

  test("imported workers' ids cannot be computed from the file and the row; the same file twice writes nothing", async () => {
    const file = await workersFile(people(3, 42))
    const officer = await session("to-hieu")
    const body = await jsonOf(await officer.upload("/api/imports/workers", file, "ids.xlsx"))
    expect(body.imported).toBe(3)
    // What anyone holding the file could compute: a hash of its SHA-256 and the row (the former scheme).
    const unkeyed = (row: number) => {
      const hex = createHash("sha256")
        .update(["xkld-import", "worker", sha256(file), String(row)].join("\u0000"))
        .digest("hex")
      return hex.slice(0, 8)
    }
    for (const { row, workerId } of body.workers as Array<{ row: number; workerId: string }>) {
      expect(workerId.slice(0, 8)).not.toBe(unkeyed(row))
      expect(workerId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    const before = await footprint()
    const again = await jsonOf(await officer.upload("/api/imports/workers", file, "ids-lan-2.xlsx"))
    expect(again).toMatchObject({ imported: 0, alreadyImported: 3, workers: body.workers })
    expect(await footprint()).toEqual(before)
  })
})
