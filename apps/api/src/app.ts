import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { secureHeaders } from "hono/secure-headers"
import { fail, respondProblem } from "./http/problem.ts"
import { mountRoutes, type RouteSpec } from "./http/route.ts"
import { toProblem } from "./http/to-problem.ts"
import { allRoutes } from "./routes/index.ts"
import { makeRuntime, type AppServices } from "./services.ts"

/** JSON bodies up to 1 MiB; uploads (Excel imports) up to 10 MiB. */
const JSON_LIMIT = 1024 * 1024
const UPLOAD_LIMIT = 10 * 1024 * 1024

/** The HTTP application over the app's services. */
export function createApp(services: AppServices, routes: ReadonlyArray<RouteSpec> = allRoutes) {
  const runtime = makeRuntime(services)
  const app = new Hono()
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false }))
  app.use("/api/*", async (c, next) => {
    const upload = c.req.path.startsWith("/api/imports/")
    return bodyLimit({
      maxSize: upload ? UPLOAD_LIMIT : JSON_LIMIT,
      onError: (c) =>
        respondProblem(
          c,
          toProblem(
            fail(
              "payload-too-large",
              `Dữ liệu gửi lên vượt quá ${upload ? "10 MB" : "1 MB"}.`,
              `Payload exceeds ${upload ? "10 MiB" : "1 MiB"}.`,
            ),
          ),
        ),
    })(c, next)
  })
  mountRoutes(app, routes, services, runtime)
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
