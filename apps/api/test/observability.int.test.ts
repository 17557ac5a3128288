import { testEvent } from "@xkld/event-store/testing"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { setLogSink } from "../src/observability/log.ts"
import { READY_MAX_LAG, readiness } from "../src/observability/readiness.ts"
import { enterpriseBody } from "./support/write-cases.ts"
import { openTestApp, signIn, type TestApp } from "./support/test-app.ts"

let t: TestApp
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(() => t.close())

/** The requests' log lines written while `work` runs. */
async function logLines(work: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = []
  const restore = setLogSink((_, line) => lines.push(line))
  try {
    await work()
  } finally {
    restore()
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe("request ids and structured logs", () => {
  test("each answer carries a request id; a valid X-Request-Id sent is kept, a fresh one made otherwise", async () => {
    const own = await t.app.request("/api/health", { headers: { "x-request-id": "req-42" } })
    expect(own.headers.get("x-request-id")).toBe("req-42")
    const a = (await t.app.request("/api/health")).headers.get("x-request-id")
    const b = (await t.app.request("/api/health")).headers.get("x-request-id")
    expect(a).toMatch(/^[0-9a-f-]{36}$/)
    expect(b).toMatch(/^[0-9a-f-]{36}$/)
    expect(a).not.toBe(b)
  })

  test("one JSON line per request: route as declared, status, duration, trace ids; no path values, query or body", async () => {
    const officer = await signIn(t.app, "so-noi-vu")
    const lines = await logLines(async () => {
      await officer.request(
        "GET",
        "/api/workers/Nguyen-Van-An-079123456789?reason=Tr%E1%BA%A7n%20Th%E1%BB%8B",
        undefined,
        {
          "x-correlation-id": "corr-7",
          "x-request-id": "req-7",
        },
      )
      await t.app.request("/api/khong-co-dau/079123456789")
    })
    const [worker, unmatched] = lines.filter((l) => l.message === "request")
    expect(worker).toMatchObject({
      level: "info",
      requestId: "req-7",
      correlationId: "corr-7",
      method: "GET",
      route: "/api/workers/:id",
      status: 404,
    })
    expect(typeof worker!.durationMs).toBe("number")
    expect(Number.isNaN(Date.parse(String(worker!.time)))).toBe(false)
    expect(unmatched).toMatchObject({ route: "unmatched", status: 404 })
    const text = JSON.stringify(lines)
    for (const secret of ["079123456789", "Nguyen", "Trần", "reason"]) expect(text).not.toContain(secret)
  })
})

describe("GET /api/metrics", () => {
  test("Prometheus text: latency histogram per route, answers by status, log head, projection lag, memory", async () => {
    const before = await (await t.app.request("/api/metrics")).text()
    const count = (text: string) =>
      Number(
        /^xkld_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="2xx"\} (\d+)$/m.exec(
          text,
        )?.[1] ?? 0,
      )
    await t.app.request("/api/health")
    await t.app.request("/api/health")
    await t.services.log.append({
      streamId: "m-1",
      streamType: "M",
      expectedVersion: "no_stream",
      events: [testEvent()],
    })
    await t.services.models.runner.caughtUp()
    const response = await t.app.request("/api/metrics")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4")
    const text = await response.text()
    expect(count(text) - count(before)).toBe(2)
    expect(text).toContain("# TYPE xkld_http_request_duration_seconds histogram")
    expect(text).toMatch(
      /^xkld_http_request_duration_seconds_bucket\{method="GET",route="\/api\/health",status="2xx",le="\+Inf"\} \d+$/m,
    )
    expect(text).toMatch(/^xkld_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+$/m)
    expect(text).toMatch(/^xkld_database_up 1$/m)
    const head = Number(/^xkld_log_head_position (\d+)$/m.exec(text)?.[1])
    expect(head).toBeGreaterThanOrEqual(1)
    const lags = [...text.matchAll(/^xkld_projection_lag_events\{projection="([^"]+)"\} (\d+)$/gm)]
    expect(lags.length).toBeGreaterThan(3)
    expect(lags.every(([, , lag]) => lag === "0")).toBe(true)
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m)
    for (const gauge of ["heap_used", "heap_total", "external_memory", "array_buffers"])
      expect(text).toMatch(new RegExp(`^nodejs_${gauge}_bytes \\d+$`, "m"))
    if (t.services.log.backend === "postgres") expect(text).toMatch(/^xkld_db_pool_connections\{state="total"\} \d+$/m)
  })
})

describe("GET /api/ready", () => {
  test("ready: database reachable, no migration pending, read models caught up", async () => {
    const response = await t.app.request("/api/ready")
    expect(response.status).toBe(200)
    const body = (await response.json()) as { lag: Record<string, number> }
    expect(body).toMatchObject({ status: "ready", database: true, pendingMigrations: [], paused: [] })
    expect(Object.keys(body.lag).length).toBeGreaterThan(3)
  })

  test("not ready while a read model trails the log by more than the bound; ready again once caught up", async () => {
    const officer = await signIn(t.app, "so-noi-vu")
    await t.services.models.runner.stop()
    try {
      // the catch-up loops are stopped: the registration is in the log, the enterprise read model's loop has not read it
      const created = await officer.request("POST", "/api/enterprises", enterpriseBody())
      expect(created.status).toBe(201)
      const lagging = await readiness(t.services, 0)
      expect(lagging.ready).toBe(false)
      expect(lagging.database).toBe(true)
      expect(Math.max(...Object.values(lagging.lag))).toBeGreaterThan(0)
      expect((await readiness(t.services, READY_MAX_LAG)).ready).toBe(true)
    } finally {
      await t.services.models.runner.start()
    }
    await t.services.models.runner.caughtUp()
    const caughtUp = await readiness(t.services, 0)
    expect(caughtUp).toMatchObject({ ready: true, database: true })
    expect(Object.values(caughtUp.lag).every((lag) => lag === 0)).toBe(true)
  })

  test("a database that does not answer: not ready, 503 with Retry-After", async () => {
    const closed = await openTestApp()
    await closed.close()
    const response = await closed.app.request("/api/ready")
    expect(response.status).toBe(503)
    expect(response.headers.get("retry-after")).toBe("5")
    expect(await response.json()).toMatchObject({ status: "not-ready", database: false })
  })
})
