import { useQueryClient } from "@tanstack/react-query"
import { Link, Outlet, useNavigate } from "@tanstack/react-router"
import { api, call, setCsrfToken } from "../api/client.ts"
import { useI18n } from "../i18n/i18n.tsx"
import type { MessageKey } from "../i18n/messages.ts"
import { canOpen, SCREEN_ORDER } from "../session/access.ts"
import { useMe } from "../session/session.ts"
import { AsOfBanner, AsOfControl } from "./AsOf.tsx"
import { OutboxIndicator } from "../outbox/OutboxPanel.tsx"
import { LineageProvider } from "./Lineage.tsx"

/** The signed-in frame: header (menu, as-of, language, account), the as-of banner, the screen. */
export function Layout() {
  const { t, toggle, language } = useI18n()
  const me = useMe()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const signOut = async () => {
    await call(api.DELETE("/api/session", {})).catch(() => undefined)
    setCsrfToken(undefined)
    queryClient.clear()
    await navigate({ to: "/sign-in" })
  }
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
      >
        {t("app.skip")}
      </a>
      <header className="bg-red-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-semibold">
            <span aria-hidden="true">★ </span>
            {t("app.short")} <span className="hidden font-normal sm:inline">— {t("app.title")}</span>
          </p>
          <AsOfControl />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span data-testid="who">
              {me.displayName} · {me.roleLabel}
            </span>
            <OutboxIndicator />
            <button
              type="button"
              className="btn-secondary py-1 text-sm"
              onClick={toggle}
              title={t("app.languageLabel")}
              lang={language === "vi" ? "en" : "vi"}
            >
              {t("app.language")}
            </button>
            <Link to="/password" className="underline underline-offset-2">
              {t("nav.password")}
            </Link>
            <button type="button" className="btn-secondary py-1 text-sm" onClick={() => void signOut()}>
              {t("app.signOut")}
            </button>
          </div>
        </div>
        <nav aria-label={t("app.menu")} className="bg-red-950">
          <ul className="mx-auto flex max-w-7xl flex-wrap gap-1 px-4">
            {SCREEN_ORDER.filter((screen) => canOpen(me.role, screen)).map((screen) => (
              <li key={screen}>
                <Link
                  to={`/${screen}`}
                  className="block px-3 py-2 text-sm hover:bg-red-800 focus-visible:outline-3 focus-visible:outline-amber-400"
                  activeProps={{ className: "bg-red-800 font-semibold", "aria-current": "page" }}
                >
                  {t(`nav.${screen}` as MessageKey)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <AsOfBanner />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <LineageProvider>
          <Outlet />
        </LineageProvider>
      </main>
    </div>
  )
}
