import { EARLIEST_PLAN_YEAR, isPlanYear, LATEST_PLAN_YEAR, QuotaPlan } from "@xkld/domain"
import { Result } from "effect"
import { today } from "../clock.ts"
import { answerWith, executeCommand, foldAggregate, type CommandFailure } from "../commands/execute.ts"
import type { RequestContext } from "../commands/request.ts"
import { fail } from "../http/problem.ts"
import { forbidden, notFound } from "../http/to-problem.ts"
import type { AppServices } from "../services.ts"
import { importIds } from "./event-ids.ts"
import { MAX_HEAD_COUNT, validateQuotaRows, quotaColumns } from "./quota-rows.ts"
import { importInvalid, withCellErrors, type RowError } from "./row-errors.ts"
import { readDate, readImportTable } from "./spreadsheet.ts"
import type { Upload } from "./upload.ts"

/** What the query of a quota import says: amend plan `plan`, or (with `year`) issue a new plan. */
export interface QuotaImportQuery {
  readonly plan?: string | undefined
  readonly year?: string | undefined
  readonly province?: string | undefined
  readonly target?: string | undefined
  readonly title?: string | undefined
  readonly legalNumber?: string | undefined
  readonly legalDate?: string | undefined
  readonly issuer?: string | undefined
  readonly effectiveOn?: string | undefined
  readonly reason?: string | undefined
}

export interface QuotaImportResult {
  readonly fileName: string
  readonly fileSha256: string
  readonly rows: number
  readonly planId: string
  readonly action: "issued" | "amended"
  /** 1 when this request recorded the table, 0 when this same file had been recorded before. */
  readonly imported: number
  readonly alreadyImported: number
  readonly eventId: string
  readonly version: number
  readonly allocations: number
  readonly printedTotal: number | null
  /** Inconsistencies are recorded as issued; this report says where the table does not add up. */
  readonly consistency: QuotaPlan.PlanConsistency
  readonly warnings: ReadonlyArray<RowError>
}

const queryProblem = (path: string, message: string, messageEn: string) =>
  fail("validation", `Tham số ${path}: ${message}`, `Query ${path}: ${messageEn}`, {
    fields: [{ path: `query.${path}`, message, messageEn }],
  })

const requiredText = (value: string | undefined, path: string, label: string): string => {
  const text = value?.normalize("NFC").trim()
  if (!text) throw queryProblem(path, `thiếu ${label}`, "required")
  return text
}

const wholeNumber = (value: string | undefined, path: string, label: string, max: number): number => {
  const n = Number(requiredText(value, path, label))
  if (!Number.isSafeInteger(n) || n < 0 || n > max)
    throw queryProblem(
      path,
      `${label} phải là số nguyên từ 0 đến ${max.toLocaleString("vi-VN")}`,
      `must be a whole number from 0 to ${max}`,
    )
  return n
}

/** A date of the query (yyyy-mm-dd): a real calendar day in the accepted years, or a 400 naming the field. */
const queryDate = (value: string | undefined, path: string): string | null => {
  const text = value?.trim()
  if (!text) return null
  const read = /^\d{4}-\d{2}-\d{2}$/.test(text) ? readDate(text) : undefined
  if (!read) throw queryProblem(path, "ngày phải có dạng yyyy-mm-dd", "must be yyyy-mm-dd")
  if (!read.ok) throw queryProblem(path, read.message, read.messageEn)
  return read.value
}

/**
 * Imports a quota table (Mã ĐVHC, Tên, Tỷ lệ %, Chỉ tiêu): validated row by row, then recorded as one
 * allocation amendment of an issued plan, or as a new plan. A table that does not add up is recorded as
 * printed; the answer carries the plan's consistency report. The same file again writes nothing.
 */
export async function importQuota(
  services: AppServices,
  request: RequestContext,
  upload: Upload,
  query: QuotaImportQuery,
): Promise<Result.Result<QuotaImportResult, CommandFailure>> {
  const { actor } = request
  const { fileName, sha256 } = upload
  const issuing = query.year !== undefined
  if (!issuing && !query.plan)
    throw queryProblem(
      "plan",
      "cần mã kế hoạch cần điều chỉnh (plan), hoặc năm (year) để ban hành kế hoạch mới",
      "give plan, or year to issue a new plan",
    )
  const legalDate = queryDate(query.legalDate, "legalDate")
  if (legalDate !== null && legalDate > today())
    throw queryProblem("legalDate", "ngày văn bản không thể sau hôm nay", "the document's date cannot be after today")
  const effectiveOn = queryDate(query.effectiveOn, "effectiveOn")
  const legalBasis: QuotaPlan.PrintedLegalBasis = {
    number: requiredText(query.legalNumber, "legalNumber", "số văn bản"),
    date: legalDate,
    issuer: requiredText(query.issuer, "issuer", "cơ quan ban hành"),
  }
  const year = issuing ? wholeNumber(query.year, "year", "năm kế hoạch", LATEST_PLAN_YEAR) : undefined
  if (year !== undefined && !isPlanYear(year))
    throw queryProblem(
      "year",
      `năm kế hoạch phải từ ${EARLIEST_PLAN_YEAR} đến ${LATEST_PLAN_YEAR}`,
      `must be from ${EARLIEST_PLAN_YEAR} to ${LATEST_PLAN_YEAR}`,
    )
  const target = issuing ? wholeNumber(query.target, "target", "chỉ tiêu cả tỉnh (người)", MAX_HEAD_COUNT) : undefined
  const provinceCode = query.province?.trim() || actor.provinceCode
  if (provinceCode !== actor.provinceCode)
    throw forbidden("Bạn chỉ được nhập kế hoạch của tỉnh mình.", "You may only import plans of your own province.")
  const planId = query.plan?.trim() || QuotaPlan.planStreamId(provinceCode, year!)
  // The plan id becomes a stream id: only a quota plan's (the domain's one rule), for a new plan only the one its
  // year names, and only of the officer's province.
  const shape = QuotaPlan.planIds.problem(planId)
  if (shape) throw queryProblem("plan", shape.vi, shape.en)
  if (issuing && planId !== QuotaPlan.planStreamId(provinceCode, year!))
    throw queryProblem(
      "plan",
      `kế hoạch mới năm ${year} của tỉnh có mã ${QuotaPlan.planStreamId(provinceCode, year!)}; bỏ tham số plan hoặc sửa cho khớp`,
      "a new plan's id is the one its province and year name",
    )
  if (!QuotaPlan.isPlanId(planId, actor.provinceCode))
    throw forbidden("Kế hoạch này thuộc tỉnh khác.", "This plan belongs to another province.")
  const ids = importIds(services.indexKey)

  const table = await readImportTable(upload.bytes, quotaColumns, fileName)

  const recorded = await services.log.readStream(planId)
  const { state, version } = foldAggregate(planId, recorded, QuotaPlan.quotaPlanDecider)
  const eventId = ids.id("quota", sha256, planId, issuing ? "issue" : "amend")
  if (state.status !== "not-issued" && state.plan.provinceCode !== actor.provinceCode)
    throw forbidden("Kế hoạch này thuộc tỉnh khác.", "This plan belongs to another province.")
  if (!issuing && state.status === "not-issued") throw notFound(`kế hoạch ${planId}`, `Plan ${planId}`)

  const previous = recorded.find((e) => e.eventId === eventId)
  if (previous && state.status !== "not-issued")
    return Result.succeed(
      answer(state.plan, {
        fileName,
        sha256,
        rows: table.rows.length,
        planId,
        issuing,
        imported: 0,
        eventId,
        version,
        warnings: [],
      }),
    )

  const catalogue = await services.models.catalogues.at()
  const checked = validateQuotaRows(table, {
    catalogue,
    provinceCode,
    onDates: [...new Set([legalDate ?? `${year}-01-01`, `${year}-01-01`, `${year}-12-31`])],
    planUnits:
      !issuing && state.status !== "not-issued"
        ? new Map(state.plan.allocations.map((a) => [a.unitCode, a.unitName]))
        : undefined,
  })
  const errors = withCellErrors(table.cellErrors, checked.errors)
  if (errors.length > 0) throw importInvalid(fileName, errors)

  const command: QuotaPlan.QuotaPlanCommand = issuing
    ? {
        _tag: "IssuePlan",
        planId,
        schemeId: null,
        provinceCode,
        year: year!,
        title: query.title?.trim() || `Kế hoạch đưa người lao động đi làm việc ở nước ngoài theo hợp đồng năm ${year}`,
        targets: [
          {
            kind: "departures",
            value: target!,
            comparator: "target",
            aggregation: "year",
            byYear: year!,
            printed: `Chỉ tiêu ${target!.toLocaleString("vi-VN")} người (nhập từ tệp “${fileName}”)`,
          },
        ],
        allocations: checked.allocations,
        printedTotal: checked.printedTotal,
        legalBasis,
      }
    : {
        _tag: "AmendAllocation",
        planId,
        changes: checked.allocations,
        legalBasis,
        effectiveOn: effectiveOn ?? legalDate ?? today(),
        reason: query.reason?.trim() || `Điều chỉnh bảng giao chỉ tiêu theo tệp “${fileName}”`,
      }

  // An import is a request of its own kind: ids keyed by the file (the same file again writes nothing), no
  // If-Match (the version is the one read above).
  const importRequest: RequestContext = {
    ...request,
    commandId: ids.id("command", sha256, planId),
    correlationId: request.correlationHeader ?? ids.id("import", sha256),
    expectedVersion: Result.succeed(undefined),
  }
  const result = await executeCommand(services, importRequest, {
    streamId: planId,
    streamType: QuotaPlan.quotaPlanStreamType,
    decider: QuotaPlan.quotaPlanDecider,
    loaded: { state, version },
    command,
    legalBasis: legalDate ? { number: legalBasis.number, date: legalDate, issuer: legalBasis.issuer } : undefined,
    // One event records the whole table: its source row is the table's header row.
    source: { kind: "import", fileName, fileSha256: sha256, row: table.headerRow },
    eventIdOf: (_, i) => (i === 0 ? eventId : ids.id("quota", sha256, planId, i)),
    occurredAtOf: () => new Date(`${legalDate ?? today()}T00:00:00Z`),
  })
  return answerWith(result, (done) => {
    if (done.state.status === "not-issued") throw new Error("a recorded plan event left the plan not issued")
    return answer(done.state.plan, {
      fileName,
      sha256,
      rows: table.rows.length,
      planId,
      issuing,
      imported: done.duplicate ? 0 : 1,
      eventId,
      version: done.version,
      warnings: checked.warnings,
    })
  })
}

const answer = (
  plan: QuotaPlan.QuotaPlanView,
  r: {
    fileName: string
    sha256: string
    rows: number
    planId: string
    issuing: boolean
    imported: number
    eventId: string
    version: number
    warnings: ReadonlyArray<RowError>
  },
): QuotaImportResult => ({
  fileName: r.fileName,
  fileSha256: r.sha256,
  rows: r.rows,
  planId: r.planId,
  action: r.issuing ? "issued" : "amended",
  imported: r.imported,
  alreadyImported: 1 - r.imported,
  eventId: r.eventId,
  version: r.version,
  allocations: plan.allocations.length,
  printedTotal: plan.printedTotal,
  consistency: QuotaPlan.consistency({
    targets: plan.targets,
    allocations: plan.allocations,
    printedTotal: plan.printedTotal,
    year: plan.toYear,
  }),
  warnings: r.warnings,
})
