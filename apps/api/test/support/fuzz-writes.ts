import { settled } from "./settled.ts"
import { sql } from "kysely"
import type { RouteSpec } from "../../src/http/route.ts"
import type { FuzzRequest } from "./fuzz-requests.ts"
import type { TestApp } from "./test-app.ts"

/**
 * What a request the fuzz (fuzz.int.test.ts) sent wrote: every table of the database compared before and after by
 * row count and newest row version, the writes a refused request may make (`allowedWrites`), and `send`, which
 * sends one request and reports what it wrote although refused. `watchWritesOf(app)` names the app, once, in the
 * test's setup.
 */

let t: TestApp

/** The app whose database the snapshots read and whose routes `send` calls. */
export function watchWritesOf(app: TestApp): void {
  t = app
}

/**
 * The writes a refused request may make, and why. Anything else a 4xx adds, removes or changes in any table is a
 * finding. `ignore: "rows"` allows any change to the table; a list of columns allows changes to those columns only
 * (same rows, same other values).
 */
export const allowedWrites: ReadonlyArray<{
  readonly table: string
  readonly routes: RegExp
  readonly ignore: "rows" | ReadonlyArray<string>
  readonly reason: string
}> = [
  {
    table: "api_sessions",
    routes: /./,
    ignore: ["last_seen_at"],
    reason:
      "an authenticated request touches its session's last-seen time (at most once a minute) before the route decides anything: sessions expire when idle",
  },
  {
    table: "api_sign_in_attempts",
    routes: /^POST \/api\/session$/,
    ignore: "rows",
    reason: "a refused sign-in is recorded: the per-client throttle counts the failures of the last 15 minutes",
  },
  {
    table: "api_users",
    routes: /^POST \/api\/session$/,
    ignore: ["failed_attempts", "locked_until", "updated_at"],
    reason: "a wrong password counts against the account (five in a row lock it for 15 minutes)",
  },
]

/**
 * Per table: its row count and the newest row version's transaction (`max(xmin)`: an INSERT or UPDATE by a later
 * transaction raises it, a DELETE lowers the count); for the tables with allowed columns, also a checksum of the
 * rows without them. `#tables` is the catalogue itself.
 */
export type Snapshot = ReadonlyMap<string, { readonly rows: number; readonly hash: string }>

let snapshotQuery: { readonly catalogue: string; readonly sql: string } | undefined
export const snapshotTiming = { ms: 0, n: 0, tables: 0, cheap: 0 }

/** The tables of every schema of the database, not the system's: whatever a migration or a rebuild created. */
export const catalogueSql = `SELECT n.nspname AS schema, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\\_%'`
export const catalogueSignature = `SELECT '#tables' AS t, count(*)::int8 AS n,
    md5(coalesce(string_agg(schema || '.' || name, ',' ORDER BY schema, name), '')) AS h FROM (${catalogueSql}) k`

export const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`
export const literal = (value: string) => `'${value.replaceAll("'", "''")}'`

export async function buildSnapshotQuery() {
  const owner = t.services.log.database.owner
  const { rows } = await sql.raw<{ schema: string; name: string }>(`${catalogueSql} ORDER BY 1, 2`).execute(owner)
  const signature = await sql.raw<{ h: string }>(catalogueSignature).execute(owner)
  const parts = [catalogueSignature]
  for (const { schema, name } of rows) {
    const label = schema === "public" ? name : `${schema}.${name}`
    const from = `FROM ${quoted(schema)}.${quoted(name)} x`
    parts.push(`SELECT ${literal(label)}, count(*)::int8, coalesce(max(x.xmin::text::int8), 0)::text ${from}`)
    for (const allowed of allowedWrites)
      if (allowed.table === label && allowed.ignore !== "rows")
        parts.push(
          `SELECT ${literal(`${label}~${allowed.ignore.join(",")}`)}, count(*)::int8, ` +
            `coalesce(sum(hashtext((to_jsonb(x) - ARRAY[${allowed.ignore.map(literal).join(", ")}]::text[])::text)::int8), 0)::text ${from}`,
        )
  }
  snapshotTiming.tables = rows.length
  snapshotQuery = { catalogue: signature.rows[0]!.h, sql: parts.join("\nUNION ALL ") }
}

/** Every table's row count and newest row version, in one query (built from the catalogue; rebuilt when it changes). */
export async function snapshot(): Promise<Snapshot> {
  const started = performance.now()
  if (!snapshotQuery) await buildSnapshotQuery()
  const { rows } = await sql
    .raw<{ t: string; n: string | number; h: string }>(snapshotQuery!.sql)
    .execute(t.services.log.database.owner)
  const result = new Map(rows.map((r) => [r.t, { rows: Number(r.n), hash: String(r.h) }]))
  if (result.get("#tables")!.hash !== snapshotQuery!.catalogue) snapshotQuery = undefined // a table came or went
  snapshotTiming.ms += performance.now() - started
  snapshotTiming.n++
  return result
}

/**
 * The next transaction id the database will assign. Only a transaction that writes gets one, so while it stays
 * the same nothing was written anywhere, and the full snapshot (tens of milliseconds) is not needed. (On
 * PostgreSQL it is cluster-wide: another database's writes only cost a needless snapshot.)
 */
export async function writeHorizon(): Promise<string> {
  snapshotTiming.cheap++
  const { rows } = await sql
    .raw<{ x: string }>("SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x")
    .execute(t.services.log.database.owner)
  return rows[0]!.x
}

/** What a refused request wrote that it may not (empty: nothing). */
export function unexpectedWrites(before: Snapshot, after: Snapshot, routeKey: string): string[] {
  const found: string[] = []
  for (const [table, now] of after) {
    if (table.includes("~")) continue
    const then = before.get(table)
    if (then && then.rows === now.rows && then.hash === now.hash) continue
    const allowed = allowedWrites.filter((a) => a.table === table && a.routes.test(routeKey))
    if (allowed.some((a) => a.ignore === "rows")) continue
    const only = (a: (typeof allowedWrites)[number]) => {
      const key = `${table}~${(a.ignore as ReadonlyArray<string>).join(",")}`
      return then?.rows === now.rows && before.get(key)?.hash === after.get(key)?.hash
    }
    if (then && allowed.some(only)) continue
    found.push(
      !then
        ? `${table}: new table`
        : table === "#tables"
          ? "tables created or dropped"
          : now.rows !== then.rows
            ? `${table}: ${now.rows > then.rows ? "+" : ""}${now.rows - then.rows} row(s)`
            : `${table}: rows changed`,
    )
  }
  for (const table of before.keys()) if (!after.has(table) && !table.includes("~")) found.push(`${table}: dropped`)
  return found
}

/** The database as last seen, with the write horizon it was seen at; undefined after a successful request. */
let known: { readonly horizon: string; readonly tables: Snapshot } | undefined

/** Sends one request; the answer, and what it wrote although refused. */
export async function send(route: RouteSpec, r: FuzzRequest, headers: Record<string, string>) {
  if (!known) {
    // A successful write may leave the background runner catching up: let it finish before looking.
    await settled(t.services)
    const horizon = await writeHorizon()
    known = { tables: await snapshot(), horizon }
  } else {
    const horizon = await writeHorizon()
    if (horizon !== known.horizon) known = { tables: await snapshot(), horizon }
  }
  const response = await t.app.request(r.url, {
    method: route.method.toUpperCase(),
    headers,
    ...(r.body === undefined ? {} : { body: r.body }),
  })
  const answer = await response.text()
  let wrote: string[] = []
  if (response.status < 400) known = undefined
  else {
    const horizon = await writeHorizon()
    if (horizon !== known.horizon) {
      const after = await snapshot()
      wrote = unexpectedWrites(known.tables, after, keyOf(route))
      known = { tables: after, horizon }
    }
  }
  return { status: response.status, answer, wrote }
}

export const keyOf = (route: RouteSpec) => `${route.method.toUpperCase()} ${route.path}`
