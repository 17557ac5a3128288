import { readFile, stat } from "node:fs/promises"
import { extname, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"
import type { Context, Hono } from "hono"

/**
 * The admin app (apps/admin, built by `pnpm start` into apps/admin/dist) served by the API's own process: the
 * built files, and index.html for every other path outside `/api/` so deep links work (the app routes them).
 * No CDN, no second server (issue 10, docs/admin-app.md).
 */
export const ADMIN_DIST = fileURLToPath(new URL("../../../admin/dist/", import.meta.url))

/**
 * The app's own Content-Security-Policy: its scripts, styles and fonts from this origin only; no inline script,
 * no other origin. `/api/*` keeps `API_CSP` (app.ts).
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ")

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".json": "application/json",
  ".png": "image/png",
}

async function fileIn(root: string, path: string): Promise<string | undefined> {
  const file = resolve(root, `.${decodeURIComponent(path)}`)
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined
  const info = await stat(file).catch(() => undefined)
  return info?.isFile() ? file : undefined
}

async function respond(c: Context, file: string, cache: string) {
  const body = await readFile(file)
  return c.body(body, 200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "content-security-policy": ADMIN_CSP,
    "cache-control": cache,
  })
}

/** Mounts the app on every GET outside `/api/`. Hashed assets are kept a year; index.html is always revalidated. */
export function mountAdminApp(app: Hono, root: string = ADMIN_DIST) {
  app.get("*", async (c, next) => {
    const path = c.req.path
    if (path === "/api" || path.startsWith("/api/")) return next()
    let file: string | undefined
    try {
      file = path === "/" ? undefined : await fileIn(root, path)
    } catch {
      return next() // a malformed escape: the API's 404 problem
    }
    if (file) return respond(c, file, path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache")
    // A missing file with an extension is a 404; any other path is one of the app's pages.
    if (extname(path) !== "") return next()
    const index = await fileIn(root, "/index.html")
    if (!index)
      return c.text(
        "Giao diện quản trị chưa được build: chạy `pnpm start` (hoặc `pnpm --filter @xkld/admin build`).\n" +
          "The admin app is not built: run `pnpm start` (or `pnpm --filter @xkld/admin build`).\n",
        503,
      )
    return respond(c, index, "no-cache")
  })
}
