import { useQueryClient } from "@tanstack/react-query"
import { Link } from "@tanstack/react-router"
import { useState, type FormEvent } from "react"
import { Field, Page } from "../components/ui.tsx"
import { parseDate, sortByName } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import type { MessageKey } from "../i18n/messages.ts"
import { useMe } from "../session/session.ts"
import { CommandStatus, FormShell, useCommand } from "./CommandForm.tsx"
import { useUnits } from "../components/units.ts"

const TEXT_FIELDS = [
  ["fullName", "worker.fullName", "name"],
  ["citizenId", "worker.citizenId", "off"],
  ["dateOfBirth", "worker.dateOfBirth", "bday"],
  ["phone", "worker.phone", "tel"],
  ["address", "worker.address", "street-address"],
] as const

/** Registration of a person who wishes to work abroad (POST /api/workers), through the outbox. */
export function RegisterWorker() {
  const { t, language } = useI18n()
  const me = useMe()
  const queryClient = useQueryClient()
  const units = useUnits(me.provinceCode)
  const own = me.role === "commune-officer"
  const choices = sortByName(
    (units.data?.items ?? []).filter((u) => !own || me.unitIds.includes(u.id)),
    (u) => u.name,
  )
  const [values, setValues] = useState<Record<string, string>>({ sex: "female", occurredOn: "" })
  const [ethnicMinority, setEthnicMinority] = useState(false)
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState<string>()
  const command = useCommand()
  const unit = values.residenceUnit ?? choices[0]?.code ?? ""

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone(undefined)
    const occurredOn = parseDate(values.occurredOn ?? "")
    const dateOfBirth = parseDate(values.dateOfBirth ?? "")
    const errors: Record<string, string> = {}
    if (!occurredOn) errors.occurredOn = t("worker.badDate")
    if (!dateOfBirth) errors.dateOfBirth = t("worker.badDate")
    setLocalErrors(errors)
    if (Object.keys(errors).length > 0) return
    const identity: Record<string, string> = {
      fullName: values.fullName?.trim() ?? "",
      citizenId: values.citizenId?.trim() ?? "",
      dateOfBirth: dateOfBirth!,
      sex: values.sex ?? "female",
    }
    if (values.phone?.trim()) identity.phone = values.phone.trim()
    if (values.address?.trim()) identity.address = values.address.trim()
    const label = `${t("workers.register")} — ${identity.fullName}`
    const result = await command.run({
      path: "/api/workers",
      body: { occurredOn, identity, residenceUnit: unit, ethnicMinority },
      label,
    })
    if (result.kind === "written") {
      setDone(t("worker.registered", { name: identity.fullName ?? "" }))
      setValues({ sex: "female", occurredOn: values.occurredOn ?? "" })
      await queryClient.invalidateQueries()
    }
    // Queued: the outbox holds it (and sends it once); an empty form keeps the officer from entering it twice.
    if (result.kind === "queued") setValues({ sex: "female", occurredOn: values.occurredOn ?? "" })
  }

  const error = (name: string) =>
    localErrors[name] ?? command.fieldError(`identity.${name}`) ?? command.fieldError(name)
  const input = (name: string, label: string, autoComplete: string, placeholder?: string) => (
    <Field key={name} id={`reg-${name}`} label={label} error={error(name)}>
      <input
        id={`reg-${name}`}
        className="input"
        autoComplete={autoComplete}
        {...(placeholder ? { placeholder } : {})}
        value={values[name] ?? ""}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={error(name) ? `reg-${name}-error` : undefined}
      />
    </Field>
  )

  return (
    <Page title={t("workers.register")}>
      <Link to="/workers" className="text-blue-800 underline">
        ← {t("workers.title")}
      </Link>
      <div className="max-w-2xl">
        <FormShell onSubmit={(e) => void submit(e)} label={t("workers.register")}>
          <div className="grid gap-4 sm:grid-cols-2">
            {input("occurredOn", t("workers.registeredOn"), "off", "dd/mm/yyyy")}
            {TEXT_FIELDS.map(([name, key, auto]) =>
              input(name, t(key as MessageKey), auto, name === "dateOfBirth" ? "dd/mm/yyyy" : undefined),
            )}
            <Field id="reg-sex" label={t("worker.sex")} error={error("sex")}>
              <select
                id="reg-sex"
                className="input"
                value={values.sex}
                onChange={(e) => setValues({ ...values, sex: e.target.value })}
              >
                <option value="female">{t("worker.female")}</option>
                <option value="male">{t("worker.male")}</option>
              </select>
            </Field>
            <Field id="reg-unit" label={t("worker.residenceUnit")} error={command.fieldError("residenceUnit")}>
              <select
                id="reg-unit"
                className="input"
                value={unit}
                onChange={(e) => setValues({ ...values, residenceUnit: e.target.value })}
              >
                {choices.map((u) => (
                  <option key={u.id} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={ethnicMinority} onChange={(e) => setEthnicMinority(e.target.checked)} />
              {t("worker.ethnicMinority")}
            </label>
          </div>
          <CommandStatus problem={command.problem} queued={command.queued} done={done} />
          <button type="submit" className="btn-primary" disabled={command.busy}>
            {language === "en" ? "Register" : "Đăng ký"}
          </button>
        </FormShell>
      </div>
    </Page>
  )
}
