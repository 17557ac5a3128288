import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { laiChauProgramme } from "../quota-plan/data/lai-chau-directive-20.ts"
import { laoCai2025Plan } from "../quota-plan/data/lao-cai-2025.ts"
import { sonLa2026Plan } from "../quota-plan/data/son-la-2026.ts"
import { TargetKind } from "../quota-plan/target.ts"
import {
  meets,
  parseTargetId,
  percent,
  preparedBefore,
  targetDefinitions,
  targetId,
  targetPeriod,
  yearsElapsed,
} from "./definitions.ts"

const laiChau = { ...laiChauProgramme, fromYear: laiChauProgramme.fromYear }
const targetOf = (plan: typeof laiChau, kind: string, byYear: number) =>
  plan.targets.find((t) => t.kind === kind && t.byYear === byYear)!

describe("target definitions", () => {
  it("define every kind the plans can set, each with its seed basis quoted as printed", () => {
    const seeds = (seed: string) => {
      try {
        const dir = new URL("../../../../../shared/seeds/", import.meta.url)
        const file = [
          "000_58c16bc28939cc03",
          "001_5fd5aa88c248bc7c",
          "002_e6ebc603203899fc",
          "003_a97b02ce0ef4cfb3",
          "004_ebe08d6f1807844d",
        ][Number(seed)]
        return readFileSync(new URL(`${file}.txt`, dir), "utf8").replace(/\s+/g, " ")
      } catch {
        return undefined // the seeds are outside the repository: checked where they are present
      }
    }
    for (const kind of TargetKind.literals) {
      const definition = targetDefinitions[kind]
      expect(definition.kind).toBe(kind)
      expect(definition.basis.length).toBeGreaterThan(0)
      for (const basis of definition.basis)
        if ("seed" in basis) {
          const text = seeds(basis.seed)
          if (text !== undefined) expect(text, `${kind}: seed ${basis.seed}`).toContain(basis.quote)
        }
    }
  })

  it("met: 'phấn đấu đưa 700' at 700, 'từ 450 trở lên' at 450, 'trên 80%' only above 80; nothing measured, nothing met", () => {
    expect(meets("target", 700, 700)).toBe(true)
    expect(meets("target", 699, 700)).toBe(false)
    expect(meets("at-least", 450, 450)).toBe(true)
    expect(meets("more-than", 80, 80)).toBe(false)
    expect(meets("more-than", 80.1, 80)).toBe(true)
    expect(meets("at-least", null, 1)).toBeNull()
  })

  it("periods: a year; Lai Châu's averages 2023–2025 then 2026–2030; cumulative counts from 2023", () => {
    expect(targetPeriod(sonLa2026Plan as never, sonLa2026Plan.targets[0]!)).toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
    })
    expect(targetPeriod(laoCai2025Plan as never, laoCai2025Plan.targets[1]!)).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
    })
    expect(targetPeriod(laiChau, targetOf(laiChau, "departures", 2025))).toEqual({
      from: "2023-01-01",
      to: "2025-12-31",
    })
    expect(targetPeriod(laiChau, targetOf(laiChau, "departures", 2030))).toEqual({
      from: "2026-01-01",
      to: "2030-12-31",
    })
    expect(targetPeriod(laiChau, targetOf(laiChau, "language-trainees", 2030))).toEqual({
      from: "2023-01-01",
      to: "2030-12-31",
    })
  })

  it("a yearly average divides by the calendar years elapsed, the current one included", () => {
    const period = { from: "2023-01-01", to: "2025-12-31" }
    expect(yearsElapsed(period, "2022-12-31")).toBe(0)
    expect(yearsElapsed(period, "2023-06-30")).toBe(1)
    expect(yearsElapsed(period, "2025-12-31")).toBe(3)
  })

  it("trained before departure needs language, orientation and legal counselling each on or before the departure date", () => {
    const all = { language: ["2026-03-01"], orientation: ["2026-04-01"], legalCounselling: ["2026-01-10"] }
    expect(preparedBefore(all, "2026-04-01")).toBe(true)
    expect(preparedBefore(all, "2026-03-31")).toBe(false) // orientation came the day after
    expect(preparedBefore({ ...all, legalCounselling: [] }, "2026-05-01")).toBe(false) // no legal counselling
    expect(preparedBefore({ ...all, language: ["2026-06-01", "2026-02-01"] }, "2026-05-01")).toBe(true)
  })

  it("target ids name the plan and the target, and read back", () => {
    const target = targetOf(laiChau, "departures", 2030)
    const id = targetId(laiChau.planId, target)
    expect(id).toBe("quota-plan:12:scheme:ct20-2030/departures/yearly-average/2030")
    expect(parseTargetId(id)).toEqual({
      planId: laiChau.planId,
      kind: "departures",
      aggregation: "yearly-average",
      byYear: 2030,
    })
    expect(parseTargetId("departed")).toBeUndefined()
  })

  it("shares to one decimal; none of nothing", () => {
    expect(percent(7, 8)).toBe(87.5)
    expect(percent(0, 0)).toBeNull()
  })
})
