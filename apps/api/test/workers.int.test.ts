import { AdminUnit } from "@xkld/domain"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { ensureUser } from "../src/auth/users.ts"
import { todayIso } from "../src/workers/units.ts"
import type { Client, TestApp } from "./support/test-app.ts"

const { openTestApp, signIn } = await import("./support/test-app.ts")

const TO_HIEU = "03646"
const CHIENG_AN = "03664"

let t: TestApp
let province: Client
let toHieu: Client
let chiengAn: Client
let enterprise: Client
let bank: Client
let leader: Client
let auditor: Client
let enterpriseId: string

beforeAll(async () => {
  t = await openTestApp({ demoEvents: 3000 })
  province = await signIn(t.app, "so-noi-vu")
  toHieu = await signIn(t.app, "to-hieu")
  chiengAn = await signIn(t.app, "chieng-an")
  enterprise = await signIn(t.app, "doanh-nghiep")
  bank = await signIn(t.app, "ngan-hang")
  leader = await signIn(t.app, "lanh-dao")
  auditor = await signIn(t.app, "kiem-toan")
  const me = await enterprise.json("GET", "/api/session")
  enterpriseId = me.body.enterpriseId ?? (await t.services.models.enterprises({}))[0]!.enterpriseId
}, 600_000)
afterAll(() => t?.close())

/** A Vietnamese citizen ID consistent with a date of birth and sex (Sơn La birth registration, code 014). */
const citizenIdFor = (dateOfBirth: string, sex: "male" | "female", serial: string) => {
  const year = Number(dateOfBirth.slice(0, 4))
  const century = Math.floor((year - 1900) / 100) * 2 + (sex === "female" ? 1 : 0)
  return `014${century}${String(year % 100).padStart(2, "0")}${serial}`
}

let serial = 100_000
const person = (
  overrides: {
    dateOfBirth?: string
    sex?: "male" | "female"
    fullName?: string
    unit?: string
    occurredOn?: string
    citizenId?: string
  } = {},
) => {
  const dateOfBirth = overrides.dateOfBirth ?? "1998-05-12"
  const sex = overrides.sex ?? "male"
  return {
    occurredOn: overrides.occurredOn ?? "2026-01-05",
    identity: {
      fullName: overrides.fullName ?? "Lò Văn Test",
      citizenId: overrides.citizenId ?? citizenIdFor(dateOfBirth, sex, String(serial++)),
      dateOfBirth,
      sex,
      phone: "0912345678",
    },
    sensitive: { ethnicGroup: "Thái" },
    residenceUnit: overrides.unit ?? TO_HIEU,
    ethnicMinority: true,
    priorityGroups: ["ruralWorker"],
  }
}

const register = async (client: Client, body: ReturnType<typeof person>) => {
  const response = await client.json("POST", "/api/workers", body)
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body as { id: string; version: number; eventId: string; stage: string; unitCode: string }
}

const post = (client: Client, workerId: string, segment: string, body: unknown, headers?: Record<string, string>) =>
  client.json("POST", `/api/workers/${workerId}/${segment}`, body, headers)

const ok = async (client: Client, workerId: string, segment: string, body: unknown) => {
  const response = await post(client, workerId, segment, body)
  expect(response.status, `${segment}: ${JSON.stringify(response.body)}`).toBe(201)
  return response.body as { id: string; version: number; eventId: string; stage: string; stageLabel: string }
}

const contract = (occurredOn: string) => ({
  occurredOn,
  enterpriseId,
  country: "KR",
  programme: "EPS",
  occupation: "Sản xuất chế tạo",
  durationMonths: 36,
  monthlyWage: { amount: 2_000_000, currency: "KRW" },
  feesPaidByWorker: 0,
})

const eventCount = () => t.services.log.count()
const accessRows = async (workerId: string, purpose?: string) => {
  const { rows } = await sql<{
    user_id: string
    role: string
    purpose: string
  }>`SELECT user_id, role, purpose FROM pd_access_log
    WHERE worker_id = ${workerId} ${purpose ? sql`AND purpose = ${purpose}` : sql``} ORDER BY id`.execute(
    t.services.log.database.db,
  )
  return rows
}

const expectProblem = (response: { status: number; body: any }, status: number, type: RegExp) => {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body.type).toMatch(type)
  expect(response.body.title).toMatch(/[ạảãàáâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụóòỏõọéèẻẽẹýỳỷỹỵ]/i)
  expect(typeof response.body.detail).toBe("string")
}

describe("a worker's way from registration to return, through HTTP", () => {
  test("register → counsel → train → health check → record → select → contract → departure → return; rejections are Vietnamese problems", async () => {
    // given a person registered by the province officer in Phường Tô Hiệu
    const worker = await register(province, person({ fullName: "Lò Văn Xuân" }))
    expect(worker).toMatchObject({ version: 1, stage: "registered", unitCode: TO_HIEU })

    // when the pre-departure steps are recorded
    await ok(toHieu, worker.id, "counselling", {
      occurredOn: "2026-01-10",
      provider: "Trung tâm Dịch vụ việc làm tỉnh",
    })
    await ok(province, worker.id, "training", {
      occurredOn: "2026-02-10",
      kind: "language",
      provider: "Trung tâm ngoại ngữ",
    })
    await ok(province, worker.id, "training", {
      occurredOn: "2026-02-20",
      kind: "orientation",
      provider: "Trung tâm GDĐH",
    })
    await ok(province, worker.id, "health-check", {
      occurredOn: "2026-02-25",
      provider: "Bệnh viện tỉnh",
      fit: true,
      summary: "Đủ sức khỏe",
    })
    await ok(province, worker.id, "criminal-record-certificate", {
      occurredOn: "2026-02-26",
      issuer: "Sở Tư pháp",
      hasConvictions: false,
    })

    // then a departure without a contract is refused with the rule's Vietnamese words
    const early = await post(province, worker.id, "departure", { occurredOn: "2026-03-01" })
    expectProblem(early, 422, /rejected$/)
    expect(early.body).toMatchObject({
      rejection: "NoValidContract",
      detail: expect.stringContaining("Chưa có hợp đồng"),
    })

    // the commune confirms the dossier; then the enterprise selects and contracts the worker (its own implied)
    const confirmed = await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-02-27" })
    expect(confirmed).toMatchObject({ stage: "dossierConfirmed", stageLabel: "đã được xã, phường xác nhận hồ sơ" })
    const selected = await ok(enterprise, worker.id, "selection", { occurredOn: "2026-03-01" })
    expect(selected.stage).toBe("selected")
    const { enterpriseId: _, ...ownContract } = contract("2026-03-05")
    await ok(enterprise, worker.id, "contract", ownContract)

    // the departure reads the date of birth from the sealed identity, and the read is logged
    const departed = await ok(enterprise, worker.id, "departure", { occurredOn: "2026-04-01" })
    expect(departed).toMatchObject({ stage: "departed", stageLabel: "đã xuất cảnh" })
    expect(await accessRows(worker.id, "departure-age-check")).toEqual([
      { user_id: expect.any(String), role: "enterprise-officer", purpose: "departure-age-check" },
    ])

    // a second departure before a return is refused
    const again = await post(province, worker.id, "departure", { occurredOn: "2026-05-01" })
    expectProblem(again, 422, /rejected$/)
    expect(again.body.rejection).toBe("AlreadyAbroad")

    const back = await ok(province, worker.id, "return", { occurredOn: "2026-09-01", kind: "early", reason: "Ốm" })
    expect(back.stage).toBe("returned")

    // the detail shows the history, every event with its id, type, dates and actor, and nothing sealed
    const detail = await province.json("GET", `/api/workers/${worker.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.history.map((e: { type: string }) => e.type)).toEqual([
      "WorkerRegistered",
      "WorkerCounselled",
      "WorkerTrainingCompleted",
      "WorkerTrainingCompleted",
      "WorkerHealthChecked",
      "WorkerCriminalRecordCertificateIssued",
      "WorkerDossierConfirmed",
      "WorkerSelectedByEnterprise",
      "WorkerContractSigned",
      "WorkerDeparted",
      "WorkerReturned",
    ])
    expect(detail.body.history[1]).toMatchObject({
      label: "tư vấn",
      occurredOn: "2026-01-10",
      actor: { role: "commune-officer" },
      inEffect: true,
    })
    expect(detail.body.history[0].data).toMatchObject({ identitySealed: true, sensitiveSealed: true })
    expect(JSON.stringify(detail.body.history)).not.toContain("ciphertext")
    expect(detail.body.history[6]).toMatchObject({ label: "xác nhận hồ sơ", actor: { role: "commune-officer" } })
    expect(detail.body).toMatchObject({
      version: 11,
      stage: "returned",
      identityStatus: "shown",
      identity: { fullName: "Lò Văn Xuân", dateOfBirth: "1998-05-12" },
    })
    expect(detail.body.departure).toMatchObject({ country: "KR", programme: "EPS", enterpriseId, counted: true })
  })

  test("under 18 on the departure date: 422 with the age rule; a corrected date of birth (and citizen ID) lets the departure through", async () => {
    const young = person({ dateOfBirth: "2009-06-01" })
    const worker = await register(province, young)
    await ok(province, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    await ok(province, worker.id, "contract", contract("2026-02-01"))
    const refused = await post(province, worker.id, "departure", { occurredOn: "2026-03-01" })
    expectProblem(refused, 422, /rejected$/)
    expect(refused.body).toMatchObject({ rejection: "UnderAge", detail: expect.stringContaining("chưa đủ 18 tuổi") })

    // the registration was mistyped: correct it (new date of birth and the citizen ID that goes with it)
    const detail = await province.json("GET", `/api/workers/${worker.id}`)
    const registrationId = detail.body.history[0].eventId
    const fixed = person({ dateOfBirth: "2000-06-01" })
    const corrected = await post(province, worker.id, "corrections", {
      correctsEventId: registrationId,
      reason: "Nhập nhầm ngày sinh",
      replacement: fixed,
    })
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201)
    await ok(province, worker.id, "departure", { occurredOn: "2026-03-01" })

    // the old citizen ID is free again, the new one taken
    expect((await province.json("POST", "/api/workers", fixed)).status).toBe(409)
    await register(province, { ...young, identity: { ...young.identity, fullName: "Người khác" } })
    const after = await province.json("GET", `/api/workers/${worker.id}`)
    expect(after.body.identity.dateOfBirth).toBe("2000-06-01")
    expect(after.body.history.at(-2)).toMatchObject({
      type: "WorkerFactCorrected",
      corrects: { eventId: registrationId, type: "WorkerRegistered", kind: "corrected" },
    })
    expect(after.body.history[0]).toMatchObject({ inEffect: false, correctedBy: [after.body.history.at(-2).eventId] })
  })

  test("corrections replace a fact, voids remove one; both keep the original and name it", async () => {
    const worker = await register(province, person())
    const counselled = await ok(province, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "Sai tên" })
    const trained = await ok(province, worker.id, "training", {
      occurredOn: "2026-01-20",
      kind: "language",
      provider: "Trung tâm A",
    })
    const fix = await post(province, worker.id, "corrections", {
      correctsEventId: counselled.eventId,
      reason: "Sai đơn vị tư vấn",
      replacement: { occurredOn: "2026-01-11", provider: "Trung tâm Dịch vụ việc làm" },
    })
    expect(fix.status, JSON.stringify(fix.body)).toBe(201)
    const wrongType = await post(province, worker.id, "corrections", {
      correctsEventId: counselled.eventId,
      reason: "x",
      replacement: { occurredOn: "2026-01-11", kind: "language", provider: "x" },
    })
    expectProblem(wrongType, 400, /validation$/)
    expect(wrongType.body.fields.map((f: { path: string }) => f.path)).toContain("body.replacement.kind")
    const voided = await post(province, worker.id, "voids", {
      correctsEventId: trained.eventId,
      reason: "Ghi nhầm người",
    })
    expect(voided.status).toBe(201)
    expect(voided.body.stage).toBe("counselled")
    const twice = await post(province, worker.id, "voids", { correctsEventId: trained.eventId, reason: "Lần nữa" })
    expectProblem(twice, 422, /rejected$/)
    expect(twice.body.rejection).toBe("FactAlreadyVoided")
    const detail = await province.json("GET", `/api/workers/${worker.id}`)
    const byId = new Map(detail.body.history.map((e: { eventId: string }) => [e.eventId, e]))
    expect(byId.get(counselled.eventId)).toMatchObject({ inEffect: false, correctedBy: [fix.body.eventId] })
    expect(byId.get(trained.eventId)).toMatchObject({ inEffect: false, voidedBy: voided.body.eventId })
    expect(byId.get(fix.body.eventId)).toMatchObject({
      type: "WorkerFactCorrected",
      corrects: { eventId: counselled.eventId, type: "WorkerCounselled", reason: "Sai đơn vị tư vấn" },
    })
    expect(detail.body.counselledOn).toBe("2026-01-11")
    expect(detail.body.trainings).toEqual([])
  })
})

describe("registration rules", () => {
  test("an invalid citizen ID is a 400 naming the field and what disagrees", async () => {
    const body = person({ citizenId: citizenIdFor("1998-05-12", "female", "123456") })
    const before = await eventCount()
    const response = await province.json("POST", "/api/workers", body)
    expectProblem(response, 400, /validation$/)
    expect(response.body.fields).toEqual([
      expect.objectContaining({ path: "body.identity.citizenId", message: expect.stringContaining("giới tính") }),
    ])
    expect(response.body.problems).toEqual(["sex"])
    const short = await province.json("POST", "/api/workers", person({ citizenId: "01409812" }))
    expect(short.body.fields[0].message).toContain("12 chữ số")
    expect(await eventCount()).toBe(before)
  })

  test("the same person twice in the province: 409, naming nothing personal, nothing written", async () => {
    const body = person({ fullName: "Cầm Thị Duy", sex: "female", dateOfBirth: "1996-02-02" })
    const first = await register(province, body)
    const before = await eventCount()
    const again = await chiengAn.json("POST", "/api/workers", {
      ...body,
      residenceUnit: CHIENG_AN,
      identity: { ...body.identity, citizenId: body.identity.citizenId.replace(/^(\d{3})(\d{3})(\d{3})/, "$1.$2.$3 ") },
    })
    expectProblem(again, 409, /person-already-registered$/)
    expect(again.body.title).toBe("Người này đã được đăng ký tại tỉnh")
    const text = JSON.stringify(again.body)
    for (const secret of [first.id, "Cầm Thị Duy", body.identity.citizenId, "1996", "02/02"])
      expect(text).not.toContain(secret)
    expect(await eventCount()).toBe(before)
  })

  test("two registrations of the same person at once: one wins, the other is the same 409", async () => {
    const body = person({ fullName: "Lường Văn Đồng" })
    const answers = await Promise.all([
      province.json("POST", "/api/workers", body),
      toHieu.json("POST", "/api/workers", body),
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    expect(answers.find((a) => a.status === 409)!.body.type).toMatch(/person-already-registered$/)
  })

  test("a commune officer registers in their own ward only; unknown units are a 400", async () => {
    const own = await chiengAn.json("POST", "/api/workers", person({ unit: CHIENG_AN }))
    expect(own.status).toBe(201)
    expectProblem(await chiengAn.json("POST", "/api/workers", person({ unit: TO_HIEU })), 403, /forbidden$/)
    const unknown = await province.json("POST", "/api/workers", person({ unit: "99999" }))
    expectProblem(unknown, 400, /validation$/)
    expect(unknown.body.fields[0].path).toBe("body.residenceUnit")
    expectProblem(await bank.json("POST", "/api/workers", person()), 403, /forbidden$/)
  })
})

describe("idempotency and expected versions", () => {
  test("a retry with the same Idempotency-Key returns the first answer and writes no event", async () => {
    const worker = await register(province, person())
    const headers = { "idempotency-key": `counsel-${worker.id}` }
    const body = { occurredOn: "2026-01-10", provider: "Trung tâm Dịch vụ việc làm" }
    const first = await post(province, worker.id, "counselling", body, headers)
    expect(first.status).toBe(201)
    const count = await eventCount()
    const retry = await post(province, worker.id, "counselling", body, headers)
    expect(retry.body).toEqual(first.body)
    expect(await eventCount()).toBe(count)
    const reused = await post(province, worker.id, "counselling", { ...body, provider: "Khác" }, headers)
    expectProblem(reused, 422, /idempotency-key-reused$/)

    // a registration retried: the same worker, one person claim, no new events
    const registration = person()
    const key = { "idempotency-key": `register-${registration.identity.citizenId}` }
    const a = await province.json("POST", "/api/workers", registration, key)
    const afterFirst = await eventCount()
    const b = await province.json("POST", "/api/workers", registration, key)
    expect(a.status).toBe(201)
    expect(b.body).toEqual(a.body)
    expect(await eventCount()).toBe(afterFirst)
  })

  test("If-Match with a stale version: 409 carrying the current version; the current one passes", async () => {
    const worker = await register(province, person())
    const counselled = await ok(province, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "A" })
    const stale = await post(
      province,
      worker.id,
      "training",
      { occurredOn: "2026-01-20", kind: "language", provider: "B" },
      { "if-match": '"1"' },
    )
    expectProblem(stale, 409, /wrong-expected-version$/)
    expect(stale.body.currentVersion).toBe(counselled.version)
    const current = await post(
      province,
      worker.id,
      "training",
      { occurredOn: "2026-01-20", kind: "language", provider: "B" },
      { "if-match": `"${counselled.version}"` },
    )
    expect(current.status).toBe(201)
    const detail = await province.request("GET", `/api/workers/${worker.id}`)
    expect(detail.headers.get("etag")).toBe(`"${current.body.version}"`)
  })
})

describe("jurisdiction and personal data", () => {
  test("the commune officer of Tô Hiệu can neither read nor write a worker of Chiềng An; Chiềng An can", async () => {
    const worker = await register(chiengAn, person({ unit: CHIENG_AN, fullName: "Quàng Văn An" }))
    expect((await toHieu.json("GET", `/api/workers/${worker.id}`)).status).toBe(404)
    expectProblem(
      await post(toHieu, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "A" }),
      404,
      /not-found$/,
    )
    expectProblem(await toHieu.json("GET", `/api/workers?unit=${CHIENG_AN}`), 403, /forbidden$/)
    const own = await register(toHieu, person({ unit: TO_HIEU }))
    const list = await toHieu.json("GET", "/api/workers?limit=500")
    const listed: Array<{ id: string; unitId: string }> = list.body.items
    expect(listed.map((i) => i.id)).not.toContain(worker.id)
    expect(listed.map((i) => i.id)).toContain(own.id)
    // exactly the officer's own ward: every listed unit is Tô Hiệu, or an older unit merged whole into it
    const catalogue = await t.services.models.catalogues.at()
    const toHieuId = AdminUnit.unitOn(catalogue, TO_HIEU, todayIso())[0]!.unitId
    const ownWard = (unitId: string) =>
      unitId === toHieuId ||
      (AdminUnit.successorsToday(catalogue, unitId).length === 1 &&
        AdminUnit.successorsToday(catalogue, unitId)[0]!.unitId === toHieuId)
    expect(listed.filter((i) => !ownWard(i.unitId))).toEqual([])
    expect((await chiengAn.json("GET", `/api/workers/${worker.id}`)).body.identity.fullName).toBe("Quàng Văn An")
    await ok(chiengAn, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "A" })
  })

  test("the leader gets 403 on the person list and details; the auditor reads names but writes nothing", async () => {
    expectProblem(await leader.json("GET", "/api/workers"), 403, /forbidden$/)
    const someone = await register(province, person())
    expectProblem(await leader.json("GET", `/api/workers/${someone.id}`), 403, /forbidden$/)
    expectProblem(
      await post(auditor, someone.id, "counselling", { occurredOn: "2026-01-10", provider: "A" }),
      403,
      /forbidden$/,
    )
    const list = await auditor.json("GET", "/api/workers?limit=5")
    expect(list.status).toBe(200)
    expect(list.body.items[0]).toHaveProperty("fullName")
  })

  test("the list: own ward only for a commune officer, names in Vietnamese order, each shown name logged", async () => {
    const names = ["Đinh Văn Bình", "Lò Thị Ánh", "Bạc Cầm Ân", "Điêu Chính Dũng"]
    const ids: string[] = []
    for (const fullName of names) ids.push((await register(chiengAn, person({ unit: CHIENG_AN, fullName }))).id)
    const list = await chiengAn.json("GET", `/api/workers?unit=${CHIENG_AN}&limit=500&sort=name`)
    expect(list.status).toBe(200)
    expect(list.body.items.every((i: { unitName: string }) => i.unitName === "Phường Chiềng An")).toBe(true)
    const shown: string[] = list.body.items
      .map((i: { fullName: string }) => i.fullName)
      .filter((n: string | null) => n !== null)
    expect(shown).toEqual([...shown].sort(new Intl.Collator("vi").compare))
    expect(list.body.total).toBe(list.body.items.length)
    for (const id of ids)
      expect(await accessRows(id, "list")).toEqual([
        expect.objectContaining({ role: "commune-officer", purpose: "list" }),
      ])
    const item = list.body.items.find((i: { id: string }) => i.id === ids[1])
    expect(item).toMatchObject({
      fullName: "Lò Thị Ánh",
      stage: "registered",
      stageLabel: "đã đăng ký",
      unitCode: CHIENG_AN,
      sex: "male",
      birthYear: 1998,
      ethnicMinority: true,
    })

    const searched = await chiengAn.json("GET", `/api/workers?q=${encodeURIComponent("dinh van binh")}`)
    expect(searched.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]])
    const page = await province.json("GET", `/api/workers?stage=registered&limit=2&offset=1&sort=registeredOn`)
    expect(page.body.items).toHaveLength(2)
    expect(page.body.total).toBeGreaterThan(2)
    expect(page.body.items.every((i: { stage: string }) => i.stage === "registered")).toBe(true)
    expectProblem(await province.json("GET", "/api/workers?limit=501"), 400, /validation$/)
  })

  test("the enterprise officer selects a worker whose dossier the commune confirmed, then acts only for the workers it selected", async () => {
    const mine = await register(province, person())
    const other = await register(province, person())
    await ok(toHieu, mine.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    expectProblem(
      await post(enterprise, other.id, "training", { occurredOn: "2026-02-01", kind: "language", provider: "A" }),
      404,
      /not-found$/,
    )
    expect((await enterprise.json("GET", `/api/workers/${other.id}`)).status).toBe(404)
    await ok(enterprise, mine.id, "selection", { occurredOn: "2026-02-01" })
    expectProblem(
      await post(enterprise, mine.id, "selection", { occurredOn: "2026-02-02", enterpriseId: "doanh-nghiep-khac" }),
      403,
      /forbidden$/,
    )
    await ok(enterprise, mine.id, "training", {
      occurredOn: "2026-02-03",
      kind: "language",
      provider: "Trung tâm ngoại ngữ",
    })
    expectProblem(
      await post(enterprise, mine.id, "counselling", { occurredOn: "2026-02-03", provider: "A" }),
      403,
      /forbidden$/,
    )
    const list = await enterprise.json("GET", "/api/workers?limit=500")
    const ids = list.body.items.map((i: { id: string }) => i.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(other.id)
    expect(list.body.items.every((i: { enterpriseId: string }) => i.enterpriseId === enterpriseId)).toBe(true)
    expect(list.body.items.find((i: { id: string }) => i.id === mine.id).fullName).toBe("Lò Văn Test")
  })

  test("the bank officer records loans only and sees workers with a loan or a contract, without names", async () => {
    const worker = await register(province, person())
    const loan = await ok(bank, worker.id, "loans", {
      occurredOn: "2026-02-01",
      bank: "NHCSXH Sơn La",
      amount: 100_000_000,
      status: "approved",
    })
    expect(loan.stage).toBe("registered")
    expectProblem(
      await post(bank, worker.id, "counselling", { occurredOn: "2026-02-01", provider: "A" }),
      403,
      /forbidden$/,
    )
    const list = await bank.json("GET", "/api/workers?limit=500")
    expect(list.status).toBe(200)
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(worker.id)
    expect(list.body.items.every((i: object) => !("fullName" in i))).toBe(true)
    const detail = await bank.json("GET", `/api/workers/${worker.id}`)
    expect(detail.body).toMatchObject({
      identityStatus: "hidden",
      identity: null,
      loans: [expect.objectContaining({ amount: 100_000_000, status: "approved" })],
    })
    expect(await accessRows(worker.id)).toEqual([])
  })

  test("reading the detail logs who read whose identity; erasure makes it unreadable and leaves the attainment figure as it was", async () => {
    const worker = await register(province, person({ fullName: "Hà Văn Xóa" }))
    await ok(province, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    await ok(province, worker.id, "contract", contract("2026-02-01"))
    await ok(province, worker.id, "departure", { occurredOn: "2026-03-01" })
    const read = await province.json("GET", `/api/workers/${worker.id}`)
    expect(read.body.identity.fullName).toBe("Hà Văn Xóa")
    expect(await accessRows(worker.id, "detail")).toEqual([
      { user_id: expect.any(String), role: "province-officer", purpose: "detail" },
    ])

    const figures = async () => {
      const { total, items } = await t.services.models.attainment({ provinceCode: "14", year: 2026 })
      return { total, items }
    }
    const before = await figures()
    expect(before.total.departed).toBeGreaterThan(0)
    expectProblem(
      await toHieu.json("DELETE", `/api/workers/${worker.id}/personal-data`, { reason: "Yêu cầu của chủ thể dữ liệu" }),
      403,
      /forbidden$/,
    )
    const erased = await province.json("DELETE", `/api/workers/${worker.id}/personal-data`, {
      reason: "Yêu cầu của chủ thể dữ liệu",
    })
    expect(erased.status, JSON.stringify(erased.body)).toBe(200)
    expect(erased.body).toMatchObject({ id: worker.id, erased: true, alreadyErased: false })

    const after = await province.json("GET", `/api/workers/${worker.id}`)
    expect(after.body).toMatchObject({ identityStatus: "erased", stage: "departed", birthYear: 1998 })
    expect(JSON.stringify(after.body)).not.toContain("Hà Văn Xóa")
    expect(after.body.identity.message).toContain("đã bị xóa")
    const listed = await province.json("GET", `/api/workers?unit=${TO_HIEU}&limit=500`)
    expect(listed.body.items.find((i: { id: string }) => i.id === worker.id)).toMatchObject({
      fullName: null,
      identityStatus: "erased",
    })
    expect(await figures()).toEqual(before)

    // facts that need the person's key can no longer be recorded; the others still can
    const back = await ok(province, worker.id, "return", { occurredOn: "2026-06-01", kind: "early" })
    expect(back.stage).toBe("returned")
    const violation = await post(province, worker.id, "violations", {
      occurredOn: "2026-06-02",
      category: "other",
      description: "x",
    })
    expectProblem(violation, 422, /rejected$/)
    const twice = await province.json("DELETE", `/api/workers/${worker.id}/personal-data`, { reason: "Lần nữa" })
    expect(twice.body.alreadyErased).toBe(true)
  })
})

describe("recruitment only through the commune and by enterprises that may recruit (issue 15)", () => {
  const basis = { number: "15/QĐ-SNV", date: "2025-01-05", issuer: "Sở Nội vụ tỉnh Sơn La" }
  const stamp = Date.now().toString(36)
  /** A licensed enterprise (vetted in Sơn La unless told), with an officer account signed in. */
  const enterpriseWithOfficer = async (name: string, vetted: boolean) => {
    const id = `dn-${name}-${stamp}`
    const created = await province.json("POST", "/api/enterprises", {
      enterpriseId: id,
      name: `Công ty TNHH Nhân lực ${name} ${stamp}`,
      licenceNumber: `${name}/LĐTBXH-GP`,
      licenceDate: "2020-01-02",
      occurredOn: "2025-01-02",
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    if (vetted) {
      const vetting = await province.json("POST", `/api/enterprises/${id}/vettings`, {
        legalBasis: basis,
        occurredOn: "2025-01-05",
      })
      expect(vetting.status, JSON.stringify(vetting.body)).toBe(200)
    }
    const username = `dn-${name}-${stamp}`
    await ensureUser(t.services.log.database.db, {
      username,
      displayName: `Cán bộ doanh nghiệp ${name}`,
      role: "enterprise-officer",
      provinceCode: "14",
      enterpriseId: id,
      password: "demo",
    })
    return { id, client: await signIn(t.app, username) }
  }

  let other: { id: string; client: Client }
  let unvetted: { id: string; client: Client }
  let suspended: { id: string; client: Client }
  beforeAll(async () => {
    other = await enterpriseWithOfficer("khac", true)
    unvetted = await enterpriseWithOfficer("chua-duyet", false)
    suspended = await enterpriseWithOfficer("dinh-chi", true)
    const suspension = await province.json("POST", `/api/enterprises/${suspended.id}/suspensions`, {
      legalBasis: { ...basis, number: "99/QĐ-XPHC", date: "2026-03-01" },
      reason: "Thu phí dịch vụ vượt mức quy định",
      until: "2026-04-01",
      occurredOn: "2026-03-01",
    })
    expect(suspension.status, JSON.stringify(suspension.body)).toBe(200)
  }, 120_000)

  test("an enterprise officer cannot select a worker whose dossier is unconfirmed, nor read its identity; it can once the commune confirms", async () => {
    const worker = await register(toHieu, person({ fullName: "Lò Thị Hồ Sơ" }))
    expectProblem(await enterprise.json("GET", `/api/workers/${worker.id}`), 404, /not-found$/)
    const before = await eventCount()
    const refused = await post(enterprise, worker.id, "selection", { occurredOn: "2026-02-01" })
    expectProblem(refused, 422, /rejected$/)
    expect(refused.body).toMatchObject({
      rejection: "DossierNotConfirmed",
      detail: expect.stringContaining("chưa được UBND xã, phường nơi cư trú xác nhận"),
    })
    expect(JSON.stringify(refused.body)).not.toContain("Lò Thị Hồ Sơ")
    expect(await eventCount()).toBe(before)
    // nor through the province officer naming the enterprise
    const byProvince = await post(province, worker.id, "selection", { occurredOn: "2026-02-01", enterpriseId })
    expect(byProvince.body.rejection).toBe("DossierNotConfirmed")
    expectProblem(await enterprise.json("GET", `/api/workers/${worker.id}`), 404, /not-found$/)

    // only the commune of residence (or the province) confirms the dossier
    expectProblem(
      await post(chiengAn, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" }),
      404,
      /not-found$/,
    )
    expectProblem(
      await post(enterprise, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" }),
      403,
      /forbidden$/,
    )
    const confirmed = await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    expect(confirmed.stage).toBe("dossierConfirmed")
    const again = await post(province, worker.id, "dossier-confirmation", { occurredOn: "2026-01-25" })
    expect(again.body.rejection).toBe("DossierAlreadyConfirmed")

    // before the confirmation's date: still refused; after it: selected, and the identity is the enterprise's to read
    const early = await post(enterprise, worker.id, "selection", { occurredOn: "2026-01-19" })
    expect(early.body.rejection).toBe("DatesOutOfOrder")
    await ok(enterprise, worker.id, "selection", { occurredOn: "2026-02-01" })
    const detail = await enterprise.json("GET", `/api/workers/${worker.id}`)
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({ identityStatus: "shown", identity: { fullName: "Lò Thị Hồ Sơ" } })
    expect(detail.body.stage).toBe("selected")
  })

  test("an enterprise not on the province's list, or suspended on the date, can neither select nor sign; after the suspension it can", async () => {
    const worker = await register(province, person())
    await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    const before = await eventCount()

    const notVetted = await post(unvetted.client, worker.id, "selection", { occurredOn: "2026-02-01" })
    expectProblem(notVetted, 422, /rejected$/)
    expect(notVetted.body).toMatchObject({
      rejection: "EnterpriseNotVettedInProvince",
      detail: expect.stringContaining("không có trong danh sách doanh nghiệp được tỉnh lựa chọn"),
    })
    const named = await post(province, worker.id, "selection", { occurredOn: "2026-02-01", enterpriseId: unvetted.id })
    expect(named.body.rejection).toBe("EnterpriseNotVettedInProvince")
    expectProblem(await unvetted.client.json("GET", `/api/workers/${worker.id}`), 404, /not-found$/)

    const during = await post(suspended.client, worker.id, "selection", { occurredOn: "2026-03-15" })
    expectProblem(during, 422, /rejected$/)
    expect(during.body).toMatchObject({
      rejection: "EnterpriseSuspendedOnDate",
      detail: expect.stringContaining("đang bị đình chỉ hoạt động vào ngày 15/03/2026"),
    })
    const { enterpriseId: _, ...ownContract } = contract("2026-03-20")
    // a contract with the suspended enterprise, recorded by the province, is refused for the same reason
    const contractDuring = await post(province, worker.id, "contract", {
      ...contract("2026-03-20"),
      enterpriseId: suspended.id,
    })
    expectProblem(contractDuring, 422, /rejected$/)
    expect(contractDuring.body.rejection).toBe("EnterpriseSuspendedOnDate")
    expectProblem(await suspended.client.json("GET", `/api/workers/${worker.id}`), 404, /not-found$/)
    expect(await eventCount()).toBe(before)

    // the suspension ended on 1 April: the same enterprise may select and sign after it
    await ok(suspended.client, worker.id, "selection", { occurredOn: "2026-04-02" })
    await ok(suspended.client, worker.id, "contract", { ...ownContract, occurredOn: "2026-04-05" })
    expect((await suspended.client.json("GET", `/api/workers/${worker.id}`)).body.identity.fullName).toBe("Lò Văn Test")
  })

  test("another enterprise can neither void nor correct the first enterprise's contract or departure; the province can", async () => {
    const worker = await register(toHieu, person())
    await ok(toHieu, worker.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    await ok(enterprise, worker.id, "selection", { occurredOn: "2026-02-01" })
    const { enterpriseId: _, ...ownContract } = contract("2026-02-05")
    const signed = await ok(enterprise, worker.id, "contract", ownContract)
    // the other enterprise selects the worker too, so it may see the record
    await ok(other.client, worker.id, "selection", { occurredOn: "2026-02-10" })
    const departed = await ok(enterprise, worker.id, "departure", { occurredOn: "2026-03-01" })
    expect((await other.client.json("GET", `/api/workers/${worker.id}`)).status).toBe(200)

    const before = await eventCount()
    const attempts = [
      post(other.client, worker.id, "voids", { correctsEventId: signed.eventId, reason: "Hủy hợp đồng" }),
      post(other.client, worker.id, "corrections", {
        correctsEventId: signed.eventId,
        reason: "Sửa lương",
        replacement: { ...ownContract, monthlyWage: { amount: 1, currency: "KRW" } },
      }),
      post(other.client, worker.id, "voids", { correctsEventId: departed.eventId, reason: "Chưa xuất cảnh" }),
      post(other.client, worker.id, "corrections", {
        correctsEventId: departed.eventId,
        reason: "Sai ngày",
        replacement: { occurredOn: "2026-03-10" },
      }),
      // the commune did not record the departure either
      post(toHieu, worker.id, "voids", { correctsEventId: departed.eventId, reason: "Chưa xuất cảnh" }),
    ]
    for (const answer of await Promise.all(attempts)) {
      expectProblem(answer, 403, /forbidden$/)
      expect(answer.body.detail).toContain("hoặc Sở Nội vụ mới được sửa hoặc hủy bản ghi này")
    }
    expect(await eventCount()).toBe(before)

    // the enterprise that recorded them may; so may the province
    const moved = await post(enterprise, worker.id, "corrections", {
      correctsEventId: departed.eventId,
      reason: "Sửa theo ngày trên hộ chiếu",
      replacement: { occurredOn: "2026-03-02" },
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(201)
    const voided = await post(province, worker.id, "voids", { correctsEventId: departed.eventId, reason: "Nhập nhầm" })
    expect(voided.status, JSON.stringify(voided.body)).toBe(201)
    expect(voided.body.stage).toBe("contracted")
    const fixed = await post(province, worker.id, "corrections", {
      correctsEventId: signed.eventId,
      reason: "Sửa mức lương",
      replacement: { ...contract("2026-02-05"), monthlyWage: { amount: 2_100_000, currency: "KRW" } },
    })
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201)
  })

  test("a commune's facts are corrected by that commune or the province, not by the commune the worker moved to", async () => {
    const worker = await register(toHieu, person())
    const counselled = await ok(toHieu, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "Sai tên" })
    await ok(toHieu, worker.id, "residence", { occurredOn: "2026-02-01", residenceUnit: CHIENG_AN })
    expect((await chiengAn.json("GET", `/api/workers/${worker.id}`)).status).toBe(200)
    const replacement = { occurredOn: "2026-01-10", provider: "Trung tâm Dịch vụ việc làm tỉnh" }
    const refused = await post(chiengAn, worker.id, "corrections", {
      correctsEventId: counselled.eventId,
      reason: "Sai đơn vị tư vấn",
      replacement,
    })
    expectProblem(refused, 403, /forbidden$/)
    expect(refused.body.detail).toContain("UBND xã, phường đã ghi nhận")
    expectProblem(
      await post(chiengAn, worker.id, "voids", { correctsEventId: counselled.eventId, reason: "Nhầm" }),
      403,
      /forbidden$/,
    )
    // Chiềng An may correct what it records itself
    const own = await ok(chiengAn, worker.id, "training", { occurredOn: "2026-02-10", kind: "language", provider: "A" })
    const fixedOwn = await post(chiengAn, worker.id, "corrections", {
      correctsEventId: own.eventId,
      reason: "Sai ngày",
      replacement: { occurredOn: "2026-02-11", kind: "language", provider: "A" },
    })
    expect(fixedOwn.status, JSON.stringify(fixedOwn.body)).toBe(201)
    const byProvince = await post(province, worker.id, "corrections", {
      correctsEventId: counselled.eventId,
      reason: "Sai đơn vị tư vấn",
      replacement,
    })
    expect(byProvince.status, JSON.stringify(byProvince.body)).toBe(201)
  })
})

describe("jurisdiction before versions, and identities as of a past date (issue 15)", () => {
  test("a wrong If-Match from outside the jurisdiction is a 404, never a 409 that reveals the worker and its version", async () => {
    await ensureUser(t.services.log.database.db, {
      username: "snv-lai-chau-if-match",
      displayName: "Cán bộ Sở Nội vụ tỉnh Lai Châu",
      role: "province-officer",
      provinceCode: "12",
      password: "demo",
    })
    const laiChau = await signIn(t.app, "snv-lai-chau-if-match")
    const worker = await register(toHieu, person())
    const counselled = await ok(toHieu, worker.id, "counselling", { occurredOn: "2026-01-10", provider: "A" })
    const stale = { "if-match": '"99"' }
    const body = { occurredOn: "2026-01-20", kind: "language", provider: "B" }
    for (const outsider of [chiengAn, laiChau, enterprise]) {
      for (const answer of [
        await post(outsider, worker.id, "training", body, stale),
        await post(outsider, worker.id, "voids", { correctsEventId: counselled.eventId, reason: "x" }, stale),
        await post(
          outsider,
          worker.id,
          "corrections",
          {
            correctsEventId: counselled.eventId,
            reason: "x",
            replacement: { occurredOn: "2026-01-11", provider: "A" },
          },
          stale,
        ),
      ]) {
        expectProblem(answer, 404, /not-found$/)
        expect(answer.body).not.toHaveProperty("currentVersion")
      }
    }
    // a role that may not record the fact at all: 403, still not 409
    expectProblem(await post(bank, worker.id, "training", body, stale), 403, /forbidden$/)
    // the officer in charge gets the 409 with the current version
    const own = await post(toHieu, worker.id, "training", body, stale)
    expectProblem(own, 409, /wrong-expected-version$/)
    expect(own.body.currentVersion).toBe(counselled.version)
  })

  test("as of a past time, a commune sees the people who lived there then, but no longer their identity once they left", async () => {
    const worker = await register(toHieu, person({ fullName: "Lò Văn Chuyển Đi" }))
    const stayed = await register(toHieu, person({ fullName: "Lò Văn Ở Lại" }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const then = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await ok(toHieu, worker.id, "residence", { occurredOn: "2026-02-01", residenceUnit: CHIENG_AN })

    const past = await toHieu.json("GET", `/api/workers?asOf=${encodeURIComponent(then)}&limit=500&sort=registeredOn`)
    expect(past.status, JSON.stringify(past.body)).toBe(200)
    const item = past.body.items.find((i: { id: string }) => i.id === worker.id)
    expect(item).toMatchObject({ unitCode: TO_HIEU, fullName: null, identityStatus: "hidden" })
    expect(JSON.stringify(past.body)).not.toContain("Lò Văn Chuyển Đi")
    expect(past.body.items.find((i: { id: string }) => i.id === stayed.id)).toMatchObject({
      fullName: "Lò Văn Ở Lại",
      identityStatus: "shown",
    })
    // a name search cannot find the hidden name either, and its read is not logged
    const searched = await toHieu.json(
      "GET",
      `/api/workers?asOf=${encodeURIComponent(then)}&q=${encodeURIComponent("chuyen di")}`,
    )
    expect(searched.body.items).toEqual([])
    expect(await accessRows(worker.id, "list")).toEqual([])

    // today Tô Hiệu no longer lists the person; Chiềng An does, with the name, but not as of before the move
    const now = await toHieu.json("GET", "/api/workers?limit=500")
    expect(now.body.items.map((i: { id: string }) => i.id)).not.toContain(worker.id)
    const receiving = await chiengAn.json("GET", `/api/workers?asOf=${encodeURIComponent(then)}&limit=500`)
    expect(receiving.body.items.map((i: { id: string }) => i.id)).not.toContain(worker.id)
    const receivingNow = await chiengAn.json("GET", "/api/workers?limit=500")
    expect(receivingNow.body.items.find((i: { id: string }) => i.id === worker.id)?.fullName).toBe("Lò Văn Chuyển Đi")
    // the province sees both, then and now
    const provincePast = await province.json(
      "GET",
      `/api/workers?asOf=${encodeURIComponent(then)}&unit=${TO_HIEU}&limit=500`,
    )
    expect(provincePast.body.items.find((i: { id: string }) => i.id === worker.id)?.fullName).toBe("Lò Văn Chuyển Đi")
  })
})
