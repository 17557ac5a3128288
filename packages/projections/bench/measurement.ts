import type { BackendName } from "@xkld/event-store"

/**
 * One line of bench/results/projections.json: the fields of the store's bench (`name`, `backend`, `ours`,
 * `baseline`, `ratio`, `unit`, `target`, `note`), plus `limit` for targets on our own figure.
 * `ratio` is always "higher is better": baseline/ours for times, ours/baseline for throughputs.
 */
export interface Measurement {
  readonly name: string
  readonly backend: BackendName
  readonly ours: number
  readonly baseline: number
  readonly ratio: number
  readonly unit: string
  /** The issue's target on the ratio (ratio ≥ target); PostgreSQL only, null for diagnostics. */
  readonly target: number | null
  /** The issue's target on our own figure (ours ≤ limit, in `unit`); PostgreSQL only. */
  readonly limit?: number
  readonly note?: string
}

export const TARGETS = { rebuild: 0.3, asOfP95Ms: 50 } as const

const round2 = (x: number) => Math.round(x * 100) / 100

/** A throughput (events/s): ratio = ours / baseline. */
export function throughput(
  name: string,
  backend: BackendName,
  ours: number,
  baseline: number,
  target: number | null,
  note?: string,
): Measurement {
  return {
    name,
    backend,
    ours: Math.round(ours),
    baseline: Math.round(baseline),
    ratio: baseline > 0 ? round2(ours / baseline) : 0,
    unit: "events/s",
    target: backend === "postgres" ? target : null,
    ...(note ? { note } : {}),
  }
}

/** A latency (ms): ratio = baseline / ours. */
export function latency(
  name: string,
  backend: BackendName,
  ours: number,
  baseline: number,
  limit: number | undefined,
  note?: string,
): Measurement {
  return {
    name,
    backend,
    ours: Math.round(ours * 10) / 10,
    baseline: Math.round(baseline * 10) / 10,
    ratio: ours > 0 ? round2(baseline / ours) : 0,
    unit: "ms",
    target: null,
    ...(limit !== undefined && backend === "postgres" ? { limit } : {}),
    ...(note ? { note } : {}),
  }
}

/** Whether a measurement meets its targets: "yes", "NO", or "—" when it has none. */
export const met = (m: Measurement): string => {
  if (m.target === null && m.limit === undefined) return "—"
  const ok = (m.target === null || m.ratio >= m.target) && (m.limit === undefined || m.ours <= m.limit)
  return ok ? "yes" : "NO"
}

export const targetText = (m: Measurement): string =>
  [m.target === null ? "" : `ratio ≥ ${m.target}`, m.limit === undefined ? "" : `≤ ${m.limit} ${m.unit}`]
    .filter(Boolean)
    .join(", ") || "—"

/** Nearest-rank percentile of a sample (p in 0..100). */
export const percentile = (sample: ReadonlyArray<number>, p: number): number => {
  if (sample.length === 0) return 0
  const sorted = sample.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** 1e5 → "10^5", 2e5 → "2×10^5". */
export const scale = (n: number): string => {
  const exponent = Math.floor(Math.log10(n))
  const mantissa = n / 10 ** exponent
  return Number.isInteger(mantissa) ? `${mantissa === 1 ? "" : `${mantissa}×`}10^${exponent}` : n.toLocaleString("en")
}
