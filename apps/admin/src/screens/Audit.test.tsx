import { screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { json, ME, renderApp } from "../test/render-app.tsx"

const projection = (state: string) => ({
  projection: "enterprises",
  state,
  checkpoint: "12:345",
  updatedAt: "2026-12-01T08:00:00.000Z",
  pausedAt: state === "paused" ? "2026-12-01T07:59:00.000Z" : null,
  errorMessage: state === "paused" ? "sự kiện không đọc được" : null,
})

describe("the audit screen's projections", () => {
  it("lets the administrator resume a paused projection, and shows it running again", async () => {
    let state = "paused"
    const { requests } = renderApp("/audit", (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session") return json({ ...ME, role: "administrator", username: "quan-tri" })
      if (url.pathname === "/api/projections")
        return json({ items: [projection(state), { ...projection("running"), projection: "workers" }] })
      if (url.pathname === "/api/projections/enterprises/resume" && request.method === "POST") {
        state = "running"
        return json(projection("running"))
      }
      return json({ title: "không có", status: 404 }, 404)
    })
    const user = userEvent.setup()
    const button = await screen.findByRole("button", { name: "Chạy tiếp enterprises" }, { timeout: 25_000 })
    expect(screen.getByText("tạm dừng")).toBeTruthy()
    // Only the paused one offers it.
    expect(screen.getAllByRole("button", { name: /^Chạy tiếp/ })).toHaveLength(1)
    await user.click(button)
    await waitFor(() => expect(screen.queryByRole("button", { name: "Chạy tiếp enterprises" })).toBeNull())
    expect(screen.getAllByText("đang chạy")).toHaveLength(2)
    const post = requests.find((r) => r.method === "POST")!
    expect(new URL(post.url).pathname).toBe("/api/projections/enterprises/resume")
    expect(post.headers.get("x-csrf-token")).toBe("csrf-1")
  })

  it("shows an auditor the state but no resume button (the API lets only the administrator)", async () => {
    renderApp("/audit", (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session") return json({ ...ME, role: "auditor", username: "kiem-toan" })
      if (url.pathname === "/api/projections") return json({ items: [projection("paused")] })
      if (url.pathname === "/api/events") return json({ items: [], next: null, last: "0:0" })
      return json({ title: "không có", status: 404 }, 404)
    })
    await screen.findByText("tạm dừng", {}, { timeout: 25_000 })
    expect(screen.queryByRole("button", { name: /Chạy tiếp/ })).toBeNull()
  })
})
