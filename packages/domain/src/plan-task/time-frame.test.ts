import { describe, expect, it } from "vitest"
import { dueDate, parseTimeFrame } from "./time-frame.ts"

describe("parseTimeFrame", () => {
  it.each([
    ["Thường xuyên", { kind: "ongoing", year: 2026, label: "Thường xuyên" }, null],
    ["Thường \n\nxuyên", { kind: "ongoing", year: 2026, label: "Thường xuyên" }, null],
    ["Năm 2026", { kind: "year", year: 2026, label: "Năm 2026" }, "2026-12-31"],
    ["Quý I/2026", { kind: "quarter", year: 2026, quarter: 1, label: "Quý I/2026" }, "2026-03-31"],
    ["Quý IV/2026", { kind: "quarter", year: 2026, quarter: 4, label: "Quý IV/2026" }, "2026-12-31"],
    ["Quý 2/2026", { kind: "quarter", year: 2026, quarter: 2, label: "Quý 2/2026" }, "2026-06-30"],
    ["Tháng 1/2026", { kind: "month", year: 2026, month: 1, label: "Tháng 1/2026" }, "2026-01-31"],
    ["Tháng 2/2028", { kind: "month", year: 2028, month: 2, label: "Tháng 2/2028" }, "2028-02-29"],
    [
      "hoàn thành trong tháng 4/2023",
      { kind: "month", year: 2023, month: 4, label: "hoàn thành trong tháng 4/2023" },
      "2023-04-30",
    ],
    [
      "Trước ngày 15/01/2026",
      { kind: "date", year: 2026, date: "2026-01-14", label: "Trước ngày 15/01/2026" },
      "2026-01-14",
    ],
    [
      "trước ngày 1/1/2026",
      { kind: "date", year: 2025, date: "2025-12-31", label: "trước ngày 1/1/2026" },
      "2025-12-31",
    ],
    ["Không ghi thời hạn", { kind: "ongoing", year: 2026, label: "Không ghi thời hạn" }, null],
  ] as const)("%j", (label, expected, due) => {
    const parsed = parseTimeFrame(label, 2026)
    expect(parsed).toEqual(expected)
    expect(parsed && dueDate(parsed)).toBe(due)
  })

  it.each([
    "",
    "Sớm nhất có thể",
    "Tháng 13/2026",
    "Quý V/2026",
    "Năm 26",
    "Trước ngày 30/02/2026",
    "Trước ngày 15/13/2026",
  ])("rejects %j", (label) => {
    expect(parseTimeFrame(label, 2026)).toBeUndefined()
  })
})
