import { screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { json, ME, renderApp } from "../test/render-app.tsx"

const UNITS = {
  items: [
    { id: "au/14/03646/2025-07-01", code: "03646", name: "Phường Tô Hiệu", kind: "ward", validFrom: "2025-07-01" },
    { id: "au/14/03664/2025-07-01", code: "03664", name: "Phường Chiềng An", kind: "ward", validFrom: "2025-07-01" },
  ],
}

describe("creating an account", () => {
  it("gives a commune officer its commune (unitIds), chosen by name", async () => {
    const posts: Request[] = []
    renderApp("/users", async (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session") return json({ ...ME, role: "administrator", username: "quan-tri" })
      if (url.pathname === "/api/units") return json(UNITS)
      if (url.pathname === "/api/users" && request.method === "GET") return json({ items: [] })
      if (url.pathname === "/api/users") {
        posts.push(request)
        return json({ userId: "u-new" }, 201)
      }
      return json({ title: "không có", status: 404 }, 404)
    })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText("Tên đăng nhập", {}, { timeout: 25_000 }), "can-bo-to-hieu")
    await user.type(screen.getByLabelText("Tên hiển thị"), "Cán bộ Phường Tô Hiệu")
    expect(screen.queryByLabelText("Xã, phường")).toBeNull()
    await user.selectOptions(screen.getByLabelText("Vai trò"), "commune-officer")
    await user.selectOptions(await screen.findByLabelText("Xã, phường"), "Phường Tô Hiệu")
    await user.type(screen.getByLabelText("Mật khẩu ban đầu"), "Mat-khau-dai-Son-La-2026")
    await user.click(screen.getByRole("button", { name: "Tạo tài khoản" }))
    await waitFor(() => expect(posts).toHaveLength(1))
    expect(await posts[0]!.json()).toEqual({
      username: "can-bo-to-hieu",
      displayName: "Cán bộ Phường Tô Hiệu",
      role: "commune-officer",
      provinceCode: "14",
      unitIds: ["au/14/03646/2025-07-01"],
      password: "Mat-khau-dai-Son-La-2026",
    })
  })
})
