/**
 * `pnpm bench` for the API (docs/benchmarks.md, "API"): the attainment and worker-list routes against a bare Hono
 * server answering the same JSON from memory, at saturation and at a constant arrival rate of 50% and 80% of it;
 * registration and departure commands against the same events appended straight through the log.
 *
 * The API runs in its own process (bench/server.ts), the baseline in another (bench/constant-server.ts), both
 * pinned to one core, and this process (the load generator) to the other, when `taskset` and two cores exist.
 *
 * Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a fresh database is created for
 * the run and dropped after), BENCH_BACKENDS=pglite,postgres, XKLD_DEMO_EVENTS (demo history, default 40,000),
 * BENCH_LARGE_WORKERS (default 100,000; 0 skips the case) more workers in one ward for the same read routes, on
 * BENCH_LARGE_BACKENDS (default postgres), BENCH_SATURATION_SECONDS (per side per round, 2 rounds, default 3), BENCH_RATE_SECONDS (each constant-rate
 * run, default 10), BENCH_COMMAND_SECONDS (default 8), BENCH_PROFILE=1 (the API server writes a CPU profile to
 * bench/profiles/), BENCH_OUT (default bench/results/api.json at the repository root).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { join, resolve } from "node:path"
import { agentFor, closedLoop, openLoop, send, type Target } from "./load.ts"
import { measurement, type Measurement } from "./measurement.ts"
import { contractBody, departureBody, people } from "./people.ts"
import { probePostgres } from "./probe.ts"
import { canPin, pin, startServer, type Server } from "./processes.ts"
import { formatTable, met, writeResults } from "@xkld/event-store/bench"

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test"
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
const backends = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",").map((b) => b.trim())
const demoEvents = number("XKLD_DEMO_EVENTS", 40_000)
const saturationSeconds = number("BENCH_SATURATION_SECONDS", 3)
const rateSeconds = number("BENCH_RATE_SECONDS", 10)
const commandSeconds = number("BENCH_COMMAND_SECONDS", 8)
const profile = process.env.BENCH_PROFILE === "1"
const out = process.env.BENCH_OUT || resolve(import.meta.dirname, "../../../bench/results/api.json")
const apiDir = resolve(import.meta.dirname, "..")

const SATURATION_CONNECTIONS = 32
const COMMAND_CONNECTIONS = 8
const READ_TARGET = 0.5
const P99_TARGET_MS = 20
const P99_TARGET_AT_80_MS = 50
const largeWorkers = Number(process.env.BENCH_LARGE_WORKERS ?? 100_000)
const largeBackends = (process.env.BENCH_LARGE_BACKENDS ?? "postgres").split(",").map((b) => b.trim())
const ROUTES: ReadonlyArray<{ readonly label: string; readonly path: string; readonly constant: string }> = [
  { label: "GET /api/attainment", path: "/api/attainment?province=14&year=2026", constant: "/constant/attainment" },
  { label: "GET /api/workers", path: "/api/workers?unit=03646&limit=50", constant: "/constant/workers" },
  // the path is the first listed worker's page (filled in once the list has answered)
  { label: "GET /api/workers/{id}", path: "/api/workers/", constant: "/constant/worker" },
]
const routeWords = (process.env.BENCH_ROUTES ?? "")
  .split(",")
  .map((w) => w.trim())
  .filter((w) => w.length > 0)
/** The list is always asked once (the worker page's path is its first worker); only the chosen routes are timed. */
const timed = (label: string) => routeWords.length === 0 || routeWords.some((w) => label.includes(w))
const runCommands = process.env.BENCH_COMMANDS !== "0"

const pinned = canPin()
const SERVER_CPU = 0
const LOAD_CPU = 1
if (pinned) pin(LOAD_CPU)

const results: Measurement[] = []
const report = (m: Measurement) => {
  results.push(m)
  const figure = (v: number) => (m.unit === "ms" ? v.toFixed(2) : v.toLocaleString("en"))
  console.log(
    `  ${m.name}: ours ${figure(m.ours)} vs baseline ${figure(m.baseline)} ${m.unit} → ${m.ratio.toFixed(2)}${met(m) === "NO" ? "  (target missed)" : ""}`,
  )
}

interface Session {
  readonly cookie: string
  readonly csrfToken: string
  readonly enterpriseId: string | null
}

async function signIn(port: number, username: string): Promise<Session> {
  const agent = agentFor(1)
  try {
    const response = await send(agent, port, "POST", "/api/session", {}, JSON.stringify({ username, password: "demo" }))
    if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${response.body}`)
    const cookie = String([response.headers["set-cookie"] ?? []].flat()[0] ?? "").split(";")[0]!
    const body = JSON.parse(response.body) as { csrfToken: string; enterpriseId: string | null }
    return { cookie, csrfToken: body.csrfToken, enterpriseId: body.enterpriseId }
  } finally {
    agent.destroy()
  }
}

async function getJson(port: number, path: string, headers: Record<string, string>): Promise<unknown> {
  const agent = agentFor(1)
  try {
    const response = await send(agent, port, "GET", path, headers)
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.body.slice(0, 500)}`)
    return JSON.parse(response.body)
  } finally {
    agent.destroy()
  }
}

/** Saturation of both sides: 2 rounds, sides alternating (order reversed in the second), after a warm-up of each. */
async function saturate(ours: Target, baseline: Target): Promise<{ ours: number; baseline: number }> {
  await closedLoop(ours, SATURATION_CONNECTIONS, 2)
  await closedLoop(baseline, SATURATION_CONNECTIONS, 2)
  const totals = { ours: { n: 0, s: 0 }, baseline: { n: 0, s: 0 } }
  for (const order of [
    ["ours", "baseline"],
    ["baseline", "ours"],
  ] as const) {
    for (const side of order) {
      const r = await closedLoop(side === "ours" ? ours : baseline, SATURATION_CONNECTIONS, saturationSeconds)
      totals[side].n += r.requests
      totals[side].s += r.seconds
    }
  }
  return { ours: totals.ours.n / totals.ours.s, baseline: totals.baseline.n / totals.baseline.s }
}

async function benchRead(
  backend: Measurement["backend"],
  route: (typeof ROUTES)[number],
  suffix: string,
  api: number,
  constant: number,
  session: Session,
) {
  const ours: Target = { port: api, method: "GET", path: route.path, headers: { cookie: session.cookie }, expect: 200 }
  const baseline: Target = { port: constant, method: "GET", path: route.constant, expect: 200 }
  console.log(
    `\n  ${route.label}${suffix} — saturation (${SATURATION_CONNECTIONS} connections, 2 × ${saturationSeconds} s per side)`,
  )
  const saturation = await saturate(ours, baseline)
  report(
    measurement(
      `${route.label}${suffix}: saturation, ${SATURATION_CONNECTIONS} connections`,
      backend,
      "req/s",
      saturation.ours,
      saturation.baseline,
      { ratio: READ_TARGET },
    ),
  )
  for (const load of [0.5, 0.8]) {
    const percent = `${Math.round(load * 100)}%`
    const o = await openLoop(ours, saturation.ours * load, rateSeconds)
    const b = await openLoop(baseline, saturation.baseline * load, rateSeconds)
    console.log(
      `  ${route.label}${suffix} at ${percent}: ours offered ${Math.round(o.offered)} achieved ${Math.round(o.achieved)} req/s, p50 ${o.p50.toFixed(2)} p99 ${o.p99.toFixed(2)} max ${o.max.toFixed(1)} ms; baseline offered ${Math.round(b.offered)} achieved ${Math.round(b.achieved)}, p50 ${b.p50.toFixed(2)} p99 ${b.p99.toFixed(2)} max ${b.max.toFixed(1)} ms`,
    )
    const each = `each side at ${percent} of its own saturation rate`
    report(
      measurement(
        `${route.label}${suffix}: achieved at ${percent} load`,
        backend,
        "req/s",
        o.achieved,
        b.achieved,
        undefined,
        `offered ${Math.round(o.offered)} vs ${Math.round(b.offered)} req/s: ${each}`,
      ),
    )
    report(
      measurement(
        `${route.label}${suffix}: p50 at ${percent} load`,
        backend,
        "ms",
        o.p50,
        b.p50,
        undefined,
        "latency from the scheduled send time; ratio for information",
      ),
    )
    report(
      measurement(
        `${route.label}${suffix}: p99 at ${percent} load`,
        backend,
        "ms",
        o.p99,
        b.p99,
        { limit: load === 0.5 ? P99_TARGET_MS : P99_TARGET_AT_80_MS },
        `max ${o.max.toFixed(1)} vs ${b.max.toFixed(1)} ms; ratio for information`,
      ),
    )
  }
}

/**
 * Registration: closed loop for `commandSeconds`; every answer's worker id is kept. Those workers get a contract
 * (untimed), then departure is timed over exactly them. Baselines: the same events appended by the log alone.
 */
async function benchCommands(backend: Measurement["backend"], api: number, session: Session, enterpriseId: string) {
  const headers = { cookie: session.cookie, "x-csrf-token": session.csrfToken }
  const person = people("03646")
  const ids: string[] = []
  const register: Target = { port: api, method: "POST", path: "/api/workers", headers, body: person, expect: 201 }
  // warm-up (its workers are used too)
  await closedLoop(register, COMMAND_CONNECTIONS, 1, {
    onAnswer: (r) => void ids.push((JSON.parse(r.body) as { id: string }).id),
  })
  const baselineRegistration: Target = { port: api, method: "POST", path: "/bench/append/registration", expect: 201 }
  await closedLoop(baselineRegistration, COMMAND_CONNECTIONS, 1)
  const warm = ids.length
  const registered = await closedLoop(register, COMMAND_CONNECTIONS, commandSeconds, {
    onAnswer: (r) => void ids.push((JSON.parse(r.body) as { id: string }).id),
  })
  const registeredBaseline = await closedLoop(baselineRegistration, COMMAND_CONNECTIONS, commandSeconds)
  console.log(
    `  registered ${registered.requests} workers in ${registered.seconds.toFixed(1)} s (+${warm} in the warm-up)`,
  )
  report(
    measurement(
      `POST /api/workers (registration), ${COMMAND_CONNECTIONS} connections`,
      backend,
      "commands/s",
      registered.perSecond,
      registeredBaseline.perSecond,
      undefined,
      "baseline: the same 2 events (person claim + WorkerRegistered, real payloads) appended by services.log.append in one transaction, over the same HTTP server",
    ),
  )

  let next = 0
  const workerPath = (segment: string) => () => `/api/workers/${ids[next++ % ids.length]}/${segment}`
  // A contract needs the commune's confirmation of the dossier first (untimed preparation).
  await closedLoop(
    {
      port: api,
      method: "POST",
      path: workerPath("dossier-confirmation"),
      headers,
      body: () => ({ occurredOn: "2026-01-20" }),
      expect: 201,
    },
    COMMAND_CONNECTIONS,
    3600,
    { limit: ids.length },
  )
  next = 0
  const contracted = await closedLoop(
    {
      port: api,
      method: "POST",
      path: workerPath("contract"),
      headers,
      body: () => contractBody(enterpriseId),
      expect: 201,
    },
    COMMAND_CONNECTIONS,
    3600,
    { limit: ids.length },
  )
  console.log(
    `  contracts for ${contracted.requests} workers: ${Math.round(contracted.perSecond)} commands/s (untimed preparation)`,
  )
  next = 0
  const departure: Target = {
    port: api,
    method: "POST",
    path: workerPath("departure"),
    headers,
    body: departureBody,
    expect: 201,
  }
  const departures = await closedLoop(departure, COMMAND_CONNECTIONS, 3600, { limit: ids.length })
  const departuresBaseline = await closedLoop(
    { port: api, method: "POST", path: "/bench/append/departure", expect: 201 },
    COMMAND_CONNECTIONS,
    Math.min(commandSeconds, departures.seconds),
  )
  console.log(`  departures of ${departures.requests} workers in ${departures.seconds.toFixed(1)} s`)
  report(
    measurement(
      `POST /api/workers/:id/departure, ${COMMAND_CONNECTIONS} connections`,
      backend,
      "commands/s",
      departures.perSecond,
      departuresBaseline.perSecond,
      undefined,
      "baseline: the same event (WorkerDeparted, real payload) appended by services.log.append, over the same HTTP server",
    ),
  )
}

type ApiServer = Server<{ port: number; loadSeconds: number; events: number }>

/** The API over a fresh database of `backend`, demo province loaded; not pinned yet (loading is not measured). */
const startApi = (backend: Measurement["backend"], env: NodeJS.ProcessEnv, workers = 0): Promise<ApiServer> =>
  startServer("bench/server.ts", [], {
    cwd: apiDir,
    env: {
      ...process.env,
      ...env,
      BENCH_BACKEND: backend,
      XKLD_DEMO_EVENTS: String(demoEvents),
      BENCH_WORKERS: String(workers),
    },
    // loading a demo on a shared, loaded machine took more than the default 10 minutes (1 December 2026)
    timeoutMs: 1_800_000,
    nodeOptions: profile
      ? [
          "--cpu-prof",
          `--cpu-prof-dir=${resolve(apiDir, "bench/profiles")}`,
          `--cpu-prof-name=${backend}-${Date.now()}.cpuprofile`,
        ]
      : [],
  })

async function benchBackend(backend: Measurement["backend"], app: ApiServer, large = false) {
  const suffix = large ? ` (${largeWorkers.toLocaleString("en")} more workers in one ward)` : ""
  console.log(`\n== ${backend}${suffix} ==`)
  const scratch = await mkdtemp(join(tmpdir(), "xkld-api-bench-answers-"))
  let constant: Server<{ port: number }> | undefined
  try {
    if (pinned) pin(SERVER_CPU, app.process.pid!)
    const officer = await signIn(app.info.port, "so-noi-vu")
    const enterprise = await signIn(app.info.port, "doanh-nghiep")
    const answers: Record<string, unknown> = {}
    const routes = ROUTES.map((r) => ({ ...r }))
    for (const route of routes) {
      if (route.constant === "/constant/worker")
        route.path = `/api/workers/${(answers["/constant/workers"] as { items: Array<{ id: string }> }).items[0]!.id}`
      const body = await getJson(app.info.port, route.path, { cookie: officer.cookie })
      answers[route.constant] = body
      console.log(`  ${route.label}: ${Buffer.byteLength(JSON.stringify(body)).toLocaleString("en")} bytes of JSON`)
    }
    const file = join(scratch, "answers.json")
    await writeFile(file, JSON.stringify(answers))
    constant = await startServer<{ port: number }>("bench/constant-server.ts", [file], {
      cwd: apiDir,
      ...(pinned ? { cpu: SERVER_CPU } : {}),
    })

    for (const route of routes)
      if (timed(route.label)) await benchRead(backend, route, suffix, app.info.port, constant.info.port, officer)
    if (large || !runCommands) return
    if (!enterprise.enterpriseId) throw new Error("the enterprise officer has no enterprise")
    console.log("\n  commands")
    await benchCommands(backend, app.info.port, officer, enterprise.enterpriseId)
  } finally {
    await constant?.stop()
    await app.stop()
    await rm(scratch, { recursive: true, force: true })
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")
console.log(
  `api bench — node ${process.version}, ${cpus().length} cpus, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${load()}; ${pinned ? `servers on cpu ${SERVER_CPU}, load generator on cpu ${LOAD_CPU}` : "no CPU pinning (taskset or a second core missing)"}`,
)
const started = performance.now()
const wanted: Array<[Measurement["backend"], NodeJS.ProcessEnv]> = []
if (backends.includes("pglite")) wanted.push(["pglite", { DATABASE_URL: "" }])
if (backends.includes("postgres")) {
  const probe = await probePostgres(url)
  if (probe.ok) wanted.push(["postgres", { DATABASE_URL: url }])
  else console.log(`\n!! PostgreSQL is not reachable at ${new URL(url).host} (${probe.reason}): benching PGlite only.`)
}
console.log(
  `\nloading the demo province (${demoEvents.toLocaleString("en")} events) into ${wanted.map(([b]) => b).join(" and ")}, in parallel (not measured)…`,
)
// The 10^5 case: the same routes over the demo plus that many workers in one ward (a server of its own).
const large = largeWorkers > 0 ? wanted.filter(([backend]) => largeBackends.includes(backend)) : []
// Two servers migrating one PostgreSQL at once collide on its cluster-wide role (ALTER ROLE: "tuple concurrently
// updated"): the large case starts once the others are past their migrations.
const delay = (ms: number) => new Promise((done) => setTimeout(done, ms))
// BENCH_LARGE_ONLY=1: only the 10^5 case (its load alone takes many minutes on a loaded machine).
if (process.env.BENCH_LARGE_ONLY === "1" && large.length > 0) wanted.length = 0
const starting = await Promise.allSettled([
  ...wanted.map(([backend, env]) => startApi(backend, env)),
  ...large.map(([backend, env]) =>
    (wanted.length > 0 ? delay(60_000) : Promise.resolve()).then(() => startApi(backend, env, largeWorkers)),
  ),
])
const apis = starting.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []))
const failed = starting.find((s) => s.status === "rejected")
if (failed) {
  for (const api of apis) await api.stop()
  throw failed.reason
}
for (const [i, [backend]] of wanted.entries())
  console.log(
    `  ${backend}: ${apis[i]!.info.events.toLocaleString("en")} events, loaded in ${Math.round(apis[i]!.info.loadSeconds)} s`,
  )
for (const [i, [backend]] of large.entries())
  console.log(
    `  ${backend} with ${largeWorkers.toLocaleString("en")} more workers: ${apis[wanted.length + i]!.info.events.toLocaleString("en")} events, loaded in ${Math.round(apis[wanted.length + i]!.info.loadSeconds)} s`,
  )
try {
  for (const [i, [backend]] of wanted.entries()) await benchBackend(backend, apis[i]!)
  for (const [i, [backend]] of large.entries()) await benchBackend(backend, apis[wanted.length + i]!, true)
} finally {
  for (const api of apis) await api.stop()
}

console.log(`\n${formatTable(results)}\n`)
await writeResults(out, results)
console.log(
  `wrote ${results.length} measurements to ${out} in ${Math.round((performance.now() - started) / 1000)} s (load average now ${load()})`,
)
