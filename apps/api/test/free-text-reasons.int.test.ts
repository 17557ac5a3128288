import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { OTHER_REASONS, SMALL_CELL, suppressSmallCells } from "../src/access/free-text.ts"
import { openTestApp, signIn, type Client, type TestApp } from "./support/test-app.ts"

/** Free-text reasons reach leaders only as cells of at least SMALL_CELL people (ADR 0012). */

let t: TestApp
let officer: Client
let leader: Client
const UNIQUE_REASON = "Chị Lò Thị Mai bị bệnh tim, gia đình không cho đi"

beforeAll(async () => {
  t = await openTestApp({ demoEvents: 3000 })
  officer = await signIn(t.app, "so-noi-vu")
  leader = await signIn(t.app, "lanh-dao")
  const registered = await officer.json("POST", "/api/workers", {
    occurredOn: "2026-02-02",
    identity: { fullName: "Lò Thị Mai", citizenId: "014198700321", dateOfBirth: "1998-05-12", sex: "female" },
    residenceUnit: "03646",
    ethnicMinority: true,
  })
  expect(registered.status, JSON.stringify(registered.body)).toBe(201)
  const withdrew = await officer.json("POST", `/api/workers/${registered.body.id}/withdrawal`, {
    occurredOn: "2026-03-02",
    reason: UNIQUE_REASON,
  })
  expect(withdrew.status, JSON.stringify(withdrew.body)).toBe(201)
}, 600_000)
afterAll(() => t?.close())

describe("free-text reasons and small cells", () => {
  test("the province officer sees the reason as typed; the leader never sees a reason fewer than 5 people share", async () => {
    const asOfficer = await officer.json("GET", "/api/reports/funnel?province=14&period=2026")
    const asLeader = await leader.json("GET", "/api/reports/funnel?province=14&period=2026")
    expect(asOfficer.status).toBe(200)
    expect(asLeader.status).toBe(200)
    expect(asOfficer.body.withdrawn.byReason[UNIQUE_REASON]).toBe(1)
    const leaderReasons = asLeader.body.withdrawn.byReason as Record<string, number>
    expect(leaderReasons[UNIQUE_REASON]).toBeUndefined()
    expect(leaderReasons[OTHER_REASONS]).toBeGreaterThanOrEqual(1)
    for (const [reason, n] of Object.entries(leaderReasons))
      if (reason !== OTHER_REASONS) expect(n, reason).toBeGreaterThanOrEqual(SMALL_CELL)
    // nothing is lost: the cells still add up to the number of drop-outs
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0)
    expect(sum(leaderReasons)).toBe(asLeader.body.withdrawn.total)
    expect(sum(asOfficer.body.withdrawn.byReason)).toBe(asOfficer.body.withdrawn.total)
  })

  test("early-return reasons in the outcomes report follow the same rule", async () => {
    const asLeader = await leader.json("GET", "/api/reports/outcomes?province=14")
    expect(asLeader.status).toBe(200)
    for (const [reason, n] of Object.entries(asLeader.body.returnedEarlyReasons as Record<string, number>))
      if (reason !== OTHER_REASONS) expect(n, reason).toBeGreaterThanOrEqual(SMALL_CELL)
  })

  test("suppressSmallCells keeps cells of 5 and more, sums the rest into one cell", () => {
    expect(suppressSmallCells({ a: 5, b: 4, c: 1, d: 12 })).toEqual({ a: 5, d: 12, [OTHER_REASONS]: 5 })
    expect(suppressSmallCells({ a: 7 })).toEqual({ a: 7 })
    expect(suppressSmallCells({})).toEqual({})
  })
})
