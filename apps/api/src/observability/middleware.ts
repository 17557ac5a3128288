import { randomUUID } from "node:crypto"
import type { MiddlewareHandler } from "hono"
import { log } from "./log.ts"
import { requestDuration, requestsTotal } from "./metrics.ts"

/** The trace ids a client may send (the app's own check, `TRACE_ID` in app.ts, answers 400 for bad ones). */
const TRACE_VALUE = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * First middleware of the app: gives every request an id (the client's `X-Request-Id` when it sent a valid
 * one), answers it in `X-Request-Id`, and when the answer is sent records its latency under the route's
 * declared path (`/api/workers/:id`, never the ids themselves) and writes one log line: method, route,
 * status, duration and the trace ids. No path values, query, body or identity of the person.
 */
export const observeRequests: MiddlewareHandler = async (c, next) => {
  const sent = c.req.header("x-request-id")
  const requestId = sent !== undefined && TRACE_VALUE.test(sent) ? sent : randomUUID()
  const correlation = c.req.header("x-correlation-id")
  const started = performance.now()
  await next()
  const seconds = (performance.now() - started) / 1000
  const route = routeLabel(c.req.routePath)
  const status = c.res.status
  c.res.headers.set("x-request-id", requestId)
  requestDuration.observe({ method: c.req.method, route, status: `${Math.floor(status / 100)}xx` }, seconds)
  requestsTotal.inc({ method: c.req.method, route, status: String(status) })
  // a 503 is the database out of reach (said once more by to-problem.ts), not a fault of this process
  log(status === 503 ? "warn" : status >= 500 ? "error" : "info", "request", {
    requestId,
    correlationId: correlation !== undefined && TRACE_VALUE.test(correlation) ? correlation : requestId,
    method: c.req.method,
    route,
    status,
    durationMs: Math.round(seconds * 1000),
  })
}

/** A request no route matched is counted once, under "unmatched" (not under each path a scanner tried). */
const routeLabel = (path: string) => (path.endsWith("*") ? "unmatched" : path)
