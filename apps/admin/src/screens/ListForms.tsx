import { useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent, type ReactNode } from "react"
import { Field } from "../components/ui.tsx"
import { parseDate } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { CommandStatus, useCommand } from "./CommandForm.tsx"

/** A row's command form, folded under its summary; sent through the outbox (Idempotency-Key), field errors shown. */
function RowForm({
  summary,
  path,
  body,
  label,
  invalidate,
  children,
  onWritten,
}: {
  summary: string
  path: string
  /** The body, or the message of a field the form refuses before sending (a date that does not exist). */
  body: () => { body: Record<string, unknown> } | { error: string }
  label: string
  invalidate: string
  children: (fieldError: (path: string) => string | undefined) => ReactNode
  onWritten: () => void
}) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const command = useCommand()
  const [localError, setLocalError] = useState<string>()
  const [open, setOpen] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const built = body()
    if ("error" in built) return setLocalError(built.error)
    setLocalError(undefined)
    const result = await command.run({ path, body: built.body, label })
    if (result.kind === "written") {
      onWritten()
      setOpen(false)
      await queryClient.invalidateQueries({ queryKey: [invalidate] })
    }
  }
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer whitespace-nowrap text-sm text-blue-800 underline">{summary}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="mt-2 space-y-2">
        {children((name) => (name === "date" ? localError : undefined) ?? command.fieldError(name))}
        <CommandStatus problem={command.problem} queued={command.queued} />
        <button type="submit" className="btn-secondary" disabled={command.busy}>
          {t("worker.save")}
        </button>
      </form>
    </details>
  )
}

/** A labelled text field with its message, linked to the control (aria-invalid, aria-describedby). */
function TextField({
  id,
  label,
  error,
  value,
  onChange,
  width,
  numeric,
  multiline,
}: {
  id: string
  label: string
  error: string | undefined
  value: string
  onChange: (value: string) => void
  width: string
  numeric?: boolean
  multiline?: boolean
}) {
  const props = {
    id,
    className: `input ${width}`,
    value,
    ...(error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {}),
  }
  return (
    <Field id={id} label={label} error={error}>
      {multiline ? (
        <textarea {...props} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} inputMode={numeric ? "numeric" : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  )
}

const keyOf = (id: string) => id.replace(/[^A-Za-z0-9-]/g, "-")

/** An optional dd/mm/yyyy date: empty → the API's today; otherwise it must exist. */
const optionalDate = (text: string): string | undefined | false =>
  text.trim() ? (parseDate(text) ?? false) : undefined

/** A task's progress report (POST /api/tasks/{id}/progress-reports): what was done, how far along. */
export function ProgressForm({ id, title }: { id: string; title: string }) {
  const { t } = useI18n()
  const [summary, setSummary] = useState("")
  const [percent, setPercent] = useState("")
  const key = `sum-${keyOf(id)}`
  return (
    <RowForm
      summary={t("tasks.progress")}
      path={`/api/tasks/${encodeURIComponent(id)}/progress-reports`}
      label={`${t("tasks.progress")} — ${title}`}
      invalidate="tasks"
      body={() => ({
        body: {
          summary: summary.trim(),
          ...(percent.trim() ? { percentComplete: Number(percent.replace(",", ".")) } : {}),
        },
      })}
      onWritten={() => {
        setSummary("")
        setPercent("")
      }}
    >
      {(fieldError) => (
        <>
          <TextField
            id={key}
            label={t("tasks.done")}
            error={fieldError("summary")}
            value={summary}
            onChange={setSummary}
            width="w-56"
          />
          <TextField
            id={`pct-${keyOf(id)}`}
            label={t("tasks.percent")}
            error={fieldError("percentComplete")}
            value={percent}
            onChange={setPercent}
            width="w-24"
            numeric
          />
        </>
      )}
    </RowForm>
  )
}

/** A task reported completed (POST /api/tasks/{id}/completion): when, what was done, the document reporting it. */
export function CompletionForm({ id, title }: { id: string; title: string }) {
  const { t } = useI18n()
  const [date, setDate] = useState("")
  const [summary, setSummary] = useState("")
  const [documentRef, setDocumentRef] = useState("")
  const key = keyOf(id)
  return (
    <RowForm
      summary={t("tasks.complete")}
      path={`/api/tasks/${encodeURIComponent(id)}/completion`}
      label={`${t("tasks.complete")} — ${title}`}
      invalidate="tasks"
      body={() => {
        const completedOn = optionalDate(date)
        if (completedOn === false) return { error: t("worker.badDate") }
        return {
          body: {
            summary: summary.trim(),
            ...(completedOn ? { completedOn } : {}),
            ...(documentRef.trim() ? { documentRef: documentRef.trim() } : {}),
          },
        }
      }}
      onWritten={() => setSummary("")}
    >
      {(fieldError) => (
        <>
          <TextField
            id={`done-on-${key}`}
            label={t("tasks.completedOn")}
            error={fieldError("date") ?? fieldError("completedOn")}
            value={date}
            onChange={setDate}
            width="w-40"
          />
          <TextField
            id={`done-sum-${key}`}
            label={t("tasks.result")}
            error={fieldError("summary")}
            value={summary}
            onChange={setSummary}
            width="w-56"
          />
          <TextField
            id={`done-doc-${key}`}
            label={t("tasks.document")}
            error={fieldError("documentRef")}
            value={documentRef}
            onChange={setDocumentRef}
            width="w-40"
          />
        </>
      )}
    </RowForm>
  )
}

/** That an obligation's report was sent (POST /api/reporting-obligations/{id}/submissions), with its difficulties. */
export function SubmitForm({ id, title }: { id: string; title: string }) {
  const { t } = useI18n()
  const [number, setNumber] = useState("")
  const [date, setDate] = useState("")
  const [difficulties, setDifficulties] = useState("")
  const key = keyOf(id)
  return (
    <RowForm
      summary={t("obligations.submit")}
      path={`/api/reporting-obligations/${encodeURIComponent(id)}/submissions`}
      label={`${t("obligations.submit")} — ${title}`}
      invalidate="obligations"
      body={() => {
        const submittedOn = parseDate(date)
        if (!submittedOn) return { error: t("worker.badDate") }
        return {
          body: {
            submittedOn,
            documentRef: { number: number.trim(), date: submittedOn },
            ...(difficulties.trim() ? { difficulties: difficulties.trim() } : {}),
          },
        }
      }}
      onWritten={() => setNumber("")}
    >
      {(fieldError) => (
        <>
          <TextField
            id={`num-${key}`}
            label={t("obligations.number")}
            error={fieldError("documentRef.number")}
            value={number}
            onChange={setNumber}
            width="w-40"
          />
          <TextField
            id={`date-${key}`}
            label={t("obligations.sentOn")}
            error={fieldError("date") ?? fieldError("submittedOn")}
            value={date}
            onChange={setDate}
            width="w-40"
          />
          <TextField
            id={`diff-${key}`}
            label={t("obligations.difficulties")}
            error={fieldError("difficulties")}
            value={difficulties}
            onChange={setDifficulties}
            width="w-56"
            multiline
          />
        </>
      )}
    </RowForm>
  )
}
