import { screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { json, ME, renderApp } from "../test/render-app.tsx"

const unit = (code: string, unitName: string, target: number, departed: number) => ({
  unitId: `au/14/${code}/2025-07-01`,
  unitCode: code,
  unitName,
  target,
  departed,
  percent: Math.round((departed / target) * 1000) / 10,
  remaining: Math.max(0, target - departed),
})

const ATTAINMENT = {
  asOf: "2026-12-01T05:00:00.000Z",
  provinceCode: "14",
  year: 2026,
  plan: { planId: "quota-plan:14:2026", title: "Kế hoạch năm 2026", target: 700, allocatedTotal: 703, discrepancy: 3 },
  splitRule: "not-attributable",
  items: [
    unit("03646", "Phường Tô Hiệu", 24, 12),
    unit("04000", "Xã Đông Sang", 10, 15),
    unit("04001", "Xã Dương Quỳ", 10, 5),
  ],
  total: { target: 700, departed: 1234, percent: 176.3, remaining: 0 },
  unitsWithNobody: [{ unitId: "au/14/04002/2025-07-01", unitCode: "04002", unitName: "Xã Tà Xùa" }],
}

function api(seen: URL[]) {
  return (request: Request) => {
    const url = new URL(request.url)
    seen.push(url)
    switch (url.pathname) {
      case "/api/session":
        return json(ME)
      case "/api/attainment":
        return json(ATTAINMENT)
      case "/api/reports/funnel":
        return json({ asOf: "x", stages: [{ stage: "registered", count: 4368 }], withdrawn: { total: 956 } })
      case "/api/reports/departures":
        return json({
          asOf: "x",
          total: 5,
          byCountry: { JP: 3, KR: 2 },
          byMonth: { "2026-10": 5 },
          labels: { countries: { JP: "Nhật Bản", KR: "Hàn Quốc" } },
        })
      case "/api/reports/outcomes":
        return json({
          abroadNow: 1,
          returnedOnTime: 2,
          returnedEarly: 0,
          overstayed: 0,
          contractEndedEarly: 0,
          reemployed: 0,
        })
      case "/api/targets":
        return json({
          items: [
            {
              id: "departures",
              label: "Số người lao động đi làm việc ở nước ngoài",
              legalBasis: { number: "/QĐ-UBND" },
              target: { comparator: "target", value: 700, unit: "người" },
              measured: { value: 1234 },
              met: true,
            },
          ],
        })
      case "/api/lineage":
        return json({
          figure: "departed",
          value: 12,
          asOf: "2026-12-01T05:00:00.000Z",
          events: [
            {
              eventId: "e1",
              type: "WorkerDeparted",
              streamId: "worker-1",
              recordedAt: "2026-03-02T03:00:00.000Z",
              occurredAt: "2026-03-01T00:00:00.000Z",
              actor: { userId: "ubnd-03646-cb1", role: "communeCommittee" },
              legalBasis: { number: "12/QĐ-UBND", title: "Quyết định giao chỉ tiêu" },
              corrects: null,
            },
          ],
        })
      default:
        return json({ title: "không có", status: 404 }, 404)
    }
  }
}

describe("overview", () => {
  it("shows the plan's figures in vi-VN, the communes by attainment or in Vietnamese order, and the discrepancy", async () => {
    renderApp("/overview", api([]))
    expect((await screen.findByTestId("stat-departed", {}, { timeout: 25_000 })).textContent).toContain("1.234")
    expect(screen.getByTestId("stat-percent").textContent).toContain("176,3 %")
    expect(
      screen.getByText("Tổng chỉ tiêu giao cho xã, phường (703) lệch 3 so với chỉ tiêu của tỉnh (700)."),
    ).toBeTruthy()
    const names = () =>
      within(screen.getByTestId("attainment-table"))
        .getAllByRole("rowheader")
        .map((cell) => cell.textContent)
    expect(names()).toEqual(["Xã Đông Sang", "Phường Tô Hiệu", "Xã Dương Quỳ"])
    await userEvent.setup().click(screen.getByRole("button", { name: "Xã, phường" }))
    expect(names()).toEqual(["Phường Tô Hiệu", "Xã Dương Quỳ", "Xã Đông Sang"])
    expect(screen.getByTestId("units-with-nobody").textContent).toBe("Xã Tà Xùa")
    expect(screen.getByTestId("by-market").textContent).toContain("Nhật Bản")
    // The Sơn La 2026 decision is recorded as printed, its number left blank: the scoreboard says so.
    expect((await screen.findByTestId("scoreboard")).textContent).toContain("…/QĐ-UBND (chưa ghi số)")
  })

  it("opens a commune's figure's lineage: its events, who, when and the legal document", async () => {
    const seen: URL[] = []
    renderApp("/overview", api(seen))
    const table = await screen.findByTestId("attainment-table", {}, { timeout: 25_000 })
    const row = within(table).getByRole("row", { name: /Phường Tô Hiệu/ })
    await userEvent.setup().click(within(row).getByRole("button", { name: /^12 — Xem nguồn gốc số liệu/ }))
    const dialog = await screen.findByRole("dialog")
    expect((await within(dialog).findByTestId("lineage-summary")).textContent).toContain("Giá trị: 12")
    expect(dialog.textContent).toContain("ubnd-03646-cb1")
    expect(dialog.textContent).toContain("12/QĐ-UBND — Quyết định giao chỉ tiêu")
    expect(dialog.textContent).toContain("01/03/2026")
    const lineage = seen.find((url) => url.pathname === "/api/lineage")!
    expect(Object.fromEntries(lineage.searchParams)).toEqual({
      figure: "departed",
      province: "14",
      year: "2026",
      unit: "03646",
    })
  })

  it("asks every figure as of the chosen instant and says so in a banner", async () => {
    const seen: URL[] = []
    renderApp("/overview?asOf=2026-06-15T16%3A59%3A59.999Z", api(seen))
    expect((await screen.findByTestId("as-of-banner", {}, { timeout: 25_000 })).textContent).toContain(
      "15/06/2026 23:59",
    )
    await waitFor(() => expect(seen.some((url) => url.pathname === "/api/reports/funnel")).toBe(true))
    for (const path of ["/api/attainment", "/api/reports/funnel", "/api/reports/departures"])
      expect(seen.find((url) => url.pathname === path)?.searchParams.get("asOf"), path).toBe("2026-06-15T16:59:59.999Z")
  })
})
