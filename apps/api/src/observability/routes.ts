import { Schema } from "effect"
import { defineRoute } from "../http/route.ts"
import type { AppServices } from "../services.ts"
import { databaseUnavailable, gauge, requestDuration, requestsTotal } from "./metrics.ts"
import { readiness, readModelLag } from "./readiness.ts"
import { RETRY_AFTER_SECONDS } from "../http/problem.ts"

/** The database's figures at scrape time; when it is out of reach, `xkld_database_up 0` and nothing else. */
async function databaseGauges(services: AppServices): Promise<string[]> {
  const pool = services.log.database.poolStats?.()
  const poolGauges = pool
    ? [
        gauge("xkld_db_pool_connections", "Application pool connections by state (waiting: requests queued).", [
          [{ state: "total" }, pool.total],
          [{ state: "idle" }, pool.idle],
          [{ state: "waiting" }, pool.waiting],
        ]),
        gauge("xkld_db_pool_max", "Application pool size.", [[{}, pool.max]]),
      ]
    : []
  try {
    const { head, lag, paused } = await readModelLag(services)
    return [
      gauge("xkld_database_up", "1 when the database answered this scrape.", [[{}, 1]]),
      gauge("xkld_log_head_position", "Highest global position in the log: rate() of it is the append rate.", [
        [{}, head],
      ]),
      gauge(
        "xkld_projection_lag_events",
        "Events each read model trails the log head by.",
        Object.entries(lag).map(([projection, n]) => [{ projection }, n] as const),
      ),
      gauge(
        "xkld_projection_paused",
        "1 when a read model is stopped on an event it could not apply.",
        Object.keys(lag).map((projection) => [{ projection }, paused.includes(projection) ? 1 : 0] as const),
      ),
      ...poolGauges,
    ]
  } catch {
    return [gauge("xkld_database_up", "1 when the database answered this scrape.", [[{}, 0]]), ...poolGauges]
  }
}

const processGauges = () => {
  const memory = process.memoryUsage()
  return [
    gauge("process_resident_memory_bytes", "Resident memory of the API process.", [[{}, memory.rss]]),
    gauge("nodejs_heap_used_bytes", "V8 heap in use.", [[{}, memory.heapUsed]]),
    gauge("nodejs_heap_total_bytes", "V8 heap reserved.", [[{}, memory.heapTotal]]),
    // Outside the V8 heap: Buffers and WASM memories (arrayBuffers is part of external). RSS minus heap minus
    // external is native memory (malloc arenas, code): it tells a JS leak from allocator growth (docs/reliability.md).
    gauge("nodejs_external_memory_bytes", "Memory of C++ objects bound to JS objects, Buffers included.", [
      [{}, memory.external],
    ]),
    gauge("nodejs_array_buffers_bytes", "Memory of ArrayBuffers and Buffers.", [[{}, memory.arrayBuffers]]),
    gauge("process_uptime_seconds", "Seconds since the process started.", [[{}, Math.round(process.uptime())]]),
  ]
}

const ReadinessAnswer = Schema.Struct({
  status: Schema.Literals(["ready", "not-ready"]),
  database: Schema.Boolean,
  pendingMigrations: Schema.Array(Schema.String),
  lag: Schema.Record(Schema.String, Schema.Int),
  paused: Schema.Array(Schema.String),
})

/**
 * Operations' routes: metrics for Prometheus and readiness for the load balancer (liveness is /api/health).
 * Public like /api/health — they hold counts and timings, no person's data; a site keeps them off the
 * Internet at its reverse proxy (docs/operations.md).
 */
export const observabilityRoutes = [
  defineRoute({
    method: "get",
    path: "/api/ready",
    summary: "Sẵn sàng phục vụ (cơ sở dữ liệu, lược đồ, dữ liệu đọc đã cập nhật)",
    summaryEn: "Readiness: database reachable, migrations current, read models caught up",
    tags: ["Hệ thống"],
    access: "public",
    response: ReadinessAnswer,
    handler: async ({ services, c }) => {
      const { ready, ...checks } = await readiness(services)
      if (!ready) c.header("retry-after", String(RETRY_AFTER_SECONDS))
      return c.json({ status: ready ? "ready" : "not-ready", ...checks }, ready ? 200 : 503)
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/metrics",
    summary: "Số đo vận hành (định dạng Prometheus)",
    summaryEn: "Metrics in Prometheus text format",
    tags: ["Hệ thống"],
    access: "public",
    response: Schema.String,
    handler: async ({ services, c }) => {
      const text = [
        requestDuration.render(),
        requestsTotal.render(),
        databaseUnavailable.render(),
        ...(await databaseGauges(services)),
        ...processGauges(),
      ].join("\n")
      return c.text(`${text}\n`, 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" })
    },
  }),
]
