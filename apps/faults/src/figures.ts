import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs"
import { join } from "node:path"
import { REPO } from "./api-process.ts"

/**
 * What a fault test measured, written to `apps/faults/results/<name>.json` (docs/reliability.md quotes them) and
 * printed, so that CI's log carries the figures of its own run.
 */
export function recordFigures(name: string, figures: Readonly<Record<string, unknown>>): void {
  const dir = join(REPO, "apps/faults/results")
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${name}.json`)
  const entry = { measuredAt: new Date().toISOString(), ...figures }
  writeFileSync(file, `${JSON.stringify(entry, null, 2)}\n`)
  console.log(`fault figures ${name}: ${JSON.stringify(entry)}`)
}

export const readFigures = (name: string): unknown => {
  const file = join(REPO, "apps/faults/results", `${name}.json`)
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined
}
