import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { REDACTED } from "../src/access/raw-log.ts"
import { allRoutes } from "../src/routes/index.ts"
import { openTestApp, signIn, type Client, type TestApp } from "./support/test-app.ts"

/**
 * Several provinces and the national level (issue 9 §1) and the target scoreboard (§2) through the API, over the
 * demo of the three provinces (about 6,000 + 1,800 events: ~40 s to load on PGlite).
 */

let t: TestApp
const clients = new Map<string, Client>()
const as = (username: string) => clients.get(username)!

beforeAll(async () => {
  t = await openTestApp({ demoEvents: 6000 })
  for (const username of ["so-noi-vu", "lai-chau", "lao-cai", "bo-noi-vu", "kiem-toan", "to-hieu"])
    clients.set(username, await signIn(t.app, username))
})
afterAll(() => t.close())

describe("GET /api/targets: every target of the source documents, measured", () => {
  test("signed in as lai-chau, province 12 lists the programme's six targets with measured values", async () => {
    const r = await as("lai-chau").json("GET", "/api/targets?province=12")
    expect(r.status).toBe(200)
    expect(r.body.year).toBe(2026) // the current year in Vietnam when none is asked for
    expect(r.body.items.map((i: any) => [i.kind, i.target.comparator, i.target.value])).toEqual([
      ["departures", "at-least", 450],
      ["language-training-centres", "at-least", 1],
      ["language-trainees", "target", 200],
      ["departures", "at-least", 750],
      ["language-trainees", "more-than", 1000],
      ["high-income-market-share", "more-than", 80],
    ])
    for (const item of r.body.items) {
      expect(Object.keys(item)).toEqual([
        "id",
        "planId",
        "kind",
        "label",
        "period",
        "target",
        "measured",
        "met",
        "legalBasis",
      ])
      expect(Object.keys(item.measured)).toEqual(["value", "numerator", "denominator"])
      expect(typeof item.measured.numerator, item.id).toBe("number")
      expect(item.legalBasis.quote.length).toBeGreaterThan(20)
    }
    expect(r.body.items[3].label).toBe(
      "Số người lao động xuất cảnh đi làm việc ở nước ngoài (bình quân mỗi năm, 2026–2030)",
    )
  })

  test("signed in as so-noi-vu, Sơn La 2026: 700 departures, trained before departure, communes with departures", async () => {
    const r = await as("so-noi-vu").json("GET", "/api/targets?province=14&year=2026&asOf=2026-11-29")
    expect(r.status).toBe(200)
    expect(r.body.asOf).toBe("2026-11-29T16:59:59.999Z") // a bare date is the end of that day in Vietnam
    expect(r.body.items.map((i: any) => [i.kind, i.target.value, i.target.unit])).toEqual([
      ["departures", 700, "người"],
      ["trained-before-departure-share", 100, "%"],
      ["communes-with-departures-share", 100, "%"],
    ])
    const attainment = await as("so-noi-vu").json("GET", "/api/attainment?province=14&year=2026&asOf=2026-11-29")
    expect(r.body.items[0].measured.value).toBe(attainment.body.total.departed)
    expect(r.body.items[0].met).toBe(attainment.body.total.departed >= 700)
    expect(r.body.items[2].measured.denominator).toBe(75)
    // Most of the demo's departures were prepared (language, orientation, legal counselling); not all
    expect(r.body.items[1].measured.value).toBeGreaterThan(50)
    expect(r.body.items[1].met).toBe(r.body.items[1].measured.value === 100)
  })

  test("signed in as lao-cai, Lào Cai 2025: the old Lào Cai's plan, over its territory, with the rule echoed", async () => {
    const r = await as("lao-cai").json("GET", "/api/targets?province=15&year=2025")
    expect(r.status).toBe(200)
    expect(r.body.items.map((i: any) => [i.planId, i.kind, i.target.value])).toEqual([
      ["quota-plan:10:2025", "departures", 350],
      ["quota-plan:10:2025", "trained-before-departure-share", 100],
    ])
    expect(r.body.territoryRule.id).toBe("issuing-authority-territory")
    expect(r.body.territoryRule.textVi).toContain("địa bàn của cơ quan ban hành")
    expect(r.body.plans).toEqual([expect.objectContaining({ provinceCode: "10", territoryUnits: 151 })])
    expect(r.body.items[0].legalBasis.issuer).toBe("Ủy ban nhân dân tỉnh Lào Cai")
  })

  test("each measured value has its lineage: GET /api/lineage?figure=<target id>", async () => {
    const board = (await as("lai-chau").json("GET", "/api/targets?province=12&year=2025")).body
    const trainees = board.items.find((i: any) => i.kind === "language-trainees")
    const r = await as("lai-chau").json(
      "GET",
      `/api/lineage?province=12&year=2025&figure=${encodeURIComponent(trainees.id)}`,
    )
    expect(r.status).toBe(200)
    expect(r.body.figure).toBe(trainees.id)
    expect(r.body.value).toBe(trainees.measured.value)
    expect(r.body.events.length).toBeGreaterThanOrEqual(trainees.measured.value)
    const unknown = await as("lai-chau").json(
      "GET",
      `/api/lineage?province=12&year=2025&figure=${encodeURIComponent("quota-plan:12:2025/departures/year/2025")}`,
    )
    expect(unknown.status).toBe(404)
    const malformed = await as("lai-chau").json("GET", "/api/lineage?province=12&year=2025&figure=700")
    expect(malformed.status).toBe(400)
    // A target is the province's figure, not a commune's.
    const commune = await as("to-hieu").json(
      "GET",
      `/api/lineage?province=14&year=2026&figure=${encodeURIComponent("quota-plan:14:2026/departures/year/2026")}`,
    )
    expect(commune.status).toBe(403)
  })
})

describe("several provinces: each province's officers see their own, the national level sees every province", () => {
  test("the auditor reads its own province; Lai Châu's officer cannot read Sơn La", async () => {
    expect((await as("kiem-toan").json("GET", "/api/targets?province=14&year=2026")).status).toBe(200)
    expect((await as("kiem-toan").json("GET", "/api/targets?province=12&year=2026")).status).toBe(403)
    expect((await as("lai-chau").json("GET", "/api/targets?province=14&year=2026")).status).toBe(403)
    expect((await as("lao-cai").json("GET", "/api/attainment?province=14&year=2026")).status).toBe(403)
  })

  test("bo-noi-vu reads every province's aggregates and must name the province", async () => {
    for (const [province, year] of [
      ["12", 2026],
      ["14", 2026],
      ["15", 2025],
    ] as const) {
      const r = await as("bo-noi-vu").json("GET", `/api/targets?province=${province}&year=${year}`)
      expect(r.status, province).toBe(200)
      expect(r.body.items.length, province).toBeGreaterThan(0)
      expect((await as("bo-noi-vu").json("GET", `/api/attainment?province=${province}&year=${year}`)).status).toBe(200)
    }
    const unnamed = await as("bo-noi-vu").json("GET", "/api/targets?year=2026")
    expect(unnamed.status).toBe(400)
    expect(unnamed.body.fields[0].path).toBe("query.province")
    expect((await as("bo-noi-vu").json("GET", "/api/workers")).status).toBe(403)
    expect((await as("bo-noi-vu").json("GET", `/api/events?limit=5`)).status).toBe(200)
  })

  test("bo-noi-vu never receives identifying data: not on any route it may read, not in the raw log", async () => {
    // Names the province officers may read, in all three provinces.
    const names: string[] = []
    for (const officer of ["so-noi-vu", "lai-chau", "lao-cai"]) {
      const list = await as(officer).json("GET", "/api/workers?limit=200")
      expect(list.status).toBe(200)
      const own = list.body.items.filter((w: any) => w.fullName).map((w: any) => w.fullName as string)
      expect(own.length, `${officer} opens its own province's generated people`).toBeGreaterThan(5)
      names.push(...own)
    }
    expect(names.length).toBeGreaterThan(20)
    const granted = allRoutes.filter(
      (r) => r.method === "get" && Array.isArray(r.access) && r.access.includes("national-officer"),
    )
    expect(granted.map((r) => r.path)).toEqual(expect.arrayContaining(["/api/targets", "/api/lineage", "/api/events"]))
    const bodies: string[] = []
    for (const route of granted) {
      if (route.path.includes(":")) continue
      for (const [province, year] of [
        ["12", "2025"],
        ["14", "2026"],
        ["15", "2025"],
      ]) {
        const figure = route.path === "/api/lineage" ? "&figure=departed" : ""
        const r = await as("bo-noi-vu").request("GET", `${route.path}?province=${province}&year=${year}${figure}`)
        expect(r.status, `${route.path} ${province}`).toBeLessThan(500)
        bodies.push(await r.text())
      }
    }
    // The whole raw log, page by page.
    let after = "0:0"
    let redacted = 0
    for (;;) {
      const page = await as("bo-noi-vu").json("GET", `/api/events?after=${after}&limit=500`)
      expect(page.status).toBe(200)
      const text = JSON.stringify(page.body)
      redacted += text.split(REDACTED).length - 1
      bodies.push(text)
      if (page.body.next === null) break
      after = page.body.next
    }
    expect(redacted).toBeGreaterThan(100) // identities, sealed health data, blind indexes were there to remove
    const all = bodies.join("\n")
    expect(all).not.toMatch(/"ciphertext"/)
    expect(all).not.toMatch(/"blindIndex":"(?!\[)/)
    const leaked = names.filter((name) => all.includes(name))
    expect(leaked).toEqual([])
    // The auditor still sees the log as stored.
    const auditor = await as("kiem-toan").json("GET", "/api/events?limit=500&streamType=Worker")
    expect(JSON.stringify(auditor.body)).toMatch(/"ciphertext"/)
  })
})
