/**
 * Is this failure the database being out of reach (stopped, restarting, failing over, a standby answering)?
 * Those are answered 503 with `Retry-After` — the officer retries and the write is not lost — never a 500.
 * The error may be wrapped (the store's `StoreFailure`, Effect's causes), so causes are followed a few levels.
 */
const UNAVAILABLE_CODES = new Set([
  // system: refused, reset, timed out, unreachable, name not resolved
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // SQLSTATE class 08: connection exception
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting, shutting down, recovering)
  "57P01",
  "57P02",
  "57P03",
  // read_only_sql_transaction: a connection that now reaches a standby (after a failover)
  "25006",
  // too_many_connections
  "53300",
])

/** node-postgres' own words when the socket goes away or the pool cannot get a connection in time. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== "object" || depth > 6) return false
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true
  return isDatabaseUnavailable(e.cause, depth + 1)
}
