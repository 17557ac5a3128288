import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { api, call } from "../api/client.ts"
import type { components } from "../api/openapi.gen.ts"
import { useAsOf } from "../components/AsOf.tsx"
import { Card, ErrorNote, Field, Loading, Page } from "../components/ui.tsx"
import { formatDateTime, formatNumber, sortByName } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { useMe } from "../session/session.ts"
import { useUnits } from "./Workers.tsx"

type PeriodicReport = components["schemas"]["PeriodicReport"]

/** The reporting periods offered: the six-month and annual reports of this year and the two before. */
const periods = (now: Date) => {
  const year = now.getUTCFullYear()
  return [year, year - 1, year - 2].flatMap((y) => [`${y}-H1`, `${y}`])
}

const periodLabel = (code: string, language: "vi" | "en") =>
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
  const units = useUnits(me.provinceCode)
  const commune = me.role === "commune-officer"
  const reporters = [
    ...(commune ? [] : [{ code: "province", name: language === "en" ? "The province" : "Toàn tỉnh" }]),
    ...sortByName(
      (units.data?.items ?? []).filter((u) => !commune || me.unitIds.includes(u.id)),
      (u) => u.name,
    ).map((u) => ({ code: u.code, name: u.name })),
  ]
  const choices = periods(new Date(asOf ?? Date.now()))
  const [reporter, setReporter] = useState<string>()
  const [period, setPeriod] = useState(choices[1]!)
  const chosen = reporter ?? reporters[0]?.code
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
            {reporters.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
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
