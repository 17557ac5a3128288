import { mkdir, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import { met, targetText, type Measurement } from "./measurement.ts"

const figure = (value: number, unit: string) =>
  unit === "ms"
    ? value.toLocaleString("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 })
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
