import { Hono } from "hono"
import type { EventLog } from "@xkld/event-store"

export interface AppServices {
  readonly log: EventLog
}

/** The HTTP application. Routes are added per domain concept; this is the first brick (health). */
export const createApp = (services: AppServices) => {
  const app = new Hono()
  app.get("/api/health", async (c) =>
    c.json({ status: "ok", store: services.log.backend, events: await services.log.count() }),
  )
  return app
}
