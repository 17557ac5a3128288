import { queryOptions, useQuery } from "@tanstack/react-query"
import { api, call, setCsrfToken } from "../api/client.ts"
import { ApiProblem } from "../api/problem.ts"
import type { paths } from "../api/openapi.gen.ts"

export type Me = paths["/api/session"]["get"]["responses"]["200"]["content"]["application/json"]

/** Who is signed in; `null` when nobody is (401). Keeps the CSRF token for writes. */
export const sessionQuery = queryOptions({
  queryKey: ["session"],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await call(api.GET("/api/session"))
      setCsrfToken(me.csrfToken)
      return me
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        setCsrfToken(undefined)
        return null
      }
      throw error
    }
  },
  staleTime: 5 * 60_000,
})

export function useMe(): Me {
  const { data } = useQuery(sessionQuery)
  if (!data) throw new Error("useMe outside a signed-in route")
  return data
}
