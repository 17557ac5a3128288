import type { Worker } from "@xkld/domain"
import type { WorkerRow } from "@xkld/projections"
import type { Actor } from "../access/actor.ts"
import type { Role } from "../access/roles.ts"
import { fail } from "../http/problem.ts"

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
 * May this actor record (or correct) this kind of fact for this worker? Throws: 403 when the role may not record
 * it or the worker is visible but not theirs to change, 404 when the worker is not theirs to see at all.
 * Enterprise officers select any worker of the province and then record what follows for the workers their
 * enterprise selected or contracted; bank officers record loans for any worker of the province.
 */
export function authoriseWrite(actor: Actor, rule: WriteRule, state: Worker.WorkerState, workerId: string): void {
  const scope = scopeOfState(state)
  if (!scope || scope.provinceCode !== actor.provinceCode) throw workerNotFound(workerId)
  if (!rule.roles.includes(actor.role))
    throw fail(
      "forbidden",
      "Vai trò của bạn không được ghi nhận loại thông tin này.",
      "Your role may not record this kind of fact.",
    )
  const deny = () => {
    throw canSee(actor, scope) ? notYourWorker() : workerNotFound(workerId)
  }
  switch (actor.role) {
    case "province-officer":
      return
    case "commune-officer":
      if (!actor.unitIds.includes(scope.unitId)) deny()
      return
    case "enterprise-officer":
      if (rule.tag === "WorkerSelectedByEnterprise") return
      if (actor.enterpriseId === null || !scope.enterpriseIds.includes(actor.enterpriseId)) deny()
      return
    case "bank-officer":
      if (rule.tag !== "WorkerLoanRecorded") deny()
      return
    default:
      throw fail(
        "forbidden",
        "Vai trò của bạn không được ghi nhận thông tin người lao động.",
        "Your role may not record worker facts.",
      )
  }
}
