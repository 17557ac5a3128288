import { Schema } from "effect"
import { describe, expect, test } from "vitest"
import { ProblemError } from "./problem.ts"
import { paginate, parseYearAsOf, ProvinceYearAsOfQuery, StatusPageBody, statusPage } from "./query.ts"

describe("statusPage (tasks, reporting obligations)", () => {
  const items = ["late", "on-time", "late", "pending", "late"].map((status, i) => ({ id: `o${i}`, status }))

  test("counts the statuses of the whole list, pages it as paginate does, and says when and for which day", () => {
    const asOf = new Date("2026-06-15T16:59:59.999Z")
    const page = statusPage(items, { asOf, on: "2026-06-15", page: { limit: 2, offset: 2 } })
    expect(page).toEqual({
      asOf: "2026-06-15T16:59:59.999Z",
      statusOn: "2026-06-15",
      byStatus: { late: 3, "on-time": 1, pending: 1 },
      ...paginate(items, { limit: 2, offset: 2 }),
    })
    expect(page.items.map((i) => i.id)).toEqual(["o2", "o3"])
    expect(page.total).toBe(5)
  })

  test("without asOf it is asked for now; an empty list has no counts", () => {
    const before = Date.now()
    const page = statusPage([], { asOf: undefined, on: "2026-11-30", page: { limit: 50, offset: 0 } })
    expect(Date.parse(page.asOf)).toBeGreaterThanOrEqual(before)
    expect(page).toMatchObject({ byStatus: {}, items: [], total: 0, limit: 50, offset: 0 })
  })

  test("its declared schema describes what it gives", () => {
    const Body = StatusPageBody(
      Schema.Struct({ id: Schema.String, status: Schema.Literals(["late", "on-time", "pending"]) }),
      Schema.Literals(["late", "on-time", "pending"]),
    )
    const page = statusPage(items, { asOf: undefined, on: "2026-06-15", page: { limit: 50, offset: 0 } })
    expect(() => Schema.decodeUnknownSync(Body)(page, { onExcessProperty: "error" })).not.toThrow()
  })
})

describe("the province / year / asOf query (targets; attainment and lineage with a required year)", () => {
  const decode = Schema.decodeUnknownSync(ProvinceYearAsOfQuery)

  test("takes the three as text, each optional, and refuses a year the system does not know", () => {
    expect(decode({})).toEqual({})
    expect(decode({ province: "14", year: "2026", asOf: "2026-06-15" })).toEqual({
      province: "14",
      year: "2026",
      asOf: "2026-06-15",
    })
    expect(() => decode({ year: "0251" })).toThrow()
    expect(() => decode({ province: "1" })).toThrow()
  })

  test("the year asked for, else the default; asOf a bare date is the end of that day in Vietnam", () => {
    expect(parseYearAsOf({ year: "2025" }, () => 2026)).toEqual({ year: 2025, asOf: undefined })
    expect(parseYearAsOf({}, () => 2026).year).toBe(2026)
    expect(parseYearAsOf({ year: "2026", asOf: "2026-06-15" }).asOf?.toISOString()).toBe("2026-06-15T16:59:59.999Z")
  })

  test("without a default the year is required (400 naming query.year), and a day that does not exist is refused", () => {
    const fieldOf = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        return error instanceof ProblemError ? error.problem.fields?.[0]?.path : "not a problem"
      }
      return undefined
    }
    expect(fieldOf(() => parseYearAsOf({}))).toBe("query.year")
    expect(fieldOf(() => parseYearAsOf({ year: "2026", asOf: "2026-02-30" }))).toBe("query.asOf")
  })
})
