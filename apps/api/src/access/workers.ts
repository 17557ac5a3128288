import type { Worker } from "@xkld/domain"
import type { WorkerRow } from "@xkld/projections"
import type { Actor } from "./actor.ts"
import type { Role } from "./roles.ts"
import { fail, type ProblemError } from "../http/problem.ts"

/**
 * Who may see and change which worker (README "Access"):
 * province officer and auditor: the whole province; commune officer: workers living in their units;
 * enterprise officer: the workers its enterprise selected or contracted; bank officer: workers with a loan or
 * a contract. Leaders see aggregates only; administrators and department officers no worker at all.
 */

/** Roles that may open worker records (list and detail). */
export const WORKER_READERS: ReadonlyArray<Role> = [
  "province-officer",
  "commune-officer",
  "enterprise-officer",
  "bank-officer",
  "auditor",
]

/** The facts a worker record is scoped by, from its state or its read-model row. */
export interface WorkerScope {
  readonly provinceCode: string
  readonly unitId: string
  /** Enterprises that selected or contracted the worker (any of them). */
  readonly enterpriseIds: ReadonlyArray<string>
  readonly hasLoan: boolean
  readonly contracted: boolean
}

export const scopeOfState = (state: Worker.WorkerState): WorkerScope | undefined => {
  const registration = state.registration
  if (!registration) return undefined
  const enterpriseIds = [
    state.selectedBy?.enterpriseId,
    ...Object.values(state.contracts).map((c) => c.enterpriseId),
    state.departure?.enterpriseId,
  ].filter((id): id is string => !!id)
  return {
    provinceCode: registration.provinceCode,
    unitId: state.residence.at(-1)?.residenceUnitId ?? registration.residenceUnitId,
    enterpriseIds: [...new Set(enterpriseIds)],
    hasLoan: Object.keys(state.loans).length > 0,
    contracted: state.contract !== undefined,
  }
}

export const scopeOfRow = (row: WorkerRow): WorkerScope => ({
  provinceCode: row.provinceCode,
  unitId: row.unitId,
  enterpriseIds: row.enterpriseId ? [row.enterpriseId] : [],
  hasLoan: row.loanCount > 0,
  contracted: row.contractedOn !== null,
})

/** May this actor see the record at all (statistical fields)? */
export const canSee = (actor: Actor, scope: WorkerScope): boolean => {
  if (scope.provinceCode !== actor.provinceCode) return false
  switch (actor.role) {
    case "province-officer":
    case "auditor":
      return true
    case "commune-officer":
      return actor.unitIds.includes(scope.unitId)
    case "enterprise-officer":
      return actor.enterpriseId !== null && scope.enterpriseIds.includes(actor.enterpriseId)
    case "bank-officer":
      return scope.hasLoan || scope.contracted
    default:
      return false
  }
}

/** May this actor read the person's identifying data (name, citizen ID…)? Never bank officers or leaders. */
export const canSeeIdentity = (actor: Actor, scope: WorkerScope): boolean =>
  canSee(actor, scope) && ["province-officer", "commune-officer", "enterprise-officer", "auditor"].includes(actor.role)

export const workerNotFound = (workerId: string) =>
  fail(
    "not-found",
    `Không tìm thấy người lao động ${workerId} trong phạm vi bạn được xem.`,
    `No worker ${workerId} within your jurisdiction.`,
  )

export const notYourWorker = () =>
  fail(
    "forbidden",
    "Người lao động này không thuộc phạm vi quản lý của bạn; bạn không được ghi nhận thông tin cho người này.",
    "This worker is outside your jurisdiction; you may not record facts for them.",
  )

/** A command's access: the roles that may record the fact. */
export interface WriteRule {
  readonly tag: Worker.WorkerFact["_tag"]
  readonly roles: ReadonlyArray<Role>
}

/**
 * May this actor record (or correct) this kind of fact for this worker? The refusal, if any: 403 when the role may
 * not record it or the worker is visible but not theirs to change, 404 when the worker is not theirs to see at all.
 * Enterprise officers may select any worker of the province (the worker decider refuses a worker whose dossier the
 * commune has not confirmed, and an enterprise not licensed, not vetted or suspended on the date), and then record
 * what follows for the workers their enterprise selected or contracted; bank officers record loans for any worker
 * of the province.
 */
export function writeRefusal(
  actor: Actor,
  rule: WriteRule,
  state: Worker.WorkerState,
  workerId: string,
): ProblemError | undefined {
  const scope = scopeOfState(state)
  if (!scope || scope.provinceCode !== actor.provinceCode) return workerNotFound(workerId)
  if (!rule.roles.includes(actor.role))
    return fail(
      "forbidden",
      "Vai trò của bạn không được ghi nhận loại thông tin này.",
      "Your role may not record this kind of fact.",
    )
  const denied = () => (canSee(actor, scope) ? notYourWorker() : workerNotFound(workerId))
  switch (actor.role) {
    case "province-officer":
      return undefined
    case "commune-officer":
      return actor.unitIds.includes(scope.unitId) ? undefined : denied()
    case "enterprise-officer":
      if (rule.tag === "WorkerSelectedByEnterprise") return undefined
      return actor.enterpriseId !== null && scope.enterpriseIds.includes(actor.enterpriseId) ? undefined : denied()
    case "bank-officer":
      return rule.tag === "WorkerLoanRecorded" ? undefined : denied()
    default:
      return fail(
        "forbidden",
        "Vai trò của bạn không được ghi nhận thông tin người lao động.",
        "Your role may not record worker facts.",
      )
  }
}

/** `writeRefusal`, thrown (for checks made before the pipeline, like a correction's). */
export function authoriseWrite(actor: Actor, rule: WriteRule, state: Worker.WorkerState, workerId: string): void {
  const refusal = writeRefusal(actor, rule, state, workerId)
  if (refusal) throw refusal
}

/**
 * The organisation that recorded a fact, from the actor in its event metadata. Officers of the API are recorded
 * with their role and their unit (commune) or enterprise; generated and imported history uses the agency codes
 * of the glossary (communeCommittee, enterprise, socialPolicyBank, homeAffairsDept…).
 */
export type Recorder =
  | { readonly kind: "province" }
  | { readonly kind: "commune"; readonly unitId: string | undefined }
  | { readonly kind: "enterprise"; readonly enterpriseId: string | undefined }
  | { readonly kind: "bank" }
  | { readonly kind: "agency"; readonly role: string }

const RECORDER_KINDS: Readonly<Record<string, "province" | "commune" | "enterprise" | "bank">> = {
  "province-officer": "province",
  homeAffairsDept: "province",
  labourDept: "province",
  "commune-officer": "commune",
  communeCommittee: "commune",
  "enterprise-officer": "enterprise",
  enterprise: "enterprise",
  "bank-officer": "bank",
  socialPolicyBank: "bank",
}

export const recorderOf = (actor: { readonly role: string; readonly unit?: string | undefined }): Recorder => {
  switch (RECORDER_KINDS[actor.role]) {
    case "province":
      return { kind: "province" }
    case "commune":
      return { kind: "commune", unitId: actor.unit }
    case "enterprise":
      return { kind: "enterprise", enterpriseId: actor.unit }
    case "bank":
      return { kind: "bank" }
    default:
      return { kind: "agency", role: actor.role }
  }
}

const recorderLabelVi = (recorder: Recorder): string => {
  switch (recorder.kind) {
    case "province":
      return "Sở Nội vụ"
    case "commune":
      return "UBND xã, phường đã ghi nhận"
    case "enterprise":
      return "doanh nghiệp đã ghi nhận"
    case "bank":
      return "Ngân hàng Chính sách xã hội"
    case "agency":
      return "cơ quan đã ghi nhận"
  }
}

/**
 * May this actor correct or void a fact recorded by `recorder`? Only the recorder's organisation — the same
 * enterprise, the same commune (or the unit it took over whole), the bank — or the province officer. Throws 403.
 * The actor's jurisdiction over the worker and its role's right to record this kind of fact are checked before.
 */
export function authoriseAmend(actor: Actor, recorder: Recorder): void {
  const allowed = (() => {
    switch (actor.role) {
      case "province-officer":
        return true
      case "commune-officer":
        return recorder.kind === "commune" && recorder.unitId !== undefined && actor.unitIds.includes(recorder.unitId)
      case "enterprise-officer":
        return (
          recorder.kind === "enterprise" && actor.enterpriseId !== null && recorder.enterpriseId === actor.enterpriseId
        )
      case "bank-officer":
        return recorder.kind === "bank"
      default:
        return false
    }
  })()
  if (!allowed)
    throw fail(
      "forbidden",
      `Chỉ ${recorderLabelVi(recorder)} hoặc Sở Nội vụ mới được sửa hoặc hủy bản ghi này.`,
      "Only the organisation that recorded this fact, or the province officer, may correct or void it.",
    )
}
