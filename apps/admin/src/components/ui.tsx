/** Small accessible building blocks shared by the screens (native elements, Tailwind styles). */
import { useEffect, useRef, type ReactNode } from "react"
import { ApiProblem, NetworkError } from "../api/problem.ts"
import { useI18n } from "../i18n/i18n.tsx"

export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  // A screen reader hears the new screen's title when the screen changes (a single-page app has no page load).
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1
          id="page-title"
          ref={heading}
          tabIndex={-1}
          className="text-2xl font-semibold text-slate-900 focus:outline-none"
        >
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </section>
  )
}

export function Card({ title, children, id }: { title?: string; children: ReactNode; id?: string }) {
  return (
    <section
      aria-labelledby={title && id ? id : undefined}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      {title && (
        <h2 id={id} className="mb-3 text-lg font-semibold text-slate-800">
          {title}
        </h2>
      )}
      {children}
    </section>
  )
}

export function Loading() {
  const { t } = useI18n()
  return (
    <p role="status" className="animate-pulse text-slate-600">
      {t("app.loading")}
    </p>
  )
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n()
  return <p className="text-slate-600">{children ?? t("app.empty")}</p>
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, language } = useI18n()
  const message =
    error instanceof ApiProblem
      ? error.describe(language)
      : error instanceof NetworkError
        ? language === "en"
          ? "No connection to the server."
          : "Không kết nối được máy chủ."
        : String(error)
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{t("app.error")}</p>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="btn-secondary mt-2" onClick={onRetry}>
          {t("app.retry")}
        </button>
      )}
    </div>
  )
}

/** A labelled form field: the label, the control, and the API's message for it (linked by aria-describedby). */
export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string
  label: string
  error?: string | undefined
  children: ReactNode
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  )
}
