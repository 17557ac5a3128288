import { Worker } from "@xkld/domain"
import { describe, expect, test } from "vitest"
import {
  deflatedBomb,
  rowsXml,
  SHEET_HEAD,
  SHEET_TAIL,
  STYLE,
  workbookOf,
  type CellSpec,
} from "./support/xlsx-files.ts"
import {
  footprint,
  handMadeWorkers,
  HEADERS,
  jsonOf,
  measured,
  MiB,
  people,
  personCells,
  session,
  setUpImportsApp,
  t,
  TO_HIEU,
} from "./support/imports-app.ts"

setUpImportsApp()

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
