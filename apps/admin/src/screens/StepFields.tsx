import { useQuery } from "@tanstack/react-query"
import { api, call } from "../api/client.ts"
import type { Enterprise } from "../api/views.ts"
import { Field } from "../components/ui.tsx"
import { sortByName } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { useMe } from "../session/session.ts"
import { PROGRAMMES, type Step, type StepField, type StepValues } from "./steps.ts"

export function useEnterpriseChoices() {
  const me = useMe()
  return useQuery({
    queryKey: ["enterprise-choices", me.provinceCode],
    staleTime: 60_000,
    queryFn: async () => {
      const page = await call(
        api.GET("/api/enterprises", { params: { query: { province: me.provinceCode, limit: "500" } } }),
      )
      return sortByName(page.items, (e) => e.name)
    },
  })
}

/**
 * The fields of one step, labelled, each with the API's message for it. `prefix` keeps the ids unique when several
 * forms are on the page (the step form and a correction).
 */
export function StepFields({
  step,
  values,
  onChange,
  errorOf,
  prefix,
}: {
  step: Step
  values: StepValues
  onChange: (values: StepValues) => void
  errorOf: (name: string) => string | undefined
  prefix: string
}) {
  const me = useMe()
  // An enterprise officer records for its own enterprise: the API implies it, the picker is not offered.
  const fields = step.fields.filter((f) => !(f.kind === "enterprise" && me.role === "enterprise-officer"))
  return (
    <>
      {fields.map((field) => (
        <StepInput
          key={field.name}
          field={field}
          id={`${prefix}-${field.name.replace(/\./g, "-")}`}
          value={values[field.name]}
          error={errorOf(field.name)}
          onChange={(value) => onChange({ ...values, [field.name]: value })}
        />
      ))}
    </>
  )
}

function StepInput({
  field,
  id,
  value,
  error,
  onChange,
}: {
  field: StepField
  id: string
  value: string | boolean | undefined
  error: string | undefined
  onChange: (value: string | boolean) => void
}) {
  const { language } = useI18n()
  const label = language === "en" ? field.en : field.vi
  const described = error
    ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` }
    : { "aria-invalid": undefined }
  if (field.kind === "checkbox")
    return (
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
    )
  const text = typeof value === "string" ? value : ""
  return (
    <Field id={id} label={label} error={error}>
      {field.kind === "enterprise" ? (
        <EnterprisePicker id={id} value={text} onChange={onChange} described={described} />
      ) : field.kind === "programme" ? (
        <select id={id} className="input" value={text} onChange={(e) => onChange(e.target.value)} {...described}>
          <option value="">{language === "en" ? "— Choose a programme —" : "— Chọn chương trình —"}</option>
          {PROGRAMMES.map(([code, vi, en]) => (
            <option key={code} value={code}>
              {language === "en" ? en : vi}
            </option>
          ))}
        </select>
      ) : field.kind === "select" ? (
        <select
          id={id}
          className="input"
          value={text || field.options?.[0]?.[0]}
          onChange={(e) => onChange(e.target.value)}
          {...described}
        >
          {field.options?.map(([option, vi, en]) => (
            <option key={option} value={option}>
              {language === "en" ? en : vi}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="input"
          inputMode={field.kind === "number" ? "numeric" : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          {...described}
        />
      )}
    </Field>
  )
}

/** Every enterprise known, with where it stands in the province; the API decides on the date (and says why not). */
function EnterprisePicker({
  id,
  value,
  onChange,
  described,
}: {
  id: string
  value: string
  onChange: (value: string) => void
  described: Record<string, unknown>
}) {
  const { language } = useI18n()
  const choices = useEnterpriseChoices()
  const standing = (e: Enterprise) =>
    e.suspended
      ? language === "en"
        ? "suspended"
        : "đang bị đình chỉ"
      : !e.vettedInProvince
        ? language === "en"
          ? "not on the province's list"
          : "không có trong danh sách của tỉnh"
        : language === "en"
          ? "may recruit"
          : "được tuyển"
  return (
    <select
      id={id}
      className="input"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-busy={choices.isPending || undefined}
      {...described}
    >
      <option value="">{language === "en" ? "— Choose an enterprise —" : "— Chọn doanh nghiệp —"}</option>
      {choices.data?.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name} ({e.licenceNumber}) — {standing(e)}
        </option>
      ))}
    </select>
  )
}
