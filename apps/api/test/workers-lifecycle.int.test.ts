import { describe, expect, test } from "vitest"
import {
  accessRows,
  bank,
  CHIENG_AN,
  chiengAn,
  citizenIdFor,
  contract,
  enterprise,
  enterpriseId,
  eventCount,
  expectProblem,
  ok,
  person,
  post,
  province,
  register,
  setUpWorkersApp,
  TO_HIEU,
  toHieu,
} from "./support/workers-app.ts"

setUpWorkersApp()

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
