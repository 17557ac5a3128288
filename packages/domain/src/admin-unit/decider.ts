import { Result } from "effect"
import type { Decider } from "../shared/decider.ts"
import type { IsoDate } from "../shared/values.ts"
import {
  type Catalogue,
  type Dated,
  emptyCatalogue,
  evolveCatalogue,
  isInForce,
  lastChangeOf,
  type UnitRecord,
  valueOn,
} from "./catalogue.ts"
import type {
  AdminUnitCommand,
  CorrectAdminUnit,
  CorrectSuccession,
  DissolveAdminUnit,
  EstablishAdminUnit,
  RecodeAdminUnit,
  RecordSuccession,
  RenameAdminUnit,
  ReparentAdminUnit,
} from "./commands.ts"
import {
  AdminUnitCorrected,
  AdminUnitDissolved,
  AdminUnitEstablished,
  type AdminUnitEvent,
  AdminUnitRecoded,
  AdminUnitRenamed,
  AdminUnitReparented,
  AdminUnitSucceeded,
  AdminUnitSuccessionCorrected,
  type SuccessionMode,
  type SuccessorShare,
} from "./events.ts"
import { type AdminUnitKind, allowedParentLevels, isValidCode, kindLabelsOf, levelOf } from "./kinds.ts"
import { normaliseName } from "./names.ts"
import { type AdminUnitRejection, rejectAdminUnit } from "./rejections.ts"

type Decision = Result.Result<ReadonlyArray<AdminUnitEvent>, AdminUnitRejection>

const SHARE_TOLERANCE = 1e-9

/** The value of the period that starts at `date` or, for null, at the unit's unrecorded origin. */
const valueAt = <T>(timeline: ReadonlyArray<Dated<T>>, date: IsoDate | null): T | undefined =>
  date === null ? timeline.find((e) => e.from === null)?.value : valueOn(timeline, date)

const kindOn = (unit: UnitRecord, date: IsoDate | null): AdminUnitKind | undefined => valueAt(unit.kinds, date)?.kind

/** A unit exists and may change on `date`: in force then, and `date` after everything already recorded. */
const changeable = (
  catalogue: Catalogue,
  unitId: string,
  date: IsoDate,
): Result.Result<UnitRecord, AdminUnitRejection> => {
  const unit = catalogue.units.get(unitId)
  if (unit === undefined) return Result.fail(rejectAdminUnit.notFound(unitId))
  if (!isInForce(unit, date)) return Result.fail(rejectAdminUnit.notInForce(unitId, date))
  const last = lastChangeOf(unit)
  if (last !== null && date <= last) return Result.fail(rejectAdminUnit.outOfOrder(unitId, date, last))
  return Result.succeed(unit)
}

const parentProblem = (
  catalogue: Catalogue,
  unitId: string,
  kind: AdminUnitKind,
  parentId: string | null,
  date: IsoDate | null,
): AdminUnitRejection | undefined => {
  const allowed = allowedParentLevels[levelOf(kind)]
  const invalid = (vi: string, en: string) => rejectAdminUnit.invalidParent(unitId, parentId, vi, en)
  if (parentId === null)
    return allowed.length === 0
      ? undefined
      : invalid("Đơn vị cấp dưới phải thuộc một đơn vị cấp trên.", "A unit below province level needs a parent.")
  if (allowed.length === 0)
    return invalid("Tỉnh, thành phố trực thuộc trung ương không có đơn vị cấp trên.", "A province has no parent.")
  if (parentId === unitId) return invalid("Đơn vị không thể trực thuộc chính nó.", "A unit cannot be its own parent.")
  const parent = catalogue.units.get(parentId)
  if (parent === undefined)
    return invalid(`Không tìm thấy đơn vị cấp trên ${parentId}.`, `Parent ${parentId} not found.`)
  const inForce = date === null ? parent.validFrom === null : isInForce(parent, date)
  if (!inForce)
    return invalid(
      `Đơn vị cấp trên ${parentId} không còn hoặc chưa có hiệu lực vào thời điểm đó.`,
      `Parent ${parentId} is not in force then.`,
    )
  const parentKind = kindOn(parent, date)
  if (parentKind === undefined || !allowed.includes(levelOf(parentKind)))
    return invalid(
      `Đơn vị ${parentId} không thể là cấp trên của một đơn vị cấp ${kind}.`,
      `A ${parentKind ?? "unknown"} cannot be the parent of a ${kind}.`,
    )
  return undefined
}

const activeChildren = (catalogue: Catalogue, unitId: string, date: IsoDate): ReadonlyArray<string> =>
  [...catalogue.units.values()]
    .filter((u) => isInForce(u, date) && valueOn(u.parents, date) === unitId)
    .map((u) => u.id)

const successorsProblem = (
  catalogue: Catalogue,
  predecessorId: string,
  mode: SuccessionMode,
  successors: ReadonlyArray<SuccessorShare>,
  date: IsoDate,
): AdminUnitRejection | undefined => {
  const ids = successors.map((s) => s.unitId)
  if (ids.length === 0)
    return rejectAdminUnit.invalidSuccessors(
      predecessorId,
      "Phải nêu ít nhất một đơn vị kế thừa.",
      "At least one successor is needed.",
    )
  if (new Set(ids).size !== ids.length)
    return rejectAdminUnit.invalidSuccessors(
      predecessorId,
      "Một đơn vị kế thừa được nêu hai lần.",
      "A successor is named twice.",
    )
  if (ids.includes(predecessorId))
    return rejectAdminUnit.invalidSuccessors(
      predecessorId,
      "Đơn vị không thể tự kế thừa chính nó.",
      "A unit cannot succeed itself.",
    )
  for (const id of ids) {
    const successor = catalogue.units.get(id)
    if (successor === undefined) return rejectAdminUnit.successorNotFound(id)
    if (!isInForce(successor, date)) return rejectAdminUnit.successorNotInForce(id, date)
  }
  const sum = successors.reduce((total, s) => total + s.share, 0)
  const eachValid = successors.every((s) => Number.isFinite(s.share) && s.share > 0 && s.share <= 1)
  const sumValid = mode === "full" ? Math.abs(sum - 1) <= SHARE_TOLERANCE : sum < 1 - SHARE_TOLERANCE
  return eachValid && sumValid ? undefined : rejectAdminUnit.sharesDoNotAddUp(predecessorId, mode, sum)
}

const isSplit = (mode: SuccessionMode, successors: ReadonlyArray<SuccessorShare>): boolean =>
  mode === "partial" || successors.length > 1

/** A command's fields without its tag, to build the event it becomes. */
const fieldsOf = <T extends { readonly _tag: string }>(command: T): Omit<T, "_tag"> => {
  const { _tag, ...fields } = command
  return fields
}

const done = (...events: ReadonlyArray<AdminUnitEvent>): Decision => Result.succeed(events)
const fail = (rejection: AdminUnitRejection): Decision => Result.fail(rejection)

const establish = (c: EstablishAdminUnit, catalogue: Catalogue): Decision => {
  if (catalogue.units.has(c.unitId)) return fail(rejectAdminUnit.alreadyExists(c.unitId))
  const name = normaliseName(c.name)
  if (name === "") return fail(rejectAdminUnit.invalidName(c.name))
  if (!kindLabelsOf[c.kind].includes(c.kindLabel)) return fail(rejectAdminUnit.kindLabelMismatch(c.kind, c.kindLabel))
  if (!isValidCode(c.kind, c.code)) return fail(rejectAdminUnit.invalidCode(c.code, c.kind))
  if (c.validFrom !== null && c.legalBasis === null) return fail(rejectAdminUnit.legalBasisRequired(c.unitId))
  const parent = parentProblem(catalogue, c.unitId, c.kind, c.parentId, c.validFrom)
  if (parent !== undefined) return fail(parent)
  return done(new AdminUnitEstablished({ ...fieldsOf(c), name }))
}

const rename = (c: RenameAdminUnit, catalogue: Catalogue): Decision =>
  Result.flatMap(changeable(catalogue, c.unitId, c.effectiveFrom), (unit) => {
    const name = normaliseName(c.name)
    if (name === "") return fail(rejectAdminUnit.invalidName(c.name))
    if (valueOn(unit.names, c.effectiveFrom) === name) return fail(rejectAdminUnit.nothingChanged(c.unitId))
    return done(new AdminUnitRenamed({ ...fieldsOf(c), name }))
  })

const recode = (c: RecodeAdminUnit, catalogue: Catalogue): Decision =>
  Result.flatMap(changeable(catalogue, c.unitId, c.effectiveFrom), (unit) => {
    const kind = kindOn(unit, c.effectiveFrom) ?? "commune"
    if (!isValidCode(kind, c.code)) return fail(rejectAdminUnit.invalidCode(c.code, kind))
    if (valueOn(unit.codes, c.effectiveFrom) === c.code) return fail(rejectAdminUnit.nothingChanged(c.unitId))
    return done(new AdminUnitRecoded(fieldsOf(c)))
  })

const reparent = (c: ReparentAdminUnit, catalogue: Catalogue): Decision =>
  Result.flatMap(changeable(catalogue, c.unitId, c.effectiveFrom), (unit) => {
    const kind = kindOn(unit, c.effectiveFrom) ?? "commune"
    const problem = parentProblem(catalogue, c.unitId, kind, c.parentId, c.effectiveFrom)
    if (problem !== undefined) return fail(problem)
    if (valueOn(unit.parents, c.effectiveFrom) === c.parentId) return fail(rejectAdminUnit.nothingChanged(c.unitId))
    return done(new AdminUnitReparented(fieldsOf(c)))
  })

const succeed = (c: RecordSuccession, catalogue: Catalogue): Decision =>
  Result.flatMap(changeable(catalogue, c.unitId, c.effectiveFrom), () => {
    const problem = successorsProblem(catalogue, c.unitId, c.mode, c.successors, c.effectiveFrom)
    if (problem !== undefined) return fail(problem)
    if (c.mode === "full") {
      const children = activeChildren(catalogue, c.unitId, c.effectiveFrom)
      if (children.length > 0) return fail(rejectAdminUnit.hasActiveChildren(c.unitId, c.effectiveFrom, children))
    }
    return done(new AdminUnitSucceeded({ ...fieldsOf(c), split: isSplit(c.mode, c.successors) }))
  })

const dissolve = (c: DissolveAdminUnit, catalogue: Catalogue): Decision =>
  Result.flatMap(changeable(catalogue, c.unitId, c.effectiveFrom), () => {
    const children = activeChildren(catalogue, c.unitId, c.effectiveFrom)
    if (children.length > 0) return fail(rejectAdminUnit.hasActiveChildren(c.unitId, c.effectiveFrom, children))
    return done(new AdminUnitDissolved(fieldsOf(c)))
  })

const correct = (c: CorrectAdminUnit, catalogue: Catalogue): Decision => {
  const unit = catalogue.units.get(c.unitId)
  if (unit === undefined) return fail(rejectAdminUnit.notFound(c.unitId))
  const at = c.periodFrom
  const hasPeriod = (timeline: ReadonlyArray<Dated<unknown>>) => timeline.some((e) => e.from === at)
  const targets = [
    [c.code, unit.codes],
    [c.name, unit.names],
    [c.kind, unit.kinds],
    [c.kindLabel, unit.kinds],
    [c.parentId, unit.parents],
  ] as const
  const given = targets.filter(([value]) => value !== undefined)
  if (given.length === 0) return fail(rejectAdminUnit.nothingChanged(c.unitId))
  if (!given.every(([, timeline]) => hasPeriod(timeline)))
    return fail(rejectAdminUnit.correctionTargetNotFound(c.unitId, c.correctsEventId, at))
  if ((c.kind === undefined) !== (c.kindLabel === undefined))
    return fail(rejectAdminUnit.kindLabelMismatch(c.kind ?? "?", c.kindLabel ?? "?"))
  const kind = c.kind ?? kindOn(unit, at) ?? "commune"
  if (c.kindLabel !== undefined && !kindLabelsOf[kind].includes(c.kindLabel))
    return fail(rejectAdminUnit.kindLabelMismatch(kind, c.kindLabel))
  if (c.code !== undefined && !isValidCode(kind, c.code)) return fail(rejectAdminUnit.invalidCode(c.code, kind))
  const name = c.name === undefined ? undefined : normaliseName(c.name)
  if (name === "") return fail(rejectAdminUnit.invalidName(c.name ?? ""))
  if (c.parentId !== undefined) {
    const problem = parentProblem(catalogue, c.unitId, kind, c.parentId, at)
    if (problem !== undefined) return fail(problem)
  }
  const same =
    (c.code === undefined || valueAt(unit.codes, at) === c.code) &&
    (name === undefined || valueAt(unit.names, at) === name) &&
    (c.kind === undefined || kindOn(unit, at) === c.kind) &&
    (c.kindLabel === undefined || valueAt(unit.kinds, at)?.label === c.kindLabel) &&
    (c.parentId === undefined || valueAt(unit.parents, at) === c.parentId)
  if (same) return fail(rejectAdminUnit.nothingChanged(c.unitId))
  return done(new AdminUnitCorrected({ ...fieldsOf(c), ...(name === undefined ? {} : { name }) }))
}

const correctSuccession = (c: CorrectSuccession, catalogue: Catalogue): Decision => {
  const unit = catalogue.units.get(c.unitId)
  if (unit === undefined) return fail(rejectAdminUnit.notFound(c.unitId))
  const succession = unit.successions.find((s) => s.effectiveFrom === c.effectiveFrom)
  if (succession === undefined)
    return fail(rejectAdminUnit.correctionTargetNotFound(c.unitId, c.correctsEventId, c.effectiveFrom))
  const problem = successorsProblem(catalogue, c.unitId, succession.mode, c.successors, c.effectiveFrom)
  if (problem !== undefined) return fail(problem)
  return done(new AdminUnitSuccessionCorrected({ ...fieldsOf(c), split: isSplit(succession.mode, c.successors) }))
}

/**
 * The administrative-unit decider. Its state is the whole catalogue, because successions and parents
 * span units; each event still belongs to the stream of one unit (`streamIdOf`).
 */
export const adminUnitDecider: Decider<AdminUnitCommand, Catalogue, AdminUnitEvent, AdminUnitRejection> = {
  initialState: emptyCatalogue,
  evolve: evolveCatalogue,
  decide: (command, catalogue) => {
    switch (command._tag) {
      case "EstablishAdminUnit":
        return establish(command, catalogue)
      case "RenameAdminUnit":
        return rename(command, catalogue)
      case "RecodeAdminUnit":
        return recode(command, catalogue)
      case "ReparentAdminUnit":
        return reparent(command, catalogue)
      case "RecordSuccession":
        return succeed(command, catalogue)
      case "DissolveAdminUnit":
        return dissolve(command, catalogue)
      case "CorrectAdminUnit":
        return correct(command, catalogue)
      case "CorrectSuccession":
        return correctSuccession(command, catalogue)
    }
  },
}
