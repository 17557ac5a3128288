import http from "node:http"

/**
 * The load generator: plain `node:http` with a keep-alive agent (one socket per connection, reused).
 * Two ways of loading a server:
 * - `closedLoop`: N connections, each sends its next request when the previous answer has arrived → the
 *   most the server answers per second (saturation).
 * - `openLoop`: requests scheduled at a constant rate, sent when due whether or not earlier ones have been
 *   answered; each latency is measured from the request's *scheduled* time, so a stalled server is charged
 *   for the requests that piled up behind the stall (no coordinated omission).
 */

export interface Target {
  readonly port: number
  readonly method: "GET" | "POST"
  readonly path: string | (() => string)
  readonly headers?: Record<string, string>
  /** A fresh body per request (JSON-encoded here). */
  readonly body?: () => unknown
  /** Status the answer must have; anything else fails the run (a benchmark of errors measures nothing). */
  readonly expect: number
}

export interface Response {
  readonly status: number
  readonly body: string
  readonly headers: http.IncomingHttpHeaders
}

export const agentFor = (sockets: number): http.Agent =>
  new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, scheduling: "fifo" })

/** One request; resolves with status and body text. */
export function send(
  agent: http.Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        agent,
        headers:
          body === undefined
            ? headers
            : { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on("data", (chunk: Buffer) => chunks.push(chunk))
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            headers: response.headers,
          }),
        )
        response.on("error", reject)
      },
    )
    request.on("error", reject)
    request.end(body)
  })
}

async function hit(agent: http.Agent, target: Target): Promise<Response> {
  const path = typeof target.path === "function" ? target.path() : target.path
  const body = target.body ? JSON.stringify(target.body()) : undefined
  const response = await send(agent, target.port, target.method, path, target.headers, body)
  if (response.status !== target.expect)
    throw new Error(
      `${target.method} ${path}: ${response.status} (expected ${target.expect}): ${response.body.slice(0, 500)}`,
    )
  return response
}

export interface ClosedResult {
  readonly requests: number
  readonly seconds: number
  readonly perSecond: number
  readonly latencies: ReadonlyArray<number>
}

/**
 * `connections` loops for `seconds` (or until `limit` requests were started); the clock stops when the
 * last answer arrives. `onAnswer` sees every answer (e.g. to collect the ids of registered workers).
 */
export async function closedLoop(
  target: Target,
  connections: number,
  seconds: number,
  options: { limit?: number; onAnswer?: (response: Response) => void } = {},
): Promise<ClosedResult> {
  const agent = agentFor(connections)
  const latencies: number[] = []
  let started = 0
  const begin = performance.now()
  const deadline = begin + seconds * 1000
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline && (options.limit === undefined || started < options.limit)) {
          started++
          const at = performance.now()
          const response = await hit(agent, target)
          latencies.push(performance.now() - at)
          options.onAnswer?.(response)
        }
      }),
    )
  } finally {
    agent.destroy()
  }
  const elapsed = (performance.now() - begin) / 1000
  return { requests: latencies.length, seconds: elapsed, perSecond: latencies.length / elapsed, latencies }
}

export interface OpenResult {
  readonly offered: number
  readonly achieved: number
  readonly p50: number
  readonly p99: number
  readonly max: number
  readonly requests: number
}

/**
 * Requests at `rate` per second for `seconds`, over at most `sockets` connections (more outstanding requests
 * wait in the agent's queue, and that wait counts). Latency = answer time − scheduled time.
 */
export async function openLoop(target: Target, rate: number, seconds: number, sockets = 64): Promise<OpenResult> {
  const agent = agentFor(sockets)
  const interval = 1000 / rate
  const total = Math.max(1, Math.round(rate * seconds))
  const latencies: number[] = []
  const pending: Promise<void>[] = []
  let failure: unknown
  const begin = performance.now()
  let next = 0
  try {
    await new Promise<void>((done) => {
      const tick = () => {
        const now = performance.now()
        while (next < total && begin + next * interval <= now) {
          const scheduled = begin + next * interval
          next++
          pending.push(
            hit(agent, target).then(
              () => void latencies.push(performance.now() - scheduled),
              (error) => void (failure ??= error),
            ),
          )
        }
        if (next >= total || failure) return done()
        setTimeout(tick, Math.max(0, begin + next * interval - performance.now()))
      }
      tick()
    })
    await Promise.all(pending)
  } finally {
    agent.destroy()
  }
  if (failure) throw failure
  const elapsed = (performance.now() - begin) / 1000
  const sorted = Float64Array.from(latencies).toSorted()
  return {
    offered: rate,
    achieved: latencies.length / elapsed,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
    requests: latencies.length,
  }
}

/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted: ArrayLike<number>, q: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
