import { screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { json, ME, renderApp } from "../test/render-app.tsx"

describe("the workers list", () => {
  it("filters by market and by priority group, as GET /api/workers takes them", async () => {
    const { requests } = renderApp("/workers", (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session") return json(ME)
      if (url.pathname === "/api/units") return json({ items: [] })
      if (url.pathname === "/api/workers") return json({ items: [], total: 0, limit: 25, offset: 0, sort: "name" })
      return json({ title: "không có", status: 404 }, 404)
    })
    const user = userEvent.setup()
    await user.selectOptions(await screen.findByLabelText("Thị trường", {}, { timeout: 25_000 }), "Hàn Quốc")
    await user.selectOptions(screen.getByLabelText("Đối tượng ưu tiên"), "Lao động thuộc hộ nghèo")
    await waitFor(() => {
      const last = new URL(requests.filter((r) => new URL(r.url).pathname === "/api/workers").at(-1)!.url)
      expect(last.searchParams.get("market")).toBe("KR")
      expect(last.searchParams.get("priorityGroup")).toBe("poorHousehold")
    })
    // Back to all markets: the filter leaves the query.
    await user.selectOptions(screen.getByLabelText("Thị trường"), "Tất cả")
    await waitFor(() => {
      const last = new URL(requests.filter((r) => new URL(r.url).pathname === "/api/workers").at(-1)!.url)
      expect(last.searchParams.has("market")).toBe(false)
      expect(last.searchParams.get("priorityGroup")).toBe("poorHousehold")
    })
  })

  it("names each worker's market in Vietnamese, not by its code", async () => {
    renderApp("/workers", (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session") return json(ME)
      if (url.pathname === "/api/units") return json({ items: [] })
      if (url.pathname === "/api/workers")
        return json({
          items: [
            {
              id: "w-1",
              fullName: "Lò Văn Anh",
              identityStatus: "shown",
              unitId: "u-1",
              unitCode: "03646",
              unitName: "Phường Tô Hiệu",
              stage: "departed",
              registeredOn: "2025-03-01",
              country: "KR",
              market: "KR",
              priorityGroups: [],
            },
          ],
          total: 1,
          limit: 25,
          offset: 0,
          sort: "name",
        })
      return json({ title: "không có", status: 404 }, 404)
    })
    const row = (await screen.findByRole("link", { name: "Lò Văn Anh" }, { timeout: 25_000 })).closest("tr")!
    expect(row.textContent).toContain("Hàn Quốc")
    expect(row.textContent).not.toMatch(/\bKR\b/)
  })
})
