import { AdminUnit, Reference, Worker } from "@xkld/domain"
import type { WorkerRow } from "@xkld/projections"
import { Schema } from "effect"
import { masterKeyOf, type AppServices } from "../services.ts"
import type { Actor } from "../access/actor.ts"
import { fail } from "../http/problem.ts"
import { defineRoute, type RouteSpec } from "../http/route.ts"
import { recordAccess } from "../personal-data/access-log.ts"
import { openIdentity, type IdentityView } from "../personal-data/identity.ts"
import { personKeysOf } from "../personal-data/person-keys.ts"
import { canSee, canSeeIdentity, scopeOfRow, scopeOfState, WORKER_READERS, workerNotFound } from "../access/workers.ts"
import { WorkerIdParams } from "./bodies.ts"
import { viewerOf, withPredecessors } from "../access/jurisdiction.ts"
import { historyOf, summaryOf } from "./read-model.ts"
import { registrationsOf } from "./registrations.ts"
import { todayIso, unitLabel } from "./units.ts"
import { asLoadedWorker } from "./worker-record.ts"
import { foldAggregate } from "../commands/execute.ts"
import { marketOf, namePage, notInList, type ListFilter } from "./list-query.ts"
import { WorkerDetail } from "./detail-schema.ts"
import { AsOfText, parseAsOf } from "../http/query.ts"

const TAGS = ["Người lao động"]
const collator = new Intl.Collator("vi")
const Digits = Schema.String.check(Schema.isPattern(/^\d{1,6}$/))

const ListQuery = Schema.Struct({
  unit: Schema.optional(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100))),
  stage: Schema.optional(Worker.WorkerStage),
  q: Schema.optional(Schema.String.check(Schema.isMaxLength(100))),
  limit: Schema.optional(Digits),
  offset: Schema.optional(Digits),
  after: Schema.optional(
    Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)).annotate({
      description:
        "Trang tiếp theo: mã người lao động cuối cùng của trang trước (thay cho offset khi đọc sâu) / the next page: the id of the last worker of the previous page (instead of offset, for deep pages)",
    }),
  ),
  asOf: Schema.optional(AsOfText),
  sort: Schema.optional(Schema.Literals(["name", "registeredOn"])),
  market: Schema.optional(
    Schema.String.check(Schema.isPattern(/^[A-Z0-9-]{2,20}$/)).annotate({
      description:
        "Thị trường (mã, ví dụ KR): nước của hợp đồng hoặc nơi đã xuất cảnh; chưa có hợp đồng thì thị trường nguyện vọng / destination market code: the contract's or departure's country, before a contract the market wished for",
    }),
  ),
  priorityGroup: Schema.optional(Worker.PriorityGroup.annotate({ description: "Đối tượng ưu tiên / priority group" })),
})

const ListItem = Schema.Struct({
  id: Schema.String,
  unitId: Schema.String,
  unitCode: Schema.String,
  unitName: Schema.NullOr(Schema.String),
  stage: Schema.String,
  stageLabel: Schema.String,
  registeredOn: Schema.String,
  sex: Schema.String,
  birthYear: Schema.Number,
  ethnicMinority: Schema.Boolean,
  country: Schema.NullOr(Schema.String),
  programme: Schema.NullOr(Schema.String),
  enterpriseId: Schema.NullOr(Schema.String),
  departedOn: Schema.NullOr(Schema.String),
  priorityGroups: Schema.Array(Schema.String),
  /** The market the `market` filter matches: the contract's or departure's country, else the one wished for. */
  market: Schema.NullOr(Schema.String),
  fullName: Schema.optional(Schema.NullOr(Schema.String)),
  /** "hidden": in the caller's jurisdiction as of `asOf`, but no longer now (ADR 0008): no identity. */
  identityStatus: Schema.optional(Schema.Literals(["shown", "erased", "unreadable", "hidden"])),
})

/** Roles that see names in the list (`canSeeIdentity`). */
const IDENTITY_ROLES: ReadonlyArray<string> = ["province-officer", "commune-officer", "enterprise-officer", "auditor"]

const badQuery = (field: string, message: string, messageEn: string) =>
  fail("validation", message, messageEn, { fields: [{ path: `query.${field}`, message, messageEn }] })

const parseLimit = (raw: string | undefined): number => {
  const limit = raw === undefined ? 50 : Number(raw)
  if (limit < 1 || limit > 500) throw badQuery("limit", "limit phải từ 1 đến 500.", "limit must be 1–500.")
  return limit
}

/** The units a `unit` filter means (code or id, with the old units merged whole into it), within the actor's. */
function unitFilter(
  catalogue: AdminUnit.Catalogue,
  viewer: Actor,
  unit: string | undefined,
  on: string,
): ReadonlyArray<string> | undefined {
  const own = viewer.role === "commune-officer" ? viewer.unitIds : undefined
  if (unit === undefined) return own
  const trimmed = unit.trim()
  const ids = /^\d+$/.test(trimmed)
    ? AdminUnit.unitOn(catalogue, trimmed, on).map((u) => u.unitId)
    : catalogue.units.has(trimmed)
      ? [trimmed]
      : []
  if (ids.length === 0) throw badQuery("unit", `Không có xã, phường "${unit}".`, `No commune or ward "${unit}".`)
  const wanted = withPredecessors(catalogue, ids)
  if (!own) return wanted
  const allowed = wanted.filter((id) => own.includes(id))
  if (allowed.length === 0)
    throw fail(
      "forbidden",
      "Xã, phường này không thuộc phạm vi quản lý của bạn.",
      "This unit is outside your jurisdiction.",
    )
  return allowed
}

/** The identity of many workers at once (one query for registrations, one for keys). */
async function identitiesOf(
  services: AppServices,
  workerIds: ReadonlyArray<string>,
): Promise<ReadonlyMap<string, IdentityView>> {
  const db = services.log.database.db
  const registrations = await registrationsOf(services.log, workerIds)
  const keys = await personKeysOf(
    db,
    masterKeyOf(services.config),
    [...registrations.values()].map((r) => r.identity.keyId),
  )
  const views = new Map<string, IdentityView>()
  for (const [workerId, registration] of registrations)
    views.set(workerId, openIdentity(keys.get(registration.identity.keyId), registration.identity))
  return views
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()

/** The workers the viewer may see today (current rows), for the as-of rule on identities. */
async function visibleNow(services: AppServices, viewer: Actor): Promise<ReadonlySet<string>> {
  const unitIds = viewer.role === "commune-officer" ? viewer.unitIds : undefined
  const rows = await services.models.workers({ provinceCode: viewer.provinceCode, unitIds })
  return new Set(rows.filter((row) => canSee(viewer, scopeOfRow(row))).map((row) => row.workerId))
}

async function listWorkers(services: AppServices, actor: Actor, query: typeof ListQuery.Type) {
  const limit = parseLimit(query.limit)
  const offset = query.offset === undefined ? 0 : Number(query.offset)
  const asOf = parseAsOf(query.asOf)
  const today = todayIso()
  const catalogue = await services.models.catalogues.at()
  const viewer = await viewerOf(services, actor)
  const unitIds = unitFilter(catalogue, viewer, query.unit, asOf ? asOf.toISOString().slice(0, 10) : today)
  const q = query.q?.trim() ? fold(query.q.trim()) : undefined
  if (query.market !== undefined && !Reference.marketByCode(query.market))
    throw badQuery("market", `Không có thị trường "${query.market}".`, `No market "${query.market}".`)
  const filter: ListFilter = {
    provinceCode: actor.provinceCode,
    unitIds,
    stage: query.stage,
    market: query.market,
    priorityGroup: query.priorityGroup,
  }
  const identityRole = IDENTITY_ROLES.includes(viewer.role)
  // The usual request (today's list in name order, no search): a page from the stored name order (ADR 0024).
  if (identityRole && !asOf && q === undefined && (query.sort ?? "name") === "name") {
    const { rows, total, identities, unsealed } = await namePage(services, viewer, filter, limit, offset, query.after)
    // Names read with the page; any position written before they were kept beside it, from the log as before.
    const all =
      unsealed.length === 0 ? identities : new Map([...identities, ...(await identitiesOf(services, unsealed))])
    return answerPage(services, actor, catalogue, rows, {
      total,
      limit,
      offset,
      sort: "name",
      showNames: true,
      identities: all,
    })
  }
  const rows = (await services.models.workers({ provinceCode: actor.provinceCode, unitIds, asOf })).filter(
    (row) =>
      canSee(viewer, scopeOfRow(row)) &&
      (query.stage === undefined || row.stage === query.stage) &&
      (query.market === undefined || marketOf(row) === query.market) &&
      (query.priorityGroup === undefined || row.priorityGroups.includes(query.priorityGroup)),
  )
  const showNames = rows.length > 0 && canSeeIdentity(viewer, scopeOfRow(rows[0]!))
  // As of a past time, identities only of the workers in the caller's jurisdiction then AND now (ADR 0008): a
  // person who has since moved away, or whose selection was voided, is listed as counted then, without a name.
  const identityAllowed = showNames && asOf ? await visibleNow(services, viewer) : undefined
  const mayIdentify = (workerId: string) => identityAllowed === undefined || identityAllowed.has(workerId)
  const sort = query.sort ?? (showNames ? "name" : "registeredOn")
  if (sort === "name" && !showNames && rows.length > 0)
    throw badQuery(
      "sort",
      "Vai trò của bạn không được xem họ tên nên không sắp xếp theo tên được.",
      "Your role may not see names, so cannot sort by name.",
    )
  const labels = new Map<string, ReturnType<typeof unitLabel>>()
  const labelOf = (unitId: string) =>
    labels.get(unitId) ?? labels.set(unitId, unitLabel(catalogue, unitId, today)).get(unitId)!
  // Names are decrypted for the whole selection only when searching or sorting by them; otherwise for the page.
  const decryptAll = showNames && (q !== undefined || sort === "name")
  const identities = decryptAll
    ? await identitiesOf(services, rows.map((r) => r.workerId).filter(mayIdentify))
    : new Map<string, IdentityView>()
  const nameOf = (id: string) => {
    const view = identities.get(id)
    return view?.status === "shown" ? view.identity.fullName : undefined
  }
  let selected: ReadonlyArray<WorkerRow> = rows
  if (q !== undefined)
    selected = rows.filter((r) => {
      const name = nameOf(r.workerId)
      return (
        r.workerId.startsWith(q) ||
        r.unitCode === q ||
        fold(labelOf(r.unitId).name ?? "").includes(q) ||
        (name !== undefined && fold(name).includes(q))
      )
    })
  const ordered =
    sort === "name"
      ? [...selected].sort((a, b) => {
          const na = nameOf(a.workerId)
          const nb = nameOf(b.workerId)
          if (na === undefined || nb === undefined)
            return na === nb ? a.workerId.localeCompare(b.workerId) : na === undefined ? 1 : -1
          return collator.compare(na, nb) || a.workerId.localeCompare(b.workerId)
        })
      : [...selected].sort(
          (a, b) => b.registeredOn.localeCompare(a.registeredOn) || a.workerId.localeCompare(b.workerId),
        )
  const afterIndex = query.after === undefined ? -1 : ordered.findIndex((r) => r.workerId === query.after)
  if (query.after !== undefined && afterIndex < 0) throw notInList()
  const start = afterIndex + 1 + offset
  const page = ordered.slice(start, start + limit)
  return answerPage(services, actor, catalogue, page, {
    total: ordered.length,
    limit,
    offset,
    sort,
    showNames,
    mayIdentify,
    ...(decryptAll ? { identities } : {}),
    ...(asOf ? { asOf } : {}),
  })
}

/**
 * The answer for one page: labels, names decrypted for the page only (unless given) and their reads logged (the
 * answer waits for the log's commit: no name leaves unrecorded).
 */
async function answerPage(
  services: AppServices,
  actor: Actor,
  catalogue: AdminUnit.Catalogue,
  page: ReadonlyArray<WorkerRow>,
  options: {
    readonly total: number
    readonly limit: number
    readonly offset: number
    readonly sort: "name" | "registeredOn"
    readonly showNames: boolean
    readonly mayIdentify?: (workerId: string) => boolean
    readonly identities?: ReadonlyMap<string, IdentityView>
    readonly asOf?: Date
  },
) {
  const { showNames } = options
  const mayIdentify = options.mayIdentify ?? (() => true)
  const today = todayIso()
  const labels = new Map<string, ReturnType<typeof unitLabel>>()
  const labelOf = (unitId: string) =>
    labels.get(unitId) ?? labels.set(unitId, unitLabel(catalogue, unitId, today)).get(unitId)!
  const pageIdentities = !showNames
    ? new Map<string, IdentityView>()
    : (options.identities ?? (await identitiesOf(services, page.map((r) => r.workerId).filter(mayIdentify))))
  if (showNames)
    await recordAccess(
      services.log.database.db,
      actor,
      page.filter((r) => pageIdentities.get(r.workerId)?.status === "shown").map((r) => r.workerId),
      "list",
    )
  const items = page.map((row) => {
    const label = labelOf(row.unitId)
    const view = pageIdentities.get(row.workerId)
    const stage = row.stage as Worker.WorkerStage
    return {
      id: row.workerId,
      unitId: row.unitId,
      unitCode: label.code ?? row.unitCode,
      unitName: label.name,
      stage,
      stageLabel: Worker.stageLabelVi[stage] ?? stage,
      registeredOn: row.registeredOn,
      sex: row.sex,
      birthYear: row.birthYear,
      ethnicMinority: row.ethnicMinority,
      country: row.country,
      programme: row.programme,
      enterpriseId: row.enterpriseId,
      departedOn: row.departedOn,
      priorityGroups: row.priorityGroups,
      market: marketOf(row),
      ...(showNames
        ? {
            fullName: view?.status === "shown" ? view.identity.fullName : null,
            identityStatus: mayIdentify(row.workerId) ? (view?.status ?? ("unreadable" as const)) : ("hidden" as const),
          }
        : {}),
    }
  })
  const { total, limit, offset, sort, asOf } = options
  return { items, total, limit, offset, sort, ...(asOf ? { asOf: asOf.toISOString() } : {}) }
}

async function workerDetail(services: AppServices, actor: Actor, workerId: string) {
  // One read of the stream for the state and the history.
  const streamId = Worker.workerStreamId(workerId)
  const events = await services.log.readStream(streamId)
  const folded = foldAggregate(streamId, events, Worker.workerDecider)
  const loaded = asLoadedWorker(workerId, folded.state, folded.version)
  const viewer = await viewerOf(services, actor)
  const scope = scopeOfState(loaded.state)
  if (!scope || !canSee(viewer, scope)) throw workerNotFound(workerId)
  const catalogue = await services.models.catalogues.at()
  let identity: Record<string, unknown> | null = null
  let identityStatus: "shown" | "erased" | "unreadable" | "hidden" = "hidden"
  if (canSeeIdentity(viewer, scope)) {
    const view = openIdentity(
      await services.keyRing.get(loaded.registration.identity.keyId),
      loaded.registration.identity,
    )
    identityStatus = view.status
    if (view.status === "shown") {
      identity = { ...view.identity }
      await recordAccess(services.log.database.db, actor, [workerId], "detail")
    } else identity = { message: view.message, messageEn: view.messageEn }
  }
  const history = historyOf(events)
  return {
    ...summaryOf(loaded.state, catalogue, todayIso()),
    version: loaded.version,
    identityStatus,
    identity,
    history,
  }
}

export const workerReadRoutes: ReadonlyArray<RouteSpec> = [
  defineRoute({
    method: "get",
    path: "/api/workers",
    summary:
      "Danh sách người lao động trong phạm vi được xem (họ tên chỉ hiện cho vai trò được phép; mỗi lần xem được ghi nhật ký)",
    summaryEn:
      "Workers within the caller's jurisdiction (names only for roles allowed to see them; every read is logged)",
    tags: TAGS,
    access: WORKER_READERS,
    query: ListQuery,
    response: Schema.Struct({
      items: Schema.Array(ListItem),
      total: Schema.Number,
      limit: Schema.Number,
      offset: Schema.Number,
      sort: Schema.String,
    }),
    handler: ({ query, actor, services }) => listWorkers(services, actor, query),
  }),
  defineRoute({
    method: "get",
    path: "/api/workers/:id",
    summary:
      "Hồ sơ người lao động: tình trạng hiện tại, thông tin nhân thân (nếu được phép; có ghi nhật ký) và toàn bộ lịch sử",
    summaryEn: "A worker: current state, identity (if allowed; logged) and full history",
    tags: TAGS,
    access: WORKER_READERS,
    params: WorkerIdParams,
    response: WorkerDetail,
    handler: async ({ params, actor, services, c }) => {
      const detail = await workerDetail(services, actor, params.id)
      c.header("ETag", `"${detail.version}"`)
      return detail
    },
  }),
]
