import { useQuery } from "@tanstack/react-query"
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react"
import { api, call } from "../api/client.ts"
import { formatDate, formatDateTime, formatDocumentNumber, formatNumber } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { useAsOf } from "./AsOf.tsx"
import { ErrorNote, Loading } from "./ui.tsx"

/** What a figure is: the departed count of a province (and a commune) for a plan year. */
export interface FigureRef {
  readonly label: string
  readonly province: string
  readonly year: number
  readonly unitCode?: string
}

const LineageContext = createContext<((figure: FigureRef) => void) | undefined>(undefined)

/** Opens the lineage panel of a figure; available on every signed-in screen. */
export const useOpenLineage = () => {
  const open = useContext(LineageContext)
  if (!open) throw new Error("useOpenLineage outside LineageProvider")
  return open
}

export function LineageProvider({ children }: { readonly children: ReactNode }) {
  const [figure, setFigure] = useState<FigureRef>()
  const open = useCallback((next: FigureRef) => setFigure(next), [])
  return (
    <LineageContext.Provider value={open}>
      {children}
      {figure && <LineageDialog figure={figure} onClose={() => setFigure(undefined)} />}
    </LineageContext.Provider>
  )
}

const PAGE = 50

/** The events behind a figure: who recorded what and when, under which document, and each event's raw JSON. */
function LineageDialog({ figure, onClose }: { figure: FigureRef; onClose: () => void }) {
  const { t } = useI18n()
  const asOf = useAsOf()
  const dialog = useRef<HTMLDialogElement>(null)
  const [shown, setShown] = useState(PAGE)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) {
      if (typeof element.showModal === "function") element.showModal()
      else element.setAttribute("open", "")
    }
  }, [])
  const query = useQuery({
    queryKey: ["lineage", figure.province, figure.year, figure.unitCode, asOf],
    queryFn: () =>
      call(
        api.GET("/api/lineage", {
          params: {
            query: {
              figure: "departed",
              province: figure.province,
              year: String(figure.year),
              ...(figure.unitCode ? { unit: figure.unitCode } : {}),
              ...(asOf ? { asOf } : {}),
            },
          },
        }),
      ),
  })
  return (
    <dialog
      ref={dialog}
      aria-labelledby="lineage-title"
      onClose={onClose}
      className="m-auto h-[90vh] w-[min(72rem,95vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 p-4">
          <div>
            <h2 id="lineage-title" className="text-xl font-semibold">
              {t("lineage.title")}: {figure.label}
            </h2>
            {query.data && (
              <p className="text-slate-700" data-testid="lineage-summary">
                {t("lineage.value", {
                  value: formatNumber(query.data.value),
                  asOf: formatDateTime(query.data.asOf),
                  count: formatNumber(query.data.events.length),
                })}
              </p>
            )}
          </div>
          <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()} autoFocus>
            {t("lineage.close")}
          </button>
        </div>
        <div className="flex-1 overflow-auto p-4">
          {query.isPending && <Loading />}
          {query.isError && <ErrorNote error={query.error} onRetry={() => void query.refetch()} />}
          {query.data && (
            <>
              <table className="table" aria-describedby="lineage-title">
                <thead>
                  <tr>
                    <th scope="col">{t("lineage.type")}</th>
                    <th scope="col">{t("lineage.occurred")}</th>
                    <th scope="col">{t("lineage.recorded")}</th>
                    <th scope="col">{t("lineage.actor")}</th>
                    <th scope="col">{t("lineage.legal")}</th>
                    <th scope="col">{t("lineage.raw")}</th>
                  </tr>
                </thead>
                <tbody>
                  {query.data.events.slice(0, shown).map((event) => (
                    <tr key={event.eventId} className="align-top">
                      <td>
                        <span className="font-medium">{event.type}</span>
                        {typeof event.corrects === "string" && (
                          <span className="block text-xs text-amber-900">
                            {t("lineage.corrects", { id: event.corrects.slice(0, 8) })}
                          </span>
                        )}
                      </td>
                      <td>{formatDate(event.occurredAt)}</td>
                      <td>{formatDateTime(event.recordedAt)}</td>
                      <td>
                        {String((event.actor as Record<string, unknown> | null)?.userId ?? "—")}
                        <span className="block text-xs text-slate-600">
                          {String((event.actor as Record<string, unknown> | null)?.role ?? "")}
                        </span>
                      </td>
                      <td>{legalText(event.legalBasis)}</td>
                      <td>
                        <details>
                          <summary className="cursor-pointer text-sm text-blue-800 underline">JSON</summary>
                          <pre className="mt-1 max-w-md overflow-auto rounded bg-slate-100 p-2 text-xs">
                            {JSON.stringify(event, null, 2)}
                          </pre>
                        </details>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {shown < query.data.events.length && (
                <button type="button" className="btn-secondary mt-3" onClick={() => setShown(shown + PAGE)}>
                  {t("audit.more")} ({formatNumber(query.data.events.length - shown)})
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </dialog>
  )
}

function legalText(basis: unknown): string {
  if (!basis || typeof basis !== "object") return "—"
  const record = basis as Record<string, unknown>
  return (
    [
      typeof record.number === "string" ? formatDocumentNumber(record.number) : undefined,
      record.title,
      record.date ? formatDate(String(record.date)) : undefined,
    ]
      .filter((part) => typeof part === "string" && part !== "")
      .join(" — ") || "—"
  )
}

/** A figure that opens its lineage when the role may see it, plain text otherwise. */
export function FigureValue({
  value,
  figure,
  canTrace,
  className,
}: {
  value: string
  figure: FigureRef
  canTrace: boolean
  className?: string
}) {
  const { t } = useI18n()
  const open = useOpenLineage()
  if (!canTrace) return <span className={className}>{value}</span>
  return (
    <button
      type="button"
      className={`figure-button ${className ?? ""}`}
      onClick={() => open(figure)}
      aria-label={`${value} — ${t("overview.openLineage", { label: figure.label })}`}
    >
      {value}
    </button>
  )
}
