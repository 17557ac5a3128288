import { openTestDatabase } from "@xkld/event-store/testing"
import { ensureUser } from "../../src/auth/users.ts"
import { createApp } from "../../src/app.ts"
import { setClock } from "../../src/clock.ts"
import { loadConfig } from "../../src/config.ts"
import { demoAccounts, DEMO_PASSWORD } from "@xkld/demo"
import { loadDemo } from "../../src/demo/load.ts"
import type { AppServices } from "../../src/services.ts"
import { servicesOver } from "../../src/bootstrap.ts"
import { checkResponses } from "../../src/http/response-check.ts"
import { isExactAnswer } from "./response-contract.ts"

export interface TestApp {
  readonly app: ReturnType<typeof createApp>
  readonly services: AppServices
  readonly close: () => Promise<void>
}

/**
 * "Now" for business dates in every test (today, the demo history's last day), whatever the calendar says: a test
 * that passes today passes in 2030. Recorded times stay the database's clock; compare them with times taken
 * around the request, never with a fixed date (docs/dates.md).
 */
export const TEST_NOW = new Date("2026-11-30T03:00:00Z")

/**
 * The real app over a fresh database (PGlite, or PostgreSQL with DATABASE_URL). With `demoEvents`, the demo
 * province is loaded with a history of about that many events; without, only the demo accounts exist
 * (and the unit catalogue is empty). The app clock is set to `now` (default `TEST_NOW`).
 */
export async function openTestApp(options: { demoEvents?: number; now?: Date } = {}): Promise<TestApp> {
  setClock(options.now ?? TEST_NOW)
  // every answer of a route with a declared response is checked against it (the admin app's typed client)
  checkResponses({ exact: isExactAnswer })
  const config = { ...loadConfig({ XKLD_MODE: "demo" }), secureCookies: false }
  const services = await servicesOver(config, await openTestDatabase())
  if (options.demoEvents) await loadDemo(services, () => undefined, options.demoEvents)
  else
    for (const account of demoAccounts(await services.models.catalogues.at(), "none"))
      await ensureUser(services.log.database.db, account)
  return { app: createApp(services), services, close: services.close }
}

export interface Client {
  readonly csrfToken: string
  readonly request: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<Response>
  readonly json: <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: T }>
}

/** Signs a demo account in and returns a client that sends its cookie and CSRF token. */
export async function signIn(app: TestApp["app"], username: string, password = DEMO_PASSWORD): Promise<Client> {
  const response = await app.request("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  })
  if (response.status !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`)
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  return {
    csrfToken,
    request,
    json: async (method, path, body, headers) => {
      const r = await request(method, path, body, headers)
      return { status: r.status, body: (r.status === 204 ? undefined : await r.json()) as any }
    },
  }
}
