import { PersonalData, Worker } from "@xkld/domain"
import { Result } from "effect"
import { today } from "../clock.ts"
import { executeCommand, loadAggregate } from "../commands/execute.ts"
import type { RequestContext } from "../commands/request.ts"
import type { AppServices } from "../services.ts"
import { isClaimConflict, personAlreadyRegistered } from "../workers/person-claim.ts"
import { importIds, type ImportIds } from "./event-ids.ts"
import { importInvalid, withCellErrors, type RowError } from "./row-errors.ts"
import { readImportTable } from "./spreadsheet.ts"
import type { Upload } from "./upload.ts"
import { workerColumns } from "./worker-columns.ts"
import { validateWorkerRows, type ValidWorkerRow } from "./worker-rows.ts"

export interface WorkerImportResult {
  readonly fileName: string
  readonly fileSha256: string
  /** Data rows in the file. */
  readonly rows: number
  /** Workers registered by this request. */
  readonly imported: number
  /** Rows this same file had already registered (nothing written for them). */
  readonly alreadyImported: number
  readonly workers: ReadonlyArray<{ readonly row: number; readonly workerId: string }>
}

interface Planned {
  readonly row: ValidWorkerRow
  readonly workerId: string
  readonly blindIndex: string
  readonly claimStreamId: string
  readonly claimVersion: number
  readonly claimState: Worker.PersonRegistrationState
}

/**
 * Imports a commune's list of workers from Excel: every row validated (a row-by-row report, nothing written if
 * any row fails), then every registration and its person claim appended in ONE transaction, with read models
 * updated in it. Ids derive from the file's hash and row under a server key (unguessable, ADR 0011), so the
 * same file again writes nothing new.
 */
export async function importWorkers(
  services: AppServices,
  request: RequestContext,
  upload: Upload,
): Promise<WorkerImportResult> {
  const { actor } = request
  const { fileName, sha256 } = upload
  const table = await readImportTable(upload.bytes, workerColumns, fileName)
  const ids = importIds(services.indexKey)

  const provinceCode = actor.provinceCode
  const catalogue = await services.models.catalogues.at()
  const scope = {
    provinceCode,
    unitIds: actor.role === "commune-officer" ? new Set(actor.unitIds) : undefined,
    today: today(),
  }
  const { valid, errors } = validateWorkerRows(table, catalogue, scope)
  const claimErrors: Array<RowError> = []
  const planned: Array<Planned> = []
  const already: Array<{ row: number; workerId: string }> = []
  for (const row of valid) {
    const workerId = ids.workerId(sha256, row.row)
    const blindIndex = PersonalData.blindIndex(services.indexKey, provinceCode, row.citizenId)
    const claimStreamId = Worker.personRegistrationStreamId(provinceCode, blindIndex)
    const { state, version } = await loadAggregate(services, claimStreamId, Worker.personRegistrationDecider)
    if (state.workerId === workerId) {
      already.push({ row: row.row, workerId })
      continue
    }
    const claim = Worker.personRegistrationDecider.decide(claimCommand(provinceCode, blindIndex, workerId, row), state)
    if (Result.isFailure(claim)) {
      claimErrors.push(claimError(row.row, table.columns.citizenId, claim.failure))
      continue
    }
    planned.push({ row, workerId, blindIndex, claimStreamId, claimVersion: version, claimState: state })
  }
  const allErrors = withCellErrors(table.cellErrors, [...errors, ...claimErrors])
  if (allErrors.length > 0) throw importInvalid(fileName, allErrors)

  // An import is a request of its own kind: one command per row, ids keyed by the file (the same file again
  // writes nothing), no If-Match (each stream's version is the one read above).
  const correlationId = request.correlationHeader ?? ids.id("import", sha256)
  const rowRequest = (row: number): RequestContext => ({
    ...request,
    commandId: ids.id("command", sha256, row),
    correlationId,
    expectedVersion: Result.succeed(undefined),
  })

  const written: Array<{ row: number; workerId: string }> = []
  const alsoAlready: Array<{ row: number; workerId: string }> = []
  await services.log.database.db.transaction().execute(async (trx) => {
    for (const p of planned) {
      const personKey = PersonalData.generatePersonKey()
      const source = { kind: "import", fileName, fileSha256: sha256, row: p.row.row } as const
      const worker = await executeCommand(services, rowRequest(p.row.row), {
        streamId: Worker.workerStreamId(p.workerId),
        streamType: Worker.WORKER_STREAM_TYPE,
        decider: Worker.workerDecider,
        loaded: { state: Worker.workerDecider.initialState, version: 0 },
        command: registrationCommand(p, provinceCode, sha256, personKey, services.indexKey, ids),
        source,
        eventIdOf: (event) => event.eventId,
        transaction: trx,
      })
      if (Result.isFailure(worker)) throw worker.failure
      if (worker.success.duplicate) {
        // Registered by this file before (its claim since released): nothing new.
        alsoAlready.push({ row: p.row.row, workerId: p.workerId })
        continue
      }
      const claimed = await executeCommand(services, rowRequest(p.row.row), {
        streamId: p.claimStreamId,
        streamType: Worker.PERSON_REGISTRATION_STREAM_TYPE,
        decider: Worker.personRegistrationDecider,
        loaded: { state: p.claimState, version: p.claimVersion },
        command: claimCommand(provinceCode, p.blindIndex, p.workerId, p.row),
        source,
        eventIdOf: (_, i) => ids.eventId(sha256, p.row.row, 1 + i),
        transaction: trx,
      })
      // Registered meanwhile by someone else: the row's error, and the whole import rolls back.
      if (Result.isFailure(claimed) && isClaimConflict(claimed.failure))
        throw importInvalid(fileName, [
          claimError(p.row.row, table.columns.citizenId, { _tag: "PersonAlreadyRegistered" }),
        ])
      if (Result.isFailure(claimed)) throw claimed.failure
      await services.keyRing.put(personKey, trx)
      written.push({ row: p.row.row, workerId: p.workerId })
    }
  })
  services.models.runner.wake()

  const alreadyAll = [...already, ...alsoAlready]
  return {
    fileName,
    fileSha256: sha256,
    rows: table.rows.length,
    imported: written.length,
    alreadyImported: alreadyAll.length,
    workers: [...written, ...alreadyAll].sort((a, b) => a.row - b.row),
  }
}

/**
 * The row error of a person the province has already registered. It names nothing of the other record (not its
 * id, not its date, not its commune): the same answer as the worker route's (`personAlreadyRegistered`).
 */
const claimError = (
  row: number,
  column: string | undefined,
  failure: { readonly _tag: string; readonly message?: string; readonly messageEn?: string },
): RowError => {
  if (failure._tag === "PersonAlreadyRegistered") {
    const { detail, detailEn } = personAlreadyRegistered().problem
    return { row, field: "Số CCCD", column, message: detail, messageEn: detailEn }
  }
  return { row, field: "Số CCCD", column, message: failure.message ?? "", messageEn: failure.messageEn ?? "" }
}

const claimCommand = (provinceCode: string, blindIndex: string, workerId: string, row: ValidWorkerRow) =>
  new Worker.ClaimPersonRegistration({ provinceCode, blindIndex, workerId, occurredOn: row.registeredOn })

const registrationCommand = (
  p: Planned,
  provinceCode: string,
  sha256: string,
  personKey: PersonalData.PersonKey,
  indexKey: Uint8Array,
  ids: ImportIds,
): Worker.RegisterWorker => {
  const { row } = p
  const identity: Worker.WorkerIdentity = {
    fullName: row.fullName,
    citizenId: row.citizenId,
    dateOfBirth: row.dateOfBirth,
    ...(row.phone === undefined ? {} : { phone: row.phone }),
    ...(row.address === undefined ? {} : { address: row.address }),
    ...(row.passportNumber === undefined ? {} : { passportNumber: row.passportNumber }),
  }
  const prepared = Worker.prepareRegistration(
    {
      eventId: ids.eventId(sha256, row.row, 0),
      workerId: p.workerId,
      occurredOn: row.registeredOn,
      provinceCode,
      residenceUnitCode: row.unit.code,
      residenceUnitId: row.unit.unitId,
      sex: row.sex,
      ethnicMinority: row.ethnicMinority,
      priorityGroups: row.priorityGroups,
      identity,
      ...(row.ethnicGroup === undefined ? {} : { sensitive: { ethnicGroup: row.ethnicGroup } }),
      ...(row.wishMarket === undefined && row.wishOccupation === undefined
        ? {}
        : {
            wish: {
              ...(row.wishMarket === undefined ? {} : { marketCode: row.wishMarket }),
              ...(row.wishOccupation === undefined ? {} : { occupation: row.wishOccupation }),
            },
          }),
    },
    { personKey, indexKey },
  )
  // The citizen ID was validated with the same rule; a failure here is a bug, surfaced as the domain's rejection.
  if (Result.isFailure(prepared)) throw prepared.failure
  return prepared.success
}
