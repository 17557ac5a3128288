import { measurement as line, type Backend, type Measurement } from "@xkld/event-store/bench"

export type { Measurement }

/**
 * A line of bench/results/api.json (the shared shape, `@xkld/event-store/bench`). Here `ratio` is ours / baseline
 * for every unit: for latency (ms) it is for information only (lower is better), and the target is on our
 * absolute p99 (`limit`). Targets are set on both backends.
 */
export const measurement = (
  name: string,
  backend: Backend,
  unit: "req/s" | "ms" | "commands/s",
  ours: number,
  baseline: number,
  target?: { readonly ratio?: number; readonly limit?: number },
  note?: string,
): Measurement =>
  line(name, backend, unit, ours, baseline, {
    ratio: "ours / baseline",
    digits: unit === "ms" ? 2 : 0,
    target: target?.ratio ?? null,
    ...(target?.limit === undefined ? {} : { limit: target.limit }),
    note,
  })
