import { useNavigate, useSearch } from "@tanstack/react-router"
import { useEffect, useState, type FormEvent } from "react"
import { formatDateTime, parseInstant } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"

/** The instant every screen is put at (`?asOf=` in the address, kept across navigation), or undefined for now. */
export function useAsOf(): string | undefined {
  const search = useSearch({ strict: false }) as { asOf?: string }
  return search.asOf
}

const toText = (iso: string | undefined) => (iso ? formatDateTime(iso) : "")

/** The header's as-of control: dd/mm/yyyy [hh:mm], Vietnam time. */
export function AsOfControl() {
  const { t, language } = useI18n()
  const asOf = useAsOf()
  const navigate = useNavigate()
  const [text, setText] = useState(toText(asOf))
  const [error, setError] = useState<string>()
  useEffect(() => setText(toText(asOf)), [asOf])
  const apply = (event: FormEvent) => {
    event.preventDefault()
    const instant = parseInstant(text)
    if (!instant) {
      setError(language === "en" ? "Write dd/mm/yyyy or dd/mm/yyyy hh:mm." : "Nhập dd/mm/yyyy hoặc dd/mm/yyyy hh:mm.")
      return
    }
    setError(undefined)
    void navigate({ to: ".", search: (previous: Record<string, unknown>) => ({ ...previous, asOf: instant }) })
  }
  const clear = () => {
    setError(undefined)
    void navigate({ to: ".", search: (previous: Record<string, unknown>) => ({ ...previous, asOf: undefined }) })
  }
  return (
    <form onSubmit={apply} className="flex flex-wrap items-center gap-2">
      <label htmlFor="as-of" className="text-sm text-slate-100">
        {t("asOf.label")}
      </label>
      <input
        id="as-of"
        className="input w-44 py-1 text-sm"
        placeholder="dd/mm/yyyy hh:mm"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "as-of-error" : undefined}
      />
      <button type="submit" className="btn-secondary py-1 text-sm">
        {t("asOf.apply")}
      </button>
      {asOf && (
        <button type="button" className="btn-secondary py-1 text-sm" onClick={clear}>
          {t("asOf.clear")}
        </button>
      )}
      {error && (
        <p id="as-of-error" role="alert" className="w-full rounded bg-white px-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </form>
  )
}

/** The banner shown on every screen while the app is put at a past instant. */
export function AsOfBanner() {
  const { t } = useI18n()
  const asOf = useAsOf()
  if (!asOf) return null
  return (
    <div
      role="status"
      data-testid="as-of-banner"
      className="border-b border-amber-400 bg-amber-100 px-4 py-2 text-amber-950"
    >
      {t("asOf.banner", { when: formatDateTime(asOf) })}
    </div>
  )
}
