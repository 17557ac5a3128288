import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { ConfigError, DEFAULT_SECRETS, loadConfig } from "../src/config.ts"
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

  test("five wrong passwords lock the account, even for the right password, with the answer of a wrong password", async () => {
    const wrong: unknown[] = []
    for (let i = 0; i < 5; i++) {
      const response = await post("/api/session", { username: "lanh-dao", password: `sai-${i}` })
      expect(response.status).toBe(401)
      wrong.push(await response.json())
    }
    const locked = await post("/api/session", { username: "lanh-dao", password: "demo" })
    expect(locked.status).toBe(401)
    // The same answer as a wrong password and as an unknown account: a lock tells nobody that the account exists.
    expect(await locked.json()).toEqual(wrong[0])
    const unknown = await post("/api/session", { username: "khong-co-ai", password: "demo" })
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toEqual(wrong[0])
  })

  test("writes need the session's CSRF token; sign-out ends the session", async () => {
    const client = await signIn(t.app, "kiem-toan")
    const without = await client.request("DELETE", "/api/session", undefined, { "x-csrf-token": "wrong" })
    expect(without.status).toBe(403)
    expect(await without.json()).toMatchObject({ type: expect.stringMatching(/csrf$/) })
    // the session was just read (kept in memory, session-cache.ts): its end must count at once all the same
    expect((await client.request("GET", "/api/session")).status).toBe(200)
    expect((await client.request("DELETE", "/api/session")).status).toBe(204)
    expect((await client.request("GET", "/api/users")).status).toBe(401)
  })

  test("password change: weak passwords refused with the field named; the new one works, the old one not", async () => {
    const client = await signIn(t.app, "ngan-hang")
    const otherDevice = await signIn(t.app, "ngan-hang")
    expect((await otherDevice.request("GET", "/api/session")).status).toBe(200) // read, so kept in memory
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
    expect((await otherDevice.request("GET", "/api/session")).status).toBe(401) // every other device signs in again
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

describe("account administration (ADR 0009)", () => {
  // A database of its own: these sign-ins come from the same in-process "client" as the ones above, and
  // together they would reach the per-client limit.
  let a: TestApp
  beforeAll(async () => {
    a = await openTestApp()
  })
  afterAll(() => a.close())
  const postTo = (path: string, body: unknown) =>
    a.app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
  const userIdOf = async (admin: Awaited<ReturnType<typeof signIn>>, username: string): Promise<string> =>
    (await admin.json("GET", "/api/users")).body.items.find((u: { username: string }) => u.username === username).userId

  test("disabling an account ends its sessions and refuses its sign-in with the answer of a wrong password; enabling restores it", async () => {
    const admin = await signIn(a.app, "quan-tri")
    const officer = await signIn(a.app, "chieng-an")
    const id = await userIdOf(admin, "chieng-an")
    expect((await officer.request("GET", "/api/session")).status).toBe(200) // read, so kept in memory
    expect((await admin.request("POST", `/api/users/${id}/disable`)).status).toBe(204)
    expect((await officer.request("GET", "/api/session")).status).toBe(401)
    const refused = await postTo("/api/session", { username: "chieng-an", password: "demo" })
    const unknown = await postTo("/api/session", { username: "khong-co-nguoi-nay", password: "demo" })
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual(await unknown.json())
    expect((await admin.json("GET", "/api/users")).body.items).toContainEqual(
      expect.objectContaining({ username: "chieng-an", disabled: true }),
    )
    expect((await admin.request("POST", `/api/users/${id}/enable`)).status).toBe(204)
    expect((await officer.request("GET", "/api/session")).status).toBe(401) // the ended session stays ended
    expect((await postTo("/api/session", { username: "chieng-an", password: "demo" })).status).toBe(200)
  })

  test("a password reset by the administrator ends the account's sessions, lifts its lock, and only the new password works", async () => {
    const admin = await signIn(a.app, "quan-tri")
    const officer = await signIn(a.app, "to-hieu")
    for (let i = 0; i < 5; i++) await postTo("/api/session", { username: "to-hieu", password: `sai-${i}` })
    expect((await postTo("/api/session", { username: "to-hieu", password: "demo" })).status).toBe(401) // locked
    const id = await userIdOf(admin, "to-hieu")
    expect((await officer.request("GET", "/api/session")).status).toBe(200) // read, so kept in memory
    const weak = await admin.json("POST", `/api/users/${id}/password`, { newPassword: "ngan" })
    expect(weak.status).toBe(400)
    expect(weak.body.fields).toEqual([expect.objectContaining({ path: "body.newPassword" })])
    expect((await admin.request("POST", `/api/users/${id}/password`, { newPassword: "Tô Hiệu mới 2026" })).status).toBe(
      204,
    )
    expect((await officer.request("GET", "/api/session")).status).toBe(401)
    expect((await postTo("/api/session", { username: "to-hieu", password: "demo" })).status).toBe(401)
    expect((await postTo("/api/session", { username: "to-hieu", password: "Tô Hiệu mới 2026" })).status).toBe(200)
  })

  test("an administrator cannot create, disable or reset an administrator, nor reach accounts it does not manage", async () => {
    const admin = await signIn(a.app, "quan-tri")
    const base = { displayName: "Thử", provinceCode: "14", password: "Mật khẩu tốt 2026" }
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ ...base, username: "quan-tri-2", role: "administrator" }, "body.role"],
      [{ ...base, username: "so-noi-vu-lc", role: "province-officer", provinceCode: "15" }, "body.provinceCode"],
      [{ ...base, username: "xa-khong-co", role: "commune-officer" }, "body.unitIds"],
      [{ ...base, username: "xa-la", role: "commune-officer", unitIds: ["khong-co"] }, "body.unitIds"],
      [{ ...base, username: "lanh-dao-xa", role: "leader", unitIds: ["khong-co"] }, "body.unitIds"],
      [{ ...base, username: "dn-khong-co", role: "enterprise-officer", enterpriseId: "khong-co" }, "body.enterpriseId"],
      [{ ...base, username: "kt-dn", role: "auditor", enterpriseId: "khong-co" }, "body.enterpriseId"],
      [{ ...base, username: "so-khong-ten", role: "department-officer" }, "body.agency"],
    ]
    for (const [body, field] of refusals) {
      const answer = await admin.json("POST", "/api/users", body)
      expect(answer.status, JSON.stringify(body)).toBe(422)
      expect(answer.body.fields, JSON.stringify(body)).toEqual([expect.objectContaining({ path: field })])
    }
    const users = (await admin.json("GET", "/api/users")).body.items.map((u: { username: string }) => u.username)
    for (const [body] of refusals) expect(users).not.toContain(body.username)

    const self = await userIdOf(admin, "quan-tri")
    for (const [path, body] of [
      [`/api/users/${self}/disable`, undefined],
      [`/api/users/${self}/password`, { newPassword: "Quản trị mới 2026" }],
    ] as const) {
      const answer = await admin.json("POST", path, body)
      expect(answer.status).toBe(422)
      expect(answer.body.type).toMatch(/rejected$/)
    }
    expect((await admin.request("POST", "/api/users/khong-co/disable")).status).toBe(404)
    expect((await postTo("/api/session", { username: "quan-tri", password: "demo" })).status).toBe(200)
  })
})

describe("production configuration", () => {
  const keyA = Buffer.alloc(32, 1).toString("base64")
  const keyB = Buffer.alloc(32, 2).toString("base64")
  const production = { XKLD_MODE: "production", XKLD_SESSION_SECRET: "a real secret, long enough" }

  test("production refuses to start on the default keys, naming each one left unset", () => {
    expect(() => loadConfig({ XKLD_MODE: "production" })).toThrow(ConfigError)
    expect(() => loadConfig({ XKLD_MODE: "production" })).toThrow(
      /XKLD_MASTER_KEY, XKLD_INDEX_KEY, XKLD_SESSION_SECRET/,
    )
    expect(() =>
      loadConfig({ ...production, XKLD_MASTER_KEY: keyA, XKLD_INDEX_KEY: DEFAULT_SECRETS.indexKey }),
    ).toThrow(/XKLD_INDEX_KEY/)
    expect(() =>
      loadConfig({
        ...production,
        XKLD_MASTER_KEY: keyA,
        XKLD_INDEX_KEY: keyB,
        XKLD_SESSION_SECRET: DEFAULT_SECRETS.sessionSecret,
      }),
    ).toThrow(/XKLD_SESSION_SECRET/)
    expect(loadConfig({ ...production, XKLD_MASTER_KEY: keyA, XKLD_INDEX_KEY: keyB }).mode).toBe("production")
    // demo and development run on the defaults
    expect(loadConfig({ XKLD_MODE: "development" }).masterKey).toBe(DEFAULT_SECRETS.masterKey)
  })

  test("production refuses one value for the master key and the index key", () => {
    expect(() => loadConfig({ ...production, XKLD_MASTER_KEY: keyA, XKLD_INDEX_KEY: keyA })).toThrow(
      /XKLD_MASTER_KEY và XKLD_INDEX_KEY phải là hai khóa khác nhau/,
    )
    // the same 32 bytes written differently (base64 without padding) are the same key
    expect(() => loadConfig({ ...production, XKLD_MASTER_KEY: keyA, XKLD_INDEX_KEY: keyA.replace(/=+$/, "") })).toThrow(
      ConfigError,
    )
  })

  test("XKLD_TRUSTED_PROXIES takes addresses and CIDR ranges, and refuses anything else", () => {
    expect(loadConfig({}).trustedProxies).toEqual([])
    expect(loadConfig({ XKLD_TRUSTED_PROXIES: "10.0.0.1, 10.1.0.0/16 fd00::/8" }).trustedProxies).toEqual([
      "10.0.0.1",
      "10.1.0.0/16",
      "fd00::/8",
    ])
    for (const bad of ["proxy.local", "10.0.0.0/33", "10.0.0.1/8/1", "::1/129", "10.0.0"])
      expect(() => loadConfig({ XKLD_TRUSTED_PROXIES: bad }), bad).toThrow(ConfigError)
  })
})
