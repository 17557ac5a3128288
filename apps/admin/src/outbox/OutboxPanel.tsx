import { useEffect, useSyncExternalStore } from "react"
import { ApiProblem } from "../api/problem.ts"
import { formatDateTime } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { flushOutbox, outbox, recoverInterrupted, retryEntry, type OutboxEntry } from "./outbox.ts"

export const useOutbox = () => useSyncExternalStore(outbox.subscribe, outbox.entries)

/** Sends what waits when the browser is back online, and once at start. */
export function useOutboxSync() {
  useEffect(() => {
    recoverInterrupted()
    void flushOutbox()
    const online = () => void flushOutbox()
    window.addEventListener("online", online)
    return () => window.removeEventListener("online", online)
  }, [])
}

/** The header's outbox: how many commands wait or were refused, and the list with retry / discard. */
export function OutboxIndicator() {
  const { t, language } = useI18n()
  const entries = useOutbox()
  useOutboxSync()
  if (entries.length === 0) return null
  const refused = entries.filter((e) => e.status === "refused").length
  return (
    <details className="relative" data-testid="outbox">
      <summary className="cursor-pointer rounded-md bg-amber-300 px-2 py-1 text-sm font-medium text-amber-950">
        {t("outbox.title")}: {entries.length}
        {refused > 0 ? ` (${refused} ${t("outbox.refused")})` : ""}
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-96 rounded-md border border-slate-300 bg-white p-3 text-slate-900 shadow-lg">
        {typeof navigator !== "undefined" && !navigator.onLine && <p className="mb-2 text-sm">{t("outbox.offline")}</p>}
        <ul className="space-y-2">
          {entries.map((entry) => (
            <OutboxItem key={entry.key} entry={entry} language={language} />
          ))}
        </ul>
      </div>
    </details>
  )
}

function OutboxItem({ entry, language }: { entry: OutboxEntry; language: "vi" | "en" }) {
  const { t } = useI18n()
  const reason = entry.problem ? new ApiProblem(entry.problem.status, entry.problem.body) : undefined
  return (
    <li className="rounded border border-slate-200 p-2 text-sm">
      <p className="font-medium">{entry.label}</p>
      <p className="text-slate-600">
        {formatDateTime(entry.createdAt)} · {entry.status === "refused" ? t("outbox.refused") : t("outbox.pending")}
      </p>
      {reason && (
        <p className="text-red-800">
          {reason.describe(language)}
          {!reason.detail &&
            reason.fields.map((f) => (
              <span key={f.path} className="block">
                {f.path}: {language === "en" ? (f.messageEn ?? f.message) : f.message}
              </span>
            ))}
        </p>
      )}
      <div className="mt-1 flex gap-2">
        <button type="button" className="btn-secondary py-0.5 text-xs" onClick={() => void retryEntry(entry.key)}>
          {t("outbox.retry")}
        </button>
        <button type="button" className="btn-secondary py-0.5 text-xs" onClick={() => outbox.discard(entry.key)}>
          {t("outbox.discard")}
        </button>
      </div>
    </li>
  )
}
