import { useQueryClient } from "@tanstack/react-query"
import { useRef, useState, type FormEvent } from "react"
import { currentCsrfToken } from "../api/client.ts"
import { ApiProblem, NetworkError } from "../api/problem.ts"
import type { paths } from "../api/openapi.gen.ts"
import { Card, ErrorNote, Page } from "../components/ui.tsx"
import { formatNumber } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"

type ImportResult = paths["/api/imports/workers"]["post"]["responses"]["200"]["content"]["application/json"]
interface RowError {
  readonly row: number
  readonly field: string
  readonly column?: string
  readonly message: string
  readonly messageEn: string
}

/** Uploads with XMLHttpRequest: fetch cannot report upload progress. */
function upload(file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open("POST", "/api/imports/workers")
    const token = currentCsrfToken()
    if (token) request.setRequestHeader("x-csrf-token", token)
    request.setRequestHeader("idempotency-key", crypto.randomUUID())
    request.upload.addEventListener(
      "progress",
      (event) => event.lengthComputable && onProgress(event.loaded / event.total),
    )
    request.addEventListener("error", () => reject(new NetworkError("upload failed")))
    request.addEventListener("load", () => {
      let body: unknown = null
      try {
        body = JSON.parse(request.responseText)
      } catch {
        body = null
      }
      if (request.status >= 200 && request.status < 300) resolve(body as ImportResult)
      else reject(new ApiProblem(request.status, body))
    })
    const form = new FormData()
    form.append("file", file)
    request.send(form)
  })
}

/** Excel import of a workers list: template, upload with progress, every row's error, or the result. */
export function Import() {
  const { t, language } = useI18n()
  const queryClient = useQueryClient()
  const fileInput = useRef<HTMLInputElement>(null)
  const [progress, setProgress] = useState<number>()
  const [result, setResult] = useState<ImportResult>()
  const [error, setError] = useState<unknown>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const file = fileInput.current?.files?.[0]
    if (!file) return
    setResult(undefined)
    setError(undefined)
    setProgress(0)
    try {
      setResult(await upload(file, setProgress))
      await queryClient.invalidateQueries()
    } catch (failure) {
      setError(failure)
    } finally {
      setProgress(undefined)
    }
  }
  const rows = error instanceof ApiProblem && Array.isArray(error.body.rows) ? (error.body.rows as RowError[]) : []
  return (
    <Page title={t("imports.title")}>
      <Card>
        <form onSubmit={(e) => void submit(e)} className="flex flex-wrap items-end gap-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="import-file" className="text-sm font-medium">
              {t("imports.file")}
            </label>
            <input
              id="import-file"
              ref={fileInput}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="input"
              required
            />
          </div>
          <button type="submit" className="btn-primary" disabled={progress !== undefined}>
            {t("imports.upload")}
          </button>
          <a href="/api/imports/templates/workers.xlsx" className="text-blue-800 underline" download>
            {t("imports.template")}
          </a>
        </form>
        {progress !== undefined && (
          <div className="mt-4" role="status">
            <p>{t("imports.progress")}</p>
            <progress className="w-full" max={1} value={progress} aria-label={t("imports.progress")} />
          </div>
        )}
      </Card>
      {result && (
        <p
          role="status"
          className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900"
          data-testid="import-result"
        >
          {t("imports.done", { count: formatNumber(result.imported) })} ({result.fileName}: {formatNumber(result.rows)}{" "}
          {language === "en" ? "rows" : "dòng"}
          {Number(result.alreadyImported) > 0
            ? `, ${formatNumber(result.alreadyImported)} ${language === "en" ? "already imported" : "đã nhập trước đó"}`
            : ""}
          )
        </p>
      )}
      {error !== undefined && <ErrorNote error={error} />}
      {rows.length > 0 && (
        <Card title={t("imports.rowErrors")} id="row-errors-title">
          <table className="table" data-testid="row-errors" aria-labelledby="row-errors-title">
            <thead>
              <tr>
                <th scope="col">{t("imports.row")}</th>
                <th scope="col">{t("imports.column")}</th>
                <th scope="col">{t("imports.message")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  <td className="tabular-nums">{row.row}</td>
                  <td>{row.column ?? row.field}</td>
                  <td>{language === "en" ? row.messageEn : row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </Page>
  )
}
