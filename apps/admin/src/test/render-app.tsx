import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { createMemoryHistory, RouterProvider } from "@tanstack/react-router"
import { render } from "@testing-library/react"
import { createApi, setApi } from "../api/client.ts"
import { I18nProvider } from "../i18n/i18n.tsx"
import { makeRouter } from "../router.tsx"

export type Handler = (request: Request) => Response | Promise<Response>

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json" },
  })

/** The whole app at a path, over a fake API (`handler` answers every request; `requests` records them). */
export function renderApp(path: string, handler: Handler): { readonly requests: Request[] } {
  const requests: Request[] = []
  setApi(
    createApi("http://localhost", async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init)
      requests.push(request.clone())
      return handler(request)
    }),
  )
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = makeRouter(queryClient)
  router.history = createMemoryHistory({ initialEntries: [path] })
  void router.load()
  render(
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} history={createMemoryHistory({ initialEntries: [path] })} />
      </QueryClientProvider>
    </I18nProvider>,
  )
  return { requests }
}

export const ME = {
  userId: "u1",
  username: "so-noi-vu",
  displayName: "Cán bộ Sở Nội vụ tỉnh Sơn La",
  role: "province-officer",
  roleLabel: "Cán bộ Sở Nội vụ",
  provinceCode: "14",
  unitIds: [],
  enterpriseId: null,
  agency: "SNV",
  csrfToken: "csrf-1",
}
