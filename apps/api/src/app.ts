import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { secureHeaders } from "hono/secure-headers"
import { mountAdminApp } from "./http/admin-static.ts"
import { fail, respondProblem } from "./http/problem.ts"
import { mountRoutes, type RouteSpec } from "./http/route.ts"
import { toProblem } from "./http/to-problem.ts"
import { observeRequests } from "./observability/middleware.ts"
import { allRoutes } from "./routes/index.ts"
import type { AppServices } from "./services.ts"

/** JSON bodies up to 1 MiB; uploads (Excel imports) up to 10 MiB. */
const JSON_LIMIT = 1024 * 1024
const UPLOAD_LIMIT = 10 * 1024 * 1024

/**
 * Content-Security-Policy of every response that does not set its own (the docs page does): the API answers
 * JSON, files and problems, never a page that should run or load anything.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/**
 * `X-Correlation-Id` and `X-Request-Id` are stored in every event's metadata: only a bounded, plain value is
 * accepted; anything else is a 400 naming the header (ADR 0009), never silently replaced.
 */
export const TRACE_ID = /^[A-Za-z0-9._:-]{1,128}$/
const TRACE_HEADERS = ["x-correlation-id", "x-request-id"] as const

const limitBody = (maxSize: number, sizeVi: string, sizeEn: string) =>
  bodyLimit({
    maxSize,
    onError: (c) =>
      respondProblem(
        c,
        toProblem(fail("payload-too-large", `Dữ liệu gửi lên vượt quá ${sizeVi}.`, `Payload exceeds ${sizeEn}.`)),
      ),
  })

/** The HTTP application over the app's services. */
export function createApp(services: AppServices, routes: ReadonlyArray<RouteSpec> = allRoutes) {
  const app = new Hono()
  // first: every answer, problems included, gets its request id, latency metric and log line
  app.use(observeRequests)
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false }))
  app.use(async (c, next) => {
    await next()
    if (!c.res.headers.has("content-security-policy")) c.res.headers.set("content-security-policy", API_CSP)
    // Nothing the API answers may be kept by a browser or a proxy unless its route says so (only the public
    // docs assets do): identities, accounts, figures and CSRF tokens are private.
    if (c.req.path.startsWith("/api/") && !c.res.headers.has("cache-control"))
      c.res.headers.set("cache-control", "no-store")
  })
  app.use(async (c, next) => {
    const bad = TRACE_HEADERS.find((name) => {
      const value = c.req.header(name)
      return value !== undefined && !TRACE_ID.test(value)
    })
    if (bad === undefined) return next()
    const message = `${bad}: 1–128 ký tự A-Z, a-z, 0-9, dấu chấm, gạch dưới, hai chấm hoặc gạch ngang`
    const messageEn = `${bad}: 1 to 128 characters A-Z, a-z, 0-9, '.', '_', ':' or '-'`
    return respondProblem(
      c,
      toProblem(
        fail("validation", `Tiêu đề ${bad} không hợp lệ.`, `Invalid ${bad} header.`, {
          fields: [{ path: `headers.${bad}`, message, messageEn }],
        }),
      ),
    )
  })
  // A GET or HEAD has no body to limit; asking for one made the Node adapter build a whole Request per read.
  const limitJson = limitBody(JSON_LIMIT, "1 MB", "1 MiB")
  const limitUpload = limitBody(UPLOAD_LIMIT, "10 MB", "10 MiB")
  app.use("/api/*", (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next()
    return (c.req.path.startsWith("/api/imports/") ? limitUpload : limitJson)(c, next)
  })
  mountRoutes(app, routes, services)
  // The admin app's built files and pages (its own CSP), outside /api/.
  mountAdminApp(app)
  app.notFound((c) =>
    respondProblem(
      c,
      toProblem(
        fail(
          "not-found",
          `Không có đường dẫn ${c.req.method} ${c.req.path}.`,
          `No route ${c.req.method} ${c.req.path}.`,
        ),
      ),
    ),
  )
  app.onError((error, c) => respondProblem(c, toProblem(error)))
  return app
}
