import { measurement as line, type Backend, type Measurement } from "./results.ts"

export type { Measurement }

/** Issue 12: single appends ≥ 0.7 of a raw INSERT, batches ≥ 0.8 of raw unnest, replay ≥ 0.9 of a bare keyset scan. */
export const TARGETS = { single: 0.7, batch: 0.8, replay: 0.9 } as const

/** A line of bench/results/event-store.json in events/s; the targets are PostgreSQL's, PGlite rows carry none. */
export const measurement = (
  name: string,
  backend: Backend,
  ours: number,
  baseline: number,
  target: number | null,
  note?: string,
): Measurement =>
  line(name, backend, "events/s", ours, baseline, { target: backend === "postgres" ? target : null, note })
