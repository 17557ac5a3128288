/**
 * Prometheus text exposition (format 0.0.4) of what this process measures itself: request latency per route,
 * answers per status, database outages met. The database's own figures (log head, projection lag, pool use)
 * are read at scrape time (`routes.ts`). One registry per process: every app in it shares the counters.
 */

/** Seconds; from a fast read to an Excel import. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const

type Labels = Readonly<Record<string, string>>

const labelText = (labels: Labels) => {
  const entries = Object.entries(labels)
  if (entries.length === 0) return ""
  const escape = (v: string) => v.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n")
  return `{${entries.map(([k, v]) => `${k}="${escape(v)}"`).join(",")}}`
}

interface Series {
  readonly labels: Labels
  readonly buckets: number[]
  sum: number
  count: number
}

export class Histogram {
  readonly #series = new Map<string, Series>()
  readonly name: string
  readonly help: string
  readonly bounds: ReadonlyArray<number>
  constructor(name: string, help: string, bounds: ReadonlyArray<number> = LATENCY_BUCKETS) {
    this.name = name
    this.help = help
    this.bounds = bounds
  }

  observe(labels: Labels, value: number): void {
    const key = labelText(labels)
    let series = this.#series.get(key)
    if (!series) {
      series = { labels, buckets: this.bounds.map(() => 0), sum: 0, count: 0 }
      this.#series.set(key, series)
    }
    for (let i = 0; i < this.bounds.length; i++) if (value <= this.bounds[i]!) series.buckets[i]!++
    series.sum += value
    series.count++
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    for (const s of this.#series.values()) {
      this.bounds.forEach((bound, i) =>
        lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(bound) })} ${s.buckets[i]}`),
      )
      lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.count}`)
      lines.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`)
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.count}`)
    }
    return lines.join("\n")
  }
}

export class Counter {
  readonly #values = new Map<string, number>()
  readonly name: string
  readonly help: string
  constructor(name: string, help: string) {
    this.name = name
    this.help = help
  }

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels)
    this.#values.set(key, (this.#values.get(key) ?? 0) + by)
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`]
    for (const [key, value] of this.#values) lines.push(`${this.name}${key} ${value}`)
    return lines.join("\n")
  }
}

/** A gauge read when scraped: each sample given as labels and value. */
export const gauge = (name: string, help: string, samples: ReadonlyArray<readonly [Labels, number]>): string =>
  [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples.map(([l, v]) => `${name}${labelText(l)} ${v}`)].join(
    "\n",
  )

export const requestDuration = new Histogram(
  "xkld_http_request_duration_seconds",
  "Time to answer a request, by method, route (its declared path) and status class.",
)
export const requestsTotal = new Counter("xkld_http_requests_total", "Requests answered, by method, route and status.")
export const databaseUnavailable = new Counter(
  "xkld_database_unavailable_total",
  "Requests answered 503 because the database could not be reached.",
)
