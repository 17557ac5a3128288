import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { api, call } from "../api/client.ts"
import { useAsOf } from "../components/AsOf.tsx"
import { ErrorNote, Field, Loading, Page } from "../components/ui.tsx"
import { formatDate, formatNumber, parseDate, sortByName } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { useMe } from "../session/session.ts"

interface Listing<T> {
  readonly items: ReadonlyArray<T>
  readonly total?: number
  readonly byStatus?: Readonly<Record<string, number>>
}

const STATUS: Record<string, readonly [string, string, string]> = {
  open: ["chưa thực hiện", "open", "bg-slate-100 text-slate-900"],
  ongoing: ["đang thực hiện", "ongoing", "bg-blue-100 text-blue-900"],
  overdue: ["quá hạn", "overdue", "bg-red-100 text-red-900"],
  done: ["hoàn thành", "done", "bg-green-100 text-green-900"],
  completed: ["hoàn thành", "completed", "bg-green-100 text-green-900"],
  pending: ["chưa đến hạn", "pending", "bg-slate-100 text-slate-900"],
  dueSoon: ["sắp đến hạn", "due soon", "bg-amber-100 text-amber-950"],
  submitted: ["đã nộp đúng hạn", "on time", "bg-green-100 text-green-900"],
  onTime: ["đúng hạn", "on time", "bg-green-100 text-green-900"],
  late: ["nộp muộn", "late", "bg-amber-100 text-amber-950"],
}

function Status({ status }: { status: string }) {
  const { language } = useI18n()
  const [vi, en, style] = STATUS[status] ?? [status, status, "bg-slate-100"]
  return (
    <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${style}`}>
      {language === "en" ? en : vi}
    </span>
  )
}

function useListing<T>(key: string, load: () => Promise<unknown>) {
  const asOf = useAsOf()
  return useQuery({ queryKey: [key, asOf], queryFn: async () => (await load()) as Listing<T> })
}

function Counts({ byStatus }: { byStatus?: Readonly<Record<string, number>> | undefined }) {
  if (!byStatus) return null
  return (
    <ul className="flex flex-wrap gap-3" aria-label="status">
      {Object.entries(byStatus).map(([status, count]) => (
        <li key={status} className="flex items-center gap-1">
          <Status status={status} /> <span className="tabular-nums">{formatNumber(count)}</span>
        </li>
      ))}
    </ul>
  )
}

interface Enterprise {
  readonly id: string
  readonly name: string
  readonly licenceNumber: string
  readonly licenceDate: string
  readonly suspended: boolean
  readonly violations: number
  readonly mayRecruitInProvince: boolean
}

export function Enterprises() {
  const { t, language } = useI18n()
  const me = useMe()
  const asOf = useAsOf()
  const query = useListing<Enterprise>("enterprises", () =>
    call(
      api.GET("/api/enterprises", {
        params: { query: { province: me.provinceCode, limit: "200", ...(asOf ? { asOf } : {}) } },
      }),
    ),
  )
  return (
    <Page title={t("nav.enterprises")}>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNote error={query.error} />}
      {query.data && (
        <table className="table rounded-lg bg-white">
          <thead>
            <tr>
              <th scope="col">{t("lists.name")}</th>
              <th scope="col">{language === "en" ? "Licence" : "Giấy phép"}</th>
              <th scope="col">{t("lists.status")}</th>
              <th scope="col" className="text-right">
                {language === "en" ? "Violations" : "Vi phạm"}
              </th>
            </tr>
          </thead>
          <tbody>
            {sortByName(query.data.items, (e) => e.name).map((e) => (
              <tr key={e.id}>
                <th scope="row" className="font-normal">
                  {e.name}
                </th>
                <td>
                  {e.licenceNumber} — {formatDate(e.licenceDate)}
                </td>
                <td>
                  {e.suspended ? (
                    <span className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">
                      {language === "en" ? "suspended" : "đình chỉ"}
                    </span>
                  ) : e.mayRecruitInProvince ? (
                    <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">
                      {language === "en" ? "may recruit" : "được tuyển"}
                    </span>
                  ) : (
                    <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">
                      {language === "en" ? "not vetted" : "chưa thẩm định"}
                    </span>
                  )}
                </td>
                <td className="text-right tabular-nums">{formatNumber(e.violations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  )
}

interface Task {
  readonly id: string
  readonly group: string
  readonly number: number
  readonly content: string
  readonly status: string
  readonly dueDate: string | null
  readonly lead: { readonly printed: string }
  readonly progress: ReadonlyArray<{ readonly summary?: string }>
}

export function Tasks() {
  const { t, language } = useI18n()
  const me = useMe()
  const reporter = me.role === "province-officer" || me.role === "department-officer"
  const asOf = useAsOf()
  const query = useListing<Task>("tasks", () =>
    call(
      api.GET("/api/tasks", {
        params: { query: { province: me.provinceCode, limit: "200", ...(asOf ? { asOf } : {}) } },
      }),
    ),
  )
  return (
    <Page title={t("nav.tasks")}>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNote error={query.error} />}
      {query.data && (
        <>
          <Counts byStatus={query.data.byStatus} />
          <table className="table bg-white">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("lists.name")}</th>
                <th scope="col">{t("lists.deadline")}</th>
                <th scope="col">{t("lists.status")}</th>
                {reporter && <th scope="col">{language === "en" ? "Progress" : "Tiến độ"}</th>}
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((task) => (
                <tr key={task.id} className="align-top">
                  <td>
                    {task.group}.{task.number}
                  </td>
                  <td>
                    {task.content}
                    <span className="block text-xs text-slate-600">{task.lead.printed}</span>
                  </td>
                  <td>{formatDate(task.dueDate)}</td>
                  <td>
                    <Status status={task.status} />
                  </td>
                  {reporter && (
                    <td>
                      {task.progress.length > 0 && (
                        <span className="block text-xs text-slate-700">{task.progress.at(-1)?.summary}</span>
                      )}
                      <ProgressForm id={task.id} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  )
}

interface Obligation {
  readonly id: string
  readonly period: { readonly label: string }
  readonly deadline: string
  readonly reporter: { readonly name: string }
  readonly recipient: { readonly name: string }
  readonly status: string
  readonly daysLate: number | null
  readonly submission: { readonly submittedOn: string } | null
}

export function Obligations() {
  const { t, language } = useI18n()
  const me = useMe()
  const submitter = ["province-officer", "commune-officer", "department-officer"].includes(me.role)
  const asOf = useAsOf()
  const query = useListing<Obligation>("obligations", () =>
    call(
      api.GET("/api/reporting-obligations", {
        params: { query: { province: me.provinceCode, limit: "100", ...(asOf ? { asOf } : {}) } },
      }),
    ),
  )
  return (
    <Page title={t("nav.obligations")}>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNote error={query.error} />}
      {query.data && (
        <>
          <Counts byStatus={query.data.byStatus} />
          <table className="table bg-white">
            <thead>
              <tr>
                <th scope="col">{language === "en" ? "Reporter" : "Đơn vị báo cáo"}</th>
                <th scope="col">{language === "en" ? "Period" : "Kỳ"}</th>
                <th scope="col">{language === "en" ? "To" : "Gửi"}</th>
                <th scope="col">{t("lists.deadline")}</th>
                <th scope="col">{t("lists.status")}</th>
                {submitter && <th scope="col">{language === "en" ? "Submission" : "Nộp báo cáo"}</th>}
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((o) => (
                <tr key={o.id}>
                  <td>{o.reporter.name}</td>
                  <td>{o.period.label}</td>
                  <td>{o.recipient.name}</td>
                  <td>{formatDate(o.deadline)}</td>
                  <td>
                    <Status status={o.status} />
                    {o.daysLate ? (
                      <span className="ml-1 text-xs">
                        ({formatNumber(o.daysLate)} {language === "en" ? "days" : "ngày"})
                      </span>
                    ) : null}
                  </td>
                  {submitter && (
                    <td>{o.submission ? formatDate(o.submission.submittedOn) : <SubmitForm id={o.id} />}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  )
}

/** Records that an obligation's report was sent (POST /api/reporting-obligations/{id}/submissions). */
function SubmitForm({ id }: { id: string }) {
  const { language } = useI18n()
  const queryClient = useQueryClient()
  const [number, setNumber] = useState("")
  const [date, setDate] = useState("")
  const [problem, setProblem] = useState<unknown>()
  const [dateError, setDateError] = useState<string>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const submittedOn = parseDate(date)
    if (!submittedOn) {
      setDateError(
        language === "en" ? "The date must be dd/mm/yyyy and exist." : "Ngày phải theo dạng dd/mm/yyyy và có thật.",
      )
      return
    }
    setDateError(undefined)
    setProblem(undefined)
    try {
      await call(
        api.POST("/api/reporting-obligations/{id}/submissions", {
          params: { path: { id }, header: { "Idempotency-Key": crypto.randomUUID() } },
          body: { submittedOn, documentRef: { number: number.trim(), date: submittedOn } },
        }),
      )
      await queryClient.invalidateQueries({ queryKey: ["obligations"] })
    } catch (failure) {
      setProblem(failure)
    }
  }
  const key = id.replace(/[^A-Za-z0-9-]/g, "-")
  return (
    <details>
      <summary className="cursor-pointer whitespace-nowrap text-sm text-blue-800 underline">
        {language === "en" ? "Record submission…" : "Ghi nhận đã nộp…"}
      </summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="mt-2 space-y-2">
        <Field id={`num-${key}`} label={language === "en" ? "Document number" : "Số văn bản"}>
          <input id={`num-${key}`} className="input w-40" value={number} onChange={(e) => setNumber(e.target.value)} />
        </Field>
        <Field
          id={`date-${key}`}
          label={language === "en" ? "Sent on (dd/mm/yyyy)" : "Ngày gửi (dd/mm/yyyy)"}
          error={dateError}
        >
          <input id={`date-${key}`} className="input w-40" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        {problem !== undefined && <ErrorNote error={problem} />}
        <button type="submit" className="btn-secondary">
          {language === "en" ? "Record" : "Ghi nhận"}
        </button>
      </form>
    </details>
  )
}

/** A task's progress report (POST /api/tasks/{id}/progress-reports): what was done, how far along. */
function ProgressForm({ id }: { id: string }) {
  const { language } = useI18n()
  const queryClient = useQueryClient()
  const [summary, setSummary] = useState("")
  const [percent, setPercent] = useState("")
  const [problem, setProblem] = useState<unknown>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setProblem(undefined)
    try {
      await call(
        api.POST("/api/tasks/{id}/progress-reports", {
          params: { path: { id }, header: { "Idempotency-Key": crypto.randomUUID() } },
          body: { summary: summary.trim(), ...(percent.trim() ? { percentComplete: Number(percent) } : {}) },
        }),
      )
      setSummary("")
      setPercent("")
      await queryClient.invalidateQueries({ queryKey: ["tasks"] })
    } catch (failure) {
      setProblem(failure)
    }
  }
  const key = id.replace(/[^A-Za-z0-9-]/g, "-")
  return (
    <details>
      <summary className="cursor-pointer whitespace-nowrap text-sm text-blue-800 underline">
        {language === "en" ? "Report progress…" : "Báo cáo tiến độ…"}
      </summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="mt-2 space-y-2">
        <Field id={`sum-${key}`} label={language === "en" ? "What was done" : "Kết quả thực hiện"}>
          <input
            id={`sum-${key}`}
            className="input w-56"
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        </Field>
        <Field id={`pct-${key}`} label={language === "en" ? "Percent complete" : "Phần trăm hoàn thành"}>
          <input
            id={`pct-${key}`}
            inputMode="numeric"
            className="input w-24"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
          />
        </Field>
        {problem !== undefined && <ErrorNote error={problem} />}
        <button type="submit" className="btn-secondary">
          {language === "en" ? "Record" : "Ghi nhận"}
        </button>
      </form>
    </details>
  )
}
