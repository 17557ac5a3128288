import createClient, { type Middleware } from "openapi-fetch"
import type { paths } from "./openapi.gen.ts"
import { ApiProblem, NetworkError } from "./problem.ts"

export type { paths }

/** The CSRF token the API returned at sign-in (or from GET /api/session); every write carries it (ADR 0009). */
let csrfToken: string | undefined
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token
}

export const currentCsrfToken = () => csrfToken

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && request.method !== "HEAD" && csrfToken)
      request.headers.set("x-csrf-token", csrfToken)
    return request
  },
}

export function createApi(baseUrl: string, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {
  const client = createClient<paths>({ baseUrl, fetch: fetchImpl, credentials: "same-origin" })
  client.use(csrf)
  return client
}

export type Api = ReturnType<typeof createApi>

export let api: Api = createApi(typeof window === "undefined" ? "http://localhost" : window.location.origin)
/** Tests point the app at their own fetch. */
export const setApi = (next: Api) => {
  api = next
}

/**
 * The data of an openapi-fetch answer, or a thrown `ApiProblem` (the API's problem) / `NetworkError` (no answer).
 * Every screen reads through this, so one place turns answers into what the interface shows.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result
  try {
    result = await request
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error))
  }
  if (!result.response.ok) throw new ApiProblem(result.response.status, result.error)
  return result.data as T
}
