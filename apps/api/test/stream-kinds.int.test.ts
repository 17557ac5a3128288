import { allEventTypes, encodeEvent, PlanTask, QuotaPlan, ReportingObligation } from "@xkld/domain"
import { StreamTypeMismatch } from "@xkld/event-store"
import { testEvent } from "@xkld/event-store/testing"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { toProblem } from "../src/http/to-problem.ts"
import type { Client, TestApp } from "./support/test-app.ts"

// Issue 15, item 1: a stream of one kind could be written with events of another (a reporting obligation
// with the 2026 plan's id), after which the plan answered 500 forever. Ids are now of their kind, the
// store refuses another stream type, and a stream that already mixes kinds answers a problem naming it.

const backend = process.env.DATABASE_URL ? "postgres" : "pglite"
let t: TestApp
let officer: Client
beforeAll(async () => {
  const support = await import("./support/test-app.ts")
  t = await support.openTestApp({ demoEvents: 3000 })
  officer = await support.signIn(t.app, "so-noi-vu")
})
afterAll(() => t.close())

const PLAN = QuotaPlan.sonLa2026PlanId
const planPath = (id: string, rest = "") => `/api/plans/${encodeURIComponent(id)}${rest}`
const basis = { number: "120/SNV-LĐVL", date: "2026-09-20", issuer: "Sở Nội vụ tỉnh Sơn La" }
const obligation = (obligationId: string) => ({
  obligationId,
  reporter: { kind: "agency", code: "CA-TINH", name: "Công an tỉnh" },
  recipient: { kind: "agency", code: "SNV", name: "Sở Nội vụ" },
  reportKind: "ad-hoc",
  period: { year: 2026, label: "Tình hình lao động quý IV/2026" },
  deadline: "2026-12-10",
  deadlineRule: "on-or-before",
  deadlinePrinted: "chậm nhất ngày 10/12/2026",
  legalBasis: basis,
})
const amendment = (value: number) => ({
  target: {
    kind: "departures",
    value,
    comparator: "target",
    aggregation: "year",
    byYear: 2026,
    printed: `Năm 2026, toàn tỉnh phấn đấu đưa ${value} người lao động đi làm việc ở nước ngoài.`,
  },
  legalBasis: { number: "99/QĐ-UBND", date: "2026-11-02", issuer: "Chủ tịch UBND tỉnh Sơn La" },
  effectiveOn: "2026-11-02",
  reason: "Điều chỉnh chỉ tiêu",
})

const planTypes = new Set(QuotaPlan.quotaPlanEventTypes.map((e) => e.type))
const streamOf = async (id: string) => (await t.services.log.readStream(id)).map((e) => [e.streamType, e.type])

describe(`a caller cannot write one kind's stream with another kind's events (${backend})`, () => {
  test("the demo loaded by the API (apps/api/src/demo): every stream has one type, each event type of that kind", async () => {
    const kindOf = new Map(allEventTypes.map((entry) => [entry.type, entry.streamType]))
    const { rows } = await sql<{ stream_id: string; stream_type: string; types: string[]; row_types: string[] }>`
      SELECT e.stream_id, s.stream_type, array_agg(DISTINCT e.event_type) AS types,
             array_agg(DISTINCT e.stream_type) AS row_types
        FROM es_events e JOIN es_streams s USING (stream_id)
       GROUP BY e.stream_id, s.stream_type`.execute(t.services.log.database.db)
    expect(rows.length).toBeGreaterThan(300)
    const mixed = rows.filter(
      (r) =>
        r.row_types.length !== 1 ||
        r.row_types[0] !== r.stream_type ||
        r.types.some((type) => kindOf.get(type) !== r.stream_type),
    )
    expect(mixed).toEqual([])
  })

  test("the reproduction: a reporting obligation with the 2026 plan's id is a 400 on body.obligationId; nothing is written", async () => {
    const before = await streamOf(PLAN)
    expect(before.length).toBeGreaterThan(0)
    const count = await t.services.log.count()
    const refused = await officer.json("POST", "/api/reporting-obligations", obligation(PLAN))
    expect(refused.status).toBe(400)
    expect(refused.body.type).toMatch(/validation$/)
    expect(refused.body.fields).toEqual([
      expect.objectContaining({
        path: "body.obligationId",
        message: expect.stringMatching(/^Mã nghĩa vụ báo cáo phải có dạng reporting-obligation:/),
      }),
    ])
    expect(refused.body.detail).toMatch(/body\.obligationId/)
    expect(await t.services.log.count()).toBe(count)
    expect(await streamOf(PLAN)).toEqual(before)
    expect(before.every(([streamType, type]) => streamType === "QuotaPlan" && planTypes.has(type!))).toBe(true)
  })

  test("…and the plan stays amendable: a valid target amendment answers 200 and records a TargetAmended", async () => {
    const amended = await officer.json("POST", planPath(PLAN, "/target-amendments"), amendment(720))
    expect(amended.status).toBe(200)
    expect(amended.body.plan).toMatchObject({ id: PLAN, target: 720 })
    const events = await streamOf(PLAN)
    expect(events.at(-1)).toEqual(["QuotaPlan", "TargetAmended"])
    expect(events.every(([streamType, type]) => streamType === "QuotaPlan" && planTypes.has(type!))).toBe(true)
  })

  test("ids of another kind or another province are refused wherever a caller names a stream", async () => {
    const count = await t.services.log.count()
    const cases: ReadonlyArray<[string, string, unknown, string]> = [
      ["POST", "/api/reporting-obligations", obligation("plan-task:14:2026:I.1"), "body.obligationId"],
      ["POST", "/api/reporting-obligations", obligation("worker-abc"), "body.obligationId"],
      ["POST", "/api/reporting-obligations", obligation("reporting-obligation:10:2026:x"), "body.obligationId"],
      [
        "POST",
        "/api/plans",
        {
          planId: "reporting-obligation:14:2027:x",
          year: 2027,
          title: "x",
          targets: [],
          allocations: [],
          legalBasis: basis,
        },
        "body.planId",
      ],
      [
        "POST",
        "/api/plans",
        { planId: "quota-plan:10:2027:x", year: 2027, title: "x", targets: [], allocations: [], legalBasis: basis },
        "body.planId",
      ],
      [
        "POST",
        planPath("reporting-obligation:14:2026:annual:SO-NGANH", "/target-amendments"),
        amendment(1),
        "params.id",
      ],
      ["POST", `/api/tasks/${encodeURIComponent(PLAN)}/progress-reports`, { summary: "x" }, "params.id"],
      ["POST", `/api/tasks/${encodeURIComponent(PLAN)}/completion`, { summary: "x" }, "params.id"],
      [
        "POST",
        `/api/reporting-obligations/${encodeURIComponent(PLAN)}/submissions`,
        { documentRef: { number: "1", date: null } },
        "params.id",
      ],
      ["GET", planPath("plan-task:14:2026:I.1"), undefined, "params.id"],
    ]
    for (const [method, path, body, field] of cases) {
      const answer = await officer.json(method, path, body)
      expect([path, answer.status], JSON.stringify(answer.body)).toEqual([path, 400])
      expect(answer.body.fields.map((f: any) => f.path)).toContain(field)
      expect(answer.body.fields.find((f: any) => f.path === field).message).toMatch(
        /^Mã (nghĩa vụ báo cáo|kế hoạch|nhiệm vụ) phải/,
      )
    }
    expect(await t.services.log.count()).toBe(count)
  })

  test("ids of the right kind still work; ids the system makes are of their kind", async () => {
    const own = await officer.json(
      "POST",
      "/api/reporting-obligations",
      obligation("reporting-obligation:14:2026:ad-hoc:Q4"),
    )
    expect(own.status).toBe(201)
    const { obligationId: _, ...withoutId } = obligation("x")
    const made = await officer.json("POST", "/api/reporting-obligations", withoutId)
    expect(made.status).toBe(201)
    expect(ReportingObligation.isObligationId(made.body.id, "14")).toBe(true)
    const plan = await officer.json("POST", "/api/plans", {
      year: 2030,
      title: "Kế hoạch 2030",
      targets: [],
      allocations: [],
      legalBasis: basis,
    })
    expect(plan.status).toBe(201)
    expect(QuotaPlan.isPlanId(plan.body.id, "14")).toBe(true)
    expect(PlanTask.isTaskId(PlanTask.sonLa2026TaskCommands[0]!.taskId, "14")).toBe(true)
  })

  test("the store's refusal (a different stream type) is a 409 problem in Vietnamese, not a 500", () => {
    const p = toProblem(
      new StreamTypeMismatch({
        streamId: PLAN,
        expectedStreamType: "ReportingObligation",
        actualStreamType: "QuotaPlan",
      }),
    )
    expect(p).toMatchObject({ status: 409, title: "Mã hồ sơ đã thuộc loại hồ sơ khác", streamId: PLAN })
    expect(p.detail).toBe(
      `Mã ${PLAN} đã thuộc một hồ sơ loại QuotaPlan; không thể ghi dữ liệu loại ReportingObligation vào đó. Không có gì được ghi.`,
    )
  })

  // Last: it breaks a stream on purpose (and pauses the plans read model on it).
  test("a stream that already mixes kinds answers a 409 problem naming the stream, never a 500, and writes nothing", async () => {
    const id = "quota-plan:14:2031:broken"
    const issued = await officer.json("POST", "/api/plans", {
      planId: id,
      year: 2031,
      title: "Kế hoạch 2031",
      targets: [],
      allocations: [],
      legalBasis: basis,
    })
    expect(issued.status).toBe(201)
    // as it could have been written before migration 0006: the right stream type, an event of another kind
    const set = encodeEvent(ReportingObligation.reportingObligationSeedEvents()[0]!.event)
    const foreign = { ...testEvent(set.data, set.type), schemaVersion: set.schemaVersion }
    const appended = await t.services.log.append({
      streamId: id,
      streamType: QuotaPlan.quotaPlanStreamType,
      expectedVersion: 1,
      events: [foreign],
    })
    expect(appended.ok).toBe(true)
    const count = await t.services.log.count()
    const answer = await officer.json("POST", planPath(id, "/target-amendments"), {
      ...amendment(10),
      target: { ...amendment(10).target, byYear: 2031 },
    })
    expect(answer.status).toBe(409)
    expect(answer.body).toMatchObject({
      type: expect.stringMatching(/stream-unreadable$/),
      title: "Hồ sơ có sự kiện không thuộc loại của nó",
      streamId: id,
      streamType: "QuotaPlan",
      eventType: "ReportingObligationSet",
    })
    expect(answer.body.detail).toContain(`Hồ sơ ${id} có sự kiện ReportingObligationSet không thuộc loại QuotaPlan`)
    expect(await t.services.log.count()).toBe(count)
    // the other plans are untouched
    expect((await officer.json("POST", planPath(PLAN, "/target-amendments"), amendment(730))).status).toBe(200)
  })
})
