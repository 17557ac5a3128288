import { useQuery } from "@tanstack/react-query"
import type { ReactNode } from "react"
import { api, call } from "../api/client.ts"
import type { Enterprise, Obligation, Task } from "../api/views.ts"
import { useAsOf } from "../components/AsOf.tsx"
import { DeadlineCalendar, type Deadline } from "../components/DeadlineCalendar.tsx"
import { Badge, ListTable, type Column } from "../components/ListTable.tsx"
import { Card, ErrorNote, Loading, Page } from "../components/ui.tsx"
import { formatDate, formatNumber, sortByName } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { useMe } from "../session/session.ts"
import { obligationTimeliness, STATUS, taskTimeliness, TIMELINESS, type Timeliness } from "./deadlines.ts"
import { CompletionForm, ProgressForm, SubmitForm } from "./ListForms.tsx"

/** What every list answer has (GET /api/enterprises, /api/tasks, /api/reporting-obligations, declared by the API). */
interface Listing {
  readonly items: ReadonlyArray<unknown>
  readonly byStatus?: Readonly<Record<string, unknown>>
  /** The day the statuses were computed for (today, or the as-of's day). */
  readonly statusOn?: string
}

function Status({ status }: { status: string }) {
  const [vi, en, style] = STATUS[status] ?? [status, status, "bg-slate-100 text-slate-900"]
  return <Badge vi={vi} en={en} style={style} />
}

function Timely({ timeliness }: { timeliness: Timeliness }) {
  const [vi, en, style, glyph] = TIMELINESS[timeliness]
  return <Badge vi={vi} en={en} style={style} glyph={glyph} />
}

function useListing<L extends Listing>(key: string, load: (asOf: string | undefined) => Promise<L>) {
  const asOf = useAsOf()
  return useQuery({ queryKey: [key, asOf], queryFn: () => load(asOf) })
}

function Counts({ byStatus }: { byStatus?: Readonly<Record<string, unknown>> | undefined }) {
  const { t } = useI18n()
  if (!byStatus) return null
  return (
    <ul className="flex flex-wrap gap-3" aria-label={t("lists.counts")}>
      {Object.entries(byStatus).map(([status, count]) => (
        <li key={status} className="flex items-center gap-1">
          <Status status={status} /> <span className="tabular-nums">{formatNumber(Number(count))}</span>
        </li>
      ))}
    </ul>
  )
}

/** A list screen: loading and error states, the counts, the table, and (for deadlines) the month calendar beside it. */
function ListScreen<L extends Listing>({
  title,
  query,
  table,
  calendar,
}: {
  title: string
  query: ReturnType<typeof useListing<L>>
  table: (listing: L) => ReactNode
  calendar?: (listing: L) => ReactNode
}) {
  return (
    <Page title={title}>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNote error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <Counts byStatus={query.data.byStatus} />
          {calendar ? (
            <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
              <div className="min-w-0">{table(query.data)}</div>
              <div className="xl:order-last">
                <div className="xl:sticky xl:top-4">
                  <Card>{calendar(query.data)}</Card>
                </div>
              </div>
            </div>
          ) : (
            table(query.data)
          )}
        </>
      )}
    </Page>
  )
}

const todayIso = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)

function EnterpriseStanding({ enterprise }: { enterprise: Enterprise }) {
  if (enterprise.suspended) return <Badge vi="đình chỉ" en="suspended" style="bg-red-100 text-red-900" />
  if (enterprise.mayRecruitInProvince)
    return <Badge vi="được tuyển" en="may recruit" style="bg-green-100 text-green-900" />
  return <Badge vi="chưa thẩm định" en="not vetted" style="bg-slate-100 text-slate-900" />
}

export function Enterprises() {
  const { t } = useI18n()
  const me = useMe()
  const query = useListing("enterprises", (asOf) =>
    call(
      api.GET("/api/enterprises", {
        params: { query: { province: me.provinceCode, limit: "200", ...(asOf ? { asOf } : {}) } },
      }),
    ),
  )
  const columns: ReadonlyArray<Column<Enterprise>> = [
    { header: t("lists.name"), cell: (e) => e.name },
    { header: t("enterprises.licence"), cell: (e) => `${e.licenceNumber} — ${formatDate(e.licenceDate)}` },
    { header: t("lists.status"), cell: (e) => <EnterpriseStanding enterprise={e} /> },
    { header: t("enterprises.violations"), cell: (e) => formatNumber(e.violations), numeric: true },
  ]
  return (
    <ListScreen
      title={t("nav.enterprises")}
      query={query}
      table={(listing) => (
        <ListTable
          caption={t("nav.enterprises")}
          columns={columns}
          rows={sortByName(listing.items, (e) => e.name)}
          rowKey={(e) => e.id}
        />
      )}
    />
  )
}

export function Tasks() {
  const { t } = useI18n()
  const me = useMe()
  const reporter = me.role === "province-officer" || me.role === "department-officer"
  const query = useListing("tasks", (asOf) =>
    call(
      api.GET("/api/tasks", {
        params: { query: { province: me.provinceCode, limit: "500", ...(asOf ? { asOf } : {}) } },
      }),
    ),
  )
  const title = (task: Task) => `${task.group}.${task.number} ${task.content}`
  const columns = (on: string): ReadonlyArray<Column<Task> | false> => [
    { header: "#", cell: (task) => `${task.group}.${task.number}` },
    {
      header: t("tasks.content"),
      cell: (task) => (
        <>
          {task.content}
          <span className="block text-xs text-slate-700">{task.lead.printed}</span>
        </>
      ),
    },
    { header: t("lists.deadline"), cell: (task) => formatDate(task.dueDate) },
    {
      header: t("lists.status"),
      cell: (task) => (
        <span className="flex flex-col items-start gap-1">
          <Status status={task.status} />
          <Timely timeliness={taskTimeliness(task.status, task.dueDate, on)} />
          {task.completedOn && (
            <span className="text-xs">
              {t("tasks.completedOnShort")} {formatDate(task.completedOn)}
            </span>
          )}
        </span>
      ),
    },
    reporter && {
      header: t("tasks.progressColumn"),
      cell: (task) => (
        <div className="space-y-1">
          {task.progress.length > 0 && (
            <span className="block text-xs text-slate-700">{task.progress.at(-1)?.summary}</span>
          )}
          {!task.completedOn && (
            <>
              <ProgressForm id={task.id} title={title(task)} />
              <CompletionForm id={task.id} title={title(task)} />
            </>
          )}
        </div>
      ),
    },
  ]
  return (
    <ListScreen
      title={t("nav.tasks")}
      query={query}
      table={(listing) => (
        <ListTable
          caption={t("nav.tasks")}
          columns={columns(listing.statusOn ?? todayIso())}
          rows={listing.items}
          rowKey={(task) => task.id}
          testId="tasks-table"
        />
      )}
      calendar={(listing) => {
        const on = listing.statusOn ?? todayIso()
        const deadlines: Deadline[] = listing.items.flatMap((task) =>
          task.dueDate
            ? [
                {
                  id: task.id,
                  date: task.dueDate,
                  title: title(task),
                  timeliness: taskTimeliness(task.status, task.dueDate, on),
                },
              ]
            : [],
        )
        return <DeadlineCalendar label={t("calendar.tasks")} deadlines={deadlines} today={on} />
      }}
    />
  )
}

export function Obligations() {
  const { t } = useI18n()
  const me = useMe()
  const submitter = ["province-officer", "commune-officer", "department-officer"].includes(me.role)
  const query = useListing("obligations", (asOf) =>
    call(
      api.GET("/api/reporting-obligations", {
        params: { query: { province: me.provinceCode, limit: "500", ...(asOf ? { asOf } : {}) } },
      }),
    ),
  )
  const title = (o: Obligation) => `${o.reporter.name} → ${o.recipient.name}: ${o.period.label}`
  const columns = (on: string): ReadonlyArray<Column<Obligation> | false> => [
    { header: t("obligations.reporter"), cell: (o) => o.reporter.name },
    { header: t("obligations.period"), cell: (o) => o.period.label },
    { header: t("obligations.recipient"), cell: (o) => o.recipient.name },
    { header: t("lists.deadline"), cell: (o) => formatDate(o.deadline) },
    {
      header: t("lists.status"),
      cell: (o) => (
        <span className="flex flex-col items-start gap-1">
          <Status status={o.status} />
          <Timely timeliness={obligationTimeliness(o.status, o.deadline, on)} />
          {o.daysLate ? (
            <span className="text-xs">{t("obligations.daysLate", { count: formatNumber(o.daysLate) })}</span>
          ) : null}
        </span>
      ),
    },
    submitter && {
      header: t("obligations.submission"),
      cell: (o) => (o.submission ? formatDate(o.submission.submittedOn) : <SubmitForm id={o.id} title={title(o)} />),
    },
  ]
  return (
    <ListScreen
      title={t("nav.obligations")}
      query={query}
      table={(listing) => (
        <ListTable
          caption={t("nav.obligations")}
          columns={columns(listing.statusOn ?? todayIso())}
          rows={listing.items}
          rowKey={(o) => o.id}
          testId="obligations-table"
        />
      )}
      calendar={(listing) => {
        const on = listing.statusOn ?? todayIso()
        const deadlines: Deadline[] = listing.items.map((o) => ({
          id: o.id,
          date: o.deadline,
          title: title(o),
          timeliness: obligationTimeliness(o.status, o.deadline, on),
        }))
        return <DeadlineCalendar label={t("calendar.obligations")} deadlines={deadlines} today={on} />
      }}
    />
  )
}
