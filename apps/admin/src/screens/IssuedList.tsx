import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { api, call } from "../api/client.ts"
import { Card, Empty, ErrorNote, Loading } from "../components/ui.tsx"
import { formatDate, formatDateTime } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { IssuedItem, periodLabel } from "./Reports.tsx"

async function issuedReports(province: string) {
  return (await call(api.GET("/api/reports/issued", { params: { query: { province } } }))).items
}

/** The province's issued reports, newest first, each with its files and what changed since it was issued. */
export function IssuedList({ province }: { province: string }) {
  const { t, language } = useI18n()
  const query = useQuery({ queryKey: ["issued-reports", province], queryFn: () => issuedReports(province) })
  const [open, setOpen] = useState<string>()
  return (
    <Card title={t("issued.title")} id="issued-title">
      {query.isPending && <Loading />}
      {query.isError && <ErrorNote error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.length === 0 && <Empty>{t("issued.none")}</Empty>}
      {query.data && query.data.length > 0 && (
        <div className="overflow-x-auto">
          <table className="table" data-testid="issued-list">
            <caption className="sr-only">{t("issued.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("issued.number")}</th>
                <th scope="col">{t("issued.reporter")}</th>
                <th scope="col">{t("issued.period")}</th>
                <th scope="col">{t("issued.asOf")}</th>
                <th scope="col">{t("issued.issuedAt")}</th>
                <th scope="col">{t("issued.difference")}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((report) => (
                <tr key={report.id} className="align-top">
                  <th scope="row">
                    {report.documentNumber} — {formatDate(report.documentDate)}
                  </th>
                  <td>{report.reporter.name}</td>
                  <td>{periodLabel(report.period, language)}</td>
                  <td>{formatDateTime(report.asOf)}</td>
                  <td>{formatDateTime(report.issuedAt)}</td>
                  <td>
                    {open === report.id ? (
                      <IssuedItem
                        testId="issued-list-item"
                        report={{
                          reportId: report.id,
                          documentNumber: report.documentNumber,
                          documentDate: report.documentDate,
                          asOf: report.asOf,
                        }}
                      />
                    ) : (
                      <button
                        type="button"
                        className="btn-secondary whitespace-nowrap"
                        onClick={() => setOpen(report.id)}
                        aria-label={t("issued.openOne", { number: report.documentNumber })}
                      >
                        {t("issued.open")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}
