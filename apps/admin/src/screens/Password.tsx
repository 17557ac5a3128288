import { useState, type FormEvent } from "react"
import { api, call } from "../api/client.ts"
import { ApiProblem } from "../api/problem.ts"
import { ErrorNote, Field, Page } from "../components/ui.tsx"
import { useI18n } from "../i18n/i18n.tsx"

/** Change one's own password (POST /api/session/password); the API's rules and messages. */
export function Password() {
  const { t, language } = useI18n()
  const [current, setCurrent] = useState("")
  const [next, setNext] = useState("")
  const [error, setError] = useState<unknown>()
  const [done, setDone] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    setDone(false)
    try {
      await call(api.POST("/api/session/password", { body: { currentPassword: current, newPassword: next } }))
      setDone(true)
      setCurrent("")
      setNext("")
    } catch (failure) {
      setError(failure)
    }
  }
  const fieldError = (path: string) => (error instanceof ApiProblem ? error.fieldMessage(path, language) : undefined)
  return (
    <Page title={t("password.title")}>
      <form
        onSubmit={(e) => void submit(e)}
        className="max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-4"
        noValidate
      >
        <Field id="current-password" label={t("password.current")} error={fieldError("currentPassword")}>
          <input
            id="current-password"
            type="password"
            autoComplete="current-password"
            className="input"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field id="new-password" label={t("password.new")} error={fieldError("newPassword")}>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            className="input"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </Field>
        {error !== undefined && <ErrorNote error={error} />}
        {done && (
          <p role="status" className="text-green-900">
            {t("password.done")}
          </p>
        )}
        <button type="submit" className="btn-primary">
          {t("password.submit")}
        </button>
      </form>
    </Page>
  )
}
