import type { BackendName } from "../src/index.ts"

/** One line of bench/results/event-store.json. Ratio = ours / baseline in throughput: higher is better. */
export interface Measurement {
  readonly name: string
  readonly backend: BackendName
  readonly ours: number
  readonly baseline: number
  readonly ratio: number
  readonly unit: string
  /** The target ratio; only set on PostgreSQL (the targets are PostgreSQL's), null for diagnostics. */
  readonly target: number | null
  readonly note?: string
}

export const TARGETS = { single: 0.7, batch: 0.6, replay: 0.5 } as const

export function measurement(
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
    ratio: baseline > 0 ? Math.round((ours / baseline) * 100) / 100 : 0,
    unit: "events/s",
    target: backend === "postgres" ? target : null,
    ...(note ? { note } : {}),
  }
}
