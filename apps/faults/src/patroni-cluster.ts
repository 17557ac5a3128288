import { writeFileSync } from "node:fs"
import { join } from "node:path"
import pg from "pg"
import { PG_BIN, stopByPidFile } from "./postgres-cluster.ts"
import { freePort, removeDir, signalGroup, start, tempDir, waitFor, type Started } from "./processes.ts"

/**
 * A two-node PostgreSQL cluster under Patroni with a one-member etcd (Debian's `patroni` and `etcd-server`), all
 * as processes on free loopback ports in a temporary folder: the failover test's stand-in for the site's servers
 * (infra/patroni/ holds the configuration a site starts from). Synchronous replication: a commit is acknowledged
 * once the standby has it, so a failover loses nothing acknowledged.
 */
export interface PatroniCluster {
  /** Both nodes, `target_session_attrs=read-write`: what the app is given. */
  readonly url: string
  readonly nodes: ReadonlyArray<PatroniNode>
  /** The node that is the primary now (asked of Patroni's REST API). */
  readonly primary: () => Promise<PatroniNode | undefined>
  /** Kills a node as a power cut would: Patroni and PostgreSQL with SIGKILL. */
  readonly kill: (node: PatroniNode) => Promise<void>
  readonly destroy: () => Promise<void>
}

export interface PatroniNode {
  readonly name: string
  readonly port: number
  readonly restPort: number
  readonly dataDir: string
  process: Started
}

/** Leader lease: the standby takes over this long (at most, plus a loop) after the primary stops renewing it. */
export const TTL_S = 20
const LOOP_WAIT_S = 2

async function rest(node: PatroniNode, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`http://127.0.0.1:${node.restPort}${path}`, { signal: AbortSignal.timeout(2_000) })
  return { status: response.status, body: await response.json().catch(() => undefined) }
}

export async function startPatroniCluster(): Promise<PatroniCluster> {
  const dir = tempDir("patroni")
  const [clientPort, peerPort] = [await freePort(), await freePort()]
  const etcd = start(
    "etcd",
    [
      "--name=e1",
      `--data-dir=${join(dir, "etcd")}`,
      `--listen-client-urls=http://127.0.0.1:${clientPort}`,
      `--advertise-client-urls=http://127.0.0.1:${clientPort}`,
      `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
      `--initial-cluster=e1=http://127.0.0.1:${peerPort}`,
      "--initial-cluster-state=new",
    ],
    { logFile: join(dir, "etcd.log"), asPostgres: true },
  )
  await waitFor("etcd answers", async () => (await fetch(`http://127.0.0.1:${clientPort}/health`)).ok, 30_000)
  const scope = `xkld-fault-${process.pid}`
  const nodes: PatroniNode[] = []
  for (const name of ["node1", "node2"]) {
    const node: PatroniNode = {
      name,
      port: await freePort(),
      restPort: await freePort(),
      dataDir: join(dir, name),
      process: undefined as unknown as Started,
    }
    const config = {
      scope,
      name,
      restapi: { listen: `127.0.0.1:${node.restPort}`, connect_address: `127.0.0.1:${node.restPort}` },
      etcd3: { hosts: [`127.0.0.1:${clientPort}`] },
      bootstrap: {
        dcs: {
          ttl: TTL_S,
          loop_wait: LOOP_WAIT_S,
          retry_timeout: 5,
          maximum_lag_on_failover: 1_048_576,
          synchronous_mode: true,
          postgresql: {
            use_pg_rewind: true,
            parameters: {
              wal_level: "replica",
              hot_standby: "on",
              wal_log_hints: "on",
              max_wal_senders: 10,
              max_replication_slots: 10,
            },
          },
        },
        initdb: [{ encoding: "UTF8" }, { locale: "C.UTF-8" }, "data-checksums"],
        pg_hba: [
          "local all all trust",
          "host replication replicator 127.0.0.1/32 trust",
          "host all all 127.0.0.1/32 trust",
        ],
      },
      postgresql: {
        listen: `127.0.0.1:${node.port}`,
        connect_address: `127.0.0.1:${node.port}`,
        data_dir: node.dataDir,
        bin_dir: PG_BIN,
        pgpass: join(dir, `${name}.pgpass`),
        authentication: {
          superuser: { username: "postgres", password: "postgres" },
          replication: { username: "replicator", password: "replicator" },
          rewind: { username: "postgres", password: "postgres" },
        },
        parameters: { unix_socket_directories: dir, max_connections: 60 },
      },
    }
    const file = join(dir, `${name}.yml`)
    writeFileSync(file, JSON.stringify(config, null, 2)) // JSON is YAML
    const startNode = () => start("patroni", [file], { logFile: join(dir, `${name}.log`), asPostgres: true, cwd: dir })
    node.process = startNode()
    nodes.push(node)
    if (name === "node1") {
      await waitFor("node1 is the primary", async () => (await rest(node, "/primary")).status === 200, 120_000, 500)
      const admin = new pg.Client({ host: "127.0.0.1", port: node.port, user: "postgres", database: "postgres" })
      await admin.connect()
      await admin.query("CREATE DATABASE xkld")
      await admin.end()
    }
  }
  await waitFor(
    "node2 streams as the synchronous standby",
    async () => {
      const { body } = await rest(nodes[0]!, "/cluster")
      return (body?.members ?? []).some(
        (m: { name: string; role: string; state: string }) =>
          m.name === "node2" && m.role === "sync_standby" && ["streaming", "running"].includes(m.state),
      )
    },
    120_000,
    500,
  )
  const primary = async () => {
    for (const node of nodes)
      if ((await rest(node, "/primary").catch(() => ({ status: 0 }))).status === 200) return node
    return undefined
  }
  return {
    url: `postgres://postgres@${nodes.map((n) => `127.0.0.1:${n.port}`).join(",")}/xkld?target_session_attrs=read-write`,
    nodes,
    primary,
    kill: async (node) => {
      signalGroup(node.process, "SIGKILL")
      await node.process.exited
      // PostgreSQL may have been started in a session of its own: kill its postmaster by pid as well
      await killPostmaster(node.dataDir)
    },
    destroy: async () => {
      for (const node of nodes) {
        signalGroup(node.process, "SIGKILL")
        await node.process.exited
        await stopByPidFile(node.dataDir)
      }
      signalGroup(etcd, "SIGKILL")
      await etcd.exited
      removeDir(dir)
    },
  }
}

async function killPostmaster(dataDir: string): Promise<void> {
  const { existsSync, readFileSync } = await import("node:fs")
  const pidFile = join(dataDir, "postmaster.pid")
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, "SIGKILL")
  } catch {
    // gone with Patroni
  }
}
