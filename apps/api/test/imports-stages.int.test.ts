import { settled } from "./support/settled.ts"
import { Worker } from "@xkld/domain"
import ExcelJS from "exceljs"
import { sql } from "kysely"
import { beforeAll, describe, expect, test } from "vitest"
import { STAGE_LIST_SHEET, STAGES_SHEET } from "../src/imports/templates.ts"
import { jsonOf, people, session, setUpImportsApp, sha256, t, workersFile } from "./support/imports-app.ts"

/**
 * The Excel import of lifecycle stages (issue 9 §3, "recorded through the API and Excel"): the API's own template
 * filled in with ExcelJS as a commune officer would, one fact a row, the worker by id or by citizen ID; all or
 * nothing with every row's error; the commune officer for its own commune only; the same file twice writes nothing.
 */

setUpImportsApp()

let list: ReturnType<typeof people>
let ids: Array<string>

beforeAll(async () => {
  list = people(3, 71)
  const officer = await session("to-hieu")
  const answer = await jsonOf(await officer.upload("/api/imports/workers", await workersFile(list), "ds.xlsx"))
  expect(answer.imported).toBe(3)
  ids = (answer.workers as Array<{ workerId: string }>).map((w) => w.workerId)
}, 120_000)

type Row = Readonly<Record<string, string | number>>

/** The template downloaded by `username`, its data sheet filled with `rows` (by header), as bytes. */
async function stagesFile(username: string, rows: ReadonlyArray<Row>): Promise<Uint8Array> {
  const response = await (await session(username)).get("/api/imports/templates/stages.xlsx")
  expect(response.status).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
  const sheet = workbook.getWorksheet(STAGES_SHEET)!
  const headers = (sheet.getRow(1).values as Array<unknown>).map((v) => String(v ?? ""))
  rows.forEach((cells, i) => {
    const row = sheet.getRow(2 + i)
    for (const [header, value] of Object.entries(cells)) {
      const column = headers.indexOf(header)
      if (column < 1) throw new Error(`no column “${header}” in the stages template`)
      row.getCell(column).value = value
    }
  })
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

/** Every base table's row count: what "nothing written" means. */
async function everyTable(): Promise<Record<string, number>> {
  await settled(t.services)
  const db = t.services.log.database.db
  const { rows } = await sql<{ schema: string; name: string }>`SELECT table_schema AS schema, table_name AS name
    FROM information_schema.tables WHERE table_type = 'BASE TABLE'
    AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(db)
  const counts: Record<string, number> = {}
  for (const { schema, name } of rows)
    counts[`${schema}.${name}`] = Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(`${schema}.${name}`)}`.execute(db)).rows[0]!.n,
    )
  return counts
}

const typesOf = async (workerId: string) =>
  (await t.services.log.readStream(Worker.workerStreamId(workerId))).map((e) => e.type)

describe(`Excel import of lifecycle stages (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  test("the template: Vietnamese headers, every stage listed with the columns it takes", async () => {
    const response = await (await session("to-hieu")).get("/api/imports/templates/stages.xlsx")
    expect(response.headers.get("content-disposition")).toContain("mau-qua-trinh-nguoi-lao-dong.xlsx")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
    const headers = (workbook.getWorksheet(STAGES_SHEET)!.getRow(1).values as Array<unknown>).map(String)
    expect(headers).toEqual(
      expect.arrayContaining([
        "Mã người lao động",
        "Số CCCD",
        "Loại thông tin",
        "Ngày (dd/mm/yyyy)",
        "Đơn vị thực hiện",
        "Hình thức",
        "Kết quả",
        "Số tiền (đồng)",
      ]),
    )
    // Every column has a Vietnamese header (a field without one would show its code name, e.g. "protectionCaseId").
    for (const header of headers.slice(1)) expect(header).not.toMatch(/^[a-z][A-Za-z]*$/)
    expect(headers).toContain("Ghi chú")
    const stages = workbook
      .getWorksheet(STAGE_LIST_SHEET)!
      .getColumn(1)
      .values.map((v) => String(v ?? ""))
    expect(stages).toEqual(
      expect.arrayContaining([
        "Tư vấn pháp luật",
        "Hoàn thành đào tạo",
        "Khám sức khỏe",
        "Xác nhận hồ sơ vay vốn",
        "Phỏng vấn, thi tuyển",
        "Cấp hộ chiếu",
        "Xuất cảnh",
        "Về nước",
        "Mở vụ việc bảo hộ công dân",
        "Thông báo người lao động về nước",
        "Đánh giá tái hòa nhập xã hội",
      ]),
    )
  })

  test("given registered workers, when a commune officer imports their stages, then every fact is recorded as its route records it, and the same file again writes nothing", async () => {
    const [a, b] = list
    const rows: ReadonlyArray<Row> = [
      {
        "Số CCCD": a!.cccd,
        "Loại thông tin": "Tư vấn",
        "Ngày (dd/mm/yyyy)": "02/02/2026",
        "Đơn vị thực hiện": "UBND phường",
      },
      {
        "Mã người lao động": ids[0]!,
        "Loại thông tin": "Tư vấn pháp luật",
        "Ngày (dd/mm/yyyy)": "03/02/2026",
        "Đơn vị thực hiện": "Sở Tư pháp",
      },
      {
        "Số CCCD": a!.cccd,
        "Loại thông tin": "Hoàn thành đào tạo",
        "Ngày (dd/mm/yyyy)": "10/03/2026",
        "Hình thức": "Ngoại ngữ",
        "Đơn vị thực hiện": "Trường Cao đẳng Sơn La",
      },
      {
        "Số CCCD": a!.cccd,
        "Loại thông tin": "training",
        "Ngày (dd/mm/yyyy)": "12/03/2026",
        "Hình thức": "Giáo dục định hướng",
        "Đơn vị thực hiện": "Trường Cao đẳng Sơn La",
      },
      {
        "Số CCCD": a!.cccd,
        "Loại thông tin": "Khám sức khỏe",
        "Ngày (dd/mm/yyyy)": "15/03/2026",
        "Đơn vị thực hiện": "Bệnh viện Đa khoa tỉnh",
        "Đủ sức khỏe (Có/Không)": "Có",
      },
      {
        "Số CCCD": a!.cccd,
        "Loại thông tin": "Phỏng vấn, thi tuyển",
        "Ngày (dd/mm/yyyy)": "20/03/2026",
        "Hình thức kiểm tra": "Kỳ thi tiếng Hàn (EPS)",
        "Kết quả": "Đạt",
        "Đơn vị tổ chức": "Trung tâm Lao động ngoài nước",
      },
      {
        "Số CCCD": a!.cccd,
        "Loại thông tin": "Cấp hộ chiếu",
        "Ngày (dd/mm/yyyy)": "25/03/2026",
        "Số hộ chiếu": "C1234567",
        "Có giá trị đến (dd/mm/yyyy)": "25/03/2036",
      },
      {
        "Số CCCD": b!.cccd,
        "Loại thông tin": "Xác nhận hồ sơ vay vốn",
        "Ngày (dd/mm/yyyy)": "01/04/2026",
        "Ngân hàng": "Ngân hàng Chính sách xã hội",
        "Mã khoản vay": "VAY-001",
      },
      {
        "Số CCCD": b!.cccd,
        "Loại thông tin": "Vay vốn",
        "Ngày (dd/mm/yyyy)": "05/04/2026",
        "Ngân hàng": "Ngân hàng Chính sách xã hội",
        "Mã khoản vay": "VAY-001",
        "Số tiền (đồng)": "90.000.000",
        "Trạng thái": "Đã giải ngân",
      },
    ]
    const file = await stagesFile("to-hieu", rows)
    const officer = await session("to-hieu")
    const answer = await jsonOf(await officer.upload("/api/imports/stages", file, "qua-trinh-thang-4.xlsx"))
    expect(answer).toMatchObject({
      fileName: "qua-trinh-thang-4.xlsx",
      fileSha256: sha256(file),
      rows: 9,
      imported: 9,
      alreadyImported: 0,
    })
    expect(await typesOf(ids[0]!)).toEqual([
      "WorkerRegistered",
      "WorkerCounselled",
      "WorkerLegalCounselled",
      "WorkerTrainingCompleted",
      "WorkerTrainingCompleted",
      "WorkerHealthChecked",
      "WorkerAssessed",
      "WorkerPassportIssued",
    ])
    expect(await typesOf(ids[1]!)).toEqual(["WorkerRegistered", "WorkerLoanFileConfirmed", "WorkerLoanRecorded"])
    const events = await t.services.log.readStream(Worker.workerStreamId(ids[0]!))
    const training = events.find((e) => e.type === "WorkerTrainingCompleted")!
    expect(training.data).toMatchObject({
      kind: "language",
      provider: "Trường Cao đẳng Sơn La",
      occurredOn: "2026-03-10",
    })
    expect(training.metadata.source).toMatchObject({ kind: "import", fileSha256: sha256(file), row: 4 })
    const health = events.find((e) => e.type === "WorkerHealthChecked")!
    expect(JSON.stringify(health.data)).not.toContain('"fit"') // sealed, as the route seals it
    const assessed = events.find((e) => e.type === "WorkerAssessed")!
    expect(assessed.data).toMatchObject({ assessment: "epsKoreanTest", outcome: "passed" })
    const loan = (await t.services.log.readStream(Worker.workerStreamId(ids[1]!))).at(-1)!
    expect(loan.data).toMatchObject({ loanId: "VAY-001", amount: 90_000_000, status: "disbursed" })
    const row = (await t.services.models.workers({ unitIds: undefined })).find((w) => w.workerId === ids[0])
    expect(row).toBeDefined()

    const before = await everyTable()
    const again = await jsonOf(await officer.upload("/api/imports/stages", file, "qua-trinh-thang-4.xlsx"))
    expect(again).toMatchObject({ rows: 9, imported: 0, alreadyImported: 9 })
    expect(await everyTable()).toEqual(before)
  }, 120_000)

  test("given rows with errors, then the answer names each row and column in Vietnamese and every table is unchanged", async () => {
    const c = list[2]!
    const file = await stagesFile("to-hieu", [
      {
        "Số CCCD": c.cccd,
        "Loại thông tin": "Tư vấn",
        "Ngày (dd/mm/yyyy)": "02/02/2026",
        "Đơn vị thực hiện": "UBND phường",
      },
      {
        "Số CCCD": c.cccd,
        "Loại thông tin": "Tư vấn pháp luật",
        "Ngày (dd/mm/yyyy)": "30/02/2026",
        "Đơn vị thực hiện": "Sở Tư pháp",
      },
      {
        "Số CCCD": c.cccd,
        "Loại thông tin": "Tư vấn pháp luật",
        "Ngày (dd/mm/yyyy)": "15/01/2027",
        "Đơn vị thực hiện": "Sở Tư pháp",
      },
      {
        "Số CCCD": c.cccd,
        "Loại thông tin": "Hoàn thành đào tạo",
        "Ngày (dd/mm/yyyy)": "10/03/2026",
        "Hình thức": "Lái xe",
      },
      { "Số CCCD": c.cccd, "Loại thông tin": "Đi chơi", "Ngày (dd/mm/yyyy)": "10/03/2026" },
      {
        "Số CCCD": "014099999999",
        "Loại thông tin": "Tư vấn",
        "Ngày (dd/mm/yyyy)": "02/02/2026",
        "Đơn vị thực hiện": "UBND phường",
      },
      {
        "Số CCCD": c.cccd,
        "Loại thông tin": "Cấp thị thực",
        "Ngày (dd/mm/yyyy)": "01/04/2026",
        "Mã nước": "KR",
        "Có giá trị đến (dd/mm/yyyy)": "01/04/2028",
      },
      {
        "Số CCCD": c.cccd,
        "Loại thông tin": "Xuất cảnh",
        "Ngày (dd/mm/yyyy)": "01/05/2026",
        "Đơn vị thực hiện": "Sở Tư pháp",
      },
    ])
    const officer = await session("to-hieu") // signing in writes a session: before the snapshot
    const before = await everyTable()
    const response = await officer.upload("/api/imports/stages", file, "co-loi.xlsx")
    expect(response.status).toBe(422)
    const problem = await jsonOf(response)
    expect(problem.detail).toContain("chưa dữ liệu nào được ghi")
    const errors = problem.rows as Array<{ row: number; field: string; column?: string; message: string }>
    const at = (row: number) => errors.filter((e) => e.row === row)
    expect(at(2)).toEqual([]) // the good row: not written either
    expect(at(3)).toMatchObject([
      { field: "Ngày (dd/mm/yyyy)", message: expect.stringContaining("không có thật trên lịch") },
    ])
    expect(at(3)[0]!.column).toMatch(/^[A-Z]+$/)
    expect(at(4)).toMatchObject([{ field: "Ngày (dd/mm/yyyy)", message: "Ngày 15/01/2027 sau ngày hôm nay." }])
    expect(
      at(5)
        .map((e) => e.field)
        .toSorted(),
    ).toEqual(["Hình thức", "Đơn vị thực hiện"])
    expect(at(5).find((e) => e.field === "Hình thức")!.message).toContain(
      "chọn một trong: Ngoại ngữ, Nghề, Giáo dục định hướng",
    )
    expect(at(5).find((e) => e.field === "Đơn vị thực hiện")!.message).toContain("bắt buộc với “Hoàn thành đào tạo”")
    expect(at(6)).toMatchObject([
      { field: "Loại thông tin", message: expect.stringContaining("“Đi chơi” không có trong danh mục") },
    ])
    expect(at(7)).toMatchObject([
      { field: "Số CCCD", message: expect.stringContaining("Không tìm thấy người lao động") },
    ])
    expect(at(8)).toMatchObject([{ field: "Loại thông tin" }]) // a visa needs a passport and a contract: the decider's
    expect(at(8)[0]!.message).toMatch(/[ạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳđ]/)
    expect(at(9)).toMatchObject([
      { field: "Đơn vị thực hiện", message: expect.stringContaining("không dùng cho loại “Xuất cảnh”") },
    ])
    expect(await everyTable()).toEqual(before)
  }, 120_000)

  test("a commune officer records for its own commune only: another ward's worker is not found, and nothing is written", async () => {
    const c = list[2]!
    const file = await stagesFile("chieng-an", [
      {
        "Mã người lao động": ids[2]!,
        "Loại thông tin": "Tư vấn",
        "Ngày (dd/mm/yyyy)": "02/02/2026",
        "Đơn vị thực hiện": "UBND phường",
      },
      {
        "Số CCCD": c.cccd,
        "Loại thông tin": "Tư vấn",
        "Ngày (dd/mm/yyyy)": "03/02/2026",
        "Đơn vị thực hiện": "UBND phường",
      },
    ])
    const officer = await session("chieng-an")
    const before = await everyTable()
    const response = await officer.upload("/api/imports/stages", file, "phuong-khac.xlsx")
    expect(response.status).toBe(422)
    const rows = (await jsonOf(response)).rows as Array<{ row: number; field: string; message: string }>
    expect(rows.map((r) => [r.row, r.field])).toEqual([
      [2, "Mã người lao động"],
      [3, "Số CCCD"],
    ])
    for (const r of rows) expect(r.message).toContain("Không tìm thấy người lao động")
    expect(await everyTable()).toEqual(before)
    // The province officer may: the same kind of row goes through for it.
    const province = await stagesFile("so-noi-vu", [
      {
        "Mã người lao động": ids[2]!,
        "Loại thông tin": "Tư vấn",
        "Ngày (dd/mm/yyyy)": "02/02/2026",
        "Đơn vị thực hiện": "Sở Nội vụ",
      },
    ])
    const ok = await jsonOf(await (await session("so-noi-vu")).upload("/api/imports/stages", province, "so.xlsx"))
    expect(ok).toMatchObject({ imported: 1 })
  }, 120_000)

  test("selection, contract, departure and what follows: the enterprise's standing on the date is checked (a refusal in Vietnamese, nothing written), the age read from the sealed identity", async () => {
    const province = await session("so-noi-vu")
    const post = async (path: string, body: unknown) => {
      const response = await province.raw(path, new TextEncoder().encode(JSON.stringify(body)), {
        "content-type": "application/json",
      })
      expect([200, 201], path).toContain(response.status)
      return jsonOf(response)
    }
    const licensed = (n: number) => ({
      name: `Công ty Cổ phần Cung ứng Nhân lực Nhập Excel số ${n}`,
      licenceNumber: `${900 + n}/LĐTBXH-GP`,
      licenceDate: "2025-11-20",
      occurredOn: "2026-01-15",
    })
    const vetted: string = (await post("/api/enterprises", licensed(1))).id
    await post(`/api/enterprises/${vetted}/vettings`, {
      legalBasis: { number: "58/QĐ-UBND", date: "2026-02-01", issuer: "UBND tỉnh Sơn La" },
      occurredOn: "2026-02-01",
    })
    const notVetted: string = (await post("/api/enterprises", licensed(2))).id
    const c = list[2]!
    const who = { "Số CCCD": c.cccd }
    const before: ReadonlyArray<Row> = [
      {
        ...who,
        "Loại thông tin": "Tư vấn pháp luật",
        "Ngày (dd/mm/yyyy)": "05/02/2026",
        "Đơn vị thực hiện": "Sở Tư pháp",
      },
      {
        ...who,
        "Loại thông tin": "Hoàn thành đào tạo",
        "Ngày (dd/mm/yyyy)": "10/02/2026",
        "Hình thức": "Ngoại ngữ",
        "Đơn vị thực hiện": "Trường Cao đẳng Sơn La",
      },
      {
        ...who,
        "Loại thông tin": "Hoàn thành đào tạo",
        "Ngày (dd/mm/yyyy)": "12/02/2026",
        "Hình thức": "Giáo dục định hướng",
        "Đơn vị thực hiện": "Trường Cao đẳng Sơn La",
      },
      {
        ...who,
        "Loại thông tin": "Khám sức khỏe",
        "Ngày (dd/mm/yyyy)": "14/02/2026",
        "Đơn vị thực hiện": "Bệnh viện Đa khoa tỉnh",
        "Đủ sức khỏe (Có/Không)": "Có",
      },
      {
        ...who,
        "Loại thông tin": "Phỏng vấn, thi tuyển",
        "Ngày (dd/mm/yyyy)": "16/02/2026",
        "Hình thức kiểm tra": "Kỳ thi tiếng Hàn (EPS)",
        "Kết quả": "Đạt",
        "Đơn vị tổ chức": "Trung tâm Lao động ngoài nước",
      },
      { ...who, "Loại thông tin": "Xác nhận hồ sơ", "Ngày (dd/mm/yyyy)": "20/02/2026" },
    ]
    const selection = (enterpriseId: string): Row => ({
      ...who,
      "Loại thông tin": "Doanh nghiệp tuyển chọn",
      "Ngày (dd/mm/yyyy)": "02/03/2026",
      "Mã doanh nghiệp": enterpriseId,
    })
    const unvettedFile = await stagesFile("to-hieu", [...before, selection(notVetted)])
    const officer = await session("to-hieu")
    const snapshot = await everyTable()
    const refused = await officer.upload("/api/imports/stages", unvettedFile, "chua-tham-dinh.xlsx")
    expect(refused.status).toBe(422)
    const rows = (await jsonOf(refused)).rows as Array<{ row: number; field: string; message: string }>
    expect(rows.map((r) => [r.row, r.field])).toEqual([[8, "Loại thông tin"]])
    expect(rows[0]!.message).toMatch(/doanh nghiệp/i)
    expect(await everyTable()).toEqual(snapshot)

    const file = await stagesFile("to-hieu", [
      ...before,
      selection(vetted),
      {
        ...who,
        "Loại thông tin": "Ký hợp đồng",
        "Ngày (dd/mm/yyyy)": "10/03/2026",
        "Mã doanh nghiệp": vetted,
        "Mã nước": "kr",
        "Chương trình": "EPS",
        "Ngành nghề": "Sản xuất chế tạo",
        "Thời hạn (tháng)": 36,
        "Lương tháng": "2.100.000 KRW",
        "Chi phí người lao động trả (đồng)": "0",
      },
      {
        ...who,
        "Loại thông tin": "Cấp hộ chiếu",
        "Ngày (dd/mm/yyyy)": "15/03/2026",
        "Số hộ chiếu": "C7654321",
        "Có giá trị đến (dd/mm/yyyy)": "15/03/2036",
      },
      {
        ...who,
        "Loại thông tin": "Cấp thị thực",
        "Ngày (dd/mm/yyyy)": "20/03/2026",
        "Mã nước": "KR",
        "Có giá trị đến (dd/mm/yyyy)": "20/03/2029",
      },
      { ...who, "Loại thông tin": "Xuất cảnh", "Ngày (dd/mm/yyyy)": "01/04/2026" },
      { ...who, "Loại thông tin": "Về nước", "Ngày (dd/mm/yyyy)": "01/09/2026", "Hình thức": "Đúng hạn" },
      {
        ...who,
        "Loại thông tin": "Thông báo người lao động về nước",
        "Ngày (dd/mm/yyyy)": "05/09/2026",
        "Nơi nhận thông báo": "Công an",
      },
      {
        ...who,
        "Loại thông tin": "Đánh giá tái hòa nhập xã hội",
        "Ngày (dd/mm/yyyy)": "05/10/2026",
        "Kết quả": "Có việc làm trong nước",
      },
    ])
    const answer = await jsonOf(await officer.upload("/api/imports/stages", file, "xuat-canh.xlsx"))
    expect(answer).toMatchObject({ rows: 14, imported: 14 })
    const events = await t.services.log.readStream(Worker.workerStreamId(ids[2]!))
    expect(events.map((e) => e.type).slice(-8)).toEqual([
      "WorkerSelectedByEnterprise",
      "WorkerContractSigned",
      "WorkerPassportIssued",
      "WorkerVisaIssued",
      "WorkerDeparted",
      "WorkerReturned",
      "WorkerReturneeNotified",
      "WorkerReintegrationAssessed",
    ])
    expect(events.find((e) => e.type === "WorkerContractSigned")!.data).toMatchObject({
      enterpriseId: vetted,
      country: "KR",
      durationMonths: 36,
      monthlyWage: { amount: 2_100_000, currency: "KRW" },
    })
    const departures = await t.services.models.departures({ provinceCode: "14", years: [2026] })
    expect(departures.filter((d) => d.workerId === ids[2])).toHaveLength(1)
  }, 180_000)
})
