import pg from "pg"

/**
 * libpq's multi-host connection string, which node-postgres does not read:
 * `postgres://user@db1:5432,db2:5432/xkld?target_session_attrs=read-write`. The app is given every node of a
 * replicated cluster (docs/operations.md, high availability); each new connection goes to the node that accepts
 * writes, and after a failover the next connection finds the new primary by itself.
 */
export interface HostRouting {
  /** The same address with one host (the first) and without `target_session_attrs`: what `pg` can parse. */
  readonly url: string
  /** The client class the pools use (routing to the primary when several hosts are given). */
  readonly Client: typeof pg.Client
  /** Every host as `host:port`, for messages. */
  readonly hosts: ReadonlyArray<string>
}

interface Host {
  readonly host: string
  readonly port: number
}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/

/** How long finding the primary may wait on one host before trying the next. */
const PROBE_TIMEOUT_MS = 2_000

export function hostRouting(connectionString: string): HostRouting {
  const match = URL_PARTS.exec(connectionString)
  if (!match) return { url: connectionString, Client: SurvivingClient, hosts: [] }
  const [, scheme, userInfo = "", hostPart = "", rest = ""] = match
  const hosts: Host[] = hostPart.split(",").map((entry) => {
    const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
    const [host, port] = bracket ? [bracket[1]!, bracket[2]] : (entry.split(":") as [string, string | undefined])
    return { host: host || "localhost", port: Number(port || 5432) }
  })
  const [path = "", query = ""] = rest.split("?")
  const params = new URLSearchParams(query)
  const target = params.get("target_session_attrs") ?? "any"
  if (!["any", "read-write", "primary"].includes(target))
    throw new Error(`target_session_attrs=${target}: only any, read-write or primary are supported`)
  params.delete("target_session_attrs")
  const first = hosts[0]!
  const hostText = (h: Host) => (h.host.includes(":") ? `[${h.host}]:${h.port}` : `${h.host}:${h.port}`)
  const remaining = params.toString()
  const url = `${scheme}${userInfo}${hostText(first)}${path}${remaining ? `?${remaining}` : ""}`
  const names = hosts.map(hostText)
  if (hosts.length === 1 && target === "any") return { url, Client: SurvivingClient, hosts: names }
  return { url, Client: routingClient(hosts, target !== "any"), hosts: names }
}

/**
 * A `pg.Client` whose connection may be ended by the server at any moment (shutdown, restart, failover: FATAL
 * 57P01) without ending the process: pg emits `error` on a client that is checked out between two queries (in a
 * transaction, or held by LISTEN), and an `error` event nobody listens to throws. The query in flight fails (the
 * edge answers 503), the pool discards the client (it is no longer queryable) and opens a new one.
 */
class SurvivingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config)
    this.on("error", () => undefined)
  }
}

/**
 * A `pg.Client` that connects to the node found last to be the primary. A connection that fails, or that lands
 * on a standby, marks the finding stale and fails (the request is answered 503, retry later); the next
 * connection probes the hosts in order and keeps the first that is not in recovery.
 */
function routingClient(hosts: ReadonlyArray<Host>, readWrite: boolean): typeof pg.Client {
  let current = 0
  let stale = hosts.length > 1
  const probe = async (config: pg.ClientConfig, host: Host): Promise<boolean> => {
    const client = new pg.Client({ ...config, connectionTimeoutMillis: PROBE_TIMEOUT_MS })
    // the pool's connection string names the first host and would win over a `host` option: aim the socket here
    aim(client, host)
    client.on("error", () => undefined)
    try {
      await client.connect()
      if (!readWrite) return true
      const { rows } = await client.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby")
      return rows[0]?.standby === false
    } catch {
      return false
    } finally {
      await client.end().catch(() => undefined)
    }
  }
  return class RoutingClient extends SurvivingClient {
    readonly #config: pg.ClientConfig
    constructor(config?: string | pg.ClientConfig) {
      super(config)
      this.#config = typeof config === "string" ? { connectionString: config } : { ...config }
      this.on("error", () => {
        stale = hosts.length > 1
      })
    }

    // pg.Client's two forms: a promise, or a callback (what pg-pool uses)
    override connect(callback?: any): any {
      const run = async (): Promise<pg.Client> => {
        if (stale) {
          let found = -1
          for (let i = 0; i < hosts.length && found < 0; i++) if (await probe(this.#config, hosts[i]!)) found = i
          if (found < 0) throw unavailable(`no ${readWrite ? "read-write " : ""}server among the hosts`)
          current = found
          stale = false
        }
        aim(this, hosts[current]!)
        try {
          await super.connect()
        } catch (error) {
          stale = hosts.length > 1
          throw error
        }
        if (readWrite) {
          const { rows } = await this.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby")
          if (rows[0]?.standby !== false) {
            stale = true
            await this.end().catch(() => undefined)
            throw unavailable(`${hosts[current]!.host}:${hosts[current]!.port} is a standby`)
          }
        }
        return this as pg.Client
      }
      if (!callback) return run()
      run().then(
        (client) => callback(null, client),
        (error: Error) => callback(error),
      )
      return undefined
    }
  }
}

/** Where a client's socket connects: pg reads `host` and `port` of the client itself when it connects. */
const aim = (client: pg.Client, host: Host) => {
  const target = client as unknown as { host: string; port: number }
  target.host = host.host
  target.port = host.port
}

/** SQLSTATE 08001 (sqlclient_unable_to_establish_sqlconnection): the edge answers 503 for it. */
const unavailable = (message: string) => Object.assign(new Error(message), { code: "08001" })
