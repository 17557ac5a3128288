/**
 * The API under test, in its own process (run.ts pins it to its own core): the real services over a fresh
 * database with the demo province loaded, `createApp(services)` served by @hono/node-server on a free port.
 *
 * BENCH_BACKEND=pglite (a PGlite data directory in a temporary folder, as `pnpm start` in demo mode) or
 * postgres (a new database on DATABASE_URL, dropped on exit). XKLD_DEMO_EVENTS sets the demo history's size;
 * BENCH_WORKERS adds that many registrations in one ward (bulk-workers.ts).
 *
 * Besides the app it answers two bench-only routes (not part of the API), the baselines of the command
 * benchmark: the same number of events per command appended straight through `services.log.append` in one
 * transaction, with the payloads of the last real registration/departure, on streams no read model follows.
 *
 * Prints `READY {"port":…,"loadSeconds":…,"events":…}` on stdout when it listens; exits on SIGTERM.
 */
import { randomUUID } from "node:crypto"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { serve } from "@hono/node-server"
import { openDatabase, type NewEvent } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { Hono } from "hono"
import { sql } from "kysely"

const backend = process.env.BENCH_BACKEND === "postgres" ? "postgres" : "pglite"
// The demo loader reads its size when imported.
const { loadConfig } = await import("../src/config.ts")
const { servicesOver } = await import("../src/bootstrap.ts")
const { createApp } = await import("../src/app.ts")
const { loadDemo } = await import("../src/demo/load.ts")
const { nameOrderOf } = await import("../src/personal-data/name-order/indexer.ts")

const dataDir = backend === "pglite" ? await mkdtemp(join(tmpdir(), "xkld-api-bench-")) : undefined
const config = { ...loadConfig({ XKLD_MODE: "demo", ...(dataDir ? { DATA_DIR: dataDir } : {}) }), secureCookies: false }
// PostgreSQL: a fresh database created for this run and dropped when the log closes (DATABASE_URL must be set).
const database = backend === "postgres" ? await openTestDatabase() : await openDatabase(config.database)
const started = performance.now()
const services = await servicesOver(config, database)
await loadDemo(services, (line) => console.error(`  [server] ${line}`))
// BENCH_WORKERS: that many more registrations in Tô Hiệu (03646), the "10^5 workers in one province" case.
const extraWorkers = Number(process.env.BENCH_WORKERS ?? 0)
if (extraWorkers > 0) {
  const { addWorkers } = await import("./bulk-workers.ts")
  await addWorkers(services, extraWorkers, "03646", (line) => console.error(`  [server] ${line}`))
}
await services.models.runner.caughtUp()
await nameOrderOf(services.log)?.caughtUp()
const loadSeconds = (performance.now() - started) / 1000
const eventCount = await services.log.count()

const api = createApp(services)
const bench = new Hono()

/** The latest real event of a type (its data and metadata), the template of the baseline's appends. */
const templates = new Map<string, { type: string; schemaVersion: number; data: unknown; metadata: any }>()
async function template(eventType: string) {
  const key = eventType
  const known = templates.get(key)
  if (known) return known
  const { rows } = await sql<{ event_type: string; schema_version: number; data: unknown; metadata: unknown }>`
    SELECT event_type, schema_version, data, metadata FROM es_events
    WHERE event_type = ${eventType}
    ORDER BY global_position DESC LIMIT 1`.execute(services.log.database.db)
  const row = rows[0]
  if (!row) throw new Error(`no ${eventType} event in the log to copy`)
  const found = { type: row.event_type, schemaVersion: row.schema_version, data: row.data, metadata: row.metadata }
  templates.set(key, found)
  return found
}

const copyOf = async (eventType: string): Promise<NewEvent> => {
  const t = await template(eventType)
  return {
    eventId: randomUUID(),
    type: t.type,
    schemaVersion: t.schemaVersion,
    data: t.data,
    metadata: t.metadata,
    occurredAt: new Date(),
  }
}

const BASELINE_STREAM = "BenchBaseline"

/** Registration's two events (the person claim and WorkerRegistered), two new streams, one transaction. */
bench.post("/bench/append/registration", async (c) => {
  const events = [await copyOf("PersonRegistrationClaimed"), await copyOf("WorkerRegistered")]
  await services.log.database.db.transaction().execute(async (trx) => {
    for (const event of events) {
      const outcome = await services.log.append(
        {
          streamId: `bench-${randomUUID()}`,
          streamType: BASELINE_STREAM,
          expectedVersion: "no_stream",
          events: [event],
        },
        trx,
      )
      if (!outcome.ok) throw outcome.error
    }
  })
  return c.json({ ok: true }, 201)
})

/** A departure's one event on a new stream. */
bench.post("/bench/append/departure", async (c) => {
  const outcome = await services.log.append({
    streamId: `bench-${randomUUID()}`,
    streamType: BASELINE_STREAM,
    expectedVersion: "no_stream",
    events: [await copyOf("WorkerDeparted")],
  })
  if (!outcome.ok) throw outcome.error
  return c.json({ ok: true }, 201)
})

const fetch = (request: Request) =>
  new URL(request.url).pathname.startsWith("/bench/") ? bench.fetch(request) : api.fetch(request)

const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  console.log(`READY ${JSON.stringify({ port: info.port, loadSeconds, events: eventCount })}`)
})

let closing = false
const shutdown = async () => {
  if (closing) return
  closing = true
  server.close()
  try {
    await services.close() // closes the log and its database; a PostgreSQL bench database is dropped
  } finally {
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
    process.exit(0)
  }
}
process.on("SIGTERM", () => void shutdown())
process.on("SIGINT", () => void shutdown())
