import { useState, type FormEvent, type ReactNode } from "react"
import { ApiProblem } from "../api/problem.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { submitCommand, type SubmitResult } from "../outbox/outbox.ts"

export type FieldErrors = Record<string, string | undefined>

/**
 * A command form's sending: through the outbox (Idempotency-Key, kept offline), the API's problem shown at the
 * top and each field's message at its field.
 */
export function useCommand() {
  const { language } = useI18n()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<ApiProblem>()
  const [queued, setQueued] = useState(false)
  const run = async (command: { path: string; body: unknown; label: string }): Promise<SubmitResult> => {
    setBusy(true)
    setProblem(undefined)
    setQueued(false)
    try {
      const result = await submitCommand(command)
      if (result.kind === "refused") setProblem(result.problem)
      if (result.kind === "queued") setQueued(true)
      return result
    } finally {
      setBusy(false)
    }
  }
  const fieldError = (path: string) => problem?.fieldMessage(path, language)
  return { busy, problem, queued, run, fieldError }
}

export function CommandStatus({
  problem,
  queued,
  done,
}: {
  problem?: ApiProblem | undefined
  queued: boolean
  done?: string | undefined
}) {
  const { t, language } = useI18n()
  return (
    <>
      {problem && (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900"
          data-testid="command-problem"
        >
          <p className="font-medium">{problem.describe(language)}</p>
          {problem.fields.length > 0 && (
            <ul className="list-disc pl-5 text-sm">
              {problem.fields.map((f) => (
                <li key={f.path}>{language === "en" ? (f.messageEn ?? f.message) : f.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {queued && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {t("outbox.queued")}
        </p>
      )}
      {done && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {done}
        </p>
      )}
    </>
  )
}

export function FormShell({
  onSubmit,
  children,
  label,
}: {
  onSubmit: (e: FormEvent) => void
  children: ReactNode
  label: string
}) {
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label={label}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      {children}
    </form>
  )
}
