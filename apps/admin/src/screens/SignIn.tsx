import { useQueryClient } from "@tanstack/react-query"
import { useNavigate } from "@tanstack/react-router"
import { useState, type FormEvent } from "react"
import { api, call, setCsrfToken } from "../api/client.ts"
import { ApiProblem } from "../api/problem.ts"
import { ErrorNote, Field } from "../components/ui.tsx"
import { useI18n } from "../i18n/i18n.tsx"
import { homeScreen } from "../session/access.ts"

/** Sign in with the API's session (cookie + CSRF token); the API's Vietnamese message on refusal. */
export function SignIn() {
  const { t, toggle, language } = useI18n()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [username, setUsername] = useState("")
  const [password, setPassword] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [missing, setMissing] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!username || !password) {
      setMissing(true)
      return
    }
    setMissing(false)
    setBusy(true)
    setError(undefined)
    try {
      const me = await call(api.POST("/api/session", { body: { username, password } }))
      setCsrfToken(me.csrfToken)
      queryClient.setQueryData(["session"], me)
      await navigate({ to: `/${homeScreen(me.role)}` })
    } catch (failure) {
      setError(failure)
      setPassword("")
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-slate-100 p-4">
      <div className="w-full max-w-md space-y-4">
        <div className="flex justify-end">
          <button type="button" className="btn-secondary text-sm" onClick={toggle}>
            {t("app.language")}
          </button>
        </div>
        <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow">
          <p className="text-sm font-medium uppercase tracking-wide text-red-800">{t("app.short")}</p>
          <h1 className="text-2xl font-semibold">{t("signIn.title")}</h1>
          <p className="text-slate-700">{t("app.title")}</p>
          {error !== undefined &&
            (error instanceof ApiProblem ? (
              <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
                {error.describe(language)}
              </div>
            ) : (
              <ErrorNote error={error} />
            ))}
          {missing && (
            <p role="alert" className="text-red-800">
              {t("signIn.required")}
            </p>
          )}
          <Field id="username" label={t("signIn.username")}>
            <input
              id="username"
              name="username"
              autoComplete="username"
              className="input"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
            />
          </Field>
          <Field id="password" label={t("signIn.password")}>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              className="input"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </Field>
          <button type="submit" className="btn-primary w-full" disabled={busy}>
            {busy ? t("signIn.busy") : t("signIn.submit")}
          </button>
          <p className="text-sm text-slate-600">{t("signIn.demo")}</p>
        </form>
      </div>
    </main>
  )
}
