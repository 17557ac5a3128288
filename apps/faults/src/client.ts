/**
 * An officer's session against a running API over HTTP, as a browser would hold it (cookie and CSRF token).
 * Every request has a deadline: an answer that does not come within it is a hang, which the tests count.
 */
export const REQUEST_DEADLINE_MS = 15_000

export const DEMO_PASSWORD = "demo"

export interface Answer {
  readonly status: number
  /** -1: no answer (connection refused or reset: the process is gone); -2: no answer within the deadline. */
  readonly body: any
  readonly retryAfter: string | null
  readonly ms: number
}

export interface Session {
  readonly username: string
  readonly send: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>
  readonly upload: (
    path: string,
    bytes: Uint8Array,
    fileName: string,
    headers?: Record<string, string>,
  ) => Promise<Answer>
}

async function answer(work: Promise<Response>, started: number): Promise<Answer> {
  try {
    const response = await work
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON (metrics, files)
    }
    return {
      status: response.status,
      body,
      retryAfter: response.headers.get("retry-after"),
      ms: performance.now() - started,
    }
  } catch (error) {
    const timedOut = (error as Error)?.name === "TimeoutError"
    return { status: timedOut ? -2 : -1, body: String(error), retryAfter: null, ms: performance.now() - started }
  }
}

export async function signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
  })
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`)
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  const base = baseUrl
  const headersOf = (extra: Record<string, string>) => ({ cookie, "x-csrf-token": csrfToken, ...extra })
  return {
    username,
    send: (method, path, body, headers = {}) => {
      const started = performance.now()
      return answer(
        fetch(`${base}${path}`, {
          method,
          headers: headersOf(body === undefined ? headers : { "content-type": "application/json", ...headers }),
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
        }),
        started,
      )
    },
    upload: (path, bytes, fileName, headers = {}) => {
      const form = new FormData()
      form.append(
        "file",
        new File([bytes as never], fileName, {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
      )
      const started = performance.now()
      return answer(
        fetch(`${base}${path}`, {
          method: "POST",
          headers: headersOf(headers),
          body: form,
          signal: AbortSignal.timeout(120_000),
        }),
        started,
      )
    },
  }
}
