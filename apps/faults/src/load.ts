import type { Answer, Session } from "./client.ts"
import { registration } from "./workers.ts"

/** One answer as the load saw it. */
export interface Seen {
  readonly route: string
  readonly status: number
  readonly ms: number
  readonly retryAfter: string | null
  /** Milliseconds since the load started. */
  readonly at: number
}

/**
 * What a load saw: every answer, and the event ids the API acknowledged (a 2xx that named its event). The fault
 * tests assert that each acknowledged id is in the log afterwards.
 */
export class LoadRecord {
  readonly seen: Seen[] = []
  readonly acknowledged: string[] = []
  readonly started = performance.now()

  note(route: string, answer: Answer): void {
    this.seen.push({
      route,
      status: answer.status,
      ms: answer.ms,
      retryAfter: answer.retryAfter,
      at: performance.now() - this.started,
    })
    if (answer.status >= 200 && answer.status < 300 && typeof answer.body?.eventId === "string")
      this.acknowledged.push(answer.body.eventId)
  }

  /** Answers by status (−1 no answer, −2 past the deadline). */
  statuses(filter: (seen: Seen) => boolean = () => true): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const s of this.seen.filter(filter)) counts[s.status] = (counts[s.status] ?? 0) + 1
    return counts
  }

  /** The p-th percentile (0–100) of latencies of 2xx answers of a route, in ms (answers sent from `fromMs` on). */
  percentile(route: string, p: number, fromMs = 0): number {
    const sorted = this.seen
      .filter((s) => s.route === route && s.status >= 200 && s.status < 300 && s.at >= fromMs)
      .map((s) => s.ms)
      .toSorted((a, b) => a - b)
    if (sorted.length === 0) return Number.NaN
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
  }
}

/** Gives each registration of a test its own person (citizen ids from `first` on). */
export const serials = (first: number) => {
  let next = first
  return () => next++
}

/**
 * A commune officer entering registrations one after another until `stop()` says so, pausing `pauseMs` between
 * them (and after a 503 what its Retry-After asks, capped at `pauseMs`·4, so the load keeps probing the outage).
 */
export async function registering(
  session: Session,
  unit: string,
  nextSerial: () => number,
  record: LoadRecord,
  stop: () => boolean,
  pauseMs = 50,
): Promise<void> {
  while (!stop()) {
    const answer = await session.send("POST", "/api/workers", registration(nextSerial(), unit))
    record.note("POST /api/workers", answer)
    await new Promise((resolve) => setTimeout(resolve, answer.status === 503 ? pauseMs * 4 : pauseMs))
  }
}

/** A province officer's dashboard reading a report, the worker list and the units until `stop()`. */
export async function reading(session: Session, record: LoadRecord, stop: () => boolean, pauseMs = 100): Promise<void> {
  const routes = ["/api/reports/funnel", "/api/workers", "/api/units?province=14"] as const
  for (let i = 0; !stop(); i++) {
    const path = routes[i % routes.length]!
    record.note(`GET ${path}`, await session.send("GET", path))
    await new Promise((resolve) => setTimeout(resolve, pauseMs))
  }
}
