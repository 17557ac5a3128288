import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { api, call } from "../api/client.ts"
import { ApiProblem } from "../api/problem.ts"
import type { paths } from "../api/openapi.gen.ts"
import type { User } from "../api/views.ts"
import { Card, ErrorNote, Field, Loading, Page } from "../components/ui.tsx"
import { sortByName } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { useMe } from "../session/session.ts"
import { useUnits } from "../components/units.ts"

type NewUser = paths["/api/users"]["post"]["requestBody"]["content"]["application/json"]
type NewRole = NewUser["role"]

/** Roles an administrator can give (a commune officer with its commune; an enterprise's officer comes later). */
const ROLES: ReadonlyArray<readonly [NewRole, string, string]> = [
  ["province-officer", "Cán bộ Sở Nội vụ", "Province officer"],
  ["commune-officer", "Cán bộ UBND xã, phường", "Commune officer"],
  ["department-officer", "Cán bộ sở, ngành", "Department officer"],
  ["leader", "Lãnh đạo", "Leader"],
  ["auditor", "Kiểm toán, thanh tra", "Auditor"],
  ["bank-officer", "Cán bộ Ngân hàng Chính sách xã hội", "Bank officer"],
  ["administrator", "Quản trị hệ thống", "Administrator"],
]

/** The accounts (administrator): list, create, disable and enable. The API's rules and messages (ADR 0009). */
export function Users() {
  const { t, language } = useI18n()
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: ["users"],
    queryFn: () => call(api.GET("/api/users")),
  })
  const [problem, setProblem] = useState<unknown>()
  const toggle = async (user: User) => {
    setProblem(undefined)
    try {
      const path = user.disabled ? "/api/users/{userId}/enable" : "/api/users/{userId}/disable"
      await call(api.POST(path, { params: { path: { userId: user.userId } } }))
      await queryClient.invalidateQueries({ queryKey: ["users"] })
    } catch (failure) {
      setProblem(failure)
    }
  }
  return (
    <Page title={t("users.title")}>
      <NewUserForm />
      {problem !== undefined && <ErrorNote error={problem} />}
      {query.isPending && <Loading />}
      {query.isError && <ErrorNote error={query.error} />}
      {query.data && (
        <table className="table bg-white" data-testid="users">
          <thead>
            <tr>
              <th scope="col">{t("users.username")}</th>
              <th scope="col">{t("users.displayName")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("lists.status")}</th>
              <th scope="col">
                <span className="sr-only">{language === "en" ? "Actions" : "Thao tác"}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortByName(query.data.items, (u) => u.displayName).map((u) => (
              <tr key={u.userId}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{u.roleLabel}</td>
                <td>{u.disabled ? t("users.disabled") : t("users.active")}</td>
                <td>
                  <button type="button" className="btn-secondary py-0.5 text-sm" onClick={() => void toggle(u)}>
                    {u.disabled
                      ? `${language === "en" ? "Enable" : "Mở khóa"} ${u.username}`
                      : `${language === "en" ? "Disable" : "Khóa"} ${u.username}`}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  )
}

function NewUserForm() {
  const { language } = useI18n()
  const me = useMe()
  const queryClient = useQueryClient()
  const [values, setValues] = useState<Record<string, string>>({ role: "province-officer" })
  const units = useUnits(me.provinceCode)
  const [problem, setProblem] = useState<unknown>()
  const [done, setDone] = useState<string>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setProblem(undefined)
    setDone(undefined)
    try {
      await call(
        api.POST("/api/users", {
          body: {
            username: values.username?.trim() ?? "",
            displayName: values.displayName?.trim() ?? "",
            role: (values.role ?? "province-officer") as NewRole,
            provinceCode: me.provinceCode,
            ...(values.role === "commune-officer" ? { unitIds: values.unitId ? [values.unitId] : [] } : {}),
            password: values.password ?? "",
          },
        }),
      )
      setDone(`${language === "en" ? "Created" : "Đã tạo tài khoản"} ${values.username}.`)
      setValues({ role: values.role ?? "province-officer" })
      await queryClient.invalidateQueries({ queryKey: ["users"] })
    } catch (failure) {
      setProblem(failure)
    }
  }
  const fieldError = (name: string) =>
    problem instanceof ApiProblem ? problem.fieldMessage(name, language) : undefined
  const input = (name: string, vi: string, en: string, type = "text") => (
    <Field key={name} id={`new-${name}`} label={language === "en" ? en : vi} error={fieldError(name)}>
      <input
        id={`new-${name}`}
        type={type}
        autoComplete={type === "password" ? "new-password" : "off"}
        className="input"
        value={values[name] ?? ""}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      />
    </Field>
  )
  return (
    <Card title={language === "en" ? "New account" : "Tạo tài khoản"} id="new-user-title">
      <form onSubmit={(e) => void submit(e)} noValidate className="grid gap-3 sm:grid-cols-4">
        {input("username", "Tên đăng nhập", "Username")}
        {input("displayName", "Tên hiển thị", "Display name")}
        <Field id="new-role" label={language === "en" ? "Role" : "Vai trò"}>
          <select
            id="new-role"
            className="input"
            value={values.role}
            onChange={(e) => setValues({ ...values, role: e.target.value })}
          >
            {ROLES.map(([role, vi, en]) => (
              <option key={role} value={role}>
                {language === "en" ? en : vi}
              </option>
            ))}
          </select>
        </Field>
        {values.role === "commune-officer" && (
          <Field
            id="new-unit"
            label={language === "en" ? "Commune or ward" : "Xã, phường"}
            error={fieldError("unitIds")}
          >
            <select
              id="new-unit"
              className="input"
              value={values.unitId ?? ""}
              onChange={(e) => setValues({ ...values, unitId: e.target.value })}
              aria-invalid={fieldError("unitIds") ? true : undefined}
              aria-describedby={fieldError("unitIds") ? "new-unit-error" : undefined}
            >
              <option value="">{language === "en" ? "— Choose —" : "— Chọn xã, phường —"}</option>
              {sortByName(units.data?.items ?? [], (u) => u.name).map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {input("password", "Mật khẩu ban đầu", "Initial password", "password")}
        <div className="sm:col-span-4">
          {problem !== undefined && <ErrorNote error={problem} />}
          {done && (
            <p role="status" className="text-green-900">
              {done}
            </p>
          )}
          <button type="submit" className="btn-primary mt-2">
            {language === "en" ? "Create" : "Tạo tài khoản"}
          </button>
        </div>
      </form>
    </Card>
  )
}
