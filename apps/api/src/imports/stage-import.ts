import { PersonalData, Worker } from "@xkld/domain"
import { Result } from "effect"
import type { Actor } from "../access/actor.ts"
import { recordingActor, viewerOf } from "../access/jurisdiction.ts"
import { writeRefusal } from "../access/workers.ts"
import { today } from "../clock.ts"
import { executeCommand, loadAggregate } from "../commands/execute.ts"
import type { RequestContext } from "../commands/request.ts"
import { ProblemError } from "../http/problem.ts"
import { toProblem } from "../http/to-problem.ts"
import type { AppServices } from "../services.ts"
import { enterpriseStandingOf, splitUnitOf, type FactExtras, type FactSpec } from "../workers/fact-specs.ts"
import { asLoadedWorker, dateOfBirthOf, type LoadedWorker } from "../workers/worker-record.ts"
import { importIds } from "./event-ids.ts"
import { importInvalid, withCellErrors, type RowError } from "./row-errors.ts"
import { fieldOf, readField } from "./stage-cells.ts"
import {
  bodyFields,
  fieldHeader,
  fieldNames,
  inputFieldsOf,
  stageColumns,
  stageLabel,
  stageOf,
} from "./stage-columns.ts"
import { dateVi, readDate, readDigits, readImportTable, textOf, type SheetRow, type SheetTable } from "./spreadsheet.ts"
import type { Upload } from "./upload.ts"

export interface StageImportResult {
  readonly fileName: string
  readonly fileSha256: string
  readonly rows: number
  /** Facts recorded by this request. */
  readonly imported: number
  /** Rows this same file had already recorded (nothing written for them). */
  readonly alreadyImported: number
  readonly facts: ReadonlyArray<{
    readonly row: number
    readonly workerId: string
    readonly eventId: string
    readonly type: string
  }>
}

/** A row read and checked against the worker as recorded: its command, ready to append. */
interface Planned {
  readonly row: number
  readonly workerId: string
  readonly eventId: string
  readonly type: string
  readonly command: Worker.WorkerCommand
  readonly recordAs: Actor
}

interface Current {
  state: Worker.WorkerState
  version: number
}

const HEADERS = {
  workerId: "Mã người lao động",
  citizenId: "Số CCCD",
  stage: "Loại thông tin",
  occurredOn: "Ngày (dd/mm/yyyy)",
} as const

const notFound = (what: string) => ({
  message: `Không tìm thấy người lao động ${what} trong phạm vi bạn được xem.`,
  messageEn: `No worker ${what} within your jurisdiction.`,
})

/**
 * Imports lifecycle stages of registered workers from Excel (one row per fact, its kind in "Loại thông tin"): each
 * row is the body of the fact's own write route (`factSpecs`), the worker found by id or by citizen ID through the
 * province's blind index. Every row is read, checked for access and decided against the worker as recorded (rows
 * of one worker in file order) before anything is written; any error and nothing is, with every row's error. Then
 * every fact is appended in ONE transaction. Ids derive from the file's hash and row (ADR 0011): the same file
 * again writes nothing new.
 */
export async function importStages(
  services: AppServices,
  request: RequestContext,
  upload: Upload,
): Promise<StageImportResult> {
  const { actor } = request
  const { fileName, sha256 } = upload
  const table = await readImportTable(upload.bytes, stageColumns, fileName)
  const ids = importIds(services.indexKey)
  const viewer = await viewerOf(services, actor)
  const asOfToday = today()
  const correlationId = request.correlationHeader ?? ids.id("import-stages", sha256)
  // One request per row: the command's id and the ids the app gives a new loan, subsidy or case derive from the row.
  const rowRequest = (row: number): RequestContext => ({
    ...request,
    commandId: ids.id("command", sha256, row),
    idempotencyKey: ids.id("stage-row", sha256, row),
    correlationId,
    expectedVersion: Result.succeed(undefined),
  })

  const errors: Array<RowError> = []
  const workers = new Map<string, Current & { readonly initial: Current }>()
  const planned: Array<Planned> = []
  const already: Array<Omit<Planned, "command">> = []
  const claims = new Map<string, string | undefined>()

  for (const sheetRow of table.rows) {
    const { row } = sheetRow
    const err = (field: string, column: string | undefined, message: string, messageEn: string) =>
      errors.push({ row, field, column, message, messageEn })
    const before = errors.length
    const read = readRow(sheetRow, table, asOfToday, err)
    if (!read) continue

    // The worker: by id, or by citizen ID through the blind index (never a scan of names or numbers).
    let workerId = read.workerId
    if (read.citizenId !== undefined) {
      const blindIndex = PersonalData.blindIndex(services.indexKey, actor.provinceCode, read.citizenId)
      if (!claims.has(blindIndex)) {
        const { state } = await loadAggregate(
          services,
          Worker.personRegistrationStreamId(actor.provinceCode, blindIndex),
          Worker.personRegistrationDecider,
        )
        claims.set(blindIndex, state.workerId)
      }
      const claimed = claims.get(blindIndex)
      const column = table.columns.citizenId
      if (claimed === undefined) {
        const { message, messageEn } = notFound("có số CCCD này")
        err(HEADERS.citizenId, column, message, messageEn)
        continue
      }
      if (workerId !== undefined && workerId !== claimed) {
        err(
          HEADERS.citizenId,
          column,
          `Số CCCD không phải của người lao động ${workerId}; hãy kiểm tra lại mã hoặc số CCCD.`,
          "The citizen ID is not that worker's.",
        )
        continue
      }
      workerId = claimed
    }
    if (workerId === undefined) continue
    let current = workers.get(workerId)
    if (!current) {
      const loaded = await loadAggregate(services, Worker.workerStreamId(workerId), Worker.workerDecider)
      current = { ...loaded, initial: { ...loaded } }
      workers.set(workerId, current)
    }
    const idColumn = read.citizenId !== undefined ? table.columns.citizenId : table.columns.workerId
    const idField = read.citizenId !== undefined ? HEADERS.citizenId : HEADERS.workerId
    // Not the officer's to see, or not theirs to record for: the route's own refusal (a 404 names nothing of the record).
    const refusal = writeRefusal(viewer, read.spec, current.state, workerId)
    if (refusal) {
      err(idField, idColumn, refusal.problem.detail, refusal.problem.detailEn)
      continue
    }
    const eventId = ids.eventId(sha256, row, 0)
    const type = read.spec.tag
    const loaded = asLoadedWorker(workerId, current.state, current.version)
    const plan = { row, workerId, eventId, type, recordAs: await recordingActor(services, actor, unitOf(loaded)) }
    if (Result.isSuccess(Worker.findTarget(current.state, eventId))) {
      already.push(plan)
      continue
    }
    const rowProblem = (error: unknown) => {
      if (!(error instanceof ProblemError)) throw error
      const path = (error.problem.fields as ReadonlyArray<{ path: string }> | undefined)?.[0]?.path ?? ""
      const name = path.replace(/^body\./, "")
      const field = fieldNames.includes(name) ? fieldHeader(name) : HEADERS.stage
      err(field, table.columns[`field:${name}`] ?? table.columns.stage, error.problem.detail, error.problem.detailEn)
      return undefined
    }
    const built = await commandOf(services, rowRequest(row), read, loaded, eventId).catch(rowProblem)
    if (!built) continue
    // Decided now, against the worker as the earlier rows of the file leave it: every rejection is a row error.
    let command = built
    let decided = Worker.workerDecider.decide(command, current.state)
    if (Result.isFailure(decided) && decided.failure._tag === "DateOfBirthRequired" && read.spec.needsDateOfBirth) {
      // As the route does: the date of birth is decrypted (and the read logged) only once every other rule passed.
      const dateOfBirth = await dateOfBirthOf(services, actor, loaded, "departure-age-check").catch(rowProblem)
      if (dateOfBirth === undefined) continue
      command = Worker.commandFor(read.spec.tag, { ...command, dateOfBirth } as object)
      decided = Worker.workerDecider.decide(command, current.state)
    }
    if (Result.isFailure(decided)) {
      const problem = toProblem(decided.failure)
      err(HEADERS.stage, table.columns.stage, problem.detail, problem.detailEn)
      continue
    }
    current.state = decided.success.reduce(Worker.workerDecider.evolve, current.state)
    if (errors.length === before) planned.push({ ...plan, command })
  }
  const allErrors = withCellErrors(table.cellErrors, errors)
  if (allErrors.length > 0) throw importInvalid(fileName, allErrors)

  const written: Array<Planned> = []
  const alsoAlready: Array<Planned> = []
  await services.log.database.db.transaction().execute(async (trx) => {
    const streams = new Map([...workers].map(([id, w]) => [id, { ...w.initial }]))
    for (const p of planned) {
      const stream = streams.get(p.workerId)!
      const source = { kind: "import", fileName, fileSha256: sha256, row: p.row } as const
      const result = await executeCommand(services, rowRequest(p.row), {
        streamId: Worker.workerStreamId(p.workerId),
        streamType: Worker.WORKER_STREAM_TYPE,
        decider: Worker.workerDecider,
        loaded: stream,
        command: p.command,
        recordAs: () => p.recordAs,
        source,
        eventIdOf: (event) => event.eventId,
        transaction: trx,
      })
      // Decided above on the same state: a failure here is a concurrent write (a 409), and everything rolls back.
      if (Result.isFailure(result)) throw result.failure
      streams.set(p.workerId, { state: result.success.state, version: result.success.version })
      ;(result.success.duplicate ? alsoAlready : written).push(p)
    }
  })
  services.models.runner.wake()

  const done = [...written, ...already, ...alsoAlready].toSorted((a, b) => a.row - b.row)
  return {
    fileName,
    fileSha256: sha256,
    rows: table.rows.length,
    imported: written.length,
    alreadyImported: already.length + alsoAlready.length,
    facts: done.map(({ row, workerId, eventId, type }) => ({ row, workerId, eventId, type })),
  }
}

/** The worker's unit now (the commune a commune officer records for). */
const unitOf = (loaded: LoadedWorker): string =>
  loaded.state.residence.at(-1)?.residenceUnitId ?? loaded.registration.residenceUnitId

interface ReadRow {
  readonly spec: FactSpec
  readonly workerId: string | undefined
  readonly citizenId: string | undefined
  readonly body: Record<string, unknown>
}

/** A row's cells as the fact route's body: the stage, the date (a real day, not after today), the stage's fields. */
function readRow(
  { cells }: SheetRow<string>,
  table: SheetTable<string>,
  asOfToday: string,
  err: (field: string, column: string | undefined, message: string, messageEn: string) => void,
): ReadRow | undefined {
  const before = { count: 0 }
  const fail = (field: string, key: string, message: string, messageEn: string) => {
    before.count++
    err(field, table.columns[key], message, messageEn)
  }
  const workerId = textOf(cells.workerId)
  const citizenText = cells.citizenId === undefined ? undefined : readDigits(cells.citizenId, 12)
  let citizenId: string | undefined
  if (citizenText !== undefined) {
    const parsed = PersonalData.parseCitizenId(citizenText)
    if (Result.isFailure(parsed)) fail(HEADERS.citizenId, "citizenId", parsed.failure.message, parsed.failure.messageEn)
    else citizenId = parsed.success.citizenId
  }
  if (workerId === undefined && citizenText === undefined)
    fail(HEADERS.citizenId, "citizenId", "Thiếu mã người lao động hoặc số CCCD.", "Missing worker id or citizen ID.")
  if (workerId !== undefined && workerId.length > 100)
    fail(HEADERS.workerId, "workerId", "Mã người lao động quá dài.", "Worker id too long.")

  const stageText = textOf(cells.stage)
  const spec = stageText === undefined ? undefined : stageOf(stageText)
  if (stageText === undefined) fail(HEADERS.stage, "stage", "Thiếu loại thông tin.", "Missing stage kind.")
  else if (!spec)
    fail(
      HEADERS.stage,
      "stage",
      `Loại thông tin “${stageText}” không có trong danh mục (xem trang “Hướng dẫn”).`,
      `Unknown stage "${stageText}".`,
    )

  let occurredOn: string | undefined
  if (cells.occurredOn === undefined) fail(HEADERS.occurredOn, "occurredOn", "Thiếu ngày.", "Missing date.")
  else {
    const date = readDate(cells.occurredOn)
    if (!date.ok) fail(HEADERS.occurredOn, "occurredOn", date.message, date.messageEn)
    else if (date.value > asOfToday)
      fail(
        HEADERS.occurredOn,
        "occurredOn",
        `Ngày ${dateVi(date.value)} sau ngày hôm nay.`,
        "The date is in the future.",
      )
    else occurredOn = date.value
  }

  const body: Record<string, unknown> = { occurredOn }
  if (spec) {
    const fields = bodyFields(spec)
    const own = new Set(inputFieldsOf(spec))
    for (const name of fieldNames) {
      const key = `field:${name}`
      const value = cells[key]
      const header = fieldHeader(name)
      if (!own.has(name)) {
        if (value !== undefined)
          fail(
            header,
            key,
            `Cột “${header}” không dùng cho loại “${stageLabel(spec)}”; hãy để trống.`,
            `Column "${header}" is not used by this stage; leave it empty.`,
          )
        continue
      }
      const field = fieldOf(fields[name]!)
      if (value === undefined) {
        if (!field.optional)
          fail(header, key, `Thiếu “${header}” (bắt buộc với “${stageLabel(spec)}”).`, `Missing ${name}.`)
        continue
      }
      const read = readField(field, value)
      if (read.ok) body[name] = read.value
      else fail(header, key, read.message, read.messageEn)
    }
  }
  if (before.count > 0 || !spec) return undefined
  return { spec, workerId, citizenId, body }
}

/** The row's command, built as the fact's route builds it (`spec.fields`, the date of birth left to the decider). */
async function commandOf(
  services: AppServices,
  request: RequestContext,
  read: ReadRow,
  loaded: LoadedWorker,
  eventId: string,
): Promise<Worker.WorkerCommand> {
  const { spec, body } = read
  const occurredOn = body.occurredOn as string
  const fields = await spec.fields(body, { services, actor: request.actor, request, loaded })
  let extras: FactExtras = {}
  if (spec.needsSplitUnit) extras = { split: await splitUnitOf(services, loaded.state, occurredOn) }
  else if (spec.needsEnterpriseStanding) {
    const { enterpriseId } = fields as { enterpriseId: string }
    extras = {
      standing: await enterpriseStandingOf(services, enterpriseId, loaded.registration.provinceCode, occurredOn),
    }
  }
  return spec.command({ eventId, workerId: loaded.workerId, occurredOn }, fields, extras)
}
