import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { api, call } from "../api/client.ts"
import type { components } from "../api/openapi.gen.ts"
import { useAsOf } from "../components/AsOf.tsx"
import { Card, ErrorNote, Field, Loading, Page } from "../components/ui.tsx"
import { ApiProblem } from "../api/problem.ts"
import { formatDate, formatDateTime, formatNumber } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { useMe } from "../session/session.ts"
import { IssuedList } from "./IssuedList.tsx"

type PeriodicReport = components["schemas"]["PeriodicReport"]
type IssuedReport = components["schemas"]["IssuedReportAnswer"]["report"]

/** The reporting periods offered: the six-month and annual reports of this year and the two before. */
const periods = (now: Date) => {
  const year = now.getUTCFullYear()
  return [year, year - 1, year - 2].flatMap((y) => [`${y}-H1`, `${y}`])
}

export const periodLabel = (code: string, language: "vi" | "en") =>
  code.endsWith("-H1")
    ? language === "en"
      ? `First half of ${code.slice(0, 4)}`
      : `6 tháng đầu năm ${code.slice(0, 4)}`
    : language === "en"
      ? `Year ${code}`
      : `Năm ${code}`

/** A periodic report: choose the reporter and the period, preview it, download DOCX / XLSX / PDF. */
export function Reports() {
  const { t, language } = useI18n()
  const me = useMe()
  const asOf = useAsOf()
  const choices = periods(new Date(asOf ?? Date.now()))
  const [reporter, setReporter] = useState<string>()
  const [period, setPeriod] = useState(choices[1]!)
  // who reports for the period, as this account may have them: the province, the plan's communes and wards, the
  // departments (sở, ban, ngành) the plan assigns tasks or obligations to (GET /api/reports/reporters)
  const listed = useQuery({
    queryKey: ["report-reporters", me.provinceCode, period, asOf],
    queryFn: async () =>
      await call(
        api.GET("/api/reports/reporters", {
          params: { query: { province: me.provinceCode, period, ...(asOf ? { asOf } : {}) } },
        }),
      ),
  })
  const reporters = (listed.data?.items ?? []).map((r) => ({
    ...r,
    name: r.kind === "province" && language === "en" ? "The province" : r.name,
  }))
  const groups = [
    { kind: "province", label: language === "en" ? "Province" : "Tỉnh" },
    { kind: "unit", label: language === "en" ? "Communes and wards" : "Xã, phường" },
    { kind: "agency", label: language === "en" ? "Departments" : "Sở, ban, ngành" },
  ] as const
  const chosen = reporters.some((r) => r.code === reporter) ? reporter : reporters[0]?.code
  const query = {
    province: me.provinceCode,
    reporter: chosen ?? "province",
    period,
    ...(asOf ? { asOf } : {}),
  }
  const preview = useQuery({
    enabled: chosen !== undefined,
    queryKey: ["periodic-report", query],
    queryFn: async () =>
      (await call(
        api.GET("/api/reports/periodic", { params: { query: { ...query, format: "json" } } }),
      )) as PeriodicReport,
  })
  const download = (format: "docx" | "xlsx" | "pdf") =>
    `/api/reports/periodic?${new URLSearchParams({ ...query, format }).toString()}`
  return (
    <Page title={language === "en" ? "Reports" : "Báo cáo định kỳ"}>
      <div className="flex flex-wrap items-end gap-4">
        <Field id="report-reporter" label={language === "en" ? "Reporter" : "Đơn vị báo cáo"}>
          <select
            id="report-reporter"
            className="input"
            value={chosen ?? ""}
            onChange={(e) => setReporter(e.target.value)}
          >
            {groups.map((g) => {
              const members = reporters.filter((r) => r.kind === g.kind)
              return members.length === 0 ? null : (
                <optgroup key={g.kind} label={g.label}>
                  {members.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </optgroup>
              )
            })}
          </select>
        </Field>
        <Field id="report-period" label={language === "en" ? "Period" : "Kỳ báo cáo"}>
          <select id="report-period" className="input" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {choices.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p, language)}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex gap-2" data-testid="report-downloads">
          {(["docx", "xlsx", "pdf"] as const).map((format) => (
            <a key={format} className="btn-secondary" href={download(format)} download>
              {language === "en" ? "Download" : "Tải"} {format.toUpperCase()}
            </a>
          ))}
        </div>
      </div>
      {(me.role === "province-officer" || me.role === "commune-officer" || me.role === "department-officer") &&
        chosen !== undefined && <IssueReport query={query} />}
      <IssuedList province={me.provinceCode} />
      {preview.isPending && chosen !== undefined && <Loading />}
      {preview.isError && <ErrorNote error={preview.error} />}
      {preview.data && (
        <Card>
          <article data-testid="report-preview" className="space-y-4">
            <header className="text-center">
              <p className="text-sm uppercase">{preview.data.heading.agency}</p>
              <h2 className="mt-2 text-xl font-semibold">{preview.data.title}</h2>
              <p className="text-sm text-slate-600">
                {preview.data.period.label} · {t("asOf.label")} {formatDateTime(preview.data.asOf)}
              </p>
            </header>
            <p>{preview.data.summary}</p>
            {preview.data.sections.map((section) => (
              <section key={section.heading} className="space-y-2">
                <h3 className="font-semibold">{section.heading}</h3>
                {section.paragraphs.map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
                {section.tables.map((table) => (
                  <div key={table.id} className="overflow-x-auto">
                    <table className="table">
                      <caption className="py-1 text-left text-sm font-medium">{table.title}</caption>
                      <thead>
                        <tr>
                          {table.columns.map((column) => (
                            <th key={column.label} scope="col" className={column.kind === "text" ? "" : "text-right"}>
                              {column.label}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {table.rows.map((row) => (
                          <tr key={row.key}>
                            {row.cells.map((cell, index) => (
                              <td key={index} className={typeof cell === "number" ? "text-right tabular-nums" : ""}>
                                {typeof cell === "number" ? formatNumber(cell) : (cell ?? "—")}
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ))}
              </section>
            ))}
          </article>
        </Card>
      )}
    </Page>
  )
}

const SIGNER_FIELDS = [
  ["documentNumber", "Số văn bản", "Document number"],
  ["authority", "Cơ quan ký", "Signing authority"],
  ["position", "Chức vụ người ký", "Signer's position"],
  ["name", "Họ tên người ký", "Signer's name"],
] as const

/**
 * Issuing the report as it stands (POST /api/reports/issued): its figures are fixed as of the as-of; afterwards
 * "what changed since" compares them with today's, event by event.
 */
function IssueReport({ query }: { query: { province: string; reporter: string; period: string; asOf?: string } }) {
  const { language } = useI18n()
  const [values, setValues] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<unknown>()
  const [issued, setIssued] = useState<ReadonlyArray<IssuedReport>>([])
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setProblem(undefined)
    try {
      const answer = await call(
        api.POST("/api/reports/issued", {
          params: { header: { "Idempotency-Key": crypto.randomUUID() } },
          body: {
            ...query,
            documentNumber: values.documentNumber?.trim() ?? "",
            signer: {
              authority: values.authority?.trim() ?? "",
              position: values.position?.trim() ?? "",
              name: values.name?.trim() ?? "",
            },
          },
        }),
      )
      setIssued([answer.report, ...issued])
      setValues({})
      await queryClient.invalidateQueries({ queryKey: ["issued-reports"] })
    } catch (failure) {
      setProblem(failure)
    } finally {
      setBusy(false)
    }
  }
  const fieldError = (name: string) =>
    problem instanceof ApiProblem
      ? (problem.fieldMessage(name, language) ?? problem.fieldMessage(`signer.${name}`, language))
      : undefined
  return (
    <Card title={language === "en" ? "Issue this report" : "Ban hành báo cáo này"} id="issue-title">
      <form onSubmit={(e) => void submit(e)} noValidate className="grid gap-3 sm:grid-cols-4">
        {SIGNER_FIELDS.map(([name, vi, en]) => (
          <Field key={name} id={`issue-${name}`} label={language === "en" ? en : vi} error={fieldError(name)}>
            <input
              id={`issue-${name}`}
              className="input"
              value={values[name] ?? ""}
              onChange={(e) => setValues({ ...values, [name]: e.target.value })}
            />
          </Field>
        ))}
        <div className="sm:col-span-4">
          {problem !== undefined && <ErrorNote error={problem} />}
          <button type="submit" className="btn-primary mt-2" disabled={busy}>
            {language === "en" ? "Issue" : "Ban hành"}
          </button>
        </div>
      </form>
      {issued.map((report) => (
        <IssuedItem key={report.reportId} report={report} />
      ))}
    </Card>
  )
}

/** What an issued report's block shows: its id (for the files and the difference), number, date and as-of. */
export type IssuedSummary = Pick<IssuedReport, "reportId" | "documentNumber" | "documentDate" | "asOf">

export function IssuedItem({ report, testId = "issued-report" }: { report: IssuedSummary; testId?: string }) {
  const { language } = useI18n()
  const [open, setOpen] = useState(false)
  const difference = useQuery({
    enabled: open,
    queryKey: ["report-difference", report.reportId],
    queryFn: () => call(api.GET("/api/reports/issued/{id}/difference", { params: { path: { id: report.reportId } } })),
  })
  const id = encodeURIComponent(report.reportId)
  return (
    <div className="mt-4 rounded border border-green-300 bg-green-50 p-3" data-testid={testId}>
      <p role="status" className="font-medium text-green-900">
        {language === "en" ? "Issued" : "Đã ban hành"} {report.documentNumber} — {formatDate(report.documentDate)} (
        {language === "en" ? "figures as of" : "số liệu tại"} {formatDateTime(report.asOf)})
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        {(["docx", "xlsx", "pdf"] as const).map((format) => (
          <a key={format} className="btn-secondary" href={`/api/reports/issued/${id}?format=${format}`} download>
            {format.toUpperCase()}
          </a>
        ))}
        <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
          {language === "en" ? "What changed since" : "Thay đổi kể từ khi ban hành"}
        </button>
      </div>
      {difference.isFetching && <Loading />}
      {difference.isError && <ErrorNote error={difference.error} />}
      {difference.data &&
        (difference.data.differences.length === 0 ? (
          <p className="mt-2" data-testid="report-difference">
            {language === "en" ? "No figure changed since." : "Không số liệu nào thay đổi."}
          </p>
        ) : (
          <table className="table mt-2 bg-white" data-testid="report-difference">
            <thead>
              <tr>
                <th scope="col">{language === "en" ? "Figure" : "Số liệu"}</th>
                <th scope="col" className="text-right">
                  {language === "en" ? "Reported" : "Đã báo cáo"}
                </th>
                <th scope="col" className="text-right">
                  {language === "en" ? "Now" : "Hiện nay"}
                </th>
                <th scope="col" className="text-right">
                  {language === "en" ? "Events" : "Sự kiện"}
                </th>
              </tr>
            </thead>
            <tbody>
              {difference.data.differences.slice(0, 100).map((row) => (
                <tr key={`${row.ref}-${row.key}`}>
                  <th scope="row" className="font-normal">
                    {row.label}
                  </th>
                  <td className="text-right tabular-nums">{formatNumber(row.reported)}</td>
                  <td className="text-right tabular-nums">{formatNumber(row.now)}</td>
                  <td className="text-right tabular-nums">{formatNumber(row.eventIds.length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  )
}
