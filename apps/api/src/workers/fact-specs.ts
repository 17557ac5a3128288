import { Enterprise, PersonalData, Worker, type IsoDate } from "@xkld/domain"
import type { Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import type { Role } from "../access/roles.ts"
import { fail } from "../http/problem.ts"
import { loadAggregate } from "../commands/execute.ts"
import type { AppServices } from "../services.ts"
import { newEventId, type RequestContext } from "../commands/request.ts"
import * as B from "./bodies.ts"
import { resolveUnit } from "./units.ts"
import { personKeyOf, type LoadedWorker } from "./worker-record.ts"

/** What building a fact from a request may use: who asks, the worker as recorded, the services. */
export interface FactContext {
  readonly services: AppServices
  readonly actor: Actor
  readonly request: RequestContext
  readonly loaded: LoadedWorker
}

/** Identity of the fact being recorded (or of the fact a correction replaces). */
export interface FactBase {
  readonly eventId: string
  readonly workerId: string
  readonly occurredOn: IsoDate
}

/** What a command needs beyond its body, read by the app: the date of birth (age), the enterprise's standing. */
export interface FactExtras {
  readonly dateOfBirth?: IsoDate | undefined
  readonly standing?: Worker.EnterpriseStanding | undefined
}

/**
 * One worker command as a route: `POST /api/workers/:id/<segment>` with `body`. The same body, sent as a
 * correction's `replacement`, rebuilds the fact in place of the one it corrects.
 */
export interface FactSpec {
  readonly tag: Worker.RecordedFactTag
  readonly segment: string
  readonly summary: string
  readonly summaryEn: string
  readonly roles: ReadonlyArray<Role>
  readonly body: Schema.Top
  /** Departure: the age check needs the date of birth, decrypted from the identity (and logged). */
  readonly needsDateOfBirth?: boolean
  /** Selection, contract: the decider checks where the enterprise (`fields.enterpriseId`) stood on the date. */
  readonly needsEnterpriseStanding?: boolean
  readonly fields: (body: any, ctx: FactContext) => Promise<object>
  readonly command: (base: FactBase, fields: any, extras: FactExtras) => Worker.WorkerCommand
  readonly fact: (base: FactBase, fields: any, target: Worker.WorkerFact) => Worker.WorkerFact
}

/**
 * Typed builder: `fields` fixes the shape the fact is built from. The command and a correction's replacement come
 * from the domain's declaration of the fact (`Worker.workerFacts`): nothing here names a command or event class.
 */
const spec = <F extends object>(s: {
  readonly tag: FactSpec["tag"]
  readonly segment: string
  readonly summary: string
  readonly summaryEn: string
  readonly roles: ReadonlyArray<Role>
  readonly body: Schema.Top
  readonly needsDateOfBirth?: boolean
  readonly needsEnterpriseStanding?: boolean
  readonly fields: (body: any, ctx: FactContext) => F | Promise<F>
}): FactSpec => ({
  ...s,
  fields: async (body, ctx) => s.fields(body, ctx),
  command: (base, fields, extras) =>
    Worker.commandFor(s.tag, {
      ...base,
      ...fields,
      ...(s.needsEnterpriseStanding ? { standing: standingOf(extras) } : {}),
    }),
  fact: (base, fields, target) => Worker.replacementFor(s.tag, { ...base, ...fields }, target),
})

const P: Role = "province-officer"
const C: Role = "commune-officer"
const E: Role = "enterprise-officer"
const BANK: Role = "bank-officer"

const seal = async (ctx: FactContext, value: unknown) =>
  PersonalData.sealPersonal(await personKeyOf(ctx.services, ctx.loaded.registration), value)

const without = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T

/** The enterprise of a selection or contract: an enterprise officer's own; other officers name a known one. */
async function enterpriseOf(body: { readonly enterpriseId?: string | undefined }, ctx: FactContext): Promise<string> {
  const { actor } = ctx
  if (actor.role === "enterprise-officer") {
    if (body.enterpriseId !== undefined && body.enterpriseId !== actor.enterpriseId)
      throw fail(
        "forbidden",
        "Cán bộ doanh nghiệp chỉ ghi nhận cho doanh nghiệp của mình.",
        "An enterprise officer records for their own enterprise only.",
      )
    return actor.enterpriseId!
  }
  const field = [
    {
      path: "body.enterpriseId",
      message: "Cần mã doanh nghiệp đã được cấp phép",
      messageEn: "A known enterprise id is required",
    },
  ]
  if (!body.enterpriseId)
    throw fail("validation", "Cần chọn doanh nghiệp (enterpriseId).", "enterpriseId is required.", { fields: field })
  const known = await ctx.services.models.enterprises({})
  if (!known.some((e) => e.enterpriseId === body.enterpriseId))
    throw fail(
      "validation",
      `Không có doanh nghiệp ${body.enterpriseId} trong danh sách doanh nghiệp.`,
      `Unknown enterprise ${body.enterpriseId}.`,
      { fields: field },
    )
  return body.enterpriseId
}

/**
 * Where an enterprise stood in the province on a date (licensed, vetted, suspended), from its own history as
 * known now: the value the worker decider checks a selection or contract against.
 */
export async function enterpriseStandingOf(
  services: AppServices,
  enterpriseId: string,
  provinceCode: string,
  on: IsoDate,
): Promise<Worker.EnterpriseStanding> {
  const { state } = await loadAggregate(
    services,
    Enterprise.enterpriseStreamId(enterpriseId),
    Enterprise.enterpriseDecider,
  )
  return { enterpriseId, provinceCode, on, ...Enterprise.standingOn(state, provinceCode, on) }
}

/** The standing a selection or contract command needs (the enterprise named by its fields, on its date). */
const standingOf = (extras: FactExtras): Worker.EnterpriseStanding => {
  if (extras.standing === undefined) throw new Error("enterprise standing not read for a selection or contract")
  return extras.standing
}

export const factSpecs: ReadonlyArray<FactSpec> = [
  spec({
    tag: "WorkerResidenceChanged",
    segment: "residence",
    summary: "Ghi nhận chuyển nơi cư trú sang xã, phường khác",
    summaryEn: "Record a move to another commune or ward",
    roles: [P, C],
    body: B.ResidenceBody,
    fields: async (body: typeof B.ResidenceBody.Type, ctx) => {
      const unit = resolveUnit(
        await ctx.services.models.catalogues.at(),
        ctx.actor.provinceCode,
        body.residenceUnit,
        body.occurredOn,
        "body.residenceUnit",
      )
      return { residenceUnitCode: unit.code, residenceUnitId: unit.unitId }
    },
  }),
  spec({
    tag: "WorkerCounselled",
    segment: "counselling",
    summary: "Ghi nhận tư vấn cho người lao động",
    summaryEn: "Record counselling",
    roles: [P, C],
    body: B.CounsellingBody,
    fields: (body: typeof B.CounsellingBody.Type) => ({ provider: body.provider }),
  }),
  spec({
    tag: "WorkerTrainingCompleted",
    segment: "training",
    summary: "Ghi nhận hoàn thành đào tạo (ngoại ngữ, nghề, định hướng)",
    summaryEn: "Record completed language, vocational or orientation training",
    roles: [P, C, E],
    body: B.TrainingBody,
    fields: (body: typeof B.TrainingBody.Type) => ({ kind: body.kind, provider: body.provider }),
  }),
  spec({
    tag: "WorkerHealthChecked",
    segment: "health-check",
    summary: "Ghi nhận khám sức khỏe (kết quả được mã hóa)",
    summaryEn: "Record a health check (result encrypted)",
    roles: [P, C, E],
    body: B.HealthCheckBody,
    fields: async (body: typeof B.HealthCheckBody.Type, ctx) => ({
      provider: body.provider,
      sensitive: await seal(ctx, without({ fit: body.fit, summary: body.summary })),
    }),
  }),
  spec({
    tag: "WorkerCriminalRecordCertificateIssued",
    segment: "criminal-record-certificate",
    summary: "Ghi nhận cấp phiếu lý lịch tư pháp (nội dung được mã hóa)",
    summaryEn: "Record a criminal-record certificate (content encrypted)",
    roles: [P, C, E],
    body: B.CriminalRecordBody,
    fields: async (body: typeof B.CriminalRecordBody.Type, ctx) => ({
      issuer: body.issuer,
      sensitive: await seal(ctx, without({ hasConvictions: body.hasConvictions, content: body.content })),
    }),
  }),
  spec({
    tag: "WorkerDossierConfirmed",
    segment: "dossier-confirmation",
    summary:
      "UBND xã, phường nơi cư trú (hoặc Sở Nội vụ) xác nhận hồ sơ người lao động; sau đó doanh nghiệp mới được tuyển chọn",
    summaryEn: "The commune of residence (or the province) confirms the worker's dossier; enterprises may then select",
    roles: [P, C],
    body: B.DossierConfirmationBody,
    fields: () => ({}),
  }),
  spec({
    tag: "WorkerSelectedByEnterprise",
    segment: "selection",
    summary:
      "Ghi nhận doanh nghiệp tuyển chọn người lao động (doanh nghiệp có giấy phép, trong danh sách của tỉnh, không bị đình chỉ; hồ sơ đã được xã xác nhận)",
    summaryEn:
      "Record selection by an enterprise (licensed, vetted by the province, not suspended; dossier confirmed by the commune)",
    roles: [P, C, E],
    body: B.SelectionBody,
    needsEnterpriseStanding: true,
    fields: async (body: typeof B.SelectionBody.Type, ctx) => ({ enterpriseId: await enterpriseOf(body, ctx) }),
  }),
  spec({
    tag: "WorkerContractSigned",
    segment: "contract",
    summary: "Ghi nhận ký hợp đồng đi làm việc ở nước ngoài (cùng điều kiện về doanh nghiệp và hồ sơ như tuyển chọn)",
    summaryEn: "Record a signed contract to work abroad (same conditions on the enterprise and dossier as selection)",
    roles: [P, C, E],
    body: B.ContractBody,
    needsEnterpriseStanding: true,
    fields: async (body: typeof B.ContractBody.Type, ctx) => ({
      enterpriseId: await enterpriseOf(body, ctx),
      country: body.country,
      programme: body.programme,
      occupation: body.occupation,
      durationMonths: body.durationMonths,
      monthlyWage: body.monthlyWage,
      feesPaidByWorker: body.feesPaidByWorker,
    }),
  }),
  spec({
    tag: "WorkerLoanRecorded",
    segment: "loans",
    summary: "Ghi nhận khoản vay Ngân hàng Chính sách xã hội (hoặc thay đổi trạng thái khoản vay)",
    summaryEn: "Record a Social Policy Bank loan or a change of its status",
    roles: [P, C, BANK],
    body: B.LoanBody,
    fields: (body: typeof B.LoanBody.Type, ctx) => ({
      loanId: body.loanId ?? newEventId(ctx.request, 1),
      bank: body.bank,
      amount: body.amount,
      status: body.status,
    }),
  }),
  spec({
    tag: "WorkerSupportSubsidyGranted",
    segment: "subsidies",
    summary: "Ghi nhận hỗ trợ theo chính sách",
    summaryEn: "Record a support subsidy under a policy",
    roles: [P, C],
    body: B.SubsidyBody,
    fields: (body: typeof B.SubsidyBody.Type) =>
      without({ policy: body.policy, amount: body.amount, legalBasis: body.legalBasis }),
  }),
  spec({
    tag: "WorkerDeparted",
    segment: "departure",
    summary: "Ghi nhận xuất cảnh theo hợp đồng (kiểm tra đủ 18 tuổi)",
    summaryEn: "Record a departure under the contract (checks the age of 18)",
    roles: [P, C, E],
    body: B.DepartureBody,
    needsDateOfBirth: true,
    fields: () => ({}),
  }),
  spec({
    tag: "WorkerContractEndedEarly",
    segment: "contract-ended-early",
    summary: "Ghi nhận chấm dứt hợp đồng trước hạn",
    summaryEn: "Record that the contract ended early",
    roles: [P, C, E],
    body: B.ContractEndedEarlyBody,
    fields: (body: typeof B.ContractEndedEarlyBody.Type) => ({ reason: body.reason }),
  }),
  spec({
    tag: "WorkerReturned",
    segment: "return",
    summary: "Ghi nhận về nước (đúng hạn, trước hạn, quá hạn)",
    summaryEn: "Record a return home (on time, early, late)",
    roles: [P, C, E],
    body: B.ReturnBody,
    fields: (body: typeof B.ReturnBody.Type) => without({ kind: body.kind, reason: body.reason }),
  }),
  spec({
    tag: "WorkerOverstayed",
    segment: "overstay",
    summary: "Ghi nhận cư trú bất hợp pháp ở nước ngoài",
    summaryEn: "Record an overstay abroad",
    roles: [P, C, E],
    body: B.OverstayBody,
    fields: (body: typeof B.OverstayBody.Type) => without({ source: body.source }),
  }),
  spec({
    tag: "WorkerViolationRecorded",
    segment: "violations",
    summary: "Ghi nhận vi phạm (nội dung được mã hóa)",
    summaryEn: "Record a violation (details encrypted)",
    roles: [P, C, E],
    body: B.ViolationBody,
    fields: async (body: typeof B.ViolationBody.Type, ctx) => ({
      category: body.category,
      ...(body.description === undefined ? {} : { sensitive: await seal(ctx, { description: body.description }) }),
    }),
  }),
  spec({
    tag: "WorkerReemploymentSupported",
    segment: "reemployment",
    summary: "Ghi nhận hỗ trợ việc làm sau khi về nước",
    summaryEn: "Record re-employment support after return",
    roles: [P, C],
    body: B.ReemploymentBody,
    fields: (body: typeof B.ReemploymentBody.Type) => ({ kind: body.kind, provider: body.provider }),
  }),
  spec({
    tag: "WorkerWithdrew",
    segment: "withdrawal",
    summary: "Ghi nhận người lao động rút khỏi chương trình",
    summaryEn: "Record a withdrawal from the programme",
    roles: [P, C, E],
    body: B.WithdrawalBody,
    fields: (body: typeof B.WithdrawalBody.Type) => ({ reason: body.reason }),
  }),
]

export const factSpecByTag: ReadonlyMap<string, FactSpec> = new Map(factSpecs.map((s) => [s.tag, s]))

/** Who may register (and correct a registration): province and commune officers. */
export const REGISTRATION_RULE = { tag: "WorkerRegistered", roles: [P, C] } as const
