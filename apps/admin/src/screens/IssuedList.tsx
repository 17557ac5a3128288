import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { ApiProblem, NetworkError } from "../api/problem.ts"
import { Card, Empty, ErrorNote, Loading } from "../components/ui.tsx"
import { formatDate, formatDateTime } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { IssuedItem, periodLabel } from "./Reports.tsx"

/**
 * GET /api/reports/issued's item (8669f00, IssuedReportItem in apps/api/src/reports/issued-list.ts). The generated
 * client does not have the route yet: read here with fetch until openapi.gen.ts is regenerated.
 */
interface IssuedListItem {
  readonly id: string
  readonly reporter: { readonly kind: "province" | "unit"; readonly code: string; readonly name: string }
  readonly period: string
  readonly asOf: string
  readonly documentNumber: string
  readonly documentDate: string
  readonly issuedAt: string
}

async function issuedReports(province: string): Promise<ReadonlyArray<IssuedListItem>> {
  let response: Response
  try {
    response = await fetch(`/api/reports/issued?province=${encodeURIComponent(province)}`, {
      credentials: "same-origin",
    })
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error))
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw new ApiProblem(response.status, body)
  return (body as { items: ReadonlyArray<IssuedListItem> }).items
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
                  <th scope="row" className="border-slate-100 py-1.5 font-normal">
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
