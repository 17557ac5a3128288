import { createHash, randomUUID } from "node:crypto"
import { AdminUnit, encodeEvent, PersonalData, QuotaPlan, Worker } from "@xkld/domain"
import { Result } from "effect"
import { recordSeedDocuments } from "@xkld/projections"
import ExcelJS from "exceljs"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createRequire } from "node:module"
import { QUOTA_SHEET, UNITS_SHEET, WORKERS_SHEET } from "../src/imports/templates.ts"
import { openTestApp, type TestApp } from "./support/test-app.ts"
import {
  deflatedBomb,
  rowsXml,
  SHEET_HEAD,
  SHEET_TAIL,
  STYLE,
  workbookOf,
  type CellSpec,
} from "./support/xlsx-files.ts"

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
const TO_HIEU = "03646"
const CHIENG_AN = "03664"

let t: TestApp
let toHieuId: string

/**
 * The app with Sơn La's units and the seed plans recorded (no generated history: fast), and the commune
 * officers bound to their real unit ids.
 */
beforeAll(async () => {
  t = await openTestApp()
  const { log } = t.services
  await log.database.db.transaction().execute(async (trx) => {
    for (const event of AdminUnit.loadBundledAdminUnitEvents()) {
      const encoded = encodeEvent(event)
      const outcome = await log.append(
        {
          streamId: AdminUnit.streamIdOf(event),
          streamType: AdminUnit.adminUnitStreamType,
          expectedVersion: "any",
          events: [
            {
              eventId: randomUUID(),
              type: encoded.type,
              schemaVersion: encoded.schemaVersion,
              data: encoded.data,
              occurredAt: new Date(),
              metadata: {
                actor: { userId: "seed", role: "system" },
                commandId: "seed",
                correlationId: "seed",
                source: { kind: "seed", dataset: "units" },
              },
            },
          ],
        },
        trx,
      )
      if (!outcome.ok) throw outcome.error
    }
  })
  await recordSeedDocuments(log)
  await t.services.models.runner.caughtUp()
  const catalogue = await t.services.models.catalogues.at()
  const unitId = (code: string) => AdminUnit.unitOn(catalogue, code, "2026-01-01")[0]!.unitId
  toHieuId = unitId(TO_HIEU)
  for (const [username, code] of [
    ["to-hieu", TO_HIEU],
    ["chieng-an", CHIENG_AN],
  ] as const)
    await sql`UPDATE api_users SET unit_ids = ${[unitId(code)]}::text[] WHERE username = ${username}`.execute(
      log.database.db,
    )
}, 300_000)
afterAll(() => t?.close())

// ---- helpers --------------------------------------------------------------------------------------------------

interface Session {
  readonly get: (path: string) => Promise<Response>
  readonly upload: (path: string, bytes: Uint8Array, fileName: string) => Promise<Response>
  readonly raw: (path: string, body: Uint8Array, headers: Record<string, string>) => Promise<Response>
}

async function session(username: string): Promise<Session> {
  const response = await t.app.request("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  })
  expect(response.status).toBe(200)
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!
  const { csrfToken } = (await jsonOf(response)) as { csrfToken: string }
  const headers = { cookie, "x-csrf-token": csrfToken }
  return {
    get: async (path) => t.app.request(path, { headers }),
    upload: async (path, bytes, fileName) => {
      const form = new FormData()
      form.append("file", new File([bytes as never], fileName, { type: XLSX }))
      return t.app.request(path, { method: "POST", headers, body: form })
    },
    raw: async (path, body, extra) =>
      t.app.request(path, { method: "POST", headers: { ...headers, ...extra }, body: body as never }),
  }
}

const jsonOf = async (response: Response): Promise<any> => response.json()

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

/** A valid CCCD for a person born on `dateOfBirth` (century/sex digit, two-digit year), unique by `serial`. */
const citizenIdFor = (dateOfBirth: string, sex: "Nam" | "Nữ", serial: number) => {
  const year = Number(dateOfBirth.slice(0, 4))
  const digit = (year >= 2000 ? 2 : 0) + (sex === "Nữ" ? 1 : 0)
  return `014${digit}${String(year % 100).padStart(2, "0")}${String(serial).padStart(6, "0")}`
}

interface Person {
  name: string
  cccd: string
  dob: string // dd/mm/yyyy
  sex: "Nam" | "Nữ"
  unit: string
  minority: "Có" | "Không"
  groups?: string
  registered: string // dd/mm/yyyy
  phone?: string
}

const HEADERS = [
  "STT",
  "Họ và tên",
  "Số CCCD",
  "Ngày sinh (dd/mm/yyyy)",
  "Giới tính (Nam/Nữ)",
  "Mã xã/phường",
  "Dân tộc thiểu số (Có/Không)",
  "Nhóm ưu tiên",
  "Ngày đăng ký (dd/mm/yyyy)",
  "Số điện thoại",
]

const rowOf = (p: Person, i: number) => [
  i + 1,
  p.name,
  p.cccd,
  p.dob,
  p.sex,
  p.unit,
  p.minority,
  p.groups ?? "",
  p.registered,
  p.phone ?? "",
]

/** A workers list as an officer would type it: a title line, the header on row 2, people from row 3. */
async function workersFile(people: ReadonlyArray<Person>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("DS")
  sheet.addRow(["DANH SÁCH NGƯỜI LAO ĐỘNG ĐĂNG KÝ ĐI LÀM VIỆC Ở NƯỚC NGOÀI"])
  sheet.addRow(HEADERS)
  people.forEach((p, i) => sheet.addRow(rowOf(p, i)))
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

const FAMILY = ["Lò", "Cầm", "Quàng", "Hoàng", "Vì", "Lường", "Tòng", "Điêu"]
const GIVEN = ["Văn Minh", "Thị Lan", "Văn Hùng", "Thị Mai", "Văn Tuấn", "Thị Hoa", "Văn Dũng", "Thị Hương"]

/** `n` different valid people of Tô Hiệu; `seed` keeps lists of different tests apart. */
const people = (n: number, seed: number, unit = TO_HIEU): Array<Person> =>
  Array.from({ length: n }, (_, i) => {
    const sex = i % 2 === 0 ? "Nam" : "Nữ"
    const year = 1990 + ((i * 7 + seed) % 15)
    const dob = `${String(1 + (i % 28)).padStart(2, "0")}/${String(1 + (i % 12)).padStart(2, "0")}/${year}`
    return {
      name: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i + seed) % GIVEN.length]}`,
      cccd: citizenIdFor(`${year}-01-01`, sex, seed * 1000 + i),
      dob,
      sex,
      unit,
      minority: i % 3 === 0 ? "Không" : "Có",
      ...(i % 4 === 0 ? { groups: "Hộ nghèo; Thanh niên" } : {}),
      registered: `${String(1 + (i % 20)).padStart(2, "0")}/01/2026`,
      ...(i % 5 === 0 ? { phone: `09${String(10_000_000 + i).padStart(8, "0")}` } : {}),
    }
  })

const workersIn = async (unitId: string) => (await t.services.models.workers({ unitIds: [unitId] })).length

// ---- templates ------------------------------------------------------------------------------------------------

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

// ---- workers --------------------------------------------------------------------------------------------------

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

// ---- quota tables ---------------------------------------------------------------------------------------------

type QuotaRow = readonly [string | number | null, string, string | number, number | string]

async function quotaFile(rows: ReadonlyArray<QuotaRow>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("Phụ lục 01")
  sheet.addRow(["STT", "Mã ĐVHC", "Tên xã, phường", "Tỷ lệ (%)", "Chỉ tiêu (người)"])
  rows.forEach((r, i) => sheet.addRow([r[0] === null ? null : i + 1, ...r]))
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

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

// ---- hostile and awkward files ----------------------------------------------------------------------------------

/** The cells of a person's row as the hand-made workbooks write them (empty cells left out). */
const personCells = (p: Person, i: number): Array<CellSpec> => rowOf(p, i).map((v) => (v === "" ? null : v))

/** A workers list whose sheet is written cell by cell: header on row 1, `rows` from row 2. */
const handMadeWorkers = (rows: ReadonlyArray<ReadonlyArray<CellSpec>>, afterRows?: string) =>
  workbookOf({ sheet: [HEADERS, ...rows], ...(afterRows === undefined ? {} : { afterRows }) })

/** Everything an import can write: events, streams, read-model rows, person keys, idempotency records. */
const footprint = async () => {
  const db = t.services.log.database.db
  const count = async (table: string) =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n)
  await t.services.models.runner.caughtUp()
  return {
    events: await t.services.log.count(),
    streams: await count("es_streams"),
    personKeys: await count("pd_person_keys"),
    idempotency: await count("api_idempotency"),
    toHieuWorkers: await workersIn(toHieuId),
    plans: (await t.services.models.plans({ provinceCode: "14" })).length,
  }
}

/** Runs `request` while sampling the process's resident memory; the answer, its time and the peak growth. */
const measured = async (request: () => Promise<Response>) => {
  const before = process.memoryUsage.rss()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  const started = performance.now()
  try {
    const response = await request()
    return { response, body: await jsonOf(response), ms: performance.now() - started, grewBy: peak - before }
  } finally {
    clearInterval(sampler)
  }
}

const MiB = 1024 * 1024

describe("an upload that would expand beyond reason is refused before it is expanded", () => {
  const bombSheet = (declare: "honestly" | "falsely") => {
    const bomb = deflatedBomb(SHEET_HEAD + rowsXml([HEADERS]), 1024, SHEET_TAIL) // 1 GiB of sheet XML
    return { bytes: bomb.bytes, declaredSize: declare === "honestly" ? bomb.size : 60 * 1024 }
  }

  test("a zip bomb (a 1 GiB sheet in about 1 MB) that declares its size: 413 at once, memory flat, API serving", async () => {
    const file = workbookOf({ sheet: bombSheet("honestly") })
    expect(file.length).toBeLessThan(10 * MiB)
    const officer = await session("to-hieu")
    const before = await footprint()
    const { response, body, ms, grewBy } = await measured(() =>
      officer.upload("/api/imports/workers", file, "bom.xlsx"),
    )
    expect(response.status).toBe(413)
    expect(body.title).toBe("Dữ liệu gửi lên quá lớn")
    expect(body.detail).toMatch(/^Tệp “bom\.xlsx” khi giải nén vượt quá 64 MB, lớn bất thường/)
    expect(body.detailEn).toMatch(/decompresses to more than/)
    expect(body.declaredBytes).toBeGreaterThan(1024 * MiB) // refused from the central directory, nothing inflated
    expect(ms).toBeLessThan(3000)
    expect(grewBy).toBeLessThan(150 * MiB)
    expect((await officer.get("/api/health")).status).toBe(200)
    expect(await footprint()).toEqual(before)
  })

  test("a zip bomb whose entry lies about its size is stopped while inflating, never expanded whole", async () => {
    const file = workbookOf({ sheet: bombSheet("falsely") })
    const officer = await session("to-hieu")
    const before = await footprint()
    const { response, body, ms, grewBy } = await measured(() =>
      officer.upload("/api/imports/workers", file, "bom.xlsx"),
    )
    expect(response.status).toBe(400)
    expect(body.detail).toBe("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.")
    expect(ms).toBeLessThan(3000)
    expect(grewBy).toBeLessThan(150 * MiB)
    expect((await officer.get("/api/imports/templates/workers.xlsx")).status).toBe(200)
    expect(await footprint()).toEqual(before)
  })

  test("a small file whose sheet is 20 MiB of rows without data is refused once 16 MiB are read (413)", async () => {
    // Inflating is cheap but parsing XML is not: what an import parses is bounded too, not only what it inflates.
    const rows = '<row><c r="Z1"><v>1</v></c></row>'.repeat(Math.ceil((20 * MiB) / 34))
    const file = workbookOf({ sheet: SHEET_HEAD + rowsXml([HEADERS]) + rows + SHEET_TAIL })
    expect(file.length).toBeLessThan(MiB)
    const officer = await session("to-hieu")
    const before = await footprint()
    const { response, body } = await measured(() => officer.upload("/api/imports/workers", file, "dong-trong.xlsx"))
    expect(response.status).toBe(413)
    expect(body.detail).toMatch(/^Tệp “dong-trong\.xlsx” khi giải nén vượt quá 16 MB/)
    expect(body.declaredBytes).toBeUndefined()
    expect(await footprint()).toEqual(before)
  }, 60_000)

  test("a workbook of 600 entries is refused from its central directory (413)", async () => {
    const extraParts = Array.from({ length: 594 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: "x" }))
    const file = handMadeWorkers([personCells(people(1, 40)[0]!, 0)])
    const crowded = workbookOf({ sheet: [HEADERS, personCells(people(1, 40)[0]!, 0)], extraParts })
    expect((await (await session("to-hieu")).upload("/api/imports/workers", file, "ok.xlsx")).status).toBe(200)
    const officer = await session("to-hieu")
    const response = await officer.upload("/api/imports/workers", crowded, "nhieu-tep.xlsx")
    const body = await jsonOf(response)
    expect(response.status).toBe(413)
    expect(body.detail).toMatch(/gồm 600 tệp con, vượt quá giới hạn 500 của một tệp Excel/)
    expect(body).toMatchObject({ entries: 600, limit: 500 })
  })

  test("the row limit holds while reading: a sheet is refused at its 5,001st row, what follows never read", async () => {
    // 5,001 data rows, then 256 KiB of blanks and XML so broken that reading on would answer "corrupted".
    const rows = Array.from({ length: 5001 }, (_, i) => [i + 1, "Lò Văn Minh"] as Array<CellSpec>)
    const sheet = SHEET_HEAD + rowsXml([HEADERS, ...rows]) + " ".repeat(256 * 1024) + "<<<not xml" + SHEET_TAIL
    const officer = await session("so-noi-vu")
    const response = await officer.upload("/api/imports/workers", workbookOf({ sheet }), "lon.xlsx")
    const body = await jsonOf(response)
    expect(response.status).toBe(400)
    expect(body.detail).toMatch(/có từ 5\.001 dòng dữ liệu trở lên, vượt quá giới hạn 5\.000 dòng/)
    expect(body).toMatchObject({ limit: 5000, rowCount: 5001 })
    // The same broken tail after 5,000 rows is read to the end, and found broken.
    const fewer =
      SHEET_HEAD + rowsXml([HEADERS, ...rows.slice(0, 5000)]) + " ".repeat(256 * 1024) + "<<<not xml" + SHEET_TAIL
    const broken = await officer.upload("/api/imports/workers", workbookOf({ sheet: fewer }), "hong.xlsx")
    expect(broken.status).toBe(400)
    expect((await jsonOf(broken)).detail).toMatch(/tệp bị hỏng/)
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

/**
 * Runs DDL as the database's owner: PGlite's one connection is the owner; on PostgreSQL the app logs in as a
 * role that may not create triggers, so a connection as the test's admin user (DATABASE_URL) is opened on the
 * same database, with the driver the store itself uses.
 */
async function asOwner(statements: ReadonlyArray<string>): Promise<void> {
  const db = t.services.log.database.db
  const url = process.env.DATABASE_URL
  if (!url) {
    for (const statement of statements) await sql.raw(statement).execute(db)
    return
  }
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)
  const target = new URL(url)
  target.pathname = `/${rows[0]!.name}`
  const pg = createRequire(import.meta.resolve("@xkld/event-store/testing"))("pg") as {
    Client: new (options: { connectionString: string }) => {
      connect: () => Promise<void>
      query: (statement: string) => Promise<unknown>
      end: () => Promise<void>
    }
  }
  const admin = new pg.Client({ connectionString: target.toString() })
  await admin.connect()
  try {
    for (const statement of statements) await admin.query(statement)
  } finally {
    await admin.end()
  }
}

describe("an import is all or nothing, also when the database fails halfway", () => {
  test("the 5th event of a 4-row import fails in the database: no event, stream, read-model row or key is left", async () => {
    const list = people(4, 43)
    const file = await workersFile(list)
    const fileSha = sha256(file)
    // A real database failure: a trigger refuses the import's 5th event (row 5's registration), after rows 3 and
    // 4 were fully written — events, read models and person keys — in the same transaction.
    await asOwner([
      `CREATE OR REPLACE FUNCTION xkld_test_fail_fifth() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF (SELECT count(*) FROM es_events WHERE metadata->'source'->>'fileSha256' = '${fileSha}') >= 4 THEN
           RAISE EXCEPTION 'test: the disk is full';
         END IF;
         RETURN NEW;
       END $$`,
      "CREATE TRIGGER xkld_test_fail_fifth BEFORE INSERT ON es_events FOR EACH ROW EXECUTE FUNCTION xkld_test_fail_fifth()",
    ])
    const officer = await session("to-hieu")
    const before = await footprint()
    try {
      const response = await officer.raw("/api/imports/workers", file, {
        "content-type": XLSX,
        "x-file-name": "hong-giua-chung.xlsx",
        "idempotency-key": "import-that-fails-halfway",
      })
      expect(response.status).toBe(500)
      expect((await jsonOf(response)).title).toBe("Lỗi hệ thống")
      expect(await footprint()).toEqual(before)
      const claims = await sql<{ n: string }>`SELECT count(*) AS n FROM es_events
        WHERE metadata->'source'->>'fileSha256' = ${fileSha}`.execute(t.services.log.database.db)
      expect(Number(claims.rows[0]!.n)).toBe(0)
    } finally {
      await asOwner(["DROP TRIGGER xkld_test_fail_fifth ON es_events", "DROP FUNCTION xkld_test_fail_fifth()"])
    }
    // Nothing half-written stands in the way: the same file now imports whole.
    const retry = await jsonOf(await officer.upload("/api/imports/workers", file, "hong-giua-chung.xlsx"))
    expect(retry).toMatchObject({ imported: 4, alreadyImported: 0 })
    expect(await workersIn(toHieuId)).toBe(before.toHieuWorkers + 4)
  })
})

describe("values that pass a cell's type and would fail deeper: a Vietnamese row error, nothing written", () => {
  /** Imports one row of Tô Hiệu whose column `header` holds `cell`; expects a 422 naming that cell. */
  const refusedCell = async (header: string, cell: CellSpec, message: RegExp | string, afterRows?: string) => {
    const [person] = people(1, 44)
    const cells = personCells(person!, 0)
    cells[HEADERS.indexOf(header)] = cell
    const officer = await session("to-hieu")
    const before = await footprint()
    const response = await officer.upload("/api/imports/workers", handMadeWorkers([cells], afterRows), "o.xlsx")
    const body = await jsonOf(response)
    expect(response.status, JSON.stringify(body).slice(0, 600)).toBe(422)
    const errors = body.rows.filter((r: { field: string }) => r.field === header)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      row: 2,
      message: typeof message === "string" ? message : expect.stringMatching(message),
    })
    expect(await footprint()).toEqual(before)
    return body
  }

  test("a date of birth typed 0251-01-01 (a real day, but no worker's)", async () => {
    await refusedCell(
      "Ngày sinh (dd/mm/yyyy)",
      "0251-01-01",
      "Ngày 01/01/0251 nằm ngoài khoảng năm 1900–2100; hãy kiểm tra năm.",
    )
    await refusedCell("Ngày đăng ký (dd/mm/yyyy)", "01/01/0251", /nằm ngoài khoảng năm 1900–2100/)
  })

  test("30 February, typed as text and stored as a date-time cell", async () => {
    await refusedCell("Ngày sinh (dd/mm/yyyy)", "30/02/2004", "Ngày “30/02/2004” không có thật trên lịch.")
    await refusedCell(
      "Ngày sinh (dd/mm/yyyy)",
      { t: "d", xml: "<v>2004-02-30T00:00:00Z</v>" },
      /“2004-02-30” không có thật trên lịch/,
    )
  })

  test("a date cell of a day that never was (29/02/1900, Excel's day 60) or before any day (0)", async () => {
    await refusedCell("Ngày sinh (dd/mm/yyyy)", { s: STYLE.date, xml: "<v>60</v>" }, /không ứng với ngày nào có thật/)
    await refusedCell(
      "Ngày sinh (dd/mm/yyyy)",
      { s: STYLE.customDate, xml: "<v>-3</v>" },
      /không ứng với ngày nào có thật/,
    )
  })

  test("a bare Excel day number in a date column (the officer sees 45000, not a day)", async () => {
    await refusedCell(
      "Ngày đăng ký (dd/mm/yyyy)",
      46030,
      "“46030” là một số, không phải ngày tháng; hãy ghi ngày dạng dd/mm/yyyy.",
    )
  })

  test("NaN, 1e309 and -Infinity in number cells", async () => {
    for (const v of ["NaN", "1e309", "-Infinity"])
      await refusedCell("Mã xã/phường", { xml: `<v>${v}</v>` }, `Ô số mang giá trị “${v}” không phải số hữu hạn.`)
  })

  test("a formula without a computed result, and a formula error", async () => {
    await refusedCell(
      "Họ và tên",
      { t: "str", xml: "<f>CONCATENATE(X1,Y1)</f>" },
      /công thức nhưng chưa có kết quả tính sẵn/,
    )
    await refusedCell(
      "Mã xã/phường",
      { t: "e", xml: "<f>VLOOKUP(Z1,A:B,2)</f><v>#N/A</v>" },
      /Ô có lỗi “#N\/A” của công thức/,
    )
  })

  test("a formula with its computed result is read as the value Excel shows", async () => {
    const [person] = people(1, 45)
    const cells = personCells(person!, 0)
    cells[HEADERS.indexOf("Họ và tên")] = { t: "str", xml: `<f>PROPER(X2)</f><v>${person!.name}</v>` }
    const response = await (await session("to-hieu")).upload("/api/imports/workers", handMadeWorkers([cells]), "f.xlsx")
    expect(response.status, await response.clone().text()).toBe(200)
  })

  test("text with a NUL (Excel writes it _x0000_), which no record may hold", async () => {
    await refusedCell("Họ và tên", "Lò Văn_x0000_ Minh", /ký tự điều khiển không in được \(mã U\+0000\)/)
  })

  test("a unit code merged down over two people's rows", async () => {
    const [a, b] = people(2, 46)
    const rows = [personCells(a!, 0), personCells(b!, 1)]
    rows[1]![HEADERS.indexOf("Mã xã/phường")] = null
    const officer = await session("to-hieu")
    const before = await footprint()
    const response = await officer.upload(
      "/api/imports/workers",
      handMadeWorkers(rows, '<mergeCells count="1"><mergeCell ref="F2:F3"/></mergeCells>'),
      "gop.xlsx",
    )
    const body = await jsonOf(response)
    expect(response.status).toBe(422)
    expect(body.rows).toEqual(
      [2, 3].map((row) => ({
        row,
        field: "Mã xã/phường",
        column: "F",
        message: "Ô nằm trong vùng ô gộp F2:F3; hãy bỏ gộp ô (Merge) và ghi giá trị vào từng dòng.",
        messageEn: "The cell is part of the merged range F2:F3; unmerge and fill every row.",
      })),
    )
    expect(await footprint()).toEqual(before)
  })

  test("date cells are read in both of Excel's date systems", async () => {
    const [person] = people(1, 47)
    const cells = personCells(person!, 0)
    // 15/01/2026 is day 46037 of the 1900 system and day 44575 of the 1904 system.
    cells[HEADERS.indexOf("Ngày đăng ký (dd/mm/yyyy)")] = { s: STYLE.customDate, xml: "<v>44575</v>" }
    const file = workbookOf({ sheet: [HEADERS, cells], date1904: true })
    const body = await jsonOf(await (await session("to-hieu")).upload("/api/imports/workers", file, "1904.xlsx"))
    expect(body.imported).toBe(1)
    const [registered] = await t.services.log.readStream(Worker.workerStreamId(body.workers[0].workerId))
    expect(registered!.data.occurredOn).toBe("2026-01-15")
  })

  test("an empty sheet, and a header with no rows below it", async () => {
    const officer = await session("to-hieu")
    const empty = await officer.upload("/api/imports/workers", workbookOf({ sheet: [] }), "rong.xlsx")
    expect(empty.status).toBe(422)
    expect((await jsonOf(empty)).rows.map((r: { field: string }) => r.field)).toContain("Số CCCD")
    const headerOnly = await officer.upload("/api/imports/workers", workbookOf({ sheet: [HEADERS] }), "tieu-de.xlsx")
    expect(headerOnly.status).toBe(400)
    expect((await jsonOf(headerOnly)).detail).toMatch(/không có dòng dữ liệu nào dưới dòng tiêu đề/)
  })

  test("quota tables: a NUL in a unit name, a 100,000-character note, a head-count of 10^20, a target beyond reason, year 0251, 30 February", async () => {
    const officer = await session("so-noi-vu")
    const basis = "legalNumber=9%2FQĐ-UBND&issuer=" + encodeURIComponent("UBND tỉnh Sơn La")
    const quotaHeaders = ["STT", "Mã ĐVHC", "Tên xã, phường", "Tỷ lệ (%)", "Chỉ tiêu (người)"]
    const before = await footprint()
    const nul = workbookOf({ sheet: [quotaHeaders, [1, TO_HIEU, "Phường Tô_x0000_Hiệu", "50", 5]] })
    const nulAnswer = await jsonOf(
      await officer.upload(`/api/imports/quota?year=2032&target=5&${basis}`, nul, "q.xlsx"),
    )
    expect(nulAnswer.rows).toEqual([
      expect.objectContaining({ row: 2, field: "Tên xã, phường", message: expect.stringMatching(/U\+0000/) }),
    ])
    const huge = workbookOf({ sheet: [quotaHeaders, [1, TO_HIEU, "Phường Tô Hiệu", "50", 1e20]] })
    const hugeAnswer = await jsonOf(
      await officer.upload(`/api/imports/quota?year=2032&target=5&${basis}`, huge, "q.xlsx"),
    )
    expect(hugeAnswer.rows).toEqual([
      expect.objectContaining({
        field: "Chỉ tiêu (người)",
        message: expect.stringMatching(/số nguyên từ 0 đến 1\.000\.000/),
      }),
    ])
    const long = workbookOf({
      sheet: [
        [...quotaHeaders, "Ghi chú"],
        [1, TO_HIEU, "Phường ".repeat(100), "50", 5, "x".repeat(100_000)],
      ],
    })
    const longAnswer = await jsonOf(
      await officer.upload(`/api/imports/quota?year=2032&target=5&${basis}`, long, "q.xlsx"),
    )
    expect(longAnswer.rows.map((r: { field: string; message: string }) => `${r.field}: ${r.message}`)).toEqual([
      "Tên xã, phường: Tên quá dài (tối đa 200 ký tự).",
      "Ghi chú: Ghi chú quá dài (tối đa 500 ký tự).",
    ])
    const fine = workbookOf({ sheet: [quotaHeaders, [1, TO_HIEU, "Phường Tô Hiệu", "50", 5]] })
    for (const [query, path, message] of [
      ["year=2032&target=99999999999999999999", "query.target", /số nguyên từ 0 đến 1\.000\.000/],
      ["year=0251&target=5", "query.year", /năm kế hoạch phải từ 2000 đến 2100/],
      ["year=2032&target=5&legalDate=2024-02-30", "query.legalDate", /không có thật trên lịch/],
      ["year=2032&target=5&legalDate=0251-01-01", "query.legalDate", /ngoài khoảng năm/],
      ["plan=quota-plan%3A14%3A2026&effectiveOn=2026-13-01", "query.effectiveOn", /không có thật trên lịch/],
    ] as const) {
      const response = await officer.upload(`/api/imports/quota?${query}&${basis}`, fine, "q.xlsx")
      const body = await jsonOf(response)
      expect(response.status, `${query}: ${JSON.stringify(body)}`).toBe(400)
      expect(body.fields).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })])
    }
    expect(await footprint()).toEqual(before)
  })
})

describe("a person registered by someone else between the import's check and its write", () => {
  test("the store's version check on the person's claim refuses it: the row's error, nothing left", async () => {
    const list = people(2, 48)
    const file = await workersFile(list) // rows 3 and 4
    const fileSha = sha256(file)
    const blindIndex = PersonalData.blindIndex(t.services.indexKey, "14", list[1]!.cccd)
    const claimStream = Worker.personRegistrationStreamId("14", blindIndex)
    const claimed = encodeEvent(
      new Worker.PersonRegistrationClaimed({
        provinceCode: "14",
        blindIndex,
        workerId: randomUUID(),
        occurredOn: "2026-01-10",
      }),
    )
    const events = JSON.stringify([
      {
        eventId: randomUUID(),
        type: claimed.type,
        schemaVersion: claimed.schemaVersion,
        data: claimed.data,
        metadata: {
          actor: { userId: "another-officer", role: "commune-officer" },
          commandId: randomUUID(),
          correlationId: randomUUID(),
          source: { kind: "system", process: "test" },
        },
        occurredAt: "2026-01-10T00:00:00.000Z",
      },
    ]).replaceAll("'", "''")
    // When the import writes row 3 (its claims were checked before its transaction), another registration of
    // row 4's person is appended through the store's own function: the import's claim of row 4 then meets a
    // stream that is no longer empty.
    await asOwner([
      `CREATE OR REPLACE FUNCTION xkld_test_race() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.event_type = 'WorkerRegistered' AND NEW.metadata->'source'->>'fileSha256' = '${fileSha}'
            AND NEW.metadata->'source'->>'row' = '3' THEN
           PERFORM es_append('${claimStream}', 'PersonRegistration', 'any', '${events}'::jsonb, NULL);
         END IF;
         RETURN NEW;
       END $$`,
      "CREATE TRIGGER xkld_test_race BEFORE INSERT ON es_events FOR EACH ROW EXECUTE FUNCTION xkld_test_race()",
    ])
    const officer = await session("to-hieu")
    const before = await footprint()
    try {
      const response = await officer.upload("/api/imports/workers", file, "dua-nhau.xlsx")
      const body = await jsonOf(response)
      expect(response.status, JSON.stringify(body).slice(0, 600)).toBe(422)
      expect(body.rows).toEqual([
        expect.objectContaining({
          row: 4,
          field: "Số CCCD",
          message: expect.stringMatching(/^Người này đã được đăng ký tại tỉnh;/),
        }),
      ])
      expect(await footprint()).toEqual(before)
    } finally {
      await asOwner(["DROP TRIGGER xkld_test_race ON es_events", "DROP FUNCTION xkld_test_race()"])
    }
    const retry = await jsonOf(await officer.upload("/api/imports/workers", file, "dua-nhau.xlsx"))
    expect(retry).toMatchObject({ imported: 2, alreadyImported: 0 })
  })
})
