/**
 * The commune's outbox: every write from a registration or stage form is kept in this browser (localStorage)
 * with its `Idempotency-Key` before it is sent, and removed only when the API has answered it. A network failure
 * leaves it waiting; it is sent again on reconnect with the same key, so the API writes it once however often it
 * is sent (apps/api/src/commands/idempotency.ts). A refusal stays with the API's reason until the officer
 * discards it.
 */
import { currentCsrfToken } from "../api/client.ts"
import { ApiProblem, NetworkError } from "../api/problem.ts"

export interface OutboxEntry {
  readonly key: string
  readonly path: string
  readonly body: unknown
  readonly label: string
  readonly createdAt: string
  readonly status: "pending" | "sending" | "refused"
  readonly problem?: { readonly status: number; readonly body: unknown }
}

const STORAGE_KEY = "xkld.outbox"
type Listener = () => void
const listeners = new Set<Listener>()
let cache: ReadonlyArray<OutboxEntry> | undefined

const read = (): ReadonlyArray<OutboxEntry> => {
  if (cache) return cache
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]")
    cache = Array.isArray(parsed) ? (parsed as OutboxEntry[]) : []
  } catch {
    cache = []
  }
  return cache
}

const write = (entries: ReadonlyArray<OutboxEntry>) => {
  cache = entries
  localStorage.setItem(STORAGE_KEY, JSON.stringify(entries))
  for (const listener of listeners) listener()
}

const update = (key: string, change: (entry: OutboxEntry) => OutboxEntry | undefined) =>
  write(read().flatMap((entry) => (entry.key === key ? (change(entry) ?? []) : [entry])))

export const outbox = {
  entries: read,
  subscribe(listener: Listener) {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
  discard: (key: string) => update(key, () => undefined),
  /** Forget the cache (tests, and another tab's change). */
  reload() {
    cache = undefined
    for (const listener of listeners) listener()
  },
}

/** Sends one entry with its key. Resolves with the API's answer, or throws ApiProblem / NetworkError. */
async function send(entry: OutboxEntry, fetchImpl: typeof fetch): Promise<unknown> {
  let response: Response
  try {
    response = await fetchImpl(new URL(entry.path, window.location.origin), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "application/json",
        "idempotency-key": entry.key,
        ...(currentCsrfToken() ? { "x-csrf-token": currentCsrfToken()! } : {}),
      },
      body: JSON.stringify(entry.body),
    })
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error))
  }
  const text = await response.text()
  const body: unknown = text ? JSON.parse(text) : null
  if (!response.ok) throw new ApiProblem(response.status, body)
  return body
}

/** A refusal that sending again cannot change (not a server failure, a timeout, or too many requests). */
const isRefusal = (error: unknown): error is ApiProblem =>
  error instanceof ApiProblem &&
  error.status >= 400 &&
  error.status < 500 &&
  error.status !== 408 &&
  error.status !== 429

export type SubmitResult =
  | { readonly kind: "written"; readonly answer: unknown }
  | { readonly kind: "queued" }
  | { readonly kind: "refused"; readonly problem: ApiProblem }

/**
 * A form's command: kept in the outbox first, then sent. Written → removed; refused while the officer is at the
 * form → removed (the form shows the API's field errors); no connection → stays waiting.
 */
export async function submitCommand(
  command: { path: string; body: unknown; label: string },
  fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
): Promise<SubmitResult> {
  const entry: OutboxEntry = {
    key: crypto.randomUUID(),
    path: command.path,
    body: command.body,
    label: command.label,
    createdAt: new Date().toISOString(),
    status: "sending",
  }
  write([...read(), entry])
  try {
    const answer = await send(entry, fetchImpl)
    outbox.discard(entry.key)
    return { kind: "written", answer }
  } catch (error) {
    if (isRefusal(error)) {
      outbox.discard(entry.key)
      return { kind: "refused", problem: error }
    }
    update(entry.key, (e) => ({ ...e, status: "pending" }))
    return { kind: "queued" }
  }
}

let flushing: Promise<void> | undefined

/** Sends every waiting entry once, in order (on reconnect, at start, or when the officer asks). */
export function flushOutbox(fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<void> {
  flushing ??= (async () => {
    for (const entry of read().filter((e) => e.status === "pending")) {
      update(entry.key, (e) => ({ ...e, status: "sending" }))
      try {
        await send(entry, fetchImpl)
        outbox.discard(entry.key)
      } catch (error) {
        if (isRefusal(error))
          update(entry.key, (e) => ({
            ...e,
            status: "refused",
            problem: { status: error.status, body: rawBody(error) },
          }))
        else {
          update(entry.key, (e) => ({ ...e, status: "pending" }))
          break // still offline: the rest waits too, in order
        }
      }
    }
  })().finally(() => {
    flushing = undefined
  })
  return flushing
}

/** Sends a refused entry again (after the cause was fixed elsewhere, e.g. an earlier step recorded). */
export function retryEntry(key: string, fetchImpl?: typeof fetch) {
  update(key, (e) => ({ ...e, status: "pending", problem: undefined }) as OutboxEntry)
  return flushOutbox(fetchImpl)
}

const rawBody = (problem: ApiProblem) => ({
  title: problem.title,
  titleEn: problem.titleEn,
  detail: problem.detail,
  detailEn: problem.detailEn,
  fields: problem.fields,
})

/** Entries "sending" when the page was closed never got an answer: they wait again (same key: no duplicate). */
export function recoverInterrupted() {
  if (read().some((e) => e.status === "sending"))
    write(read().map((e) => (e.status === "sending" ? { ...e, status: "pending" as const } : e)))
}
