import { useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { api, call } from "../api/client.ts"
import { useAsOf } from "../components/AsOf.tsx"
import { Chart } from "../components/Chart.tsx"
import { FigureValue, type FigureRef } from "../components/Lineage.tsx"
import { Card, Empty, ErrorNote, Loading, Page } from "../components/ui.tsx"
import { collator, formatDateTime, formatDocumentNumber, formatNumber, formatPercent } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import type { MessageKey } from "../i18n/messages.ts"
import { LINEAGE_ROLES, type Role } from "../session/access.ts"
import { useMe } from "../session/session.ts"

const yearOf = (asOf: string | undefined) => Number(new Date(asOf ?? Date.now()).getUTCFullYear())

/** The plan's figures: target, departed, percent, remaining; per commune; funnel; markets and months. */
export function Overview() {
  const { t, language } = useI18n()
  const me = useMe()
  const asOf = useAsOf()
  const [year, setYear] = useState(() => yearOf(asOf))
  const province = me.provinceCode
  const scope = { province, ...(asOf ? { asOf } : {}) }
  const attainment = useQuery({
    queryKey: ["attainment", province, year, asOf],
    queryFn: () => call(api.GET("/api/attainment", { params: { query: { ...scope, year: String(year) } } })),
  })
  const commune = me.role === "commune-officer"
  const canTrace = LINEAGE_ROLES.includes(me.role as Role)
  const data = attainment.data
  const own = commune ? data?.items[0] : undefined
  const headline = own ?? data?.total
  const figure = (label: string, unitCode?: string): FigureRef => ({
    label,
    province,
    year,
    ...(unitCode ? { unitCode } : {}),
  })

  return (
    <Page
      title={t("overview.title", { year })}
      actions={
        <label className="flex items-center gap-2 text-sm">
          <span>{language === "en" ? "Year" : "Năm"}</span>
          <select className="input py-1" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[yearOf(undefined) - 2, yearOf(undefined) - 1, yearOf(undefined)].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {attainment.isPending && <Loading />}
      {attainment.isError && <ErrorNote error={attainment.error} onRetry={() => void attainment.refetch()} />}
      {data && !data.plan && <Empty>{t("overview.noPlan")}</Empty>}
      {data?.plan && headline && (
        <>
          <p className="text-slate-700">
            {data.plan.title}
            {own && <span className="block font-medium">{t("overview.own", { unit: own.unitName })}</span>}
          </p>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="headline">
            <Stat label={t("overview.target")} value={formatNumber(headline.target)} testId="stat-target" />
            <Stat
              label={t("overview.departed")}
              testId="stat-departed"
              value={
                <FigureValue
                  value={formatNumber(headline.departed)}
                  canTrace={canTrace}
                  figure={figure(
                    `${t("overview.departed")} ${own ? own.unitName : ""} ${year}`.replace(/\s+/g, " "),
                    own?.unitCode,
                  )}
                />
              }
            />
            <Stat label={t("overview.percent")} value={formatPercent(headline.percent)} testId="stat-percent" />
            <Stat label={t("overview.remaining")} value={formatNumber(headline.remaining)} testId="stat-remaining" />
          </dl>
          {!commune && data.plan.discrepancy !== 0 && (
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
              {t("overview.discrepancy", {
                allocated: formatNumber(data.plan.allocatedTotal),
                diff: formatNumber(data.plan.discrepancy),
                target: formatNumber(data.plan.target),
              })}
            </p>
          )}
          <Scoreboard province={province} year={year} asOf={asOf} />
          <Attainment items={data.items} canTrace={canTrace} figure={figure} />
          {!commune && (
            <Card title={t("overview.none")} id="none-title">
              {data.unitsWithNobody.length === 0 ? (
                <Empty>{t("overview.noneEmpty")}</Empty>
              ) : (
                <ul className="grid gap-1 sm:grid-cols-3" data-testid="units-with-nobody">
                  {[...data.unitsWithNobody]
                    .sort((a, b) => collator.compare(a.unitName, b.unitName))
                    .map((unit) => (
                      <li key={unit.unitId}>{unit.unitName}</li>
                    ))}
                </ul>
              )}
            </Card>
          )}
          <p className="text-sm text-slate-600">
            {t("asOf.label")}: {formatDateTime(data.asOf)}
          </p>
        </>
      )}
      <Reports province={province} asOf={asOf} />
    </Page>
  )
}

function Stat({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums">{value}</dd>
    </div>
  )
}

interface AttainmentItem {
  readonly unitId: string
  readonly unitCode: string
  readonly unitName: string
  readonly target: number
  readonly departed: number
  readonly percent: number | null
  readonly remaining: number
}

function Attainment({
  items,
  canTrace,
  figure,
}: {
  items: ReadonlyArray<AttainmentItem>
  canTrace: boolean
  figure: (label: string, unitCode?: string) => FigureRef
}) {
  const { t } = useI18n()
  const [byName, setByName] = useState(false)
  const sorted = useMemo(
    () =>
      [...items].sort((a, b) =>
        byName
          ? collator.compare(a.unitName, b.unitName)
          : (b.percent ?? -1) - (a.percent ?? -1) || collator.compare(a.unitName, b.unitName),
      ),
    [items, byName],
  )
  const bars = useMemo(() => [...items].sort((a, b) => (b.percent ?? -1) - (a.percent ?? -1)), [items])
  const option = useMemo(
    () => ({
      grid: { left: 150, right: 40, top: 10, bottom: 30 },
      tooltip: { trigger: "axis", valueFormatter: (v: number) => formatPercent(v) },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => `${formatNumber(v)} %` } },
      yAxis: { type: "category", inverse: true, data: bars.map((item) => item.unitName), axisLabel: { fontSize: 11 } },
      series: [
        {
          type: "bar",
          data: bars.map((item) => ({
            value: item.percent ?? 0,
            itemStyle: {
              color: (item.percent ?? 0) >= 100 ? "#15803d" : (item.percent ?? 0) >= 50 ? "#ca8a04" : "#b91c1c",
            },
          })),
          markLine: undefined,
        },
      ],
    }),
    [bars],
  )
  return (
    <Card title={t("overview.attainment")} id="attainment-title">
      {items.length > 1 && (
        <Chart option={option} height={Math.max(160, bars.length * 18 + 50)} label={t("overview.attainment")} />
      )}
      <div className="mt-4 overflow-x-auto">
        <table className="table" aria-labelledby="attainment-title" data-testid="attainment-table">
          <thead>
            <tr>
              <th scope="col">
                <button type="button" className="underline" onClick={() => setByName(true)} aria-pressed={byName}>
                  {t("overview.unit")}
                </button>
              </th>
              <th scope="col" className="text-right">
                {t("overview.target")}
              </th>
              <th scope="col" className="text-right">
                {t("overview.departed")}
              </th>
              <th scope="col" className="text-right">
                <button type="button" className="underline" onClick={() => setByName(false)} aria-pressed={!byName}>
                  {t("overview.percent")}
                </button>
              </th>
              <th scope="col" className="text-right">
                {t("overview.remaining")}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((item) => (
              <tr key={item.unitId}>
                <th scope="row">{item.unitName}</th>
                <td className="text-right tabular-nums">{formatNumber(item.target)}</td>
                <td className="text-right tabular-nums">
                  <FigureValue
                    value={formatNumber(item.departed)}
                    canTrace={canTrace}
                    figure={figure(`${t("overview.departed")} — ${item.unitName}`, item.unitCode)}
                  />
                </td>
                <td className="text-right tabular-nums">{formatPercent(item.percent)}</td>
                <td className="text-right tabular-nums">{formatNumber(item.remaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  )
}

/** Funnel, markets, months and outcomes (the reports the role may read). */
function Reports({ province, asOf }: { province: string; asOf: string | undefined }) {
  const { t, language } = useI18n()
  const query = { province, ...(asOf ? { asOf } : {}) }
  const funnel = useQuery({
    queryKey: ["funnel", province, asOf],
    queryFn: async () => await call(api.GET("/api/reports/funnel", { params: { query } })),
  })
  const departures = useQuery({
    queryKey: ["departures", province, asOf],
    queryFn: async () => await call(api.GET("/api/reports/departures", { params: { query } })),
  })
  const outcomes = useQuery({
    queryKey: ["outcomes", province, asOf],
    queryFn: async () => await call(api.GET("/api/reports/outcomes", { params: { query } })),
  })
  const months = useMemo(() => Object.entries(departures.data?.byMonth ?? {}).slice(-18), [departures.data])
  const monthOption = useMemo(
    () => ({
      grid: { left: 40, right: 10, top: 10, bottom: 40 },
      tooltip: { trigger: "axis" },
      xAxis: {
        type: "category",
        data: months.map(([m]) => `${m.slice(5)}/${m.slice(0, 4)}`),
        axisLabel: { rotate: 45, fontSize: 10 },
      },
      yAxis: { type: "value" },
      series: [{ type: "bar", data: months.map(([, n]) => n), itemStyle: { color: "#991b1b" } }],
    }),
    [months],
  )
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("overview.funnel")} id="funnel-title">
        {funnel.isPending && <Loading />}
        {funnel.isError && <ErrorNote error={funnel.error} />}
        {funnel.data && (
          <Bars
            testId="funnel"
            rows={[
              ...funnel.data.stages.map((s) => ({ label: t(`stage.${s.stage}` as MessageKey), value: s.count })),
              { label: t("overview.withdrawn"), value: funnel.data.withdrawn.total, muted: true },
            ]}
          />
        )}
      </Card>
      <Card title={t("overview.byMarket")} id="market-title">
        {departures.isPending && <Loading />}
        {departures.isError && <ErrorNote error={departures.error} />}
        {departures.data && (
          <Bars
            testId="by-market"
            rows={Object.entries(departures.data.byCountry)
              .sort((a, b) => b[1] - a[1])
              .map(([code, value]) => ({ label: departures.data.labels.countries[code] ?? code, value }))}
          />
        )}
      </Card>
      <Card title={t("overview.byMonth")} id="month-title">
        {months.length > 0 ? (
          <>
            <Chart option={monthOption} height={240} label={t("overview.byMonth")} />
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer">
                {t("overview.month")} — {t("overview.count")}
              </summary>
              <table className="table">
                <tbody>
                  {months.map(([month, count]) => (
                    <tr key={month}>
                      <th scope="row">{`${month.slice(5)}/${month.slice(0, 4)}`}</th>
                      <td className="text-right tabular-nums">{formatNumber(count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        ) : (
          departures.data && <Empty />
        )}
      </Card>
      <Card title={t("overview.outcomes")} id="outcomes-title">
        {outcomes.data && (
          <dl className="grid grid-cols-2 gap-2 text-sm" data-testid="outcomes">
            {(
              [
                ["Đang ở nước ngoài", "Abroad now", outcomes.data.abroadNow],
                ["Về nước đúng hạn", "Returned on time", outcomes.data.returnedOnTime],
                ["Về nước trước hạn", "Returned early", outcomes.data.returnedEarly],
                ["Ở lại quá hạn", "Overstayed", outcomes.data.overstayed],
                ["Chấm dứt hợp đồng sớm", "Contract ended early", outcomes.data.contractEndedEarly],
                ["Có việc làm sau về nước", "Re-employed", outcomes.data.reemployed],
              ] as const
            ).map(([vi, en, value]) => (
              <div key={en} className="flex justify-between border-b border-slate-100 py-1">
                <dt>{language === "en" ? en : vi}</dt>
                <dd className="tabular-nums font-medium">{formatNumber(value)}</dd>
              </div>
            ))}
          </dl>
        )}
        {outcomes.isError && <ErrorNote error={outcomes.error} />}
      </Card>
    </div>
  )
}

/** Horizontal bars drawn with CSS: each row is readable text, the bar only shows the proportion. */
function Bars({
  rows,
  testId,
}: {
  rows: ReadonlyArray<{ label: string; value: number; muted?: boolean }>
  testId: string
}) {
  const max = Math.max(1, ...rows.map((row) => row.value))
  return (
    <ul className="space-y-2" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.label}>
          <div className="flex justify-between text-sm">
            <span>{row.label}</span>
            <span className="tabular-nums font-medium">{formatNumber(row.value)}</span>
          </div>
          <div className="h-2 rounded bg-slate-100" aria-hidden="true">
            <div
              className={`h-2 rounded ${row.muted ? "bg-slate-400" : "bg-red-800"}`}
              style={{ width: `${(row.value / max) * 100}%` }}
            />
          </div>
        </li>
      ))}
    </ul>
  )
}

/** The plan's targets against what was measured (GET /api/targets): met, not met, or not yet measurable. */
function Scoreboard({ province, year, asOf }: { province: string; year: number; asOf: string | undefined }) {
  const { language } = useI18n()
  const targets = useQuery({
    queryKey: ["targets", province, year, asOf],
    queryFn: () =>
      call(api.GET("/api/targets", { params: { query: { province, year: String(year), ...(asOf ? { asOf } : {}) } } })),
  })
  if (targets.isError) return <ErrorNote error={targets.error} />
  if (!targets.data || targets.data.items.length === 0) return null
  const comparator = { target: "", "at-least": "≥ ", "more-than": "> " } as const
  return (
    <Card title={language === "en" ? "Target scoreboard" : "Bảng theo dõi chỉ tiêu"} id="scoreboard-title">
      <table className="table" aria-labelledby="scoreboard-title" data-testid="scoreboard">
        <thead>
          <tr>
            <th scope="col">{language === "en" ? "Target" : "Chỉ tiêu"}</th>
            <th scope="col" className="text-right">
              {language === "en" ? "Set" : "Giao"}
            </th>
            <th scope="col" className="text-right">
              {language === "en" ? "Measured" : "Đạt được"}
            </th>
            <th scope="col">{language === "en" ? "Status" : "Tình trạng"}</th>
          </tr>
        </thead>
        <tbody>
          {targets.data.items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                {item.label}
                <span className="block text-xs text-slate-600">
                  {formatDocumentNumber(item.legalBasis.number, language)}
                </span>
              </th>
              <td className="text-right tabular-nums">
                {comparator[item.target.comparator]}
                {formatNumber(item.target.value)} {item.target.unit}
              </td>
              <td className="text-right tabular-nums">
                {formatNumber(item.measured.value)} {item.measured.value === null ? "" : item.target.unit}
              </td>
              <td>
                {item.met === null ? (
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">
                    {language === "en" ? "not measurable yet" : "chưa đo được"}
                  </span>
                ) : item.met ? (
                  <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">
                    {language === "en" ? "met" : "đạt"}
                  </span>
                ) : (
                  <span className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">
                    {language === "en" ? "not met" : "chưa đạt"}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
