/**
 * The one bench helper of every package (`@xkld/event-store/bench`): the shape of a line of
 * `bench/results/<package>.json`, how it is rounded and judged against the targets, the table each bench
 * prints and the file it writes (docs/benchmarks.md).
 */
import { mkdir, writeFile } from "node:fs/promises"
import { dirname } from "node:path"

export type Backend = "pglite" | "postgres"

/** One measurement: our figure and the same run's baseline, in `unit`. */
export interface Measurement {
  readonly name: string
  readonly backend: Backend
  readonly ours: number
  readonly baseline: number
  /** ours / baseline for rates, baseline / ours for times unless said otherwise (see `note`). */
  readonly ratio: number
  readonly unit: string
  /** The target on the ratio (met when ratio ≥ target); null when the issue sets none. */
  readonly target: number | null
  /** The target on our own figure (met when ours ≤ limit, in `unit`). */
  readonly limit?: number
  readonly note?: string
}

export interface MeasurementOptions {
  /** How the ratio is taken; default: rates ours / baseline, times baseline / ours (higher is better). */
  readonly ratio?: "ours / baseline" | "baseline / ours"
  /** Decimals kept of ours and baseline; default 0 for rates, 1 for times. */
  readonly digits?: number
  readonly target?: number | null
  readonly limit?: number
  readonly note?: string
}

const rounded = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

export function measurement(
  name: string,
  backend: Backend,
  unit: string,
  ours: number,
  baseline: number,
  options: MeasurementOptions = {},
): Measurement {
  const time = unit === "ms"
  const inverse = (options.ratio ?? (time ? "baseline / ours" : "ours / baseline")) === "baseline / ours"
  const [top, bottom] = inverse ? [baseline, ours] : [ours, baseline]
  return {
    name,
    backend,
    ours: rounded(ours, options.digits ?? (time ? 1 : 0)),
    baseline: rounded(baseline, options.digits ?? (time ? 1 : 0)),
    ratio: bottom > 0 ? rounded(top / bottom, 2) : 0,
    unit,
    target: options.target ?? null,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.note ? { note: options.note } : {}),
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

const figure = (value: number, unit: string) =>
  unit === "ms"
    ? value.toLocaleString("en", { minimumFractionDigits: 1, maximumFractionDigits: 2 })
    : value.toLocaleString("en")

/** name | backend | ours | baseline | ratio | unit | target | met? */
export function formatTable(rows: ReadonlyArray<Measurement>): string {
  const header = ["name", "backend", "ours", "baseline", "ratio", "unit", "target", "met?"]
  const body = rows.map((m) => [
    m.name,
    m.backend,
    figure(m.ours, m.unit),
    figure(m.baseline, m.unit),
    m.ratio.toFixed(2),
    m.unit,
    targetText(m),
    met(m),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  const numeric = new Set([2, 3, 4])
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...body.map(line)].join("\n")
}

export async function writeResults(path: string, rows: ReadonlyArray<Measurement>): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, `${JSON.stringify(rows, null, 2)}\n`)
}

/** Nearest-rank percentile of a sample (p in 0..100). */
export const percentile = (sample: ReadonlyArray<number>, p: number): number => {
  if (sample.length === 0) return 0
  const sorted = sample.toSorted((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
