import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openTestApp, signIn, type TestApp } from "./support/test-app.ts"

let t: TestApp
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  })

describe("sign-in and sessions", () => {
  test("a demo account signs in with an HttpOnly, SameSite=Strict cookie and learns who it is", async () => {
    const response = await post("/api/session", { username: "so-noi-vu", password: "demo" })
    expect(response.status).toBe(200)
    const cookie = response.headers.get("set-cookie")!
    expect(cookie).toMatch(/xkld_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    const me = await t.app.request("/api/session", { headers: { cookie: cookie.split(";")[0]! } })
    expect(await me.json()).toMatchObject({
      username: "so-noi-vu",
      role: "province-officer",
      roleLabel: "Cán bộ Sở Nội vụ",
    })
  })

  test("wrong password: 401 problem in Vietnamese and English, nothing revealed about which part was wrong", async () => {
    for (const body of [
      { username: "so-noi-vu", password: "sai" },
      { username: "khong-co", password: "demo" },
    ]) {
      const response = await post("/api/session", body)
      expect(response.status).toBe(401)
      expect(response.headers.get("content-type")).toMatch(/application\/problem\+json/)
      expect(await response.json()).toMatchObject({
        type: expect.stringMatching(/bad-credentials$/),
        title: "Sai tên đăng nhập hoặc mật khẩu",
        titleEn: "Wrong username or password",
      })
    }
  })

  test("five wrong passwords lock the account, even for the right password", async () => {
    for (let i = 0; i < 5; i++)
      expect((await post("/api/session", { username: "lanh-dao", password: `sai-${i}` })).status).toBe(401)
    const locked = await post("/api/session", { username: "lanh-dao", password: "demo" })
    expect(locked.status).toBe(423)
    expect(await locked.json()).toMatchObject({ type: expect.stringMatching(/account-locked$/) })
  })

  test("writes need the session's CSRF token; sign-out ends the session", async () => {
    const client = await signIn(t.app, "kiem-toan")
    const without = await client.request("DELETE", "/api/session", undefined, { "x-csrf-token": "wrong" })
    expect(without.status).toBe(403)
    expect(await without.json()).toMatchObject({ type: expect.stringMatching(/csrf$/) })
    expect((await client.request("DELETE", "/api/session")).status).toBe(204)
    expect((await client.request("GET", "/api/users")).status).toBe(401)
  })

  test("password change: weak passwords refused with the field named; the new one works, the old one not", async () => {
    const client = await signIn(t.app, "ngan-hang")
    const weak = await client.json("POST", "/api/session/password", { currentPassword: "demo", newPassword: "ngan" })
    expect(weak.status).toBe(400)
    expect(weak.body.fields).toEqual([expect.objectContaining({ path: "body.newPassword" })])
    expect(
      (
        await client.request("POST", "/api/session/password", {
          currentPassword: "demo",
          newPassword: "Ngân hàng 2026",
        })
      ).status,
    ).toBe(204)
    expect((await post("/api/session", { username: "ngan-hang", password: "demo" })).status).toBe(401)
    expect((await post("/api/session", { username: "ngan-hang", password: "Ngân hàng 2026" })).status).toBe(200)
  })

  test("security headers and request size limits", async () => {
    const response = await t.app.request("/api/health")
    expect(response.headers.get("x-content-type-options")).toBe("nosniff")
    expect(response.headers.get("x-frame-options")).toBeTruthy()
    const big = await post("/api/session", { username: "x".repeat(2 * 1024 * 1024), password: "demo" })
    expect(big.status).toBe(413)
  })

  test("only the administrator manages users", async () => {
    const admin = await signIn(t.app, "quan-tri")
    const created = await admin.json("POST", "/api/users", {
      username: "so-y-te",
      displayName: "Cán bộ Sở Y tế",
      role: "department-officer",
      provinceCode: "14",
      agency: "SYT",
      password: "Sở Y tế 2026",
    })
    expect(created.status).toBe(201)
    const officer = await signIn(t.app, "so-noi-vu")
    expect((await officer.request("GET", "/api/users")).status).toBe(403)
    expect((await admin.json("GET", "/api/users")).body.items.map((u: { username: string }) => u.username)).toContain(
      "so-y-te",
    )
  })
})
