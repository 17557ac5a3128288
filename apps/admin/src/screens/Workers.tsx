import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { Link, useNavigate, useSearch } from "@tanstack/react-router"
import { useEffect, useState } from "react"
import { api, call, type paths } from "../api/client.ts"
import { useAsOf } from "../components/AsOf.tsx"
import { Empty, ErrorNote, Loading, Page } from "../components/ui.tsx"
import { formatDate, formatNumber, sortByName } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { WRITER_ROLES, type Role } from "../session/access.ts"
import { useMe } from "../session/session.ts"
import { useUnits } from "../components/units.ts"
import { PRIORITY_GROUPS, type PriorityGroup } from "./priority-groups.ts"
import { STAGES, stageLabel, type WorkerStage } from "./stages.ts"
import { COUNTRIES, countryName } from "./steps.ts"

const PAGE_SIZE = 25

interface WorkerSearch {
  q?: string
  stage?: WorkerStage
  unit?: string
  market?: string
  priorityGroup?: PriorityGroup
  page?: number
}

type ListQuery = NonNullable<paths["/api/workers"]["get"]["parameters"]["query"]>

/** One filter of the list: "all" or one of its options, each in the interface's language. */
function FilterSelect<Code extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  value: Code | undefined
  options: ReadonlyArray<readonly [Code, string, string]>
  onChange: (value: Code | undefined) => void
}) {
  const { t, language } = useI18n()
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value ?? ""}
        onChange={(e) => onChange(options.find(([code]) => code === e.target.value)?.[0])}
      >
        <option value="">{t("workers.all")}</option>
        {options.map(([code, vi, en]) => (
          <option key={code} value={code}>
            {language === "en" ? en : vi}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * Workers of the officer's jurisdiction: search by name or citizen ID, filter by stage, commune, market and priority
 * group, paged.
 */
export function Workers() {
  const { t, language } = useI18n()
  const me = useMe()
  const asOf = useAsOf()
  const navigate = useNavigate()
  const search = useSearch({ strict: false }) as WorkerSearch
  const page = Math.max(1, Number(search.page ?? 1) || 1)
  const [text, setText] = useState(search.q ?? "")
  useEffect(() => setText(search.q ?? ""), [search.q])
  const units = useUnits(me.provinceCode)
  const setSearch = (change: Partial<WorkerSearch>) =>
    void navigate({
      to: "/workers",
      search: (previous: Record<string, unknown>) => ({ ...previous, page: undefined, ...change }),
    })
  const query = useQuery({
    queryKey: ["workers", search.q, search.stage, search.unit, search.market, search.priorityGroup, page, asOf],
    placeholderData: keepPreviousData,
    queryFn: () => {
      const listQuery: ListQuery = {
        ...(search.q ? { q: search.q } : {}),
        ...(search.stage ? { stage: search.stage } : {}),
        ...(search.unit ? { unit: search.unit } : {}),
        ...(search.market ? { market: search.market } : {}),
        ...(search.priorityGroup ? { priorityGroup: search.priorityGroup } : {}),
        ...(asOf ? { asOf } : {}),
        limit: String(PAGE_SIZE),
        offset: String((page - 1) * PAGE_SIZE),
        // Roles that may not see names (the bank) cannot sort by them: the API refuses it.
        sort: me.role === "bank-officer" ? "registeredOn" : "name",
      }
      return call(api.GET("/api/workers", { params: { query: listQuery } }))
    },
  })
  const pages = Math.max(1, Math.ceil(Number(query.data?.total ?? 0) / PAGE_SIZE))
  const writer = WRITER_ROLES.includes(me.role as Role)
  return (
    <Page
      title={t("workers.title")}
      actions={
        writer && (
          <Link to="/workers/new" className="btn-primary">
            {t("workers.register")}
          </Link>
        )
      }
    >
      <form
        role="search"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault()
          setSearch({ q: text.trim() || undefined })
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="worker-q" className="text-sm font-medium">
            {t("workers.search")}
          </label>
          <input
            id="worker-q"
            type="search"
            className="input w-72"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="worker-stage" className="text-sm font-medium">
            {t("workers.stage")}
          </label>
          <select
            id="worker-stage"
            className="input"
            value={search.stage ?? ""}
            onChange={(e) => setSearch({ stage: (e.target.value || undefined) as WorkerStage | undefined })}
          >
            <option value="">{t("workers.all")}</option>
            {STAGES.map(([stage]) => (
              <option key={stage} value={stage}>
                {stageLabel(stage, language)}
              </option>
            ))}
          </select>
        </div>
        {me.role !== "commune-officer" && (
          <div className="flex flex-col gap-1">
            <label htmlFor="worker-unit" className="text-sm font-medium">
              {t("workers.unit")}
            </label>
            <select
              id="worker-unit"
              className="input"
              value={search.unit ?? ""}
              onChange={(e) => setSearch({ unit: e.target.value || undefined })}
            >
              <option value="">{t("workers.all")}</option>
              {sortByName(units.data?.items ?? [], (u) => u.name).map((unit) => (
                <option key={unit.id} value={unit.code}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <FilterSelect
          id="worker-market"
          label={t("workers.market")}
          value={search.market}
          options={COUNTRIES}
          onChange={(market) => setSearch({ market })}
        />
        <FilterSelect
          id="worker-priority"
          label={t("workers.priorityGroup")}
          value={search.priorityGroup}
          options={PRIORITY_GROUPS}
          onChange={(priorityGroup) => setSearch({ priorityGroup })}
        />
        <button type="submit" className="btn-secondary">
          {language === "en" ? "Search" : "Tìm"}
        </button>
      </form>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNote error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <p className="text-slate-700" role="status" data-testid="workers-total">
            {t("workers.total", { total: formatNumber(query.data.total) })}
          </p>
          {query.data.items.length === 0 ? (
            <Empty />
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="table" data-testid="workers-table">
                <caption className="sr-only">{t("workers.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("workers.name")}</th>
                    <th scope="col">{t("workers.unit")}</th>
                    <th scope="col">{t("workers.stage")}</th>
                    <th scope="col">{t("workers.registeredOn")}</th>
                    <th scope="col">{t("workers.country")}</th>
                  </tr>
                </thead>
                <tbody>
                  {query.data.items.map((worker) => (
                    <tr key={worker.id}>
                      <th scope="row">
                        <Link
                          to="/workers/$id"
                          params={{ id: worker.id }}
                          className="text-blue-800 underline underline-offset-2"
                        >
                          {worker.fullName ?? `${t("workers.hidden")} ${worker.id.slice(0, 8)}`}
                        </Link>
                      </th>
                      <td>{worker.unitName}</td>
                      <td>{stageLabel(worker.stage, language)}</td>
                      <td>{formatDate(worker.registeredOn)}</td>
                      <td>{worker.country ? countryName(worker.country, language) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label={language === "en" ? "Pages" : "Phân trang"} className="flex items-center gap-3">
            <button
              type="button"
              className="btn-secondary"
              disabled={page <= 1}
              onClick={() => setSearch({ ...search, page: page - 1 })}
            >
              {t("workers.prev")}
            </button>
            <span>{t("workers.page", { page: formatNumber(page), pages: formatNumber(pages) })}</span>
            <button
              type="button"
              className="btn-secondary"
              disabled={page >= pages}
              onClick={() => setSearch({ ...search, page: page + 1 })}
            >
              {t("workers.next")}
            </button>
          </nav>
        </>
      )}
    </Page>
  )
}
