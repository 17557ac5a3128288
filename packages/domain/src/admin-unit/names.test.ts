import { describe, expect, it } from "vitest"
import { bareName, bareNameKey, compareVietnamese, nameKey, normaliseName } from "./names.ts"

describe("Vietnamese names", () => {
  it("normalise to NFC with single spaces", () => {
    const nfd = "  Phường   Tô Hiệu ".normalize("NFD")
    expect(normaliseName(nfd)).toBe("Phường Tô Hiệu".normalize("NFC"))
    expect(normaliseName(nfd)).not.toBe(nfd)
  })

  it("compare ignoring case and form, with or without the kind word", () => {
    expect(nameKey("PHƯỜNG TÔ HIỆU".normalize("NFD"))).toBe(nameKey("phường tô hiệu"))
    expect(bareNameKey("Thị trấn Bắc Yên")).toBe("bắc yên")
    expect(bareNameKey("Thị xã Mộc Châu")).toBe("mộc châu")
    expect(bareName("Đặc khu Phú Quốc")).toBe("Phú Quốc")
    expect(bareName("Xã Xuân Nha")).toBe("Xuân Nha")
  })

  it("sort in Vietnamese alphabetical order", () => {
    const sorted = ["Ơn", "Đá", "Ân", "Ă", "Dũng", "An", "Ô"].toSorted(compareVietnamese)
    expect(sorted).toEqual(["An", "Ă", "Ân", "Dũng", "Đá", "Ô", "Ơn"])
  })
})
