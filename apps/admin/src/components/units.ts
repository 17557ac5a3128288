import { useQuery } from "@tanstack/react-query"
import { api, call } from "../api/client.ts"

/** The communes and wards of a province (GET /api/units), read once per session. */
export const useUnits = (province: string) =>
  useQuery({
    queryKey: ["units", province],
    queryFn: () => call(api.GET("/api/units", { params: { query: { province } } })),
    staleTime: Infinity,
  })
