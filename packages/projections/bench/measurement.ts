import { measurement, type Backend, type Measurement } from "@xkld/event-store/bench"

export type { Measurement }

/**
 * Lines of bench/results/projections.json (the shared shape, `@xkld/event-store/bench`): `ratio` is always
 * "higher is better". The issue's targets are PostgreSQL's: PGlite rows carry none.
 */
export const TARGETS = {
  /** Issue 12: rebuild of every read model ≥ 0.5 of a bare keyset scan at each size. */
  rebuild: 0.5,
  /** As-of attainment p95 ≤ 20 ms at each size. */
  asOfP95Ms: 20,
  /** Rebuild throughput at the largest size ≥ 0.8 of the smallest's (linear). */
  growth: 0.8,
  /** As-of p95 at the largest size ≤ 1.5× the smallest's (flat). */
  asOfGrowth: 1.5,
  /** Peak RSS of the process holding the read models at 10^7 events ≤ 1 GiB. */
  peakRssMiB: 1024,
} as const

/** A throughput (events/s): ratio = ours / baseline, target on the ratio. */
export const throughput = (
  name: string,
  backend: Backend,
  ours: number,
  baseline: number,
  target: number | null,
  note?: string,
): Measurement =>
  measurement(name, backend, "events/s", ours, baseline, { target: backend === "postgres" ? target : null, note })

/** A latency (ms): ratio = baseline / ours, `limit` on our own figure. */
export const latency = (
  name: string,
  backend: Backend,
  ours: number,
  baseline: number,
  limit: number | undefined,
  note?: string,
): Measurement =>
  measurement(name, backend, "ms", ours, baseline, { ...(backend === "postgres" ? { limit } : {}), note })

/** 1e5 → "10^5", 2e5 → "2×10^5". */
export const scale = (n: number): string => {
  const exponent = Math.floor(Math.log10(n))
  const mantissa = n / 10 ** exponent
  return Number.isInteger(mantissa) ? `${mantissa === 1 ? "" : `${mantissa}×`}10^${exponent}` : n.toLocaleString("en")
}
