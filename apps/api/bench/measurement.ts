/**
 * One line of bench/results/api.json, in the shape of the other packages' results (docs/benchmarks.md):
 * `ratio` = ours / baseline. For throughput (req/s, commands/s) higher is better; for latency (ms) the ratio is
 * for information only (lower is better) and the issue's target is on our absolute p99.
 */
export interface Measurement {
  readonly name: string
  readonly backend: "pglite" | "postgres"
  readonly ours: number
  readonly baseline: number
  readonly ratio: number
  readonly unit: "req/s" | "ms" | "commands/s"
  /** The target in words ("ratio ≥ 0.5", "ours ≤ 20 ms"); null when the issue sets none. */
  readonly target: string | null
  readonly met: boolean | null
  readonly note?: string
}

const round = (value: number, unit: Measurement["unit"]) =>
  unit === "ms" ? Math.round(value * 100) / 100 : Math.round(value)

export function measurement(
  name: string,
  backend: Measurement["backend"],
  unit: Measurement["unit"],
  ours: number,
  baseline: number,
  target?: { readonly text: string; readonly met: boolean },
  note?: string,
): Measurement {
  return {
    name,
    backend,
    ours: round(ours, unit),
    baseline: round(baseline, unit),
    ratio: baseline > 0 ? Math.round((ours / baseline) * 100) / 100 : 0,
    unit,
    target: target?.text ?? null,
    met: target?.met ?? null,
    ...(note ? { note } : {}),
  }
}
