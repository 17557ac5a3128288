import { AdminUnit, Enterprise, PersonalData, Worker, type IsoDate } from "@xkld/domain"
import { Schema } from "effect"
import type { Actor } from "../access/actor.ts"
import type { Role } from "../access/roles.ts"
import { fail } from "../http/problem.ts"
import { loadAggregate } from "../commands/execute.ts"
import type { AppServices } from "../services.ts"
import { newEventId, type RequestContext } from "../commands/request.ts"
import { EventDate } from "../http/dates.ts"
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
  /** A residence assignment: the unit lived in on the date and its successors, from the catalogue. */
  readonly split?: Worker.SplitUnit | undefined
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
  /** Residence assignment: the decider checks the worker's unit on the date was split, and the unit is a successor. */
  readonly needsSplitUnit?: boolean
  readonly fields: (body: any, ctx: FactContext) => Promise<object>
  readonly command: (base: FactBase, fields: any, extras: FactExtras) => Worker.WorkerCommand
  readonly fact: (base: FactBase, fields: any, target: Worker.WorkerFact) => Worker.WorkerFact
}

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

/**
 * The unit a worker lived in on a date and where it went: its successors in force today (those of the catalogue's
 * successions after the date), split when there are several or its area was divided.
 */
export async function splitUnitOf(
  services: AppServices,
  state: Worker.WorkerState,
  on: IsoDate,
): Promise<Worker.SplitUnit> {
  const catalogue = await services.models.catalogues.at()
  const unitId = Worker.residenceAt(state, on)?.residenceUnitId ?? ""
  const successors = AdminUnit.successorsToday(catalogue, unitId)
  return {
    unitId,
    successorIds: successors.map((s) => s.unitId),
    split: successors.length > 1 || successors.some((s) => s.viaSplit),
  }
}

const splitOf = (extras: FactExtras): Worker.SplitUnit => {
  if (extras.split === undefined) throw new Error("split unit not read for a residence assignment")
  return extras.split
}

/** The standing a selection or contract command needs (the enterprise named by its fields, on its date). */
const standingOf = (extras: FactExtras): Worker.EnterpriseStanding => {
  if (extras.standing === undefined) throw new Error("enterprise standing not read for a selection or contract")
  return extras.standing
}

/** Ids an officer may leave out: the app gives the loan, subsidy or case a new id (the fact's own input says which). */
const NEW_ID_FIELDS = ["loanId", "subsidyId", "caseId"] as const

/**
 * The event's fields from what the officer typed (`input` of the fact's declaration, besides the date): the input as
 * sent (what was not sent left out), with what only the app can do — a unit reference resolved to the unit, the
 * enterprise checked against the officer's own or the known ones, a new loan, subsidy or case id, the `sealed` fields sealed
 * together with the person's key as `sensitive`.
 */
const fieldsOf =
  (recording: Worker.FactRecording) =>
  async (body: Record<string, unknown>, ctx: FactContext): Promise<object> => {
    const sealed = recording.sealed ?? []
    const typed = (names: ReadonlyArray<string>) => without(Object.fromEntries(names.map((name) => [name, body[name]])))
    const fields: Record<string, unknown> = typed(Object.keys(recording.input).filter((n) => !sealed.includes(n)))
    if ("residenceUnit" in recording.input) {
      const unit = resolveUnit(
        await ctx.services.models.catalogues.at(),
        ctx.actor.provinceCode,
        body.residenceUnit as string,
        body.occurredOn as IsoDate,
        "body.residenceUnit",
      )
      delete fields.residenceUnit
      Object.assign(fields, { residenceUnitCode: unit.code, residenceUnitId: unit.unitId })
    }
    if ("enterpriseId" in recording.input) fields.enterpriseId = await enterpriseOf(body, ctx)
    // A loan, a subsidy or a protection case opened without an id gets a new one (later facts name it).
    for (const name of NEW_ID_FIELDS) if (name in recording.input) fields[name] ??= newEventId(ctx.request, 1)
    const secret = typed(sealed)
    if (Object.keys(secret).length > 0) fields.sensitive = await seal(ctx, secret)
    return fields
  }

const roleOf = (recorder: Worker.Recorder): Role => `${recorder}-officer`

/** One route per fact, derived from the domain's declaration of the fact (`Worker.workerFacts`). */
const specOf = (tag: Worker.RecordedFactTag): FactSpec => {
  const declaration: { readonly checked?: ReadonlyArray<string>; readonly recording: Worker.FactRecording } =
    Worker.workerFacts[tag]
  const { recording } = declaration
  const checked = declaration.checked ?? []
  const needsEnterpriseStanding = checked.includes("standing")
  const needsSplitUnit = checked.includes("split")
  return {
    tag,
    segment: recording.segment,
    summary: recording.summary,
    summaryEn: recording.summaryEn,
    roles: recording.by.map(roleOf),
    body: Schema.Struct({ occurredOn: EventDate, ...recording.input }),
    needsDateOfBirth: checked.includes("dateOfBirth"),
    needsEnterpriseStanding,
    needsSplitUnit,
    fields: fieldsOf(recording),
    command: (base, fields, extras) =>
      Worker.commandFor(tag, {
        ...base,
        ...fields,
        ...(needsEnterpriseStanding ? { standing: standingOf(extras) } : {}),
        ...(needsSplitUnit ? { split: splitOf(extras) } : {}),
      }),
    fact: (base, fields, target) => Worker.replacementFor(tag, { ...base, ...fields }, target),
  }
}

export const factSpecs: ReadonlyArray<FactSpec> = (Object.keys(Worker.workerFacts) as Worker.RecordedFactTag[]).map(
  specOf,
)

export const factSpecByTag: ReadonlyMap<string, FactSpec> = new Map(factSpecs.map((s) => [s.tag, s]))

/** Who may register (and correct a registration): province and commune officers. */
export const REGISTRATION_RULE = { tag: "WorkerRegistered", roles: ["province-officer", "commune-officer"] } as const
