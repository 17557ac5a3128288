import { PlanTask, QuotaPlan, ReportingObligation } from "@xkld/domain"
import { describe, expect, it } from "vitest"
import { demoSeedRecordedAt } from "./record-seed-documents.ts"

const seeds = [
  ...QuotaPlan.quotaPlanSeedEvents(),
  ...PlanTask.planTaskSeedEvents(),
  ...ReportingObligation.reportingObligationSeedEvents(),
] as unknown as ReadonlyArray<
  Parameters<typeof demoSeedRecordedAt>[0] & { event: { legalBasis?: { date?: string | null } } }
>

describe("the demo's recorded times of the seed documents", () => {
  it("never put a document in the log before the day it was signed", () => {
    const dated = seeds.filter((seed) => seed.event.legalBasis?.date)
    expect(dated.length).toBeGreaterThan(0)
    for (const seed of dated) {
      const recorded = demoSeedRecordedAt(seed).toISOString().slice(0, 10)
      expect(recorded >= seed.event.legalBasis!.date!, `${seed.streamId}: recorded ${recorded}`).toBe(true)
    }
  })

  it("keep yearly plans early in January when their document is older", () => {
    const sonLa2026 = seeds.find((seed) => seed.streamId.startsWith("quota-plan:14:2026"))
    expect(sonLa2026).toBeDefined()
    expect(demoSeedRecordedAt(sonLa2026!).toISOString()).toBe("2026-01-05T02:00:00.000Z")
  })

  it("record the Lào Cai 2025 plan on its own date, 24/01/2025", () => {
    const laoCai = seeds.find((seed) => seed.streamId.startsWith("quota-plan:10:2025"))
    expect(laoCai).toBeDefined()
    expect(demoSeedRecordedAt(laoCai!).toISOString()).toBe("2025-01-24T02:00:00.000Z")
  })
})
