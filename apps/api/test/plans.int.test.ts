import { QuotaPlan } from "@xkld/domain"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { Client, TestApp } from "./support/test-app.ts"

let t: TestApp
let officer: Client
let signIn: (app: TestApp["app"], username: string) => Promise<Client>
beforeAll(async () => {
  const support = await import("./support/test-app.ts")
  signIn = support.signIn
  t = await support.openTestApp({ demoEvents: 8000 })
  officer = await signIn(t.app, "so-noi-vu")
})
afterAll(() => t.close())

const SEED_PLAN = QuotaPlan.sonLa2026PlanId
const path = (id: string, rest = "") => `/api/plans/${encodeURIComponent(id)}${rest}`

const basis = {
  number: "15/QĐ-UBND",
  date: "2027-01-10",
  issuer: "Chủ tịch UBND tỉnh Sơn La",
  title: "Kế hoạch năm 2027",
}
const departures2027 = (value: number) => ({
  kind: "departures",
  value,
  comparator: "target",
  aggregation: "year",
  byYear: 2027,
  printed: `Năm 2027, toàn tỉnh phấn đấu đưa ${value} người lao động đi làm việc ở nước ngoài.`,
})

describe("the seed plan through the API", () => {
  test("Sơn La 2026: the 75 allocations as issued, target 700, rows adding up to 703, discrepancy 3", async () => {
    const { status, body } = await officer.json("GET", "/api/plans?province=14&year=2026")
    expect(status).toBe(200)
    expect(body.items).toHaveLength(1)
    const plan = body.items[0]
    expect(plan).toMatchObject({
      id: SEED_PLAN,
      year: 2026,
      target: 700,
      allocatedTotal: 703,
      discrepancy: 3,
      printedTotal: 700,
    })
    expect(plan.legalBasis).toMatchObject({
      number: "/QĐ-UBND",
      date: null,
      issuer: "Chủ tịch Ủy ban nhân dân tỉnh Sơn La",
    })
    expect(plan.allocations).toHaveLength(75)
    // as issued: same order, codes, names, shares and quotas as Phụ lục 01
    expect(plan.allocations.map((a: any) => [a.unitCode, a.unitName, a.sharePercentPrinted, a.quota])).toEqual(
      QuotaPlan.sonLa2026Rows.map((r) => [...r]),
    )
    expect(plan.allocations.reduce((sum: number, a: any) => sum + a.quota, 0)).toBe(703)
    // every row resolves to a unit of the catalogue on 1 January 2026
    expect(plan.allocations.every((a: any) => typeof a.unitId === "string" && a.unitId.length > 0)).toBe(true)
    expect(new Set(plan.allocations.map((a: any) => a.unitId)).size).toBe(75)
    expect(plan.allocations[0]).toMatchObject({
      unitCode: "03646",
      unitName: "Phường Tô Hiệu",
      sharePercent: 3.46,
      quota: 24,
    })
  })

  test("one plan by id; an unknown id is 404", async () => {
    const one = await officer.json("GET", path(SEED_PLAN))
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({ id: SEED_PLAN, discrepancy: 3 })
    const missing = await officer.json("GET", path("quota-plan:14:1999"))
    expect(missing.status).toBe(404)
    expect(missing.body.type).toMatch(/not-found$/)
  })

  test("apportionment: quotas sum to the target 700, each within one of its exact quota, differences against the issued quotas", async () => {
    const { status, body } = await officer.json("GET", path(SEED_PLAN, "/apportionment?method=largest-remainder"))
    expect(status).toBe(200)
    expect(body).toMatchObject({ method: "largest-remainder", target: 700, total: 700, issuedTotal: 703 })
    expect(body.allocations).toHaveLength(75)
    expect(body.allocations.reduce((sum: number, a: any) => sum + a.quota, 0)).toBe(700)
    for (const a of body.allocations) {
      expect(Math.abs(a.quota - a.exactQuota)).toBeLessThan(1)
      expect(a.difference).toBe(a.quota - a.issuedQuota)
      expect(typeof a.unitId).toBe("string")
    }
    // the rows' differences add up to target − issued total = 700 − 703
    expect(body.allocations.reduce((sum: number, a: any) => sum + a.difference, 0)).toBe(-3)
    // Xã Xuân Nha: 0,64% × 700 = 4,48, printed as 5
    const xuanNha = body.allocations.find((a: any) => a.unitCode === "04057")
    expect(xuanNha).toMatchObject({ issuedQuota: 5, quota: 4, difference: -1 })
    expect(body.differingUnits).toBe(body.allocations.filter((a: any) => a.difference !== 0).length)
    expect(body.differingUnits).toBeGreaterThan(0)
  })

  test("an unknown method is a 400 listing the field", async () => {
    const { status, body } = await officer.json("GET", path(SEED_PLAN, "/apportionment?method=dhondt"))
    expect(status).toBe(400)
    expect(body.fields[0].path).toBe("query.method")
  })

  test("a commune officer sees only its own unit's row; the province figures stay", async () => {
    const toHieu = await signIn(t.app, "to-hieu")
    const { status, body } = await toHieu.json("GET", "/api/plans?province=14&year=2026")
    expect(status).toBe(200)
    expect(body.items[0]).toMatchObject({ target: 700, allocatedTotal: 703, discrepancy: 3 })
    expect(body.items[0].allocations.map((a: any) => a.unitCode)).toEqual(["03646"])
    expect((await toHieu.json("GET", "/api/plans?province=14&year=2026&unit=03664")).status).toBe(403)
  })

  test("who reads: the leader yes, the enterprise officer no; another province is 403", async () => {
    expect((await (await signIn(t.app, "lanh-dao")).json("GET", "/api/plans?year=2026")).status).toBe(200)
    expect((await (await signIn(t.app, "doanh-nghiep")).json("GET", "/api/plans?year=2026")).status).toBe(403)
    expect((await officer.json("GET", "/api/plans?province=12&year=2026")).status).toBe(403)
  })
})

describe("plan commands", () => {
  const planId = "quota-plan:14:2027:test"
  const rows = [
    { unitCode: "03646", unitName: "Phường Tô Hiệu", sharePercentPrinted: "60,00", headCount: 61 },
    { unitCode: "03664", unitName: "Phường Chiềng An", sharePercentPrinted: "40,00", headCount: 40 },
  ]

  test("issue, amend an allocation, amend the target, supersede — each recorded with its actor and legal basis", async () => {
    const issued = await officer.json("POST", "/api/plans", {
      planId,
      year: 2027,
      title: "Kế hoạch đưa người lao động đi làm việc ở nước ngoài năm 2027",
      targets: [departures2027(100)],
      allocations: rows,
      printedTotal: 100,
      legalBasis: basis,
    })
    expect(issued.status).toBe(201)
    expect(issued.body).toMatchObject({
      id: planId,
      version: 1,
      plan: { target: 100, allocatedTotal: 101, discrepancy: 1 },
    })
    expect(issued.body.plan.allocations.map((a: any) => a.unitId)).toEqual([expect.any(String), expect.any(String)])

    const amended = await officer.json(
      "POST",
      path(planId, "/allocation-amendments"),
      {
        changes: [{ ...rows[0], headCount: 60 }],
        legalBasis: { ...basis, number: "20/QĐ-UBND", date: "2027-03-01" },
        effectiveOn: "2027-03-01",
        reason: "Điều chỉnh theo tỷ lệ",
      },
      { "if-match": "1" },
    )
    expect(amended.status).toBe(200)
    expect(amended.body).toMatchObject({ version: 2, plan: { allocatedTotal: 100, discrepancy: 0 } })

    const stale = await officer.json(
      "POST",
      path(planId, "/target-amendments"),
      { target: departures2027(120), legalBasis: basis, effectiveOn: "2027-04-01", reason: "Tăng chỉ tiêu" },
      { "if-match": "1" },
    )
    expect(stale.status).toBe(409)
    expect(stale.body.currentVersion).toBe(2)

    const target = await officer.json("POST", path(planId, "/target-amendments"), {
      target: departures2027(120),
      legalBasis: basis,
      effectiveOn: "2027-04-01",
      reason: "Tăng chỉ tiêu",
    })
    expect(target.status).toBe(200)
    expect(target.body.plan).toMatchObject({ target: 120, discrepancy: -20 })

    const superseded = await officer.json("POST", path(planId, "/supersession"), {
      supersededBy: "quota-plan:14:2027:b",
      legalBasis: basis,
      effectiveOn: "2027-06-01",
    })
    expect(superseded.status).toBe(200)
    expect(superseded.body.plan).toMatchObject({ status: "superseded", supersededBy: "quota-plan:14:2027:b" })

    const events = await t.services.log.readStream(planId)
    expect(events.map((e) => e.type)).toEqual(["PlanIssued", "AllocationAmended", "TargetAmended", "PlanSuperseded"])
    expect(events[0]!.metadata.actor).toMatchObject({ role: "province-officer" })
    expect(events[1]!.metadata.legalBasis).toEqual({
      number: "20/QĐ-UBND",
      date: "2027-03-01",
      issuer: basis.issuer,
      title: basis.title,
    })

    // a superseded plan no longer changes: the domain's Vietnamese rejection, as a 422
    const late = await officer.json("POST", path(planId, "/target-amendments"), {
      target: departures2027(130),
      legalBasis: basis,
      effectiveOn: "2027-07-01",
      reason: "x",
    })
    expect(late.status).toBe(422)
    expect(late.body).toMatchObject({ rejection: "PlanAlreadySuperseded" })
    expect(late.body.detail).toMatch(/đã được thay thế/)
  })

  test("void: the plan leaves the list and the attainment from the void on; as of before, it still shows", async () => {
    const voidId = "quota-plan:14:2028:ghi-nham"
    const departures2028 = { ...departures2027(80), byYear: 2028, printed: "Năm 2028 phấn đấu đưa 80 người" }
    const issued = await officer.json("POST", "/api/plans", {
      planId: voidId,
      year: 2028,
      title: "Kế hoạch năm 2028 (ghi nhầm)",
      targets: [departures2028],
      allocations: rows,
      printedTotal: 80,
      legalBasis: { ...basis, date: "2027-12-20" },
    })
    expect(issued.status).toBe(201)
    const attainment = async (asOf?: string) =>
      (await officer.json("GET", `/api/attainment?province=14&year=2028${asOf ? `&asOf=${asOf}` : ""}`)).body
    expect((await attainment()).plan).toMatchObject({ planId: voidId, target: 80 })
    const [issuing] = await t.services.log.readStream(voidId)
    const before = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 5))

    // the amended event must be one of the plan's own; a reason is required: nothing is written otherwise
    const foreign = await officer.json("POST", path(voidId, "/voids"), {
      correctsEventId: "00000000-0000-4000-8000-000000000000",
      reason: "Ghi nhầm",
    })
    expect(foreign.status).toBe(422)
    const noReason = await officer.json("POST", path(voidId, "/voids"), {
      correctsEventId: issuing!.eventId,
      reason: "",
    })
    expect(noReason.status).toBe(400)
    expect(await t.services.log.readStream(voidId)).toHaveLength(1)

    const annulment = { number: "30/QĐ-UBND", date: "2028-01-05", issuer: "Chủ tịch UBND tỉnh Sơn La" }
    const voided = await officer.json("POST", path(voidId, "/voids"), {
      correctsEventId: issuing!.eventId,
      reason: "Kế hoạch ghi nhầm: trùng với kế hoạch đã ban hành",
      legalBasis: annulment,
    })
    expect(voided.status).toBe(200)
    expect(voided.body.plan).toBeNull()
    const events = await t.services.log.readStream(voidId)
    expect(events.map((e) => e.type)).toEqual(["PlanIssued", "QuotaPlanVoided"])
    expect(events[1]!.data).toMatchObject({ correctsEventId: issuing!.eventId, legalBasis: annulment })
    expect(events[1]!.metadata.legalBasis).toMatchObject({ number: "30/QĐ-UBND" })

    // from the void on: no plan for 2028, in the list or in the attainment; as of before the void, both still show
    expect((await attainment()).plan).toBeNull()
    expect((await attainment(before)).plan).toMatchObject({ planId: voidId, target: 80 })
    const list = async (asOf?: string) =>
      (await officer.json("GET", `/api/plans?province=14&year=2028${asOf ? `&asOf=${asOf}` : ""}`)).body.items
    expect(await list()).toEqual([])
    expect((await list(before)).map((p: { id: string }) => p.id)).toEqual([voidId])
    expect((await officer.json("GET", path(voidId))).status).toBe(404)

    // nothing more is recorded for a void plan, a second void included
    const late = await officer.json("POST", path(voidId, "/target-amendments"), {
      target: departures2028,
      legalBasis: basis,
      effectiveOn: "2028-02-01",
      reason: "x",
    })
    expect(late.status).toBe(422)
    expect(late.body).toMatchObject({ rejection: "PlanIsVoid" })
    expect(late.body.detail).toBe(`Kế hoạch ${voidId} đã bị hủy; không ghi nhận thêm gì cho kế hoạch này`)
    const again = await officer.json("POST", path(voidId, "/voids"), { correctsEventId: issuing!.eventId, reason: "x" })
    expect(again.body).toMatchObject({ rejection: "PlanIsVoid" })
  })

  test("refusals: unknown unit codes (400), a unit not in the plan (422), a plan that does not exist (404)", async () => {
    const unknownUnit = await officer.json("POST", "/api/plans", {
      year: 2027,
      title: "Sai mã",
      targets: [departures2027(10)],
      allocations: [{ unitCode: "99999", unitName: "Xã Không Có", sharePercentPrinted: "100", headCount: 10 }],
      legalBasis: basis,
    })
    expect(unknownUnit.status).toBe(400)
    expect(unknownUnit.body.detail).toMatch(/99999/)

    const id = "quota-plan:14:2027:refusals"
    expect(
      (
        await officer.json("POST", "/api/plans", {
          planId: id,
          year: 2027,
          title: "Kế hoạch",
          targets: [departures2027(10)],
          allocations: [rows[0]],
          legalBasis: basis,
        })
      ).status,
    ).toBe(201)
    const notInPlan = await officer.json("POST", path(id, "/allocation-amendments"), {
      changes: [rows[1]],
      legalBasis: basis,
      effectiveOn: "2027-02-01",
      reason: "x",
    })
    expect(notInPlan.status).toBe(422)
    expect(notInPlan.body.rejection).toBe("UnknownUnitInAmendment")

    const twice = await officer.json("POST", "/api/plans", {
      planId: id,
      year: 2027,
      title: "Kế hoạch",
      targets: [departures2027(10)],
      allocations: [rows[0]],
      legalBasis: basis,
    })
    expect(twice.status).toBe(422)
    expect(twice.body.rejection).toBe("PlanAlreadyIssued")

    const missing = await officer.json("POST", path("quota-plan:14:2099", "/supersession"), {
      supersededBy: "x",
      legalBasis: basis,
      effectiveOn: "2027-01-01",
    })
    expect(missing.status).toBe(404)

    const badBody = await officer.json("POST", "/api/plans", {
      year: "2027",
      title: "",
      targets: [],
      allocations: [],
      legalBasis: basis,
      extra: 1,
    })
    expect(badBody.status).toBe(400)
    expect(badBody.body.fields.map((f: any) => f.path)).toEqual(expect.arrayContaining(["body.year", "body.extra"]))
  })

  test("only the province officer writes plans", async () => {
    for (const username of ["kiem-toan", "lanh-dao", "to-hieu"]) {
      const client = await signIn(t.app, username)
      const r = await client.json("POST", "/api/plans", {
        year: 2027,
        title: "x",
        targets: [],
        allocations: [],
        legalBasis: basis,
      })
      expect(r.status).toBe(403)
    }
  })

  test("an Idempotency-Key retry answers the first result and records nothing new", async () => {
    const body = {
      planId: "quota-plan:14:2028:idem",
      year: 2028,
      title: "Kế hoạch 2028",
      targets: [],
      allocations: [],
      legalBasis: basis,
    }
    const first = await officer.json("POST", "/api/plans", body, { "idempotency-key": "plan-2028" })
    const again = await officer.json("POST", "/api/plans", body, { "idempotency-key": "plan-2028" })
    expect(first.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(await t.services.log.readStream("quota-plan:14:2028:idem")).toHaveLength(1)
  })
})
