/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser): the launch flags of
 * shared/design/stack.md, a fresh profile per context; axe-core injected into the page for the accessibility check.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { chromium, type Browser, type Page } from "playwright-core"

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--lang=vi-VN",
    ],
  })

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: ReadonlyArray<{ readonly target: ReadonlyArray<string> }>
}

/** WCAG 2.x A/AA rules; returns the serious and critical violations (evaluated, not a script tag: the CSP forbids inline). */
export async function seriousViolations(page: Page): Promise<ReadonlyArray<AxeViolation>> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }))
  })
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical")
}
