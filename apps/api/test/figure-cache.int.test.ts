import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { ReadModels } from "@xkld/projections"
import { jsonBytes } from "../src/http/json-body.ts"
import { openTestApp, signIn, type Client, type TestApp } from "./support/test-app.ts"

/**
 * The hot figures answered from memory (read-cache/cached-models.ts, ADR 0024) equal what the read models answer
 * uncached, whatever commands come between two reads: a property over random interleavings of registrations,
 * departures, corrections and reads (live and as of a past time).
 */
let t: TestApp
let province: Client
let enterpriseId: string
let models: ReadModels & { readonly uncached: ReadModels; readonly cacheStats: { hits: number; misses: number } }
let serial = 500_000

beforeAll(async () => {
  t = await openTestApp({ demoEvents: 3000 })
  province = await signIn(t.app, "so-noi-vu")
  const enterprise = await signIn(t.app, "doanh-nghiep")
  enterpriseId = (await enterprise.json("GET", "/api/session")).body.enterpriseId
  models = t.services.models as typeof models
}, 600_000)
afterAll(() => t?.close())

const citizenId = (n: number) => `014098${String(n).padStart(6, "0")}` // male, born 1998, Sơn La

async function registerAndMaybeDepart(depart: boolean, year: number) {
  const n = serial++
  const registered = await province.json("POST", "/api/workers", {
    occurredOn: `${year}-01-05`,
    identity: { fullName: `Lò Văn ${n}`, citizenId: citizenId(n), dateOfBirth: "1998-05-12", sex: "male" },
    sensitive: { ethnicGroup: "Thái" },
    residenceUnit: "03646",
    ethnicMinority: true,
    priorityGroups: ["ruralWorker"],
  })
  expect(registered.status, JSON.stringify(registered.body)).toBe(201)
  if (!depart) return
  const id = registered.body.id
  const step = async (segment: string, body: unknown) => {
    const r = await province.json("POST", `/api/workers/${id}/${segment}`, body)
    expect(r.status, `${segment}: ${JSON.stringify(r.body)}`).toBe(201)
  }
  await step("dossier-confirmation", { occurredOn: `${year}-01-20` })
  await step("contract", {
    occurredOn: `${year}-02-01`,
    enterpriseId,
    country: "KR",
    programme: "EPS",
    occupation: "Sản xuất chế tạo",
    durationMonths: 36,
    monthlyWage: { amount: 2_000_000, currency: "KRW" },
    feesPaidByWorker: 0,
  })
  await step("departure", { occurredOn: `${year}-03-01` })
}

const withoutStamp = (answer: any) =>
  answer && typeof answer === "object"
    ? { ...answer, asOf: undefined, ...(answer.board ? { board: { ...answer.board, asOf: undefined } } : {}) }
    : answer

const expectTextOf = (answer: unknown) =>
  expect(Buffer.from(jsonBytes(answer)).toString("utf8")).toBe(JSON.stringify(answer))

type Step =
  | { readonly kind: "write"; readonly depart: boolean; readonly year: number }
  | { readonly kind: "read"; readonly year: number; readonly split: boolean; readonly pastMs: number | null }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("write" as const), depart: fc.boolean(), year: fc.constantFrom(2025, 2026) }),
  fc.record({
    kind: fc.constant("read" as const),
    year: fc.constantFrom(2025, 2026),
    split: fc.boolean(),
    pastMs: fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: null }),
  }),
)

describe("the figure cache", () => {
  test("a cached answer equals the uncached one after any interleaving of commands and reads", async () => {
    const hitsBefore = models.cacheStats.hits
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const s of steps) {
          if (s.kind === "write") {
            await registerAndMaybeDepart(s.depart, s.year)
            continue
          }
          const asOf = s.pastMs === null ? undefined : new Date(Date.now() - s.pastMs)
          const query = {
            provinceCode: "14",
            year: s.year,
            asOf,
            splitRule: s.split ? ("apportion" as const) : ("not-attributable" as const),
          }
          // twice cached (the second from memory when nothing changed), once uncached, in both orders
          const first = await models.attainment(query)
          const uncached = await models.uncached.attainment(query)
          const second = await models.attainment(query)
          expect(withoutStamp(first)).toEqual(withoutStamp(uncached))
          expect(withoutStamp(second)).toEqual(withoutStamp(uncached))
          // the text the edge sends for an answer given from memory is that answer's own JSON, stamp included
          for (const answer of [first, second]) expectTextOf(answer)
          const filter = { provinceCode: "14", asOf }
          expect(await models.funnel(filter)).toEqual(await models.uncached.funnel(filter))
          expect(await models.outcomes(filter)).toEqual(await models.uncached.outcomes(filter))
          expect(await models.finance(filter)).toEqual(await models.uncached.finance(filter))
          const targets = { provinceCode: "14", year: s.year, asOf, today: "2026-11-30" }
          const board = await models.targets(targets)
          expect(withoutStamp(board)).toEqual(withoutStamp(await models.uncached.targets(targets)))
          expectTextOf(board)
        }
      }),
      { numRuns: 15 },
    )
    // the cache did serve answers (the property is not vacuous)
    expect(models.cacheStats.hits).toBeGreaterThan(hitsBefore)
  })

  test("a live answer from memory is stamped with the time it is given, not the time it was computed", async () => {
    const query = { provinceCode: "14", year: 2026, splitRule: "not-attributable" as const }
    await models.attainment(query)
    const before = new Date().toISOString()
    const again = await models.attainment(query)
    expect(again.asOf >= before).toBe(true)
    // the text sent for it carries that stamp, not the first answer's
    expect(JSON.parse(Buffer.from(jsonBytes(again)).toString("utf8")).asOf).toBe(again.asOf)
  })

  test("an answer given from memory is sent from its kept text, not serialised again", async () => {
    const query = { provinceCode: "14", year: 2026, splitRule: "not-attributable" as const }
    // a background refresh of the position can make one call a miss (a new answer); a hit comes within a few calls
    for (let i = 0; i < 10; i++) {
      await models.attainment(query)
      const hits = models.cacheStats.hits
      const again = await models.attainment(query)
      if (models.cacheStats.hits === hits) continue
      expect(typeof jsonBytes(again)).not.toBe("string")
      return
    }
    throw new Error("no answer came from memory in 10 tries")
  })

  test("a departure through the API is in the next attainment answer at once (read-your-writes)", async () => {
    const query = { provinceCode: "14", year: 2026, splitRule: "not-attributable" as const }
    const before = await models.attainment(query)
    await registerAndMaybeDepart(true, 2026)
    const after = await models.attainment(query)
    expect(withoutStamp(after)).toEqual(withoutStamp(await models.uncached.attainment(query)))
    expect(JSON.stringify(withoutStamp(after))).not.toEqual(JSON.stringify(withoutStamp(before)))
  })
})
