import type { QueryClient } from "@tanstack/react-query"
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  retainSearchParams,
} from "@tanstack/react-router"
import { lazy, Suspense } from "react"
import { Layout } from "./components/Layout.tsx"
import { Loading } from "./components/ui.tsx"
import { useI18n } from "./i18n/i18n.tsx"
import { canOpen, homeScreen, type Screen } from "./session/access.ts"
import { sessionQuery, useMe } from "./session/session.ts"
import { SignIn } from "./screens/SignIn.tsx"

interface RouterContext {
  readonly queryClient: QueryClient
}

/** `?asOf=` (an ISO instant) is the app-wide as-of; it survives every navigation. */
const rootRoute = createRootRouteWithContext<RouterContext>()({
  validateSearch: (search: Record<string, unknown>): { asOf?: string } & Record<string, unknown> => {
    const { asOf, ...rest } = search
    // Screens read their own parameters (a page, a filter); only the as-of is checked here.
    return typeof asOf === "string" && !Number.isNaN(Date.parse(asOf)) ? { ...rest, asOf } : rest
  },
  search: { middlewares: [retainSearchParams(["asOf"])] },
  component: Outlet,
  notFoundComponent: NotFound,
})

function NotFound() {
  const { t } = useI18n()
  return <p className="p-6">{t("app.notFound")}</p>
}

function NotAllowed() {
  const { t } = useI18n()
  return (
    <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">
      {t("app.notAllowed")}
    </p>
  )
}

const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: "/sign-in", component: SignIn })

const signedIn = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(sessionQuery)
    if (!me) throw redirect({ to: "/sign-in" })
    return { me }
  },
  component: Layout,
})

const home = createRoute({
  getParentRoute: () => signedIn,
  path: "/",
  beforeLoad: ({ context }) => {
    throw redirect({ to: `/${homeScreen(context.me.role)}` })
  },
})

/** A screen route; a role the API would refuse sees "not allowed" (the screen's code is not even loaded). */
function screen<const P extends string>(
  path: P,
  name: Screen,
  load: () => Promise<Record<string, unknown>>,
  exportName: string,
) {
  const Lazy = lazy(async () => {
    const module = await load()
    return { default: module[exportName] as () => React.JSX.Element }
  })
  function Guarded() {
    const me = useMe()
    return canOpen(me.role, name) ? (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    ) : (
      <NotAllowed />
    )
  }
  return createRoute({ getParentRoute: () => signedIn, path, component: Guarded })
}

const overview = screen("/overview", "overview", () => import("./screens/Overview.tsx"), "Overview")
const changes = screen("/changes", "changes", () => import("./screens/Changes.tsx"), "Changes")
const workers = screen("/workers", "workers", () => import("./screens/Workers.tsx"), "Workers")
const workerNew = screen("/workers/new", "imports", () => import("./screens/RegisterWorker.tsx"), "RegisterWorker")
const worker = screen("/workers/$id", "workers", () => import("./screens/Worker.tsx"), "Worker")
const plans = screen("/plans", "plans", () => import("./screens/Plans.tsx"), "Plans")
const reports = screen("/reports", "reports", () => import("./screens/Reports.tsx"), "Reports")
const imports = screen("/imports", "imports", () => import("./screens/Import.tsx"), "Import")
const enterprises = screen("/enterprises", "enterprises", () => import("./screens/Lists.tsx"), "Enterprises")
const tasks = screen("/tasks", "tasks", () => import("./screens/Lists.tsx"), "Tasks")
const obligations = screen("/obligations", "obligations", () => import("./screens/Lists.tsx"), "Obligations")
const audit = screen("/audit", "audit", () => import("./screens/Audit.tsx"), "Audit")
const users = screen("/users", "users", () => import("./screens/Users.tsx"), "Users")
const password = createRoute({
  getParentRoute: () => signedIn,
  path: "/password",
  component: lazyRouteComponent(() => import("./screens/Password.tsx"), "Password"),
})

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedIn.addChildren([
    home,
    overview,
    changes,
    workers,
    workerNew,
    worker,
    plans,
    reports,
    imports,
    enterprises,
    tasks,
    obligations,
    audit,
    users,
    password,
  ]),
])

export function makeRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: "intent" })
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof makeRouter>
  }
}
