import { describe, expect, test } from "vitest"
import { formatDate, formatInstantVi, formatNumber, nfc, numberLine, placeDateLine } from "./text.ts"

describe("report text", () => {
  test("numbers the Vietnamese way: thousands with dots, decimals with a comma", () => {
    expect(formatNumber(1234567)).toBe("1.234.567")
    expect(formatNumber(12.5)).toBe("12,5")
    expect(formatNumber(10.3, "percent")).toBe("10,3%")
    expect(formatNumber(null)).toBe("–")
  })

  test("the place and date line pads day and month (NĐ 30/2020), and the number below 10", () => {
    expect(placeDateLine("Sơn La", "2026-06-05")).toBe("Sơn La, ngày 05 tháng 06 năm 2026")
    expect(numberLine("5", "SNV")).toBe("Số: 05/BC-SNV")
    expect(numberLine("123", "UBND")).toBe("Số: 123/BC-UBND")
    expect(numberLine(null, "SNV")).toBe("Số:      /BC-SNV")
    expect(formatDate("2026-12-31")).toBe("31/12/2026")
  })

  test("an instant prints in Vietnam's time (UTC+7)", () => {
    expect(formatInstantVi("2026-06-14T17:30:00.000Z")).toBe("15/06/2026 00:30")
  })

  test("text typed with combining marks (NFD) prints as the precomposed text", () => {
    const typed = "Nguyễn Thị Hường".normalize("NFD")
    expect(typed).not.toBe("Nguyễn Thị Hường")
    expect(nfc(typed)).toBe("Nguyễn Thị Hường")
    expect(placeDateLine("Tô Hiệu".normalize("NFD"), "2026-06-15")).toBe("Tô Hiệu, ngày 15 tháng 06 năm 2026")
  })
})
