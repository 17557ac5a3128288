import { useQuery } from "@tanstack/react-query"
import { api, call } from "../api/client.ts"
import { useAsOf } from "../components/AsOf.tsx"
import { Card, Empty, ErrorNote, Loading, Page } from "../components/ui.tsx"
import { formatDate, formatDocumentNumber, formatNumber } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { useMe } from "../session/session.ts"

interface Apportionment {
  readonly note: string
  readonly noteEn: string
  readonly allocations: ReadonlyArray<{
    readonly unitId: string
    readonly unitName: string
    readonly sharePercentPrinted: string
    readonly exactQuota: number
    readonly quota: number
    readonly issuedQuota: number
    readonly difference: number
  }>
}

/** The plan as issued, its discrepancy, and the largest-remainder proposal beside the issued quotas. */
export function Plans() {
  const { t, language } = useI18n()
  const me = useMe()
  const asOf = useAsOf()
  const plans = useQuery({
    queryKey: ["plans", me.provinceCode, asOf],
    queryFn: () =>
      call(api.GET("/api/plans", { params: { query: { province: me.provinceCode, ...(asOf ? { asOf } : {}) } } })),
  })
  // The proposal is made for a yearly quota plan (a multi-year programme has no quotas to apportion).
  const thisYear = new Date(asOf ?? Date.now()).getUTCFullYear()
  const yearly = plans.data?.items.filter((p) => p.kind === "plan" && p.status === "issued") ?? []
  const plan = yearly.find((p) => p.year === thisYear) ?? yearly[0]
  const mayApportion = me.role !== "commune-officer"
  const apportionment = useQuery({
    enabled: Boolean(plan) && mayApportion,
    queryKey: ["apportionment", plan?.id, asOf],
    queryFn: async () =>
      (await call(
        api.GET("/api/plans/{id}/apportionment", { params: { path: { id: plan!.id }, query: asOf ? { asOf } : {} } }),
      )) as unknown as Apportionment,
  })
  return (
    <Page title={t("plans.title")}>
      {plans.isPending && <Loading />}
      {plans.isError && <ErrorNote error={plans.error} />}
      {plans.data && plans.data.items.length === 0 && <Empty />}
      {plans.data && (
        <ul className="space-y-2">
          {plans.data.items.map((p) => (
            <li key={p.id} className="rounded border border-slate-200 bg-white p-3">
              <p className="font-medium">
                {p.year} — {p.title}
              </p>
              <p className="text-sm text-slate-700">
                {t("overview.target")}: {formatNumber(p.target)} · {t("plans.issued")}: {formatNumber(p.allocatedTotal)}{" "}
                · {t("plans.legal")}: {p.legalBasis?.issuer}{" "}
                {p.legalBasis ? formatDocumentNumber(p.legalBasis.number, language) : ""}{" "}
                {p.legalBasis?.date ? formatDate(p.legalBasis.date) : ""}
              </p>
              {typeof p.target === "number" && typeof p.discrepancy === "number" && p.discrepancy !== 0 && (
                <p className="text-sm font-medium text-amber-900">
                  {t("overview.discrepancy", {
                    allocated: formatNumber(p.allocatedTotal),
                    diff: formatNumber(p.discrepancy),
                    target: formatNumber(p.target),
                  })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {apportionment.isError && <ErrorNote error={apportionment.error} />}
      {apportionment.data && (
        <Card title={`${t("plans.proposal")} — ${plan?.year}`} id="proposal-title">
          <p className="mb-2 text-sm text-slate-700">
            {language === "en" ? apportionment.data.noteEn : apportionment.data.note}
          </p>
          <div className="overflow-x-auto">
            <table className="table" aria-labelledby="proposal-title">
              <thead>
                <tr>
                  <th scope="col">{t("overview.unit")}</th>
                  <th scope="col" className="text-right">
                    %
                  </th>
                  <th scope="col" className="text-right">
                    {t("plans.issued")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("plans.proposal")}
                  </th>
                  <th scope="col" className="text-right">
                    ±
                  </th>
                </tr>
              </thead>
              <tbody>
                {apportionment.data.allocations.map((a) => (
                  <tr key={a.unitId} className={a.difference !== 0 ? "bg-amber-50" : undefined}>
                    <th scope="row">{a.unitName}</th>
                    <td className="text-right tabular-nums">{a.sharePercentPrinted}</td>
                    <td className="text-right tabular-nums">{formatNumber(a.issuedQuota)}</td>
                    <td className="text-right tabular-nums">
                      {formatNumber(a.quota)}{" "}
                      <span className="text-xs text-slate-600">({formatNumber(a.exactQuota)})</span>
                    </td>
                    <td className="text-right tabular-nums font-medium">
                      {a.difference === 0 ? "" : formatNumber(a.difference)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </Page>
  )
}
