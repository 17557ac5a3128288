import { screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { json, ME, renderApp } from "../test/render-app.tsx"

const content = (reporter: { kind: string; code: string; name: string }) => ({
  schema: "xkld.periodic-report/1",
  reporter: { ...reporter, unitIds: [] },
  provinceCode: "14",
  period: { code: "2026-H1", label: "6 tháng đầu năm 2026", from: "2026-01-01", to: "2026-06-30" },
  asOf: "2026-06-14T10:00:00.000Z",
  heading: {
    parentAgency: "UBND TỈNH SƠN LA",
    agency: reporter.name.toUpperCase(),
    agencyCode: reporter.code,
    place: "Sơn La",
    date: "2026-06-14",
    number: null,
  },
  title: "BÁO CÁO",
  summary: "Kết quả thực hiện",
  sections: [
    { heading: "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO", paragraphs: [`Báo cáo của ${reporter.name}`], tables: [] },
  ],
  signer: null,
  recipients: [],
  figures: [],
})

describe("the reports screen", () => {
  it("offers the departments the API lists beside the province and the wards, and previews a department's report", async () => {
    const { requests } = renderApp("/reports", (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session") return json(ME)
      if (url.pathname === "/api/reports/reporters")
        return json({
          provinceCode: "14",
          period: url.searchParams.get("period"),
          items: [
            { kind: "province", code: "province", name: "Toàn tỉnh" },
            { kind: "unit", code: "03646", name: "Phường Tô Hiệu" },
            { kind: "agency", code: "CA-TINH", name: "Công an tỉnh" },
            { kind: "agency", code: "SYT", name: "Sở Y tế" },
          ],
        })
      if (url.pathname === "/api/reports/periodic") {
        const code = url.searchParams.get("reporter")
        const name = code === "CA-TINH" ? "Công an tỉnh" : code === "province" ? "Tỉnh Sơn La" : "Phường Tô Hiệu"
        return json(content({ kind: code === "CA-TINH" ? "agency" : "province", code: code!, name }))
      }
      if (url.pathname === "/api/reports/issued") return json({ provinceCode: "14", items: [] })
      return json({ title: "không có", status: 404 }, 404)
    })
    const select = (await screen.findByLabelText("Đơn vị báo cáo", {}, { timeout: 25_000 })) as HTMLSelectElement
    await waitFor(() => expect(select.querySelectorAll("option")).toHaveLength(4))
    const groups = [...select.querySelectorAll("optgroup")].map((g) => [
      g.label,
      [...g.querySelectorAll("option")].map((o) => o.textContent),
    ])
    expect(groups).toEqual([
      ["Tỉnh", ["Toàn tỉnh"]],
      ["Xã, phường", ["Phường Tô Hiệu"]],
      ["Sở, ban, ngành", ["Công an tỉnh", "Sở Y tế"]],
    ])
    await userEvent.setup().selectOptions(select, "CA-TINH")
    await waitFor(() => expect(screen.getByTestId("report-preview").textContent).toContain("Báo cáo của Công an tỉnh"))
    const asked = requests.map((r) => new URL(r.url)).filter((u) => u.pathname === "/api/reports/periodic")
    expect(asked.at(-1)!.searchParams.get("reporter")).toBe("CA-TINH")
    const pdf = screen.getByRole("link", { name: "Tải PDF" })
    expect(pdf.getAttribute("href")).toContain("reporter=CA-TINH")
    expect(requests.some((r) => new URL(r.url).pathname === "/api/reports/reporters")).toBe(true)
  })
})
