import { useQuery } from "@tanstack/react-query"
import { api, call } from "../api/client.ts"
import { ErrorNote, Loading, Page } from "../components/ui.tsx"
import { sortByName } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"

interface User {
  readonly userId: string
  readonly username: string
  readonly displayName: string
  readonly roleLabel: string
  readonly disabled: boolean
}

/** The accounts (administrator). */
export function Users() {
  const { t } = useI18n()
  const query = useQuery({
    queryKey: ["users"],
    queryFn: async () => (await call(api.GET("/api/users"))) as unknown as { items: ReadonlyArray<User> },
  })
  return (
    <Page title={t("users.title")}>
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
            </tr>
          </thead>
          <tbody>
            {sortByName(query.data.items, (u) => u.displayName).map((u) => (
              <tr key={u.userId}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{u.roleLabel}</td>
                <td>{u.disabled ? t("users.disabled") : t("users.active")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  )
}
