import { sql } from "kysely"
import type { TestApp } from "./test-app.ts"

/**
 * Sessions for the write matrix: JSON or a file upload (multipart), with the session's cookie and CSRF token,
 * and a witness of everything a request can write, to show that a refused request wrote nothing.
 */

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

export type Payload =
  { readonly json: unknown } | { readonly file: { readonly bytes: Uint8Array; readonly fileName: string } }

export interface Answer {
  readonly status: number
  readonly body: any
  /** The session cookie the answer set (a sign-in). */
  readonly cookie: string | undefined
}

export interface Session {
  readonly username: string
  readonly send: (method: string, path: string, payload?: Payload) => Promise<Answer>
  /** A GET whose answer is a file. */
  readonly download: (path: string) => Promise<Uint8Array>
}

const answerOf = async (response: Response): Promise<Answer> => {
  const text = await response.text()
  const type = response.headers.get("content-type") ?? ""
  const cookie = response.headers.get("set-cookie")?.split(";")[0]
  return { status: response.status, body: text && /json/.test(type) ? JSON.parse(text) : text, cookie }
}

const requestInit = (method: string, headers: Record<string, string>, payload?: Payload): RequestInit => {
  if (!payload) return { method, headers }
  if ("json" in payload)
    return {
      method,
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(payload.json),
    }
  const form = new FormData()
  form.append("file", new File([payload.file.bytes as never], payload.file.fileName, { type: XLSX }))
  return { method, headers, body: form }
}

/** No session at all (signing in). */
export const anonymousSession = (app: TestApp["app"]): Session => sessionOf(app, "(anonymous)", {})

/** Signs in and returns a session that sends its cookie and CSRF token with every request. */
export async function openSession(app: TestApp["app"], username: string, password: string): Promise<Session> {
  const signedIn = await anonymousSession(app).send("POST", "/api/session", { json: { username, password } })
  if (signedIn.status !== 200)
    throw new Error(`sign-in of ${username}: ${signedIn.status} ${JSON.stringify(signedIn.body)}`)
  return sessionOf(app, username, { cookie: signedIn.cookie!, "x-csrf-token": signedIn.body.csrfToken })
}

function sessionOf(app: TestApp["app"], username: string, headers: Record<string, string>): Session {
  return {
    username,
    send: async (method, path, payload) => answerOf(await app.request(path, requestInit(method, headers, payload))),
    download: async (path) => {
      const response = await app.request(path, { headers })
      if (response.status !== 200) throw new Error(`GET ${path} as ${username}: ${response.status}`)
      return new Uint8Array(await response.arrayBuffer())
    },
  }
}

/**
 * Everything a request can write: the log, accounts (and their passwords, roles, bindings), sessions,
 * idempotency records, person keys, erasures, and the record of who read whose personal data.
 */
export async function witness(t: TestApp): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`SELECT
      (SELECT count(*) FROM es_events)::text AS events,
      (SELECT count(*) FROM api_users)::text AS users,
      (SELECT md5(coalesce(string_agg(user_id || password_hash || role || province_code || unit_ids::text
        || coalesce(enterprise_id, '') || coalesce(agency, '') || disabled::text, ',' ORDER BY user_id), ''))
        FROM api_users) AS accounts,
      (SELECT count(*) FROM api_sessions)::text AS sessions,
      (SELECT count(*) FROM api_idempotency)::text AS idempotency,
      (SELECT count(*) FROM pd_person_keys)::text AS person_keys,
      (SELECT count(*) FROM pd_erasures)::text AS erasures,
      (SELECT count(*) FROM pd_access_log)::text AS identity_reads`.execute(t.services.log.database.db)
  return JSON.stringify(rows[0])
}
