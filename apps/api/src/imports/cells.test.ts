import { AdminUnit } from "@xkld/domain"
import fc from "fast-check"
import { describe, expect, test } from "vitest"
import { importIds } from "./event-ids.ts"
import { validateQuotaRows, type QuotaColumnKey } from "./quota-rows.ts"
import { looseKey, readDate, readDigits, type Plain, type SheetTable } from "./spreadsheet.ts"
import { priorityGroupOf } from "./worker-columns.ts"
import { validateWorkerRows, type WorkerImportScope } from "./worker-rows.ts"
import type { WorkerColumnKey } from "./worker-columns.ts"

describe("cell readers", () => {
  test("dates: dd/mm/yyyy (also with dashes or dots), ISO, and Excel date cells; a bare day number is refused", () => {
    expect(readDate("05/03/1999")).toEqual({ ok: true, value: "1999-03-05" })
    expect(readDate("5-3-1999")).toEqual({ ok: true, value: "1999-03-05" })
    expect(readDate("05.03.1999")).toEqual({ ok: true, value: "1999-03-05" })
    expect(readDate("1999-03-05")).toEqual({ ok: true, value: "1999-03-05" })
    expect(readDate(new Date(Date.UTC(1999, 2, 5)))).toEqual({ ok: true, value: "1999-03-05" })
    // Excel's day number of 5 March 1999 in a cell not formatted as a date: the officer sees 36224, not a day.
    expect(readDate(36224)).toMatchObject({
      ok: false,
      message: "“36224” là một số, không phải ngày tháng; hãy ghi ngày dạng dd/mm/yyyy.",
    })
    expect(readDate("29/02/2023")).toMatchObject({ ok: false, message: "Ngày “29/02/2023” không có thật trên lịch." })
    // Real days outside the years the domain accepts (1900–2100).
    expect(readDate("31/12/1899")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/ngoài khoảng năm 1900–2100/),
    })
    expect(readDate("2101-01-01")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/ngoài khoảng năm 1900–2100/),
    })
    expect(readDate("03/05")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/không đúng dạng ngày dd\/mm\/yyyy/),
    })
  })

  test("any calendar date typed as dd/mm/yyyy reads back as the same ISO date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10)
          const typed = iso.split("-").reverse().join("/")
          expect(readDate(typed)).toEqual({ ok: true, value: iso })
          expect(readDate(date)).toEqual({ ok: true, value: iso })
        },
      ),
    )
  })

  test("digits: leading zeros lost by number cells come back; separators typed inside are dropped", () => {
    expect(readDigits(14099001234, 12)).toBe("014099001234")
    expect(readDigits("014 099.001-234", 12)).toBe("014099001234")
    expect(readDigits(3646, 5)).toBe("03646")
  })

  test("headers and choices match without diacritics, case or hints", () => {
    expect(looseKey("Ngày sinh (dd/mm/yyyy) *")).toBe("ngay sinh")
    expect(looseKey("ĐỊA CHỈ")).toBe("dia chi")
    expect(priorityGroupOf("hộ cận nghèo")).toBe("nearPoorHousehold")
    expect(priorityGroupOf("Ho ngheo")).toBe("poorHousehold")
    expect(priorityGroupOf("Hộ giàu")).toBeUndefined()
  })

  test("ids derive from file hash and row under a server key: stable, different per row, file and key", () => {
    const ids = importIds(Buffer.alloc(32, 1))
    expect(ids.workerId("a".repeat(64), 3)).toBe(importIds(Buffer.alloc(32, 1)).workerId("a".repeat(64), 3))
    expect(ids.workerId("a".repeat(64), 3)).not.toBe(ids.workerId("a".repeat(64), 4))
    expect(ids.workerId("a".repeat(64), 3)).not.toBe(ids.workerId("b".repeat(64), 3))
    // Without the server's key, the file and the row do not give the id.
    expect(ids.workerId("a".repeat(64), 3)).not.toBe(importIds(Buffer.alloc(32, 2)).workerId("a".repeat(64), 3))
    expect(ids.eventId("a".repeat(64), 3, 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })
})

const catalogue = AdminUnit.buildCatalogue(AdminUnit.loadBundledAdminUnitEvents())
const toHieu = AdminUnit.unitOn(catalogue, "03646", "2026-01-01")[0]!

const table = <K extends string>(
  rows: ReadonlyArray<Partial<Record<K, Plain>>>,
  columns: Partial<Record<K, string>>,
): SheetTable<K> => ({
  sheetName: "DS",
  headerRow: 1,
  columns,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  cellErrors: [],
})

describe("worker rows", () => {
  const scope: WorkerImportScope = { provinceCode: "14", unitIds: new Set([toHieu.unitId]), today: "2026-06-30" }
  const valid = {
    fullName: "Lò Thị Lan",
    citizenId: "014199001234",
    dateOfBirth: "05/03/1999",
    sex: "Nữ",
    unitCode: "03646",
    ethnicMinority: "Có",
    registeredOn: "15/01/2026",
  } satisfies Partial<Record<WorkerColumnKey, Plain>>

  test("a valid row gives the command's inputs", () => {
    const { valid: rows, errors } = validateWorkerRows(table<WorkerColumnKey>([valid], {}), catalogue, scope)
    expect(errors).toEqual([])
    expect(rows[0]).toMatchObject({
      row: 2,
      citizenId: "014199001234",
      dateOfBirth: "1999-03-05",
      sex: "female",
      unit: { code: "03646", unitId: toHieu.unitId },
      ethnicMinority: true,
    })
  })

  test("a CCCD that disagrees with sex and birth year names both problems", () => {
    const { errors } = validateWorkerRows(
      table<WorkerColumnKey>([{ ...valid, citizenId: "014098001234" }], { citizenId: "C" }),
      catalogue,
      scope,
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ row: 2, field: "Số CCCD", column: "C" })
    expect(errors[0]!.message).toMatch(/giới tính nam.*nữ/)
    expect(errors[0]!.message).toMatch(/năm sinh là 1999/)
  })

  test("a code that was retired by the 2025 reorganisation is named as such", () => {
    const code = [...catalogue.units.values()]
      .filter((u) => u.validUntil === "2025-07-01")
      .map((u) => u.codes.at(-1)?.value ?? "")
      .find((c) => /^\d{5}$/.test(c) && AdminUnit.unitOn(catalogue, c, "2026-01-15").length === 0)
    expect(code).toBeDefined()
    const { errors } = validateWorkerRows(table<WorkerColumnKey>([{ ...valid, unitCode: code! }], {}), catalogue, {
      ...scope,
      unitIds: undefined,
    })
    expect(errors[0]!.message).toMatch(/không còn hiệu lực vào ngày 15\/01\/2026/)
  })
})

describe("quota rows", () => {
  test("printed shares and totals are kept as printed; a table that does not add up is not an error", () => {
    const rows = validateQuotaRows(
      table<QuotaColumnKey>(
        [
          { unitCode: "03646", unitName: "Phường Tô Hiệu", sharePercent: "3,46", headCount: 24 },
          { unitCode: 3664, unitName: "Chiềng An", sharePercent: 1.5, headCount: "1.042" },
          { unitName: "TỔNG CỘNG", headCount: 2000 },
        ],
        {},
      ),
      { catalogue, provinceCode: "14", onDates: ["2026-01-01"] },
    )
    expect(rows.errors).toEqual([])
    expect(rows.printedTotal).toBe(2000)
    expect(rows.allocations).toEqual([
      { unitCode: "03646", unitName: "Phường Tô Hiệu", sharePercentPrinted: "3,46", sharePercent: 3.46, headCount: 24 },
      { unitCode: "03664", unitName: "Chiềng An", sharePercentPrinted: "1,5", sharePercent: 1.5, headCount: 1042 },
    ])
  })
})
