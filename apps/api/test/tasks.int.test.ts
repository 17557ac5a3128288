import { PlanTask } from "@xkld/domain"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { Client, TestApp } from "./support/test-app.ts"

let t: TestApp
let officer: Client
let police: Client
let signIn: (app: TestApp["app"], username: string, password?: string) => Promise<Client>
beforeAll(async () => {
  const support = await import("./support/test-app.ts")
  signIn = support.signIn
  t = await support.openTestApp({ demoEvents: 2000 })
  officer = await signIn(t.app, "so-noi-vu")
  const admin = await signIn(t.app, "quan-tri")
  const created = await admin.json("POST", "/api/users", {
    username: "cong-an",
    displayName: "Cán bộ Công an tỉnh",
    role: "department-officer",
    provinceCode: "14",
    agency: "CA-TINH",
    password: "Công an tỉnh 2026",
  })
  expect(created.status).toBe(201)
  police = await signIn(t.app, "cong-an", "Công an tỉnh 2026")
})
afterAll(() => t.close())

const taskPath = (id: string, rest: string) => `/api/tasks/${encodeURIComponent(id)}${rest}`
const VIII_1 = PlanTask.sonLa2026TaskId("VIII", 1) // Sở Nội vụ, Quý I/2026
const IV_3 = PlanTask.sonLa2026TaskId("IV", 3) // Công an tỉnh, Thường xuyên
const obligationId = (kind: string, who: string) => `reporting-obligation:14:2026:${kind}:${who}`
const obligationPath = (id: string) => `/api/reporting-obligations/${encodeURIComponent(id)}/submissions`

describe("plan tasks", () => {
  test("every task of Phụ lục 02, in the appendix's order, with its status on a day", async () => {
    const { status, body } = await officer.json(
      "GET",
      "/api/tasks?province=14&plan=quota-plan:14:2026&asOf=2026-04-15&limit=500",
    )
    expect(status).toBe(200)
    expect(body.total).toBe(PlanTask.sonLa2026TaskCommands.length)
    expect(body.items.map((i: any) => i.id)).toEqual(PlanTask.sonLa2026TaskCommands.map((c) => c.taskId))
    const viii1 = body.items.find((i: any) => i.id === VIII_1)
    expect(viii1).toMatchObject({ dueDate: "2026-03-31", status: "overdue", overdue: true, daysOverdue: 15 })
    expect(body.items.find((i: any) => i.id === IV_3)).toMatchObject({
      dueDate: null,
      status: "ongoing",
      overdue: false,
    })
    expect(body.byStatus.overdue).toBeGreaterThan(0)
    const overdue = await officer.json(
      "GET",
      "/api/tasks?province=14&plan=quota-plan:14:2026&asOf=2026-04-15&overdue=true&limit=500",
    )
    expect(overdue.body.items.length).toBe(body.byStatus.overdue)
    expect(overdue.body.items.every((i: any) => i.status === "overdue")).toBe(true)
    // on 1 February the quarter's tasks were still open
    const february = await officer.json(
      "GET",
      "/api/tasks?province=14&plan=quota-plan:14:2026&asOf=2026-02-01&limit=500",
    )
    expect(february.body.items.find((i: any) => i.id === VIII_1).status).toBe("open")
    // before the plan was recorded nothing was known
    expect(
      (await officer.json("GET", "/api/tasks?province=14&plan=quota-plan:14:2026&asOf=2025-12-01")).body.total,
    ).toBe(0)
  })

  test("the notice's assignments (seed 000) are the scheme's tasks of Sơn La; another province's are not listed", async () => {
    const { body } = await officer.json(
      "GET",
      "/api/tasks?province=14&plan=quota-plan:14:scheme:2025-2030&asOf=2026-01-20&limit=500",
    )
    expect(body.total).toBe(PlanTask.sonLaNotice2025TaskCommands.length)
    expect(body.items.filter((i: any) => i.status === "overdue").map((i: any) => i.id)).toEqual([
      "plan-task:14:tb-2025:II.1.a",
      "plan-task:14:tb-2025:II.3.a",
      "plan-task:14:tb-2025:II.6.a",
    ])
    const all = await officer.json("GET", "/api/tasks?province=14&limit=500")
    expect(all.body.items.some((i: any) => i.id.startsWith("plan-task:10:") || i.id.startsWith("plan-task:12:"))).toBe(
      false,
    )
  })

  test("filters: agency (lead or coordinating), period, status; bad values are 400", async () => {
    const snv = await officer.json("GET", "/api/tasks?agency=SNV&limit=500")
    expect(snv.body.items.length).toBeGreaterThan(0)
    expect(
      snv.body.items.every((i: any) => [...i.lead.agencyCodes, ...i.coordinating.agencyCodes].includes("SNV")),
    ).toBe(true)
    const q1 = await officer.json("GET", "/api/tasks?period=2026-Q1&limit=500")
    expect(
      q1.body.items.every((i: any) => i.dueDate === null || (i.dueDate >= "2026-01-01" && i.dueDate <= "2026-03-31")),
    ).toBe(true)
    expect(q1.body.items.some((i: any) => i.id === VIII_1)).toBe(true)
    const ongoing = await officer.json("GET", "/api/tasks?status=ongoing&limit=500")
    expect(ongoing.body.items.every((i: any) => i.status === "ongoing")).toBe(true)
    for (const q of ["status=late", "period=2026-Q5", "agency=x", "limit=0"])
      expect((await officer.json("GET", `/api/tasks?${q}`)).status, q).toBe(400)
  })

  test("a department officer sees its agency's tasks, reports on those it leads, not on others", async () => {
    const own = await police.json("GET", "/api/tasks?limit=500")
    expect(own.status).toBe(200)
    expect(own.body.items.length).toBeGreaterThan(0)
    expect(
      own.body.items.every((i: any) => [...i.lead.agencyCodes, ...i.coordinating.agencyCodes].includes("CA-TINH")),
    ).toBe(true)
    expect(own.body.items.map((i: any) => i.id)).toContain(IV_3)

    const progress = await police.json("POST", taskPath(IV_3, "/progress-reports"), {
      reportedOn: "2026-06-30",
      summary: "Đã lập danh sách 120 người hoàn thành nghĩa vụ công an nhân dân",
      percentComplete: 50,
    })
    expect(progress.status).toBe(200)
    expect(progress.body.task.latestProgress).toMatchObject({ reportedOn: "2026-06-30", percentComplete: 50 })
    const events = await t.services.log.readStream(IV_3)
    expect(events.at(-1)!.type).toBe("PlanTaskProgressReported")
    expect(events.at(-1)!.metadata.actor).toMatchObject({ role: "department-officer" })

    const notLead = await police.json("POST", taskPath(VIII_1, "/progress-reports"), { summary: "x" })
    expect(notLead.status).toBe(403)
    const badPercent = await police.json("POST", taskPath(IV_3, "/progress-reports"), {
      summary: "x",
      percentComplete: 150,
    })
    expect(badPercent.status).toBe(400)
  })

  test("completion by the province officer: completed on time, then never twice; unknown tasks are 404", async () => {
    const done = await officer.json("POST", taskPath(VIII_1, "/completion"), {
      completedOn: "2026-03-20",
      summary: "Đã trình HĐND tỉnh ban hành Nghị quyết",
      documentRef: "Tờ trình số 30/TTr-SNV",
    })
    expect(done.status).toBe(200)
    expect(done.body.task).toMatchObject({ completedOn: "2026-03-20", status: "completed-on-time" })
    const twice = await officer.json("POST", taskPath(VIII_1, "/completion"), {
      completedOn: "2026-03-21",
      summary: "x",
    })
    expect(twice.status).toBe(422)
    expect(twice.body.rejection).toBe("PlanTaskAlreadyCompleted")
    expect(
      (await officer.json("POST", taskPath("plan-task:14:2026:X.9", "/completion"), { summary: "x" })).status,
    ).toBe(404)
    const list = await officer.json("GET", "/api/tasks?status=completed-on-time")
    expect(list.body.items.map((i: any) => i.id)).toEqual([VIII_1])
  })

  test("commune officers see the communes' tasks; the leader reads but does not write", async () => {
    const toHieu = await signIn(t.app, "to-hieu")
    const tasks = await toHieu.json("GET", "/api/tasks?limit=500")
    expect(tasks.status).toBe(200)
    expect(tasks.body.items.length).toBeGreaterThan(0)
    expect(
      tasks.body.items.every((i: any) => [...i.lead.agencyCodes, ...i.coordinating.agencyCodes].includes("UBND-XA")),
    ).toBe(true)
    expect((await toHieu.json("POST", taskPath(IV_3, "/progress-reports"), { summary: "x" })).status).toBe(403)
    const leader = await signIn(t.app, "lanh-dao")
    expect((await leader.json("GET", "/api/tasks")).status).toBe(200)
    expect((await leader.json("POST", taskPath(IV_3, "/progress-reports"), { summary: "x" })).status).toBe(403)
  })
})

describe("reporting obligations", () => {
  test("the 2026 obligations with their status on a day: pending before the deadline, overdue after", async () => {
    const june = await officer.json(
      "GET",
      "/api/reporting-obligations?province=14&period=2026-06&asOf=2026-06-01&limit=500",
    )
    expect(june.status).toBe(200)
    // six-month reports of the 75 communes and of the departments, due before 15/6, and the Sở's own report to
    // UBND tỉnh, "theo quy định" (as-needed: never overdue)
    expect(june.body.total).toBe(77)
    const snv = june.body.items.find((o: any) => o.id === obligationId("six-month", "SNV"))
    expect(snv).toMatchObject({ deadlineRule: "as-needed", status: "pending", lastOnTimeDay: "2026-06-30" })
    expect(
      june.body.items
        .filter((o: any) => o.id !== snv.id)
        .every((o: any) => o.reportKind === "six-month" && o.status === "pending" && o.lastOnTimeDay === "2026-06-14"),
    ).toBe(true)
    const after = await officer.json(
      "GET",
      "/api/reporting-obligations?province=14&period=2026-06&asOf=2026-06-20&status=overdue&limit=500",
    )
    expect(after.body.total).toBe(76)
    expect(after.body.items[0]).toMatchObject({ status: "overdue", daysLate: 6 })
    const names = after.body.items.map((o: any) => o.reporter.name)
    expect(names).toEqual(names.toSorted(new Intl.Collator("vi").compare))
  })

  test("a commune officer sees its unit's obligations, submits its own on time, not another unit's", async () => {
    const toHieu = await signIn(t.app, "to-hieu")
    const own = await toHieu.json("GET", "/api/reporting-obligations?period=2026&limit=500")
    expect(own.status).toBe(200)
    expect(own.body.items.map((o: any) => o.id).sort()).toEqual(
      [
        obligationId("commune-plan", "03646"),
        obligationId("six-month", "03646"),
        obligationId("annual", "03646"),
      ].sort(),
    )
    expect((await toHieu.json("GET", "/api/reporting-obligations?unit=03664")).status).toBe(403)

    const submitted = await toHieu.json("POST", obligationPath(obligationId("six-month", "03646")), {
      submittedOn: "2026-06-10",
      documentRef: { number: "85/BC-UBND", date: "2026-06-10" },
    })
    expect(submitted.status).toBe(200)
    expect(submitted.body.obligation).toMatchObject({
      status: "on-time",
      daysLate: 0,
      submission: { submittedOn: "2026-06-10" },
    })

    const other = await toHieu.json("POST", obligationPath(obligationId("six-month", "03664")), {
      submittedOn: "2026-06-10",
      documentRef: { number: "1/BC-UBND", date: null },
    })
    expect(other.status).toBe(403)
    const twice = await toHieu.json("POST", obligationPath(obligationId("six-month", "03646")), {
      submittedOn: "2026-06-11",
      documentRef: { number: "86/BC-UBND", date: null },
    })
    expect(twice.status).toBe(422)
    expect(twice.body.rejection).toBe("ReportAlreadySubmitted")
  })

  test("a late submission counts its days late; as of before it was recorded the report was overdue", async () => {
    const recordedBefore = new Date().toISOString()
    await new Promise((r) => setTimeout(r, 20))
    const late = await officer.json("POST", obligationPath(obligationId("six-month", "03664")), {
      submittedOn: "2026-06-20",
      documentRef: { number: "40/BC-UBND", date: "2026-06-19" },
    })
    expect(late.status).toBe(200)
    // "after it was recorded" is a recorded time taken after the write, never a date: this holds in any year
    const recordedAfter = new Date().toISOString()
    const now = await officer.json("GET", `/api/reporting-obligations?unit=03664&period=2026-06&asOf=${recordedAfter}`)
    expect(now.body.items[0]).toMatchObject({ status: "late", daysLate: 6 })
    const then = await officer.json(
      "GET",
      `/api/reporting-obligations?unit=03664&period=2026-06&asOf=${recordedBefore}`,
    )
    expect(then.body.items[0]).toMatchObject({ status: "overdue", submission: null })
    const lateOnes = await officer.json("GET", `/api/reporting-obligations?status=late&asOf=${recordedAfter}`)
    expect(lateOnes.body.items.map((o: any) => o.id)).toEqual([obligationId("six-month", "03664")])
  })

  test("setting an obligation: the province officer only; the department sees the departments' obligations", async () => {
    const set = await officer.json("POST", "/api/reporting-obligations", {
      obligationId: "reporting-obligation:14:2026:ad-hoc:CA-TINH",
      reporter: { kind: "agency", code: "CA-TINH", name: "Công an tỉnh" },
      recipient: { kind: "agency", code: "SNV", name: "Sở Nội vụ" },
      reportKind: "ad-hoc",
      period: { year: 2026, label: "Tình hình lao động cư trú bất hợp pháp quý III/2026" },
      deadline: "2026-10-10",
      deadlineRule: "on-or-before",
      deadlinePrinted: "chậm nhất ngày 10/10/2026",
      legalBasis: { number: "120/SNV-LĐVL", date: "2026-09-20", issuer: "Sở Nội vụ tỉnh Sơn La" },
    })
    expect(set.status).toBe(201)
    expect(set.body.obligation).toMatchObject({ reporter: { code: "CA-TINH" }, deadline: "2026-10-10" })
    const events = await t.services.log.readStream("reporting-obligation:14:2026:ad-hoc:CA-TINH")
    expect(events[0]!.metadata.legalBasis).toEqual({
      number: "120/SNV-LĐVL",
      date: "2026-09-20",
      issuer: "Sở Nội vụ tỉnh Sơn La",
    })

    const mine = await police.json("GET", "/api/reporting-obligations?limit=500")
    expect(mine.body.items.every((o: any) => o.reporter.code === "CA-TINH" || o.reporter.code === "SO-NGANH")).toBe(
      true,
    )
    expect(mine.body.items.map((o: any) => o.id)).toContain("reporting-obligation:14:2026:ad-hoc:CA-TINH")
    const submitted = await police.json("POST", obligationPath("reporting-obligation:14:2026:ad-hoc:CA-TINH"), {
      submittedOn: "2026-10-10",
      documentRef: { number: "9/BC-CAT", date: "2026-10-09" },
    })
    expect(submitted.body.obligation).toMatchObject({ status: "on-time" })
    // a group's obligation is recorded by the province officer, not by one department
    expect(
      (
        await police.json("POST", obligationPath(obligationId("six-month", "SO-NGANH")), {
          submittedOn: "2026-06-01",
          documentRef: { number: "1", date: null },
        })
      ).status,
    ).toBe(403)
    expect((await police.json("POST", "/api/reporting-obligations", {})).status).toBe(403)
    expect(
      (
        await officer.json("POST", obligationPath("reporting-obligation:14:2026:none"), {
          documentRef: { number: "1", date: null },
        })
      ).status,
    ).toBe(404)
  })
})

describe("corrections and voids of tasks and obligations (issue 9 §4)", () => {
  const seedEventOf = (taskId: string) => PlanTask.planTaskSeedEvents().find((e) => e.streamId === taskId)!.eventId
  const II_2_D = "plan-task:14:tb-2025:II.2.d"
  const II_2_E = "plan-task:14:tb-2025:II.2.e"
  const listed = async (id: string) =>
    (await officer.json("GET", "/api/tasks?province=14&limit=500")).body.items.find((i: any) => i.id === id)

  test("given a notice task, when the province officer corrects its time frame, then the list shows the new due date", async () => {
    const corrected = await officer.json("POST", taskPath(II_2_D, "/corrections"), {
      correctsEventId: seedEventOf(II_2_D),
      reason: "Thời hạn ghi nhầm khi số hóa",
      timeFrameLabel: "Quý II/2026",
    })
    expect(corrected.status).toBe(200)
    expect(corrected.body.events.map((e: any) => e.type)).toEqual(["PlanTaskRecordCorrected"])
    expect(await listed(II_2_D)).toMatchObject({ dueDate: "2026-06-30" })
    // rejections: an event of another stream, an unknown time frame, nothing to correct, a department officer
    const otherStream = await officer.json("POST", taskPath(II_2_D, "/corrections"), {
      correctsEventId: seedEventOf(II_2_E),
      reason: "x",
      content: "y",
    })
    expect(otherStream.status).toBe(422)
    expect(otherStream.body.detail).toContain("không thuộc hồ sơ")
    const badFrame = await officer.json("POST", taskPath(II_2_D, "/corrections"), {
      correctsEventId: seedEventOf(II_2_D),
      reason: "x",
      timeFrameLabel: "Sớm nhất",
    })
    expect([badFrame.status, badFrame.body.rejection]).toEqual([422, "UnrecognisedTimeFrame"])
    const nothing = await officer.json("POST", taskPath(II_2_D, "/corrections"), {
      correctsEventId: seedEventOf(II_2_D),
      reason: "x",
    })
    expect([nothing.status, nothing.body.rejection]).toEqual([422, "PlanTaskCorrectionInvalid"])
    const byPolice = await police.json("POST", taskPath(II_2_D, "/corrections"), {
      correctsEventId: seedEventOf(II_2_D),
      reason: "x",
      content: "y",
    })
    expect(byPolice.status).toBe(403)
    expect(await listed(II_2_D)).toMatchObject({ dueDate: "2026-06-30" })
  })

  test("given a task assigned by mistake, when it is voided, then it leaves the list and takes no report", async () => {
    expect(await listed(II_2_E)).toBeDefined()
    const noReason = await officer.json("POST", taskPath(II_2_E, "/voids"), { correctsEventId: seedEventOf(II_2_E) })
    expect(noReason.status).toBe(400)
    const voided = await officer.json("POST", taskPath(II_2_E, "/voids"), {
      correctsEventId: seedEventOf(II_2_E),
      reason: "Nhiệm vụ nhập trùng",
    })
    expect(voided.status).toBe(200)
    expect(voided.body.events.map((e: any) => e.type)).toEqual(["PlanTaskVoided"])
    expect(await listed(II_2_E)).toBeUndefined()
    const progress = await officer.json("POST", taskPath(II_2_E, "/progress-reports"), { summary: "x" })
    expect([progress.status, progress.body.rejection]).toEqual([422, "PlanTaskIsVoid"])
    const again = await officer.json("POST", taskPath(II_2_E, "/voids"), {
      correctsEventId: seedEventOf(II_2_E),
      reason: "lần hai",
    })
    expect([again.status, again.body.rejection]).toEqual([422, "PlanTaskIsVoid"])
    // the assignment stays in the log
    const events = await officer.json("GET", `/api/events?streamId=${encodeURIComponent(II_2_E)}`)
    if (events.status === 200)
      expect(events.body.items.map((e: any) => e.type)).toEqual(["PlanTaskAssigned", "PlanTaskVoided"])
  })

  test("given an obligation, when its deadline is corrected and then it is voided, then it leaves the list and takes no submission", async () => {
    const created = await officer.json("POST", "/api/reporting-obligations", {
      reporter: { kind: "unit", code: "03646", name: "UBND phường Tô Hiệu" },
      recipient: { kind: "agency", code: "SNV", name: "Sở Nội vụ" },
      reportKind: "ad-hoc",
      period: { year: 2026, label: "Tình hình lao động về nước trước hạn quý III/2026" },
      deadline: "2026-10-10",
      deadlineRule: "on-or-before",
      deadlinePrinted: "chậm nhất ngày 10/10/2026",
      legalBasis: { number: "130/SNV-LĐVL", date: "2026-09-20", issuer: "Sở Nội vụ tỉnh Sơn La" },
    })
    expect(created.status).toBe(201)
    const id: string = created.body.id
    const setEvent: string = created.body.events[0].eventId
    const path = (rest: string) => `/api/reporting-obligations/${encodeURIComponent(id)}/${rest}`
    const corrected = await officer.json("POST", path("corrections"), {
      correctsEventId: setEvent,
      reason: "Hạn ghi nhầm",
      deadline: "2026-10-15",
    })
    expect(corrected.status).toBe(200)
    expect(corrected.body.obligation).toMatchObject({ deadline: "2026-10-15", lastOnTimeDay: "2026-10-15" })
    const voidsNothing = await officer.json("POST", path("corrections"), {
      correctsEventId: setEvent,
      reason: "x",
      voidsSubmission: true,
    })
    expect([voidsNothing.status, voidsNothing.body.rejection]).toEqual([422, "ReportingObligationCorrectionInvalid"])
    const voided = await officer.json("POST", path("voids"), {
      correctsEventId: setEvent,
      reason: "Văn bản đã thu hồi",
    })
    expect(voided.status).toBe(200)
    expect(voided.body.events.map((e: any) => e.type)).toEqual(["ReportingObligationVoided"])
    const list = await officer.json("GET", "/api/reporting-obligations?province=14&period=2026-10&limit=500")
    expect(list.body.items.some((o: any) => o.id === id)).toBe(false)
    const submit = await officer.json("POST", path("submissions"), {
      submittedOn: "2026-10-08",
      documentRef: { number: "95/BC-UBND", date: "2026-10-08" },
    })
    expect([submit.status, submit.body.rejection]).toEqual([422, "ReportingObligationIsVoid"])
  })

  test("given an ad-hoc obligation, when the difficulties are reported with figures and the file's hash, then the submission keeps them", async () => {
    const created = await officer.json("POST", "/api/reporting-obligations", {
      reporter: { kind: "unit", code: "03646", name: "UBND phường Tô Hiệu" },
      recipient: { kind: "agency", code: "UBND-TINH", name: "Ủy ban nhân dân tỉnh" },
      via: { kind: "agency", code: "SNV", name: "Sở Nội vụ" },
      reportKind: "ad-hoc",
      period: { year: 2026, label: "Khó khăn, vướng mắc quý III/2026" },
      deadline: "2026-12-31",
      deadlineRule: "as-needed",
      deadlinePrinted: "nếu có khó khăn, vướng mắc, kịp thời báo cáo UBND tỉnh (qua Sở Nội vụ tổng hợp)",
      legalBasis: { number: "130/SNV-LĐVL", date: "2026-09-20", issuer: "Sở Nội vụ tỉnh Sơn La" },
    })
    expect(created.status).toBe(201)
    const path = `/api/reporting-obligations/${encodeURIComponent(created.body.id)}/submissions`
    const figures = [{ ref: "departures:03646:2026", label: "Số người đã xuất cảnh", value: 12, unit: "người" }]
    const badHash = await officer.json("POST", path, {
      submittedOn: "2026-10-08",
      documentRef: { number: "96/BC-UBND", date: "2026-10-08" },
      contentSha256: "not-a-hash",
    })
    expect(badHash.status).toBe(400)
    const twice = await officer.json("POST", path, {
      submittedOn: "2026-10-08",
      documentRef: { number: "96/BC-UBND", date: "2026-10-08" },
      figures: [figures[0], figures[0]],
    })
    expect([twice.status, twice.body.rejection]).toEqual([422, "InvalidSubmission"])
    const submitted = await officer.json("POST", path, {
      submittedOn: "2026-10-08",
      documentRef: { number: "96/BC-UBND", date: "2026-10-08" },
      figures,
      contentSha256: "b".repeat(64),
      difficulties: "Người lao động thiếu vốn vay; đề nghị bổ sung nguồn vốn ủy thác qua Ngân hàng Chính sách xã hội",
    })
    expect(submitted.status).toBe(200)
    expect(submitted.body.obligation).toMatchObject({
      status: "on-time",
      submission: {
        submittedOn: "2026-10-08",
        figures,
        contentSha256: "b".repeat(64),
        difficulties: expect.stringContaining("thiếu vốn vay"),
      },
    })
  })
})
