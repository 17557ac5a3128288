import { AdminUnit, PlanTask, QuotaPlan } from "@xkld/domain"
import { NATIONAL_PROVINCE_CODE } from "@xkld/demo"
import ExcelJS from "exceljs"
import { sql } from "kysely"
import { ROLES, type Role } from "../../src/access/roles.ts"
import { ensureUser } from "../../src/auth/users.ts"
import { QUOTA_SHEET, STAGES_SHEET, UNITS_SHEET, WORKERS_SHEET } from "../../src/imports/templates.ts"
import type { TestApp } from "./test-app.ts"
import { anonymousSession, openSession, type Answer, type Payload, type Session } from "./write-sessions.ts"

/**
 * One valid request for every write route of the API, and who must be let through and who turned away.
 *
 * A case is a list of scenarios. A scenario prepares fresh resources through the API itself (a worker registered
 * and brought to the stage the fact needs, a plan, an obligation, an enterprise, an account), so that the request
 * passes validation and every domain precondition. The runner (access-matrix.int.test.ts) then sends the very same
 * request: first by every role the route does not grant (403 for the role), then by the `foreign` actors — a
 * commune officer of another ward, an enterprise officer of another enterprise, a province officer of another
 * province… — each of which must be refused (403/404 unless said otherwise) without writing anything; finally
 * by the `owner`, who must get the route's success status. So a refusal can only come from the jurisdiction
 * check: the same request succeeds a moment later for the right actor.
 */

export const TO_HIEU = "03646"
export const CHIENG_AN = "03664"
/** Password of the accounts this module creates. */
export const MATRIX_PASSWORD = "Ma trận quyền 2026"

const P = "so-noi-vu"
const TH = "to-hieu"
const CA = "chieng-an"
const E1 = "doanh-nghiep"
const E2 = "doanh-nghiep-2"
const BANK = "ngan-hang"
const LAO_CAI = "lao-cai-10" // not the demo's `lao-cai` (the new province 15)
const POLICE = "cong-an"
const HEALTH = "so-y-te"
const ADMIN = "quan-tri"
const ADMIN_LAO_CAI = "quan-tri-lao-cai"

/** Accounts the write matrix adds to the demo ones: the other jurisdictions. */
export const EXTRA_ACCOUNTS: ReadonlyArray<readonly [string, Role]> = [
  [LAO_CAI, "province-officer"], // Sở Nội vụ Lào Cai (province 10)
  [E2, "enterprise-officer"], // another enterprise, vetted in Sơn La
  [POLICE, "department-officer"], // Công an tỉnh (CA-TINH), lead agency of plan tasks
  [ADMIN_LAO_CAI, "administrator"], // Lào Cai's administrator
]

export interface WriteRequest {
  readonly path: string
  readonly payload?: Payload
  /** Sent from this session rather than the actor's usual one (signing in, signing out, a fresh account). */
  readonly session?: Session
}

export interface Prepared {
  /** Who must succeed, when the scenario made the account itself (a fresh account of a role). */
  readonly owner?: string
  /** The request as the given account sends it (the same for everyone, but for an implied own enterprise). */
  readonly request: (who: string) => WriteRequest
  /** After the owner's success: what it must have done. */
  readonly check?: (answer: Answer) => Promise<void> | void
}

export interface Foreign {
  readonly who: string
  /** The refusal expected (default 403 or 404), when the route says "not yours" another way. */
  readonly statuses?: ReadonlyArray<number>
  readonly why?: string
}

export interface Scenario {
  readonly name: string
  /** Who must succeed with the request; its role counts as "granted and reached". */
  readonly owner: string
  readonly foreign: ReadonlyArray<Foreign>
  readonly prepare: () => Promise<Prepared>
}

export interface WriteCase {
  /** "POST /api/workers/:id/counselling", as `allRoutes` declares it. */
  readonly route: string
  readonly scenarios: ReadonlyArray<Scenario>
  /** Why no actor of another jurisdiction exists for this route (its scenarios then have no `foreign`). */
  readonly unbound?: string
}

export interface WriteContext {
  readonly t: TestApp
  /** The session of an account of the matrix. */
  readonly as: (username: string) => Session
  readonly roleOf: (username: string) => Role
  /** Records an account made by a scenario, so that its role is known. */
  readonly remember: (username: string, role: Role, password: string) => void
  readonly passwordOf: (username: string) => string
  /** The demo enterprise officer's enterprise and another one, both vetted in Sơn La and not suspended. */
  readonly enterpriseId: string
  readonly otherEnterpriseId: string
  readonly unitIdOf: (code: string) => string
}

// ---- helpers -------------------------------------------------------------------------------------------------

const json = (body: unknown): Payload => ({ json: body })

/** Sends and insists on success: preparation must never be what fails. */
async function ok(session: Session, method: string, path: string, payload?: Payload): Promise<any> {
  const answer = await session.send(method, path, payload)
  if (answer.status >= 300)
    throw new Error(
      `preparing: ${method} ${path} as ${session.username} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 600)}`,
    )
  return answer.body
}

let serial = 0
const next = () => ++serial

const FAMILY = ["Lò", "Cầm", "Quàng", "Hoàng", "Vì", "Lường", "Tòng", "Điêu"]
const GIVEN_MALE = ["Văn Minh", "Văn Hùng", "Văn Tuấn", "Văn Dũng"]
const GIVEN_FEMALE = ["Thị Lan", "Thị Mai", "Thị Hoa", "Thị Hương"]

/** A person of the province: a valid CCCD (born in Sơn La, code 014) consistent with the date of birth and sex. */
function person() {
  const n = next()
  const sex = n % 2 === 0 ? ("male" as const) : ("female" as const)
  const year = 1990 + (n % 10)
  const dateOfBirth = `${year}-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`
  const citizenId = `014${sex === "female" ? 1 : 0}${String(year % 100).padStart(2, "0")}${String(730_000 + n).padStart(6, "0")}`
  const given = sex === "male" ? GIVEN_MALE : GIVEN_FEMALE
  return { n, sex, dateOfBirth, citizenId, fullName: `${FAMILY[n % FAMILY.length]} ${given[n % given.length]}` }
}

const registrationBody = (unit: string, who = person()) => ({
  occurredOn: "2026-01-05",
  identity: {
    fullName: who.fullName,
    citizenId: who.citizenId,
    dateOfBirth: who.dateOfBirth,
    sex: who.sex,
    phone: `09${String(12_000_000 + who.n).padStart(8, "0")}`,
    address: unit === TO_HIEU ? "Tổ 3, phường Tô Hiệu, tỉnh Sơn La" : "Bản Hẹo, phường Chiềng An, tỉnh Sơn La",
  },
  sensitive: { ethnicGroup: "Thái" },
  residenceUnit: unit,
  ethnicMinority: true,
  priorityGroups: ["ruralWorker"],
})

type Stage = "registered" | "confirmed" | "selected" | "contracted" | "departed" | "returned"
const STAGES: ReadonlyArray<Stage> = ["registered", "confirmed", "selected", "contracted", "departed", "returned"]
const atLeast = (stage: Stage, floor: Stage): Stage => STAGES[Math.max(STAGES.indexOf(stage), STAGES.indexOf(floor))]!

const PROVIDER = "Trung tâm Dịch vụ việc làm tỉnh Sơn La"
const BANK_NAME = "Ngân hàng Chính sách xã hội chi nhánh tỉnh Sơn La"

/** Facts recorded while preparing a worker, by segment: always before the requests' dates. */
const PREPARED_FACTS = {
  counselling: { occurredOn: "2026-01-10", provider: PROVIDER },
  training: { occurredOn: "2026-01-20", kind: "language", provider: "Trung tâm Ngoại ngữ – Tin học tỉnh Sơn La" },
  // A new loan names the loan file the commune confirmed (ADR 0026)
  "loan-file-confirmation": { occurredOn: "2026-01-24", loanId: "vay-1", bank: BANK_NAME },
  loans: { occurredOn: "2026-01-25", loanId: "vay-1", bank: BANK_NAME, amount: 80_000_000, status: "applied" },
  passport: { occurredOn: "2026-01-27", passportNumber: "C1234567", validUntil: "2036-01-27" },
  "subsidy-appraisals": {
    occurredOn: "2026-01-26",
    subsidyId: "ho-tro-1",
    policyCode: "ctmtqg-dtts-mn",
    fundingSourceCode: "ctmtqg-dtts-mn",
    amount: 5_000_000,
  },
  "subsidy-decisions": {
    occurredOn: "2026-01-28",
    subsidyId: "ho-tro-1",
    approved: true,
    amount: 5_000_000,
    decisionNumber: "15/QĐ-UBND",
  },
  "protection-cases": { occurredOn: "2026-05-01", caseId: "bao-ho-1", category: "wageDispute" },
} as const

interface Worker {
  readonly id: string
  readonly unit: string
  readonly registrationEventId: string
  /** Event id of each fact recorded while preparing. */
  readonly eventIds: Readonly<Record<string, string>>
}

/** The contract every prepared worker signs, with the enterprise named unless it is the officer's own. */
const contractBody = (enterprise: Record<string, string>, occurredOn = "2026-03-05") => ({
  occurredOn,
  ...enterprise,
  country: "KR",
  programme: "EPS",
  occupation: "Sản xuất chế tạo",
  durationMonths: 36,
  monthlyWage: { amount: 2_100_000, currency: "KRW" },
  feesPaidByWorker: 0,
})

/**
 * A worker of `unit` registered (by the province officer unless said), its dossier confirmed, selected and
 * contracted by the given enterprise, departed and returned as far as `stage` says; then the `facts`, each
 * recorded by the account given (the organisation that recorded a fact is the one that may amend it).
 */
async function freshWorker(
  ctx: WriteContext,
  unit: string,
  stage: Stage,
  options: {
    readonly registeredBy?: string
    readonly facts?: ReadonlyArray<readonly [keyof typeof PREPARED_FACTS, string]>
    readonly enterpriseId?: string
    readonly registeredIn?: { readonly unit: string; readonly occurredOn: string }
  } = {},
): Promise<Worker> {
  const officer = ctx.as(P)
  const registration = options.registeredIn
    ? { ...registrationBody(options.registeredIn.unit), occurredOn: options.registeredIn.occurredOn }
    : registrationBody(unit)
  const registered = await ok(ctx.as(options.registeredBy ?? P), "POST", "/api/workers", json(registration))
  const id: string = registered.id
  const eventIds: Record<string, string> = {}
  const enterpriseId = options.enterpriseId ?? ctx.enterpriseId
  const steps: ReadonlyArray<readonly [Stage, string, unknown]> = [
    ["confirmed", "dossier-confirmation", { occurredOn: "2026-02-25" }],
    ["selected", "selection", { occurredOn: "2026-03-02", enterpriseId }],
    ["contracted", "contract", contractBody({ enterpriseId })],
    ["departed", "departure", { occurredOn: "2026-04-01" }],
    ["returned", "return", { occurredOn: "2026-09-01", kind: "onTime" }],
  ]
  for (const [reached, segment, body] of steps)
    if (STAGES.indexOf(stage) >= STAGES.indexOf(reached))
      eventIds[segment] = (await ok(officer, "POST", `/api/workers/${id}/${segment}`, json(body))).eventId
  for (const [segment, who] of options.facts ?? [])
    eventIds[segment] = (
      await ok(ctx.as(who), "POST", `/api/workers/${id}/${segment}`, json(PREPARED_FACTS[segment]))
    ).eventId
  return { id, unit, registrationEventId: registered.eventId, eventIds }
}

const other = (unit: string) => (unit === TO_HIEU ? CHIENG_AN : TO_HIEU)

/** Each fact route's request: the stage the worker must be at, and the body. */
const FACTS: Record<
  string,
  {
    readonly stage: Stage
    readonly body: (ctx: WriteContext, w: Worker, who: string) => unknown
    /** Facts the province officer records first (a passport before a visa, an appraisal before its decision). */
    readonly facts?: ReadonlyArray<keyof typeof PREPARED_FACTS>
    /** Registered elsewhere than the scenario's unit, on another day (a commune split on 1 July 2025). */
    readonly registeredIn?: { readonly unit: string; readonly occurredOn: string }
  }
> = {
  residence: { stage: "registered", body: (_, w) => ({ occurredOn: "2026-02-02", residenceUnit: other(w.unit) }) },
  counselling: { stage: "registered", body: () => ({ occurredOn: "2026-02-02", provider: PROVIDER }) },
  training: {
    stage: "registered",
    body: () => ({ occurredOn: "2026-02-03", kind: "orientation", provider: "Trường Cao đẳng Sơn La" }),
  },
  "health-check": {
    stage: "registered",
    body: () => ({
      occurredOn: "2026-02-04",
      provider: "Bệnh viện Đa khoa tỉnh Sơn La",
      fit: true,
      summary: "Đủ sức khỏe đi làm việc ở nước ngoài",
    }),
  },
  "criminal-record-certificate": {
    stage: "registered",
    body: () => ({ occurredOn: "2026-02-05", issuer: "Sở Tư pháp tỉnh Sơn La", hasConvictions: false }),
  },
  "dossier-confirmation": { stage: "registered", body: () => ({ occurredOn: "2026-02-20" }) },
  selection: { stage: "confirmed", body: (ctx, _, who) => ({ occurredOn: "2026-03-02", ...named(ctx, who) }) },
  contract: { stage: "selected", body: (ctx, _, who) => contractBody(named(ctx, who)) },
  loans: {
    stage: "registered",
    facts: ["loan-file-confirmation"],
    body: () => ({
      occurredOn: "2026-03-10",
      loanId: "vay-1",
      bank: BANK_NAME,
      amount: 100_000_000,
      status: "approved",
    }),
  },
  subsidies: {
    stage: "registered",
    body: () => ({
      occurredOn: "2026-03-12",
      policy: "Hỗ trợ học ngoại ngữ, bồi dưỡng kiến thức cần thiết",
      amount: 3_000_000,
    }),
  },
  departure: { stage: "contracted", body: () => ({ occurredOn: "2026-04-01" }) },
  "contract-ended-early": {
    stage: "departed",
    body: () => ({ occurredOn: "2026-06-01", reason: "Doanh nghiệp tiếp nhận ngừng hoạt động" }),
  },
  return: { stage: "departed", body: () => ({ occurredOn: "2026-09-01", kind: "early", reason: "Ốm, về điều trị" }) },
  overstay: {
    stage: "departed",
    body: () => ({ occurredOn: "2026-06-15", source: "Đại sứ quán Việt Nam tại Hàn Quốc" }),
  },
  violations: {
    stage: "registered",
    body: () => ({ occurredOn: "2026-02-06", category: "contractBreach", description: "Không đến lớp đào tạo" }),
  },
  reemployment: {
    stage: "returned",
    body: () => ({ occurredOn: "2026-10-01", kind: "domesticJob", provider: PROVIDER }),
  },
  withdrawal: { stage: "registered", body: () => ({ occurredOn: "2026-11-02", reason: "Gia đình không đồng ý" }) },
  "legal-counselling": { stage: "registered", body: () => ({ occurredOn: "2026-02-02", provider: PROVIDER }) },
  assessments: {
    stage: "registered",
    body: () => ({
      occurredOn: "2026-02-07",
      assessment: "epsKoreanTest",
      outcome: "passed",
      organiser: "Trung tâm Lao động ngoài nước",
    }),
  },
  passport: {
    stage: "registered",
    body: () => ({ occurredOn: "2026-02-08", passportNumber: "C7654321", validUntil: "2036-02-08" }),
  },
  visa: {
    stage: "contracted",
    facts: ["passport"],
    body: () => ({ occurredOn: "2026-03-20", country: "KR", validUntil: "2029-03-20" }),
  },
  "loan-file-confirmation": { stage: "registered", body: () => ({ occurredOn: "2026-03-09", bank: BANK_NAME }) },
  "subsidy-appraisals": {
    stage: "registered",
    body: () => ({
      occurredOn: "2026-03-11",
      policyCode: "ctmtqg-dtts-mn",
      fundingSourceCode: "ctmtqg-dtts-mn",
      amount: 3_000_000,
    }),
  },
  "subsidy-decisions": {
    stage: "registered",
    facts: ["subsidy-appraisals"],
    body: () => ({
      occurredOn: "2026-03-13",
      subsidyId: "ho-tro-1",
      approved: true,
      amount: 5_000_000,
      decisionNumber: "16/QĐ-UBND",
    }),
  },
  "subsidy-payments": {
    stage: "registered",
    facts: ["subsidy-appraisals", "subsidy-decisions"],
    body: () => ({ occurredOn: "2026-03-14", subsidyId: "ho-tro-1", amount: 5_000_000 }),
  },
  "protection-cases": {
    stage: "departed",
    body: () => ({ occurredOn: "2026-05-02", category: "workAccident", description: "Bị thương ở tay khi làm việc" }),
  },
  "protection-case-resolutions": {
    stage: "departed",
    facts: ["protection-cases"],
    body: () => ({ occurredOn: "2026-05-20", caseId: "bao-ho-1", resolution: "Đã được doanh nghiệp bồi thường" }),
  },
  "deaths-or-missing": {
    stage: "departed",
    body: () => ({
      occurredOn: "2026-05-10",
      status: "missing",
      country: "KR",
      source: "Đại sứ quán Việt Nam tại Hàn Quốc",
      note: "Bỏ nơi làm việc, không liên lạc được",
    }),
  },
  "returnee-notices": { stage: "returned", body: () => ({ occurredOn: "2026-09-05", recipient: "police" }) },
  reintegration: { stage: "returned", body: () => ({ occurredOn: "2026-10-05", outcome: "employedDomestically" }) },
  "residence-assignment": {
    stage: "registered",
    // Xã Chiềng Hắc (04012) was split between Phường Mộc Châu and Xã Chiềng Hặc (04078) on 1 July 2025
    registeredIn: { unit: "04012", occurredOn: "2025-03-01" },
    body: () => ({ occurredOn: "2025-07-01", residenceUnit: "04078", reason: "Bản Pa Khen thuộc xã Chiềng Hặc mới" }),
  },
}

/** Selection and contract: an enterprise officer's own enterprise is implied; every other officer names it. */
const named = (ctx: WriteContext, who: string): Record<string, string> =>
  ctx.roleOf(who) === "enterprise-officer" ? {} : { enterpriseId: ctx.enterpriseId }

const rolesOf = (access: "public" | "signed-in" | ReadonlyArray<Role>): ReadonlySet<Role> =>
  new Set(typeof access === "string" ? [] : access)

/** The scenarios of a worker fact route, one per role it grants (that role's own worker). */
function factScenarios(ctx: WriteContext, segment: string, access: ReadonlySet<Role>): ReadonlyArray<Scenario> {
  const fact = FACTS[segment]!
  const on = (unit: string, stage: Stage) => async (): Promise<Prepared> => {
    const w = await freshWorker(ctx, unit, stage, {
      facts: (fact.facts ?? []).map((s) => [s, P] as const),
      ...(fact.registeredIn ? { registeredIn: fact.registeredIn } : {}),
    })
    return { request: (who) => ({ path: `/api/workers/${w.id}/${segment}`, payload: json(fact.body(ctx, w, who)) }) }
  }
  const enterpriseBound = access.has("enterprise-officer") && segment !== "selection"
  const scenarios: Array<Scenario> = []
  if (access.has("province-officer"))
    scenarios.push({
      name: "a Chiềng An worker, by the province officer",
      owner: P,
      // Tô Hiệu's officer is another jurisdiction only where its role may record the fact
      foreign: [...(access.has("commune-officer") ? [{ who: TH }] : []), { who: LAO_CAI }],
      prepare: on(CHIENG_AN, fact.stage),
    })
  if (access.has("commune-officer"))
    scenarios.push({
      name: "a Tô Hiệu worker, by Tô Hiệu's officer",
      owner: TH,
      foreign: [{ who: CA }, ...(enterpriseBound ? [{ who: E2 }] : [])],
      prepare: on(TO_HIEU, fact.stage),
    })
  if (access.has("enterprise-officer"))
    scenarios.push(
      enterpriseBound
        ? {
            name: "a Tô Hiệu worker selected by the enterprise, by its officer",
            owner: E1,
            foreign: [{ who: E2 }, { who: CA }],
            prepare: on(TO_HIEU, atLeast(fact.stage, "selected")),
          }
        : {
            name: "a Tô Hiệu worker, selected by an enterprise officer (any worker of the province)",
            owner: E1,
            foreign: [{ who: CA }],
            prepare: on(TO_HIEU, fact.stage),
          },
    )
  if (access.has("bank-officer"))
    scenarios.push({
      name: "a Tô Hiệu worker's loan, by the bank officer",
      owner: BANK,
      foreign: [{ who: LAO_CAI }],
      prepare: on(TO_HIEU, fact.stage),
    })
  return scenarios
}

/**
 * Corrections and voids: the body names a fact recorded while preparing, by the owner's organisation (only it, or
 * the province officer, may amend it).
 */
function amendmentScenarios(
  ctx: WriteContext,
  segment: "corrections" | "voids",
  bodyOf: (eventId: string, replacement: unknown) => unknown,
): ReadonlyArray<Scenario> {
  const on =
    (
      unit: string,
      stage: Stage,
      options: Parameters<typeof freshWorker>[3],
      target: (w: Worker) => readonly [string, unknown],
    ) =>
    async (): Promise<Prepared> => {
      const w = await freshWorker(ctx, unit, stage, options)
      const [eventId, replacement] = target(w)
      return {
        request: () => ({ path: `/api/workers/${w.id}/${segment}`, payload: json(bodyOf(eventId, replacement)) }),
      }
    }
  const counselling = (w: Worker) =>
    [w.eventIds.counselling!, { ...PREPARED_FACTS.counselling, occurredOn: "2026-01-12" }] as const
  return [
    {
      name: "a Chiềng An worker's counselling recorded by the ward, by the province officer",
      owner: P,
      // the bank officer sees this worker (a loan) but records loans only
      foreign: [{ who: TH }, { who: LAO_CAI }, { who: BANK, statuses: [403] }],
      prepare: on(
        CHIENG_AN,
        "registered",
        {
          facts: [
            ["counselling", CA],
            ["loan-file-confirmation", P],
            ["loans", BANK],
          ],
        },
        counselling,
      ),
    },
    {
      name: "a Tô Hiệu worker's counselling recorded by the ward, by Tô Hiệu's officer",
      owner: TH,
      foreign: [{ who: CA }, { who: E2 }, { who: BANK }],
      prepare: on(TO_HIEU, "registered", { facts: [["counselling", TH]] }, counselling),
    },
    {
      name: "a Tô Hiệu worker's registration by the ward, by Tô Hiệu's officer",
      owner: TH,
      foreign: [{ who: CA }, { who: LAO_CAI }],
      prepare: on(TO_HIEU, "registered", { registeredBy: TH }, (w) => [
        w.registrationEventId,
        { ...registrationBody(TO_HIEU), occurredOn: "2026-01-06" },
      ]),
    },
    {
      name: "the training an enterprise recorded for a worker it selected, by its officer",
      owner: E1,
      foreign: [
        { who: E2 },
        { who: CA },
        { who: TH, statuses: [403], why: "Tô Hiệu's own worker, but the enterprise recorded the fact" },
      ],
      prepare: on(TO_HIEU, "selected", { facts: [["training", E1]] }, (w) => [
        w.eventIds.training!,
        { ...PREPARED_FACTS.training, kind: "vocational" },
      ]),
    },
    {
      name: "a loan the bank recorded for a Tô Hiệu worker, by the bank officer",
      owner: BANK,
      foreign: [
        { who: LAO_CAI },
        { who: TH, statuses: [403], why: "Tô Hiệu's own worker, but the bank recorded the loan" },
      ],
      prepare: on(
        TO_HIEU,
        "registered",
        {
          facts: [
            ["loan-file-confirmation", P],
            ["loans", BANK],
          ],
        },
        (w) => [w.eventIds.loans!, { ...PREPARED_FACTS.loans, amount: 90_000_000 }],
      ),
    },
  ]
}

// ---- workbooks: the API's own templates, filled in as an officer would -----------------------------------------

/** The API's template, downloaded by the province officer. */
const downloadTemplate = async (ctx: WriteContext, name: "workers" | "quota") => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await ctx.as(P).download(`/api/imports/templates/${name}.xlsx`)) as never)
  return workbook
}

const dmy = (iso: string) => iso.split("-").toReversed().join("/")

/** The workers template with `count` people of `unit`, registered on 5 January 2026. */
async function workersFile(ctx: WriteContext, unit: string, count: number): Promise<Uint8Array> {
  const workbook = await downloadTemplate(ctx, "workers")
  const sheet = workbook.getWorksheet(WORKERS_SHEET)!
  const headers = (sheet.getRow(1).values as Array<unknown>).map((v) => String(v ?? ""))
  const column = (header: string) => {
    const index = headers.indexOf(header)
    if (index < 1) throw new Error(`workers template: no column “${header}”`)
    return index
  }
  const unitName = unit === TO_HIEU ? "Phường Tô Hiệu" : "Phường Chiềng An"
  for (let i = 0; i < count; i++) {
    const p = person()
    const row = sheet.getRow(2 + i)
    row.getCell(column("Họ và tên")).value = p.fullName
    row.getCell(column("Số CCCD")).value = p.citizenId
    row.getCell(column("Ngày sinh (dd/mm/yyyy)")).value = dmy(p.dateOfBirth)
    row.getCell(column("Giới tính (Nam/Nữ)")).value = p.sex === "male" ? "Nam" : "Nữ"
    row.getCell(column("Mã xã/phường")).value = unit
    if (headers.includes("Tên xã/phường")) row.getCell(column("Tên xã/phường")).value = unitName
    row.getCell(column("Dân tộc thiểu số (Có/Không)")).value = "Có"
    row.getCell(column("Nhóm ưu tiên")).value = "Lao động nông thôn"
    row.getCell(column("Ngày đăng ký (dd/mm/yyyy)")).value = "05/01/2026"
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

/** The quota template with Tô Hiệu's and Chiềng An's rows. */
async function quotaFile(ctx: WriteContext, rows: ReadonlyArray<readonly [string, string, string, number]>) {
  const workbook = await downloadTemplate(ctx, "quota")
  const sheet = workbook.getWorksheet(QUOTA_SHEET)!
  if (!workbook.getWorksheet(UNITS_SHEET)) throw new Error("quota template: no units sheet")
  rows.forEach(([code, name, share, headCount], i) => {
    sheet.getRow(2 + i).values = [i + 1, code, name, share, headCount]
  })
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

/** The stages template (`/api/imports/templates/stages.xlsx`) with one legal counselling of a worker, by id. */
async function stagesFile(ctx: WriteContext, workerId: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await ctx.as(P).download("/api/imports/templates/stages.xlsx")) as never)
  const sheet = workbook.getWorksheet(STAGES_SHEET)!
  const headers = (sheet.getRow(1).values as Array<unknown>).map((v) => String(v ?? ""))
  const row = sheet.getRow(2)
  row.getCell(headers.indexOf("Mã người lao động")).value = workerId
  row.getCell(headers.indexOf("Loại thông tin")).value = "Tư vấn pháp luật"
  row.getCell(headers.indexOf("Ngày (dd/mm/yyyy)")).value = "10/02/2026"
  row.getCell(headers.indexOf("Đơn vị thực hiện")).value = PROVIDER
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

// ---- plans, obligations, enterprises ---------------------------------------------------------------------------

const PLAN_BASIS = { number: "412/QĐ-UBND", date: "2026-02-10", issuer: "Chủ tịch UBND tỉnh Sơn La" }
const departures2026 = (value: number) => ({
  kind: "departures",
  value,
  comparator: "target",
  aggregation: "year",
  byYear: 2026,
  printed: `Năm 2026, phấn đấu đưa ${value} người lao động đi làm việc ở nước ngoài theo hợp đồng.`,
})
const ALLOCATIONS = [
  { unitCode: TO_HIEU, unitName: "Phường Tô Hiệu", sharePercentPrinted: "60,00", headCount: 30 },
  { unitCode: CHIENG_AN, unitName: "Phường Chiềng An", sharePercentPrinted: "40,00", headCount: 20 },
]
const planBody = () => ({
  year: 2026,
  title: `Kế hoạch bổ sung đưa người lao động đi làm việc ở nước ngoài năm 2026 (đợt ${next()})`,
  targets: [departures2026(50)],
  allocations: ALLOCATIONS,
  printedTotal: 50,
  legalBasis: PLAN_BASIS,
})
const freshPlan = async (ctx: WriteContext): Promise<string> =>
  (await ok(ctx.as(P), "POST", "/api/plans", json(planBody()))).id

const obligationBody = (reporter: { kind: string; code: string; name: string }) => ({
  reporter,
  recipient: { kind: "agency", code: "SNV", name: "Sở Nội vụ tỉnh Sơn La" },
  reportKind: "ad-hoc",
  period: { year: 2026, label: `Tình hình người lao động về nước trước hạn quý III/2026 (${next()})` },
  deadline: "2026-10-10",
  deadlineRule: "on-or-before",
  deadlinePrinted: "chậm nhất ngày 10/10/2026",
  legalBasis: { number: "130/SNV-LĐVL", date: "2026-09-20", issuer: "Sở Nội vụ tỉnh Sơn La" },
})
const freshObligation = async (ctx: WriteContext, reporter: { kind: string; code: string; name: string }) =>
  (await ok(ctx.as(P), "POST", "/api/reporting-obligations", json(obligationBody(reporter)))).id as string
const UNIT_TO_HIEU = { kind: "unit", code: TO_HIEU, name: "UBND phường Tô Hiệu" }
const UNIT_CHIENG_AN = { kind: "unit", code: CHIENG_AN, name: "UBND phường Chiềng An" }
const AGENCY_POLICE = { kind: "agency", code: "CA-TINH", name: "Công an tỉnh" }

const ENTERPRISE_BASIS = { number: "58/QĐ-UBND", date: "2026-02-01", issuer: "UBND tỉnh Sơn La" }
export const enterpriseBody = () => {
  const n = next()
  return {
    name: `Công ty Cổ phần Cung ứng Nhân lực Tây Bắc số ${n}`,
    licenceNumber: `${300 + n}/LĐTBXH-GP`,
    licenceDate: "2025-11-20",
    occurredOn: "2026-01-15",
  }
}
/** A licensed enterprise, then vetted and suspended as asked. */
export async function freshEnterprise(
  session: Session,
  steps: { vetted?: boolean; suspended?: boolean } = {},
): Promise<string> {
  const id: string = (await ok(session, "POST", "/api/enterprises", json(enterpriseBody()))).id
  if (steps.vetted)
    await ok(
      session,
      "POST",
      `/api/enterprises/${id}/vettings`,
      json({ legalBasis: ENTERPRISE_BASIS, occurredOn: "2026-02-01" }),
    )
  if (steps.suspended)
    await ok(
      session,
      "POST",
      `/api/enterprises/${id}/suspensions`,
      json({ legalBasis: ENTERPRISE_BASIS, reason: "Vi phạm quy định về thu tiền dịch vụ", occurredOn: "2026-03-01" }),
    )
  return id
}

/** The plan tasks used: of the province's Phụ lục 02, led by Sở Nội vụ or by Công an tỉnh. */
const tasksLedBy = (agency: string) =>
  PlanTask.sonLa2026TaskCommands.filter((c) => c.lead.agencyCodes.length === 1 && c.lead.agencyCodes[0] === agency)
const taskPath = (taskId: string, rest: string) => `/api/tasks/${encodeURIComponent(taskId)}/${rest}`

// ---- accounts --------------------------------------------------------------------------------------------------

/** What an account of each role is bound to when the administrator creates it. */
const bindingOf = (ctx: WriteContext, role: Role) =>
  role === "commune-officer"
    ? { unitIds: [ctx.unitIdOf(TO_HIEU)] }
    : role === "enterprise-officer"
      ? { enterpriseId: ctx.enterpriseId }
      : role === "department-officer"
        ? { agency: "SYT" }
        : {}

/** Every role of the registry (a new role needs a scenario on every signed-in route). */
export const ROLE_LIST: ReadonlyArray<Role> = ROLES

const userBody = (ctx: WriteContext, role: Role) => ({
  username: `ma-tran-${role.split("-")[0]}-${next()}`,
  displayName: `Tài khoản thử ma trận quyền (${role})`,
  role,
  provinceCode: "14",
  ...bindingOf(ctx, role),
  password: MATRIX_PASSWORD,
})

/**
 * A fresh account of the role and its session: made by Sơn La's administrator, or by the operator for an
 * administrator (an administrator never makes one).
 */
async function freshAccount(ctx: WriteContext, role: Role): Promise<Session> {
  const body = userBody(ctx, role)
  // Administrators and national officers are the operator's accounts: no province administrator makes them.
  if (role === "administrator") await ensureUser(ctx.t.services.log.database.db, body)
  else if (role === "national-officer")
    await ensureUser(ctx.t.services.log.database.db, { ...body, provinceCode: NATIONAL_PROVINCE_CODE })
  else await ok(ctx.as(ADMIN), "POST", "/api/users", json(body))
  ctx.remember(body.username, role, body.password)
  return openSession(ctx.t.app, body.username, body.password)
}

/** One matrix account per role. */
const accountOfRole: Record<Role, string> = {
  "province-officer": P,
  "commune-officer": TH,
  "enterprise-officer": E1,
  "bank-officer": BANK,
  "department-officer": HEALTH,
  leader: "lanh-dao",
  auditor: "kiem-toan",
  administrator: ADMIN,
  "national-officer": "bo-noi-vu",
}

// ---- the cases -------------------------------------------------------------------------------------------------

export function writeCases(
  ctx: WriteContext,
  routes: ReadonlyArray<{ readonly method: string; readonly path: string; readonly access: any }>,
): ReadonlyArray<WriteCase> {
  const accessOf = (label: string) => {
    const route = routes.find((r) => `${r.method.toUpperCase()} ${r.path}` === label)
    return rolesOf(route?.access ?? [])
  }
  const cases: Array<WriteCase> = []

  // -- workers
  cases.push({
    route: "POST /api/workers",
    scenarios: [
      {
        name: "a Chiềng An resident, by the province officer",
        owner: P,
        foreign: [
          {
            who: LAO_CAI,
            statuses: [400],
            why: "a Sơn La ward is no unit of Lào Cai's: field error on residenceUnit",
          },
        ],
        prepare: async () => {
          const body = registrationBody(CHIENG_AN)
          return { request: () => ({ path: "/api/workers", payload: json(body) }) }
        },
      },
      {
        name: "a Tô Hiệu resident, by Tô Hiệu's officer",
        owner: TH,
        foreign: [{ who: CA }],
        prepare: async () => {
          const body = registrationBody(TO_HIEU)
          return { request: () => ({ path: "/api/workers", payload: json(body) }) }
        },
      },
    ],
  })
  for (const segment of Object.keys(FACTS)) {
    const route = `POST /api/workers/:id/${segment}`
    cases.push({ route, scenarios: factScenarios(ctx, segment, accessOf(route)) })
  }
  cases.push({
    route: "POST /api/workers/:id/corrections",
    scenarios: amendmentScenarios(ctx, "corrections", (correctsEventId, replacement) => ({
      correctsEventId,
      reason: "Ghi nhầm khi nhập liệu",
      occurredOn: "2026-11-03",
      replacement,
    })),
  })
  cases.push({
    route: "POST /api/workers/:id/voids",
    scenarios: amendmentScenarios(ctx, "voids", (correctsEventId) => ({
      correctsEventId,
      reason: "Ghi nhầm người lao động",
      occurredOn: "2026-11-03",
    })),
  })
  cases.push({
    route: "DELETE /api/workers/:id/personal-data",
    scenarios: [
      {
        name: "a Chiềng An worker's personal data, by the province officer",
        owner: P,
        foreign: [{ who: LAO_CAI }],
        prepare: async () => {
          const w = await freshWorker(ctx, CHIENG_AN, "registered")
          return {
            request: () => ({
              path: `/api/workers/${w.id}/personal-data`,
              payload: json({ reason: "Người lao động yêu cầu xóa dữ liệu cá nhân theo Nghị định 13/2023/NĐ-CP" }),
            }),
            check: (answer) => {
              if (answer.body.erased !== true || answer.body.alreadyErased !== false)
                throw new Error(`erasure answer ${JSON.stringify(answer.body)}`)
            },
          }
        },
      },
    ],
  })

  /** A Tô Hiệu worker registered by the province officer; the receiving commune knows them by citizen ID. */
  const movingIn = (owner: string, foreign: ReadonlyArray<Foreign>, name: string): Scenario => ({
    name,
    owner,
    foreign,
    prepare: async () => {
      const who = person()
      await ok(ctx.as(P), "POST", "/api/workers", json(registrationBody(TO_HIEU, who)))
      return {
        request: () => ({
          path: "/api/workers/move-ins",
          payload: json({ occurredOn: "2026-02-01", citizenId: who.citizenId, residenceUnit: CHIENG_AN }),
        }),
      }
    },
  })
  cases.push({
    route: "POST /api/workers/move-ins",
    scenarios: [
      movingIn(
        CA,
        [{ who: TH, why: "Tô Hiệu's officer may not record a move into Chiềng An" }],
        "a Tô Hiệu worker moving to Chiềng An, by Chiềng An's officer",
      ),
      movingIn(
        P,
        [{ who: LAO_CAI, statuses: [400], why: "Chiềng An is not a unit of Lào Cai: field error" }],
        "a Tô Hiệu worker moving to Chiềng An, by the province officer",
      ),
    ],
  })

  // -- imports
  const importWorkers = (unit: string, owner: string, foreign: ReadonlyArray<Foreign>, name: string): Scenario => ({
    name,
    owner,
    foreign,
    prepare: async () => {
      const bytes = await workersFile(ctx, unit, 2)
      return {
        request: () => ({
          path: "/api/imports/workers",
          payload: { file: { bytes, fileName: "danh-sach-thang-1.xlsx" } },
        }),
        check: (answer) => {
          if (answer.body.imported !== 2) throw new Error(`import answer ${JSON.stringify(answer.body).slice(0, 400)}`)
        },
      }
    },
  })
  cases.push({
    route: "POST /api/imports/workers",
    scenarios: [
      importWorkers(
        CHIENG_AN,
        P,
        [{ who: LAO_CAI, statuses: [422], why: "every row names a ward outside Lào Cai: refused row by row" }],
        "a list of Chiềng An residents, by the province officer",
      ),
      importWorkers(
        TO_HIEU,
        TH,
        [{ who: CA, statuses: [422], why: "every row names a ward outside Chiềng An: refused row by row" }],
        "a list of Tô Hiệu residents, by Tô Hiệu's officer",
      ),
    ],
  })
  cases.push({
    route: "POST /api/imports/quota",
    scenarios: [
      {
        name: "an amendment of Sơn La's 2026 plan, by the province officer",
        owner: P,
        foreign: [{ who: LAO_CAI }],
        prepare: async () => {
          // the plan as issued, Tô Hiệu's and Chiềng An's rows one person more each
          const planId = QuotaPlan.sonLa2026PlanId
          const rows = QuotaPlan.sonLa2026Plan.allocations
            .filter((a) => a.unitCode === TO_HIEU || a.unitCode === CHIENG_AN)
            .map((a) => [a.unitCode, a.unitName, a.sharePercentPrinted, a.headCount + 1] as const)
          if (rows.length !== 2) throw new Error("the 2026 plan allocates to Tô Hiệu and Chiềng An")
          const bytes = await quotaFile(ctx, rows)
          const query = new URLSearchParams({
            plan: planId,
            legalNumber: "455/QĐ-UBND",
            legalDate: "2026-05-04",
            issuer: "Chủ tịch UBND tỉnh Sơn La",
            effectiveOn: "2026-05-04",
            reason: "Điều chỉnh chỉ tiêu giữa các phường",
          })
          return {
            request: () => ({
              path: `/api/imports/quota?${query}`,
              payload: { file: { bytes, fileName: "dieu-chinh-chi-tieu.xlsx" } },
            }),
            check: (answer) => {
              if (answer.body.action !== "amended")
                throw new Error(`quota import ${JSON.stringify(answer.body).slice(0, 400)}`)
            },
          }
        },
      },
    ],
  })

  const importStages = (owner: string, foreign: ReadonlyArray<Foreign>, name: string): Scenario => ({
    name,
    owner,
    foreign,
    prepare: async () => {
      const worker = await freshWorker(ctx, TO_HIEU, "registered")
      const bytes = await stagesFile(ctx, worker.id)
      return {
        request: () => ({ path: "/api/imports/stages", payload: { file: { bytes, fileName: "qua-trinh.xlsx" } } }),
        check: (answer) => {
          if (answer.body.imported !== 1) throw new Error(`stages import ${JSON.stringify(answer.body).slice(0, 400)}`)
        },
      }
    },
  })
  cases.push({
    route: "POST /api/imports/stages",
    scenarios: [
      importStages(
        TH,
        [
          { who: CA, statuses: [422], why: "the worker is Tô Hiệu's: its row is refused as not found" },
          { who: LAO_CAI, statuses: [422], why: "no such worker in Lào Cai: its row is refused as not found" },
        ],
        "a Tô Hiệu worker's legal counselling, by Tô Hiệu's officer",
      ),
      importStages(
        P,
        [{ who: LAO_CAI, statuses: [422], why: "no such worker in Lào Cai: its row is refused as not found" }],
        "a Tô Hiệu worker's legal counselling, by the province officer",
      ),
    ],
  })

  // -- plans
  cases.push({
    route: "POST /api/plans",
    scenarios: [
      {
        name: "a Sơn La plan allocating to Tô Hiệu and Chiềng An, by the province officer",
        owner: P,
        foreign: [{ who: LAO_CAI, statuses: [400], why: "Sơn La's unit codes are not Lào Cai's: field error" }],
        prepare: async () => {
          const body = planBody()
          return { request: () => ({ path: "/api/plans", payload: json(body) }) }
        },
      },
    ],
  })
  const planCommand = (segment: string, body: (planId: string, extra: string) => unknown, needsSecond = false) =>
    cases.push({
      route: `POST /api/plans/:id/${segment}`,
      scenarios: [
        {
          name: "a Sơn La plan, by the province officer",
          owner: P,
          foreign: [{ who: LAO_CAI }],
          prepare: async () => {
            const planId = await freshPlan(ctx)
            const extra = needsSecond ? await freshPlan(ctx) : ""
            return {
              request: () => ({
                path: `/api/plans/${encodeURIComponent(planId)}/${segment}`,
                payload: json(body(planId, extra)),
              }),
            }
          },
        },
      ],
    })
  const amendBasis = { number: "501/QĐ-UBND", date: "2026-06-01", issuer: "Chủ tịch UBND tỉnh Sơn La" }
  planCommand("allocation-amendments", () => ({
    changes: [{ ...ALLOCATIONS[0], headCount: 32 }],
    legalBasis: amendBasis,
    effectiveOn: "2026-06-01",
    reason: "Điều chỉnh chỉ tiêu theo khả năng tuyển chọn",
  }))
  planCommand("target-amendments", () => ({
    target: departures2026(55),
    legalBasis: amendBasis,
    effectiveOn: "2026-06-01",
    reason: "Tăng chỉ tiêu theo Kết luận của Ban Thường vụ Tỉnh ủy",
  }))
  planCommand(
    "supersession",
    (_, replacement) => ({ supersededBy: replacement, legalBasis: amendBasis, effectiveOn: "2026-06-01" }),
    true,
  )
  cases.push({
    route: "POST /api/plans/:id/voids",
    scenarios: [
      {
        name: "a Sơn La plan recorded by mistake, voided by the province officer",
        owner: P,
        foreign: [{ who: LAO_CAI }],
        prepare: async () => {
          const planId = await freshPlan(ctx)
          const [issued] = await ctx.t.services.log.readStream(planId)
          return {
            request: () => ({
              path: `/api/plans/${encodeURIComponent(planId)}/voids`,
              payload: json({
                correctsEventId: issued!.eventId,
                reason: "Kế hoạch ghi nhầm, trùng với kế hoạch đã có",
              }),
            }),
          }
        },
      },
    ],
  })

  // -- enterprises: licensed nationally; the vetted list is always the officer's own province's
  const enterpriseUnbound =
    "a licence is national and the vetted list is always the officer's own province's: no other jurisdiction to try here (roles are checked)"
  cases.push({
    route: "POST /api/enterprises",
    unbound: enterpriseUnbound,
    scenarios: [
      {
        name: "a licensed enterprise, by the province officer",
        owner: P,
        foreign: [],
        prepare: async () => {
          const body = enterpriseBody()
          return { request: () => ({ path: "/api/enterprises", payload: json(body) }) }
        },
      },
    ],
  })
  /** Suspensions, reinstatements, violations: only a province whose list the enterprise is on (ADR 0013). */
  const enterpriseCommand = (
    segment: string,
    before: { vetted?: boolean; suspended?: boolean },
    body: Record<string, unknown>,
  ) =>
    cases.push({
      route: `POST /api/enterprises/:id/${segment}`,
      ...(before.vetted && segment !== "removals" ? {} : { unbound: enterpriseUnbound }),
      scenarios: [
        {
          name: "a fresh enterprise, by the province officer",
          owner: P,
          foreign: before.vetted && segment !== "removals" ? [{ who: LAO_CAI }] : [],
          prepare: async () => {
            const id = await freshEnterprise(ctx.as(P), before)
            return { request: () => ({ path: `/api/enterprises/${id}/${segment}`, payload: json(body) }) }
          },
        },
      ],
    })
  enterpriseCommand("vettings", {}, { legalBasis: ENTERPRISE_BASIS, occurredOn: "2026-02-01" })
  enterpriseCommand(
    "removals",
    { vetted: true },
    { legalBasis: ENTERPRISE_BASIS, reason: "Không còn đủ điều kiện tuyển chọn tại tỉnh", occurredOn: "2026-05-01" },
  )
  enterpriseCommand(
    "suspensions",
    { vetted: true },
    { legalBasis: ENTERPRISE_BASIS, reason: "Vi phạm quy định về thu tiền dịch vụ", occurredOn: "2026-04-01" },
  )
  enterpriseCommand(
    "reinstatements",
    { vetted: true, suspended: true },
    { legalBasis: ENTERPRISE_BASIS, occurredOn: "2026-06-01" },
  )
  enterpriseCommand(
    "violations",
    { vetted: true },
    { description: "Thu phí môi giới vượt mức quy định", penaltyAmount: 50_000_000, occurredOn: "2026-04-10" },
  )

  // -- plan tasks: Sở Nội vụ's (province officer) and Công an tỉnh's (its department officer)
  const [ownTask, ownTaskToComplete] = tasksLedBy("SNV")
  const [policeTask, policeTaskToComplete] = tasksLedBy("CA-TINH")
  const taskScenarios = (segment: string, body: unknown, tasks: readonly [string, string]): Array<Scenario> => [
    {
      name: "a task of Sơn La's plan, by the province officer",
      owner: P,
      foreign: [{ who: LAO_CAI }],
      prepare: async () => ({ request: () => ({ path: taskPath(tasks[0], segment), payload: json(body) }) }),
    },
    {
      name: "a task Công an tỉnh leads, by its officer",
      owner: POLICE,
      foreign: [{ who: HEALTH }],
      prepare: async () => ({ request: () => ({ path: taskPath(tasks[1], segment), payload: json(body) }) }),
    },
  ]
  if (!ownTask || !ownTaskToComplete || !policeTask || !policeTaskToComplete)
    throw new Error("Phụ lục 02: two tasks led by Sở Nội vụ and two by Công an tỉnh expected")
  cases.push({
    route: "POST /api/tasks/:id/progress-reports",
    scenarios: taskScenarios(
      "progress-reports",
      {
        reportedOn: "2026-06-30",
        summary: "Đã tổ chức 12 hội nghị tư vấn tại các xã, phường",
        percentComplete: 40,
        documentRef: "Báo cáo số 112/BC-SNV",
      },
      [ownTask.taskId, policeTask.taskId],
    ),
  })
  cases.push({
    route: "POST /api/tasks/:id/completion",
    scenarios: taskScenarios(
      "completion",
      { completedOn: "2026-03-20", summary: "Đã hoàn thành nhiệm vụ", documentRef: "Báo cáo số 45/BC" },
      [ownTaskToComplete.taskId, policeTaskToComplete.taskId],
    ),
  })

  // -- reporting obligations
  cases.push({
    route: "POST /api/reporting-obligations",
    unbound: "an obligation is set in the officer's own province; another province's officer sets its own",
    scenarios: [
      {
        name: "Tô Hiệu's ad-hoc report, set by the province officer",
        owner: P,
        foreign: [],
        prepare: async () => {
          const body = obligationBody(UNIT_TO_HIEU)
          return { request: () => ({ path: "/api/reporting-obligations", payload: json(body) }) }
        },
      },
    ],
  })
  const submission = (reporter: typeof UNIT_TO_HIEU, owner: string, foreign: ReadonlyArray<Foreign>, name: string) => ({
    name,
    owner,
    foreign,
    prepare: async (): Promise<Prepared> => {
      const id = await freshObligation(ctx, reporter)
      return {
        request: () => ({
          path: `/api/reporting-obligations/${encodeURIComponent(id)}/submissions`,
          payload: json({ submittedOn: "2026-10-08", documentRef: { number: "95/BC-UBND", date: "2026-10-08" } }),
        }),
      }
    },
  })
  cases.push({
    route: "POST /api/reporting-obligations/:id/submissions",
    scenarios: [
      submission(UNIT_CHIENG_AN, P, [{ who: LAO_CAI }, { who: TH }], "Chiềng An's report, by the province officer"),
      submission(UNIT_TO_HIEU, TH, [{ who: CA }], "Tô Hiệu's report, by Tô Hiệu's officer"),
      submission(AGENCY_POLICE, POLICE, [{ who: HEALTH }], "Công an tỉnh's report, by its officer"),
    ],
  })

  // -- corrections and voids of tasks and obligations (issue 9 §4): the province officer only
  const seedEventOf = (taskId: string) => PlanTask.planTaskSeedEvents().find((e) => e.streamId === taskId)!.eventId
  const noticeTask = (key: string) => `plan-task:14:tb-2025:II.${key}`
  const taskAmendment = (segment: string, taskId: string, extra: object): Scenario => ({
    name: `a task of Sơn La's notice (${taskId}), by the province officer`,
    owner: P,
    foreign: [{ who: LAO_CAI }],
    prepare: async () => ({
      request: () => ({
        path: taskPath(taskId, segment),
        payload: json({ correctsEventId: seedEventOf(taskId), reason: "Nhập sai khi số hóa Thông báo", ...extra }),
      }),
    }),
  })
  cases.push({
    route: "POST /api/tasks/:id/corrections",
    scenarios: [taskAmendment("corrections", noticeTask("2.b"), { timeFrameLabel: "Năm 2026" })],
  })
  cases.push({ route: "POST /api/tasks/:id/voids", scenarios: [taskAmendment("voids", noticeTask("2.c"), {})] })
  const obligationAmendment = (segment: string, extra: object): Scenario => ({
    name: "Tô Hiệu's ad-hoc report, by the province officer",
    owner: P,
    foreign: [{ who: LAO_CAI }],
    prepare: async () => {
      const created = await ok(ctx.as(P), "POST", "/api/reporting-obligations", json(obligationBody(UNIT_TO_HIEU)))
      return {
        request: () => ({
          path: `/api/reporting-obligations/${encodeURIComponent(created.id)}/${segment}`,
          payload: json({ correctsEventId: created.events[0].eventId, reason: "Hạn ghi nhầm", ...extra }),
        }),
      }
    },
  })
  cases.push({
    route: "POST /api/reporting-obligations/:id/corrections",
    scenarios: [obligationAmendment("corrections", { deadline: "2026-10-15" })],
  })
  cases.push({
    route: "POST /api/reporting-obligations/:id/voids",
    scenarios: [obligationAmendment("voids", {})],
  })

  // -- periodic reports issued (packages/reports)
  const issueBody = (reporter: string) => ({
    province: "14",
    reporter,
    period: "2026-H1",
    asOf: "2026-06-14T10:00:00.000Z",
    documentNumber: "21",
    documentDate: "2026-06-14",
    signer: { authority: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "Lò Văn Thưởng" },
  })
  const issuing = (reporter: string, owner: string, foreign: ReadonlyArray<Foreign>, name: string): Scenario => ({
    name,
    owner,
    foreign,
    prepare: async () => ({ request: () => ({ path: "/api/reports/issued", payload: json(issueBody(reporter)) }) }),
  })
  cases.push({
    route: "POST /api/reports/issued",
    scenarios: [
      issuing(TO_HIEU, TH, [{ who: CA }], "Tô Hiệu's 6-month report, by Tô Hiệu's officer"),
      issuing("province", P, [{ who: LAO_CAI }, { who: TH }], "the province's 6-month report, by Sơn La's officer"),
      issuing("CA-TINH", POLICE, [{ who: HEALTH }, { who: TH }], "Công an tỉnh's 6-month report, by its officer"),
    ],
  })

  // -- administration
  cases.push({
    route: "POST /api/projections/:name/resume",
    unbound: "read models are the system's, no jurisdiction's",
    scenarios: [
      {
        name: "a read model, by the administrator",
        owner: ADMIN,
        foreign: [],
        prepare: async () => {
          const [first] = await ctx.t.services.models.runner.status()
          return { request: () => ({ path: `/api/projections/${encodeURIComponent(first!.projection)}/resume` }) }
        },
      },
    ],
  })
  cases.push({
    route: "POST /api/users",
    scenarios: [
      {
        name: "a Tô Hiệu officer's account, by Sơn La's administrator",
        owner: ADMIN,
        foreign: [
          { who: ADMIN_LAO_CAI, statuses: [422], why: "an account of another province: refused on body.provinceCode" },
        ],
        prepare: async () => {
          const body = userBody(ctx, "commune-officer")
          return {
            request: () => ({ path: "/api/users", payload: json(body) }),
            check: async () => {
              await openSession(ctx.t.app, body.username, body.password)
            },
          }
        },
      },
    ],
  })

  const managed = (
    action: string,
    payload: (ctx: WriteContext) => Payload | undefined,
    before: (account: Session) => Promise<void>,
    after: (account: Session, body: any) => Promise<void>,
  ) =>
    cases.push({
      route: `POST /api/users/:userId/${action}`,
      scenarios: [
        {
          name: "a Tô Hiệu officer's account, by Sơn La's administrator",
          owner: ADMIN,
          foreign: [{ who: ADMIN_LAO_CAI, why: "an account of another province" }],
          prepare: async () => {
            const account = await freshAccount(ctx, "commune-officer")
            await before(account)
            const userId =
              (await account.send("GET", "/api/session")).body?.userId ?? (await userIdOf(ctx, account.username))
            const body = payload(ctx)
            return {
              request: () => ({ path: `/api/users/${userId}/${action}`, ...(body ? { payload: body } : {}) }),
              check: () => after(account, body && "json" in body ? body.json : undefined),
            }
          },
        },
      ],
    })
  managed(
    "disable",
    () => undefined,
    async () => {},
    async (account) => {
      const after = await account.send("GET", "/api/session")
      if (after.status !== 401) throw new Error(`a disabled account's session still answers ${after.status}`)
    },
  )
  managed(
    "enable",
    () => undefined,
    async (account) => {
      await ok(ctx.as(ADMIN), "POST", `/api/users/${await userIdOf(ctx, account.username)}/disable`)
    },
    async (account) => {
      await openSession(ctx.t.app, account.username, MATRIX_PASSWORD)
    },
  )
  managed(
    "password",
    () => json({ newPassword: `Mật khẩu đặt lại ${next()} an toàn` }),
    async () => {},
    async (account, body) => {
      await openSession(ctx.t.app, account.username, body.newPassword)
    },
  )

  // -- sessions: every role signs in, changes its own password, signs out
  const ownAccount = "a session acts on its own account only"
  cases.push({
    route: "POST /api/session",
    unbound: ownAccount,
    scenarios: ROLE_LIST.map((role) => ({
      name: `signing in as ${role}`,
      owner: accountOfRole[role],
      foreign: [],
      prepare: async () => {
        const username = accountOfRole[role]
        return {
          request: () => ({
            path: "/api/session",
            payload: json({ username, password: ctx.passwordOf(username) }),
            session: anonymousSession(ctx.t.app),
          }),
        }
      },
    })),
  })
  cases.push({
    route: "POST /api/session/password",
    unbound: ownAccount,
    scenarios: ROLE_LIST.map((role) => ({
      name: `a ${role} changes its password`,
      owner: `(a fresh ${role})`,
      foreign: [],
      prepare: async () => {
        const session = await freshAccount(ctx, role)
        const newPassword = `${MATRIX_PASSWORD} mới ${next()}`
        return {
          owner: session.username,
          request: () => ({
            path: "/api/session/password",
            payload: json({ currentPassword: MATRIX_PASSWORD, newPassword }),
            session,
          }),
          check: async () => {
            await openSession(ctx.t.app, session.username, newPassword)
          },
        }
      },
    })),
  })
  cases.push({
    route: "DELETE /api/session",
    unbound: ownAccount,
    scenarios: ROLE_LIST.map((role) => ({
      name: `signing out as ${role}`,
      owner: accountOfRole[role],
      foreign: [],
      prepare: async () => {
        const username = accountOfRole[role]
        const session = await openSession(ctx.t.app, username, ctx.passwordOf(username))
        return {
          request: () => ({ path: "/api/session", session }),
          check: async () => {
            const after = await session.send("GET", "/api/session")
            if (after.status !== 401) throw new Error(`after signing out, GET /api/session → ${after.status}`)
          },
        }
      },
    })),
  })

  return cases
}

const userIdOf = async (ctx: WriteContext, username: string): Promise<string> => {
  const { rows } = await sql<{ user_id: string }>`SELECT user_id FROM api_users WHERE username = ${username}`.execute(
    ctx.t.services.log.database.db,
  )
  return rows[0]!.user_id
}

/** The unit id of a code on 1 January 2026. */
export const unitIdIn = (catalogue: AdminUnit.Catalogue, code: string): string =>
  AdminUnit.unitOn(catalogue, code, "2026-01-01")[0]!.unitId

/**
 * Sets up the other jurisdictions: another enterprise's officer and Công an tỉnh's, made by Sơn La's administrator;
 * Lào Cai's province officer and administrator, made by the operator (an administrator makes accounts of its own
 * province only, and never administrators).
 */
export async function createExtraAccounts(
  t: TestApp,
  ctx: Pick<WriteContext, "as" | "remember">,
  otherEnterpriseId: string,
): Promise<void> {
  const admin = ctx.as(ADMIN)
  const made = [
    {
      username: E2,
      displayName: "Cán bộ doanh nghiệp dịch vụ khác",
      role: "enterprise-officer",
      provinceCode: "14",
      enterpriseId: otherEnterpriseId,
    },
    {
      username: POLICE,
      displayName: "Cán bộ Công an tỉnh Sơn La",
      role: "department-officer",
      provinceCode: "14",
      agency: "CA-TINH",
    },
  ] as const
  for (const account of made) {
    await ok(admin, "POST", "/api/users", json({ ...account, password: MATRIX_PASSWORD }))
    ctx.remember(account.username, account.role, MATRIX_PASSWORD)
  }
  const operated = [
    { username: LAO_CAI, displayName: "Cán bộ Sở Nội vụ tỉnh Lào Cai", role: "province-officer", agency: "SNV" },
    { username: ADMIN_LAO_CAI, displayName: "Quản trị hệ thống tỉnh Lào Cai", role: "administrator" },
  ] as const
  for (const account of operated) {
    await ensureUser(t.services.log.database.db, { ...account, provinceCode: "10", password: MATRIX_PASSWORD })
    ctx.remember(account.username, account.role, MATRIX_PASSWORD)
  }
}

export { ok as expectOk, json as jsonPayload }
