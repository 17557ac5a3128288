import { useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import type { WorkerDetail } from "../api/views.ts"
import { Field } from "../components/ui.tsx"
import { formatDate, formatDateTime, formatNumber, parseDate } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { CommandStatus, useCommand } from "./CommandForm.tsx"
import { StepFields } from "./StepFields.tsx"
import { bodyOf, stepOfType, valuesOf, type StepValues } from "./steps.ts"

/** One line of a worker's history as GET /api/workers/{id} answers it (with what a correction or voiding names). */
export type HistoryEntry = WorkerDetail["history"][number] & {
  readonly corrects?: {
    readonly eventId: string
    readonly type?: string
    readonly kind: "corrected" | "voided"
    readonly reason: string
  }
  readonly legalBasis?: { readonly number?: string; readonly issuer?: string }
}

/**
 * A worker's timeline: every recorded fact in order, each with its own event id and position in the worker's
 * history, and beside it the corrections and voidings that name it (they are new events; the fact stays).
 */
export function Timeline({
  workerId,
  history,
  writer,
}: {
  workerId: string
  history: ReadonlyArray<HistoryEntry>
  writer: boolean
}) {
  const ids = new Set(history.map((e) => e.eventId))
  const amendmentsOf = (eventId: string) => history.filter((e) => e.corrects?.eventId === eventId)
  // An amendment is shown beside the fact it names; one naming a fact not in this history stands on its own.
  const facts = history.filter((e) => !e.corrects || !ids.has(e.corrects.eventId))
  return (
    <ol className="space-y-3" data-testid="timeline">
      {facts.map((event) => (
        <li
          key={event.eventId}
          data-event-id={event.eventId}
          className={`rounded border-l-4 p-2 ${event.inEffect ? "border-red-800 bg-white" : "border-slate-300 bg-slate-50 text-slate-700"}`}
        >
          <EventLine event={event} />
          {writer && !event.voidedBy && !event.corrects && (
            <Amend workerId={workerId} event={event} current={currentData(event, amendmentsOf(event.eventId))} />
          )}
          <Amendments items={amendmentsOf(event.eventId)} />
        </li>
      ))}
    </ol>
  )
}

/** Links a control to its message (the Field renders it as `${id}-error`). */
const described = (id: string, error: string | undefined) =>
  error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {}

/** What the fact says now: the replacement of its latest correction, else what it recorded. */
const currentData = (event: HistoryEntry, amendments: ReadonlyArray<HistoryEntry>) => {
  const replacement = amendments.filter((a) => a.corrects?.kind === "corrected").at(-1)?.data.replacement
  return typeof replacement === "object" && replacement !== null
    ? (replacement as Readonly<Record<string, unknown>>)
    : event.data
}

function EventLine({ event }: { event: HistoryEntry }) {
  const { t } = useI18n()
  return (
    <>
      <p className="font-medium">
        {formatDate(event.occurredOn)} — {event.label}
        {event.voidedBy && <span className="ml-2 text-sm text-red-800">({t("worker.voided")})</span>}
        {event.correctedBy.length > 0 && (
          <span className="ml-2 text-sm text-amber-900">({t("worker.correctedBy")})</span>
        )}
      </p>
      <dl className="flex flex-wrap gap-x-3 text-sm text-slate-700" data-testid="event-meta">
        <div className="flex gap-1">
          <dt>{t("timeline.position")}</dt>
          <dd className="tabular-nums" data-testid="event-position">
            {formatNumber(event.version)}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>{t("timeline.eventId")}</dt>
          <dd className="break-all font-mono text-xs leading-5" data-testid="event-id">
            {event.eventId}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>{t("timeline.type")}</dt>
          <dd>{event.type}</dd>
        </div>
        <div className="flex gap-1">
          <dt>{t("timeline.recordedAt")}</dt>
          <dd>{formatDateTime(event.recordedAt)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>{t("timeline.actor")}</dt>
          <dd>{event.actor?.userId ?? "—"}</dd>
        </div>
      </dl>
      <details className="text-sm">
        <summary className="cursor-pointer text-blue-800 underline">JSON</summary>
        <pre className="mt-1 overflow-auto rounded bg-slate-100 p-2 text-xs">{JSON.stringify(event.data, null, 2)}</pre>
      </details>
    </>
  )
}

/** The corrections and voidings of one fact, beside it: why, when, and their own event lines. */
function Amendments({ items }: { items: ReadonlyArray<HistoryEntry> }) {
  const { t } = useI18n()
  if (items.length === 0) return null
  return (
    <ol className="mt-2 space-y-2 border-l-2 border-amber-400 pl-3" data-testid="amendments">
      {items.map((amendment) => (
        <li key={amendment.eventId} className="rounded bg-amber-50 p-2 text-slate-900" data-testid="amendment">
          <p className="text-sm font-medium">
            {amendment.corrects?.kind === "voided" ? t("timeline.voidedBecause") : t("timeline.correctedBecause")}{" "}
            <q>{amendment.corrects?.reason}</q>
          </p>
          <EventLine event={amendment} />
        </li>
      ))}
    </ol>
  )
}

/** Correct (when the page knows the fact's fields) or void a fact, each with a reason. */
function Amend({
  workerId,
  event,
  current,
}: {
  workerId: string
  event: HistoryEntry
  current: Readonly<Record<string, unknown>>
}) {
  const step = stepOfType(event.type)
  return (
    <div className="flex flex-wrap gap-4">
      {step && <CorrectionForm workerId={workerId} event={event} current={current} />}
      <VoidForm workerId={workerId} event={event} />
    </div>
  )
}

/**
 * Corrects a recorded fact (POST /api/workers/{id}/corrections): the replacement is the fact's own route body, filled
 * with what was recorded; the API's messages are shown at the replacement's fields.
 */
function CorrectionForm({
  workerId,
  event,
  current,
}: {
  workerId: string
  event: HistoryEntry
  current: Readonly<Record<string, unknown>>
}) {
  const { t, language } = useI18n()
  const queryClient = useQueryClient()
  const step = stepOfType(event.type)!
  const [reason, setReason] = useState("")
  const [date, setDate] = useState(
    formatDate(typeof current.occurredOn === "string" ? current.occurredOn : event.occurredOn),
  )
  const [values, setValues] = useState<StepValues>(() => valuesOf(step, current))
  const [dateError, setDateError] = useState<string>()
  const [open, setOpen] = useState(false)
  const command = useCommand()
  const id = `correct-${event.eventId}`
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const occurredOn = parseDate(date)
    if (!occurredOn) return setDateError(t("worker.badDate"))
    setDateError(undefined)
    const result = await command.run({
      path: `/api/workers/${workerId}/corrections`,
      body: { correctsEventId: event.eventId, reason: reason.trim(), replacement: bodyOf(step, occurredOn, values) },
      label: `${t("timeline.correct")} — ${language === "en" ? step.en : step.vi}`,
    })
    if (result.kind === "written") {
      setReason("")
      setOpen(false)
      await queryClient.invalidateQueries()
    }
  }
  const fieldError = (name: string) => command.fieldError(`replacement.${name}`)
  return (
    <details className="text-sm" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-blue-800 underline">{t("timeline.correct")}…</summary>
      <form onSubmit={(e) => void submit(e)} className="mt-2 grid gap-2 sm:grid-cols-2" noValidate>
        <Field id={`${id}-reason`} label={t("timeline.correctReason")} error={command.fieldError("reason")}>
          <input
            id={`${id}-reason`}
            className="input"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...described(`${id}-reason`, command.fieldError("reason"))}
          />
        </Field>
        <Field id={`${id}-date`} label={t("worker.occurredOn")} error={dateError ?? fieldError("occurredOn")}>
          <input
            id={`${id}-date`}
            className="input"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            {...described(`${id}-date`, dateError ?? fieldError("occurredOn"))}
          />
        </Field>
        <StepFields step={step} values={values} onChange={setValues} errorOf={fieldError} prefix={id} />
        <div className="sm:col-span-2">
          <CommandStatus problem={command.problem} queued={command.queued} />
          <button type="submit" className="btn-secondary mt-2" disabled={command.busy}>
            {t("timeline.correctSubmit")}
          </button>
        </div>
      </form>
    </details>
  )
}

/** Voids one recorded event with a reason (POST /api/workers/{id}/voids): a new event, the old one stays in history. */
function VoidForm({ workerId, event }: { workerId: string; event: HistoryEntry }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const [reason, setReason] = useState("")
  const command = useCommand()
  const id = `void-${event.eventId}`
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const result = await command.run({
      path: `/api/workers/${workerId}/voids`,
      body: { correctsEventId: event.eventId, reason: reason.trim() },
      label: `${t("timeline.void")} — ${event.label}`,
    })
    if (result.kind === "written") await queryClient.invalidateQueries()
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-800 underline">{t("timeline.void")}…</summary>
      <form onSubmit={(e) => void submit(e)} className="mt-2 flex flex-wrap items-end gap-2" noValidate>
        <Field id={id} label={t("timeline.voidReason")} error={command.fieldError("reason")}>
          <input
            id={id}
            className="input"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...described(id, command.fieldError("reason"))}
          />
        </Field>
        <button type="submit" className="btn-secondary" disabled={command.busy}>
          {t("timeline.void")}
        </button>
        <div className="w-full">
          <CommandStatus problem={command.problem} queued={command.queued} />
        </div>
      </form>
    </details>
  )
}
