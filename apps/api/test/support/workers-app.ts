import { sql } from "kysely"
import { afterAll, beforeAll, expect } from "vitest"
import type { Client, TestApp } from "./test-app.ts"

/**
 * What the workers tests share (workers-*.int.test.ts): each file calls `setUpWorkersApp()` for an app of its own
 * (the demo province with a 3,000-event history, every demo role signed in) and uses these helpers: a person to
 * register, a fact posted to a worker, a contract, the access log's rows, a problem's shape.
 */

const { openTestApp, signIn } = await import("./test-app.ts")
export { signIn }

export const TO_HIEU = "03646"

export const CHIENG_AN = "03664"

export let t: TestApp

export let province: Client

export let toHieu: Client

export let chiengAn: Client

export let enterprise: Client

export let bank: Client

export let leader: Client

export let auditor: Client

export let enterpriseId: string

/** A Vietnamese citizen ID consistent with a date of birth and sex (Sơn La birth registration, code 014). */
export const citizenIdFor = (dateOfBirth: string, sex: "male" | "female", serial: string) => {
  const year = Number(dateOfBirth.slice(0, 4))
  const century = Math.floor((year - 1900) / 100) * 2 + (sex === "female" ? 1 : 0)
  return `014${century}${String(year % 100).padStart(2, "0")}${serial}`
}

export let serial = 100_000

export const person = (
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

export const register = async (client: Client, body: ReturnType<typeof person>) => {
  const response = await client.json("POST", "/api/workers", body)
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body as { id: string; version: number; eventId: string; stage: string; unitCode: string }
}

export const post = (
  client: Client,
  workerId: string,
  segment: string,
  body: unknown,
  headers?: Record<string, string>,
) => client.json("POST", `/api/workers/${workerId}/${segment}`, body, headers)

export const ok = async (client: Client, workerId: string, segment: string, body: unknown) => {
  const response = await post(client, workerId, segment, body)
  expect(response.status, `${segment}: ${JSON.stringify(response.body)}`).toBe(201)
  return response.body as { id: string; version: number; eventId: string; stage: string; stageLabel: string }
}

export const contract = (occurredOn: string) => ({
  occurredOn,
  enterpriseId,
  country: "KR",
  programme: "EPS",
  occupation: "Sản xuất chế tạo",
  durationMonths: 36,
  monthlyWage: { amount: 2_000_000, currency: "KRW" },
  feesPaidByWorker: 0,
})

export const eventCount = () => t.services.log.count()

export const accessRows = async (workerId: string, purpose?: string) => {
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

export const expectProblem = (response: { status: number; body: any }, status: number, type: RegExp) => {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(response.body.type).toMatch(type)
  expect(response.body.title).toMatch(/[ạảãàáâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụóòỏõọéèẻẽẹýỳỷỹỵ]/i)
  expect(typeof response.body.detail).toBe("string")
}

export function setUpWorkersApp(): void {
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
}
