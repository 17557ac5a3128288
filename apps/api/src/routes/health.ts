import { Schema } from "effect"
import { defineRoute } from "../http/route.ts"

export const healthRoutes = [
  defineRoute({
    method: "get",
    path: "/api/health",
    summary: "Tình trạng hệ thống",
    summaryEn: "Health",
    tags: ["Hệ thống"],
    access: "public",
    response: Schema.Struct({
      status: Schema.Literal("ok"),
      store: Schema.Literals(["pglite", "postgres"]),
      events: Schema.Int,
    }),
    handler: async ({ services }) => ({
      status: "ok",
      store: services.log.backend,
      events: await services.log.count(),
    }),
  }),
]
