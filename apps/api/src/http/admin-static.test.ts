import { mkdtemp, mkdir, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Hono } from "hono"
import { beforeAll, describe, expect, it } from "vitest"
import { ADMIN_CSP, mountAdminApp } from "./admin-static.ts"

describe("the admin app served by the API's process", () => {
  const app = new Hono()
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), "admin-dist-"))
    await mkdir(join(root, "assets"))
    await writeFile(join(root, "index.html"), "<!doctype html><title>XKLĐ</title>")
    await writeFile(join(root, "assets", "index-abc.js"), "console.log(1)")
    await writeFile(join(root, "..", "secret.txt"), "no")
    mountAdminApp(app, root)
    app.get("/api/health", (c) => c.json({ ok: true }))
  })

  it("serves index.html at / and for deep links, with its own strict CSP and no caching", async () => {
    for (const path of ["/", "/workers/123", "/overview?asOf=2026-06-15T00:00:00Z"]) {
      const response = await app.request(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8")
      expect(await response.text()).toContain("<title>XKLĐ</title>")
      expect(response.headers.get("content-security-policy")).toBe(ADMIN_CSP)
      expect(response.headers.get("cache-control")).toBe("no-cache")
    }
    expect(ADMIN_CSP).toContain("script-src 'self'")
    expect(ADMIN_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
  })

  it("serves hashed assets with their type, kept for a year", async () => {
    const response = await app.request("/assets/index-abc.js")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8")
    expect(response.headers.get("cache-control")).toContain("immutable")
  })

  it("answers 404 for a missing file, never a file outside its folder, and leaves /api/ to the API", async () => {
    expect((await app.request("/assets/missing.js")).status).toBe(404)
    expect((await app.request("/..%2fsecret.txt")).status).toBe(404)
    expect((await app.request("/%2e%2e/secret.txt")).status).toBe(404)
    const api = await app.request("/api/health")
    expect(await api.json()).toEqual({ ok: true })
    expect((await app.request("/api/nothing")).status).toBe(404)
  })
})
