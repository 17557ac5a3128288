import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { buildCatalogue } from "../catalogue.ts"
import { successorsToday, unitOn } from "../queries.ts"
import { type AdminUnitCsvFiles, adminUnitCommandsFromCsv, loadAdminUnitEvents } from "./from-csv.ts"

const header =
  "old_province_code,old_province_name,old_district_code,old_district_name,old_unit_code,old_unit_name," +
  "new_province_code,new_unit_code,new_unit_name,split,legal_basis,legal_text,confidence"
const row = (oldCode: string, oldName: string, newCode: string, newName: string, split = "no", extra = "") =>
  `14,Tỉnh Sơn La,116,Thành phố Sơn La,${oldCode},${oldName},14,${newCode},${newName},${split},1681/NQ-UBTVQH15,"1. **Sắp xếp** ...",high${extra}`

const files = (successionRows: ReadonlyArray<string>, extraHeader = ""): AdminUnitCsvFiles => ({
  provinces: "province_code,province_name,merged_from\n14,Tỉnh Sơn La,Tỉnh Sơn La\n",
  units:
    "province_code,province_name,unit_code,unit_name,unit_kind\n" +
    "14,Tỉnh Sơn La,03646,Phường Tô Hiệu,phường\n14,Tỉnh Sơn La,03664,Phường Chiềng An,phường\n",
  succession: [header + extraHeader, ...successionRows].join("\n"),
})

const good = files([
  row("03646", "Phường Chiềng Lề", "03646", "Phường Tô Hiệu"),
  row("03649", "Phường Tô Hiệu", "03646", "Phường Tô Hiệu", "yes"),
  row("03649", "Phường Tô Hiệu", "03664", "Phường Chiềng An", "yes"),
  row("03652", "Xã Chiềng Ngần", "03664", "Phường Chiềng An"),
])

const failure = (f: AdminUnitCsvFiles): string => {
  const result = loadAdminUnitEvents(f)
  if (Result.isSuccess(result)) throw new Error("expected the data to be refused")
  return result.failure.message
}

describe("loadAdminUnitEvents", () => {
  it("records old and new units and their successions, with equal shares for a split", () => {
    const events = Result.getOrThrow(loadAdminUnitEvents(good))
    const catalogue = buildCatalogue(events)
    expect(unitOn(catalogue, "03646", "2025-06-30")[0]?.unitId).toBe("au/14/03646/origin")
    expect(unitOn(catalogue, "03646", "2025-07-01")[0]?.unitId).toBe("au/14/03646/2025-07-01")
    expect(successorsToday(catalogue, "au/14/03649/origin")).toEqual([
      { unitId: "au/14/03646/2025-07-01", share: 0.5, viaSplit: true },
      { unitId: "au/14/03664/2025-07-01", share: 0.5, viaSplit: true },
    ])
    const split = events.find((e) => e._tag === "AdminUnitSucceeded" && e.unitId === "au/14/03649/origin")
    expect(split).toMatchObject({ shareBasis: "assumed-equal", split: true })
    expect(split?._tag === "AdminUnitSucceeded" && split.successors[0]?.legalText).toBe("1. Sắp xếp ...")
  })

  it("uses a share column when the data gives one", () => {
    const withShares = files(
      [
        row("03646", "Phường Chiềng Lề", "03646", "Phường Tô Hiệu", "no", ",1"),
        row("03649", "Phường Tô Hiệu", "03646", "Phường Tô Hiệu", "yes", ",0.75"),
        row("03649", "Phường Tô Hiệu", "03664", "Phường Chiềng An", "yes", ",0.25"),
      ],
      ",share",
    )
    const catalogue = buildCatalogue(Result.getOrThrow(loadAdminUnitEvents(withShares)))
    expect(successorsToday(catalogue, "au/14/03649/origin").map((s) => s.share)).toEqual([0.75, 0.25])
  })

  it("refuses a split flag that does not match the number of successors", () => {
    const f = files([
      row("03646", "Phường Chiềng Lề", "03646", "Phường Tô Hiệu", "yes"),
      row("03652", "Xã Chiềng Ngần", "03664", "Phường Chiềng An"),
    ])
    expect(failure(f)).toContain("cột split")
  })

  it("refuses a resolution it has no date for", () => {
    const f = files([
      row("03646", "Phường Chiềng Lề", "03646", "Phường Tô Hiệu").replace("1681/", "9999/"),
      row("03652", "Xã Chiềng Ngần", "03664", "Phường Chiềng An"),
    ])
    expect(failure(f)).toContain("9999/NQ-UBTVQH15")
  })

  it("refuses a new unit that nothing passed into, and a successor missing from the unit list", () => {
    expect(failure(files([row("03646", "Phường Chiềng Lề", "03646", "Phường Tô Hiệu")]))).toContain(
      "không có đơn vị tiền thân",
    )
    expect(
      failure(
        files([
          row("03646", "Phường Chiềng Lề", "03646", "Phường Tô Hiệu"),
          row("03652", "Xã Chiềng Ngần", "03664", "Phường Chiềng An"),
          row("03655", "Xã Hua La", "03999", "Xã Không Có"),
        ]),
      ),
    ).toContain("03999")
  })

  it("builds the same commands every time (stable ids)", () => {
    expect(adminUnitCommandsFromCsv(good)).toEqual(adminUnitCommandsFromCsv(good))
  })
})
