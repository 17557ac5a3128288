import { useQuery, useQueryClient } from "@tanstack/react-query"
import { Link, useParams } from "@tanstack/react-router"
import { useState, type FormEvent } from "react"
import { api, call } from "../api/client.ts"
import { shownIdentity, type WorkerDetail } from "../api/views.ts"
import { Card, ErrorNote, Field, Loading, Page } from "../components/ui.tsx"
import { formatDate, parseDate } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { WRITER_ROLES, type Role } from "../session/access.ts"
import { useMe } from "../session/session.ts"
import { CommandStatus, FormShell, useCommand } from "./CommandForm.tsx"
import { stageLabel } from "./stages.ts"
import { StepFields } from "./StepFields.tsx"
import { bodyOf, STEPS, type Step, type StepValues } from "./steps.ts"
import { Timeline } from "./Timeline.tsx"

/** One worker: what the registry holds, the timeline of every event, and the next step's form. */
export function Worker() {
  const { t, language } = useI18n()
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const query = useQuery({
    queryKey: ["worker", id],
    queryFn: async () => call(api.GET("/api/workers/{id}", { params: { path: { id } } })),
  })
  const worker = query.data
  const identity = shownIdentity(worker)
  const writer = WRITER_ROLES.includes(me.role as Role)
  // Each role is offered the steps the API lets it record (an enterprise its recruitment, the bank its loans).
  const steps = STEPS.filter((s) => s.roles.includes(me.role as Role))
  return (
    <Page
      title={identity?.fullName ?? (worker ? `${t("workers.hidden")} ${worker.id.slice(0, 8)}` : t("workers.title"))}
    >
      <Link to="/workers" className="text-blue-800 underline">
        ← {t("workers.title")}
      </Link>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNote error={query.error} onRetry={() => void query.refetch()} />}
      {worker && (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-1">
            <Card title={t("worker.identity")} id="identity-title">
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="worker-facts">
                <dt className="text-slate-600">{t("worker.stage")}</dt>
                <dd className="font-medium" data-testid="worker-stage">
                  {stageLabel(worker.stage, language)}
                </dd>
                <dt className="text-slate-600">{t("workers.unit")}</dt>
                <dd>{worker.unitName}</dd>
                <dt className="text-slate-600">{t("workers.registeredOn")}</dt>
                <dd>{formatDate(worker.registeredOn)}</dd>
                <dt className="text-slate-600">{t("worker.sex")}</dt>
                <dd>{worker.sex === "female" ? t("worker.female") : t("worker.male")}</dd>
                {identity?.citizenId && (
                  <>
                    <dt className="text-slate-600">{t("worker.citizenId")}</dt>
                    <dd>{identity.citizenId}</dd>
                  </>
                )}
                {identity?.dateOfBirth && (
                  <>
                    <dt className="text-slate-600">{t("worker.dateOfBirth")}</dt>
                    <dd>{formatDate(identity.dateOfBirth)}</dd>
                  </>
                )}
                {identity?.phone && (
                  <>
                    <dt className="text-slate-600">{t("worker.phone")}</dt>
                    <dd>{identity.phone}</dd>
                  </>
                )}
                {identity?.address && (
                  <>
                    <dt className="text-slate-600">{t("worker.address")}</dt>
                    <dd>{identity.address}</dd>
                  </>
                )}
                <dt className="text-slate-600">{t("worker.version")}</dt>
                <dd>{worker.version}</dd>
              </dl>
            </Card>
            {steps.length > 0 && <StepForm worker={worker} steps={steps} />}
          </div>
          <div className="lg:col-span-2">
            <Card title={t("worker.timeline")} id="timeline-title">
              <Timeline workerId={worker.id} history={worker.history} writer={writer} />
            </Card>
          </div>
        </div>
      )}
    </Page>
  )
}

function StepForm({ worker, steps }: { worker: WorkerDetail; steps: ReadonlyArray<Step> }) {
  const { t, language } = useI18n()
  const queryClient = useQueryClient()
  const [segment, setSegment] = useState(steps[0]!.segment)
  const [date, setDate] = useState("")
  const [values, setValues] = useState<StepValues>({})
  const [dateError, setDateError] = useState<string>()
  const [done, setDone] = useState<string>()
  const command = useCommand()
  const step = steps.find((s) => s.segment === segment)!
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone(undefined)
    const occurredOn = parseDate(date)
    if (!occurredOn) {
      setDateError(t("worker.badDate"))
      return
    }
    setDateError(undefined)
    const body = bodyOf(step, occurredOn, values)
    const label = `${language === "en" ? step.en : step.vi} — ${shownIdentity(worker)?.fullName ?? worker.id.slice(0, 8)}`
    const result = await command.run({ path: `/api/workers/${worker.id}/${segment}`, body, label })
    if (result.kind === "written") {
      setDone(t("worker.saved"))
      setDate("")
      setValues({})
      await queryClient.invalidateQueries()
    }
    // Queued: the outbox holds it (and sends it once); an empty form keeps the officer from entering it twice.
    if (result.kind === "queued") {
      setDate("")
      setValues({})
    }
  }
  // The API refuses an enterprise that may not recruit on the date with a rule's reason, not a field: shown there too.
  const errorOf = (name: string) =>
    command.fieldError(name) ??
    (name === "enterpriseId" && String(command.problem?.body.rejection ?? "").startsWith("Enterprise")
      ? command.problem?.describe(language)
      : undefined)
  return (
    <FormShell onSubmit={(e) => void submit(e)} label={t("worker.record")}>
      <h2 className="text-lg font-semibold">{t("worker.record")}</h2>
      <Field id="step" label={t("worker.command")}>
        <select
          id="step"
          className="input"
          value={segment}
          onChange={(e) => {
            setSegment(e.target.value)
            setValues({})
          }}
        >
          {steps.map((s) => (
            <option key={s.segment} value={s.segment}>
              {language === "en" ? s.en : s.vi}
            </option>
          ))}
        </select>
      </Field>
      <Field id="occurredOn" label={t("worker.occurredOn")} error={dateError ?? command.fieldError("occurredOn")}>
        <input
          id="occurredOn"
          className="input"
          placeholder="dd/mm/yyyy"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={dateError || command.fieldError("occurredOn") ? true : undefined}
          aria-describedby={dateError || command.fieldError("occurredOn") ? "occurredOn-error" : undefined}
        />
      </Field>
      <StepFields step={step} values={values} onChange={setValues} errorOf={errorOf} prefix="step" />
      <CommandStatus problem={command.problem} queued={command.queued} done={done} />
      <button type="submit" className="btn-primary" disabled={command.busy}>
        {t("worker.save")}
      </button>
    </FormShell>
  )
}
