import { useQuery } from "@tanstack/react-query"
import { Link, useNavigate, useSearch } from "@tanstack/react-router"
import { useState, type FormEvent } from "react"
import { api, call } from "../api/client.ts"
import { useAsOf } from "../components/AsOf.tsx"
import { Card, Empty, ErrorNote, Field, Loading, Page } from "../components/ui.tsx"
import { formatDate, formatDateTime, formatNumber, parseInstant } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import type { MessageKey } from "../i18n/messages.ts"
import { useMe } from "../session/session.ts"

/** What changed in the departed figures between an instant and the as-of (or now), departure by departure. */
export function Changes() {
  const { t } = useI18n()
  const me = useMe()
  const asOf = useAsOf()
  const navigate = useNavigate()
  const search = useSearch({ strict: false }) as { from?: string }
  const [text, setText] = useState(search.from ? formatDateTime(search.from) : "")
  const [error, setError] = useState<string>()
  const year = new Date(asOf ?? Date.now()).getUTCFullYear()
  const query = useQuery({
    enabled: Boolean(search.from),
    queryKey: ["difference", me.provinceCode, year, search.from, asOf],
    queryFn: async () =>
      await call(
        api.GET("/api/attainment/difference", {
          params: {
            query: {
              province: me.provinceCode,
              year: String(year),
              from: search.from!,
              ...(asOf ? { to: asOf } : {}),
            },
          },
        }),
      ),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const from = parseInstant(text)
    if (!from) return setError(t("worker.badDate"))
    setError(undefined)
    void navigate({ to: "/changes", search: (previous: Record<string, unknown>) => ({ ...previous, from }) })
  }
  const data = query.data
  return (
    <Page title={t("changes.title")}>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <Field id="changes-from" label={`${t("changes.from")} (dd/mm/yyyy)`} error={error}>
          <input
            id="changes-from"
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="dd/mm/yyyy"
          />
        </Field>
        <button type="submit" className="btn-primary">
          {t("changes.show")}
        </button>
      </form>
      {query.isFetching && <Loading />}
      {query.isError && <ErrorNote error={query.error} />}
      {data && (
        <Card>
          <p className="mb-3 text-lg" data-testid="changes-summary">
            {t("changes.summary", {
              before: formatNumber(data.departedBefore),
              after: formatNumber(data.departedAfter),
              from: formatDateTime(data.from),
              to: formatDateTime(data.to),
            })}
          </p>
          {data.changes.length === 0 ? (
            <Empty />
          ) : (
            <div className="overflow-x-auto">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("changes.change")}</th>
                    <th scope="col">{t("workers.unit")}</th>
                    <th scope="col">{t("changes.departedOn")}</th>
                    <th scope="col">{t("workers.country")}</th>
                    <th scope="col">{t("changes.events")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.changes.slice(0, 300).map((change) => {
                    const row = change.after ?? change.before
                    return (
                      <tr key={`${change.departureEventId}-${change.change}`}>
                        <td>{t(`changes.${change.change}` as MessageKey)}</td>
                        <td>{row?.unitCode ?? "—"}</td>
                        <td>{formatDate(row?.departedOn)}</td>
                        <td>{row?.country ?? "—"}</td>
                        <td className="text-xs">
                          <Link to="/workers/$id" params={{ id: change.workerId }} className="text-blue-800 underline">
                            {row?.lineage.length ?? 0} {t("changes.events").toLowerCase()}
                          </Link>
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
              {data.changes.length > 300 && <p className="mt-2 text-sm">… {formatNumber(data.changes.length - 300)}</p>}
            </div>
          )}
        </Card>
      )}
    </Page>
  )
}
