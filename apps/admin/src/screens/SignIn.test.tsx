import { screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { json, ME, renderApp } from "../test/render-app.tsx"

const unauthenticated = () =>
  json({ type: "urn:xkld:problem:unauthenticated", title: "Chưa đăng nhập.", status: 401 }, 401)

describe("sign in", () => {
  it("labels its fields in Vietnamese and shows the API's Vietnamese refusal", async () => {
    const { requests } = renderApp("/overview", (request) => {
      if (request.method === "GET" && request.url.endsWith("/api/session")) return unauthenticated()
      return json(
        {
          type: "urn:xkld:problem:bad-credentials",
          title: "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa 15 phút do nhập sai nhiều lần.",
          titleEn: "Wrong username or password.",
          status: 401,
        },
        401,
      )
    })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText("Tên đăng nhập"), "so-noi-vu")
    await user.type(screen.getByLabelText("Mật khẩu"), "sai")
    await user.click(screen.getByRole("button", { name: "Đăng nhập" }))
    expect(await screen.findByRole("alert")).toHaveProperty(
      "textContent",
      "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa 15 phút do nhập sai nhiều lần.",
    )
    const post = requests.find((r) => r.method === "POST")!
    expect(await post.json()).toEqual({ username: "so-noi-vu", password: "sai" })
    expect((screen.getByLabelText("Mật khẩu") as HTMLInputElement).value).toBe("")
  })

  it("asks for both fields before calling the API", async () => {
    const { requests } = renderApp("/sign-in", () => unauthenticated())
    const user = userEvent.setup()
    await user.click(await screen.findByRole("button", { name: "Đăng nhập" }))
    expect((await screen.findByRole("alert")).textContent).toBe("Hãy nhập tên đăng nhập và mật khẩu.")
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(0)
  })

  it("switches to English", async () => {
    renderApp("/sign-in", () => unauthenticated())
    const user = userEvent.setup()
    await user.click(await screen.findByRole("button", { name: "English" }))
    expect(await screen.findByLabelText("Username")).toBeTruthy()
    expect(document.documentElement.lang).toBe("en")
  })

  it("signs in, lands on the role's first screen, and sends the CSRF token with writes", async () => {
    let signedIn = false
    const { requests } = renderApp("/sign-in", (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session" && request.method === "GET") return signedIn ? json(ME) : unauthenticated()
      if (url.pathname === "/api/session" && request.method === "POST") {
        signedIn = true
        return json(ME)
      }
      if (url.pathname === "/api/session" && request.method === "DELETE") return new Response(null, { status: 204 })
      return json({ title: "không có", status: 404 }, 404)
    })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText("Tên đăng nhập"), "so-noi-vu")
    await user.type(screen.getByLabelText("Mật khẩu"), "demo")
    await user.click(screen.getByRole("button", { name: "Đăng nhập" }))
    expect(await screen.findByTestId("who", {}, { timeout: 25_000 })).toHaveProperty(
      "textContent",
      "Cán bộ Sở Nội vụ tỉnh Sơn La · Cán bộ Sở Nội vụ",
    )
    expect(screen.getByRole("link", { name: "Tổng quan" }).getAttribute("aria-current")).toBe("page")
    await user.click(screen.getByRole("button", { name: "Đăng xuất" }))
    await waitFor(() => expect(requests.some((r) => r.method === "DELETE")).toBe(true))
    expect(requests.find((r) => r.method === "DELETE")!.headers.get("x-csrf-token")).toBe("csrf-1")
  })
})
