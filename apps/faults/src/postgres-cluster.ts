import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import pg from "pg"
import { freePort, removeDir, run, tempDir, waitFor } from "./processes.ts"

/** PostgreSQL 15's programs (Debian's postgresql-15). */
export const PG_BIN = process.env.XKLD_PG_BIN ?? "/usr/lib/postgresql/15/bin"

export interface Cluster {
  readonly port: number
  readonly dir: string
  /** `postgres://postgres@127.0.0.1:<port>/xkld` (trust on loopback). */
  readonly url: string
  readonly start: () => Promise<void>
  /** `pg_ctl stop -m fast` (sessions ended, checkpoint) or `immediate` (no checkpoint: crash recovery on start). */
  readonly stop: (mode: "fast" | "immediate") => void
  readonly destroy: () => Promise<void>
}

/**
 * A PostgreSQL cluster of the test's own: initdb in a temporary folder, on a free loopback port, its socket in
 * that folder — never the machine's shared cluster. Started with pg_ctl (it daemonises; `destroy` stops it by the
 * pid in its postmaster.pid, immediate, and removes the folder).
 */
export async function startCluster(name: string): Promise<Cluster> {
  const dir = tempDir(`pg-${name}`)
  const data = join(dir, "data")
  const port = await freePort()
  run(join(PG_BIN, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], {
    asPostgres: true,
  })
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=on`
  const start = async () => {
    run(join(PG_BIN, "pg_ctl"), ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"], {
      asPostgres: true,
    })
    await waitFor("PostgreSQL accepts connections", () => ping(port), 30_000)
  }
  await start()
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" })
  await admin.connect()
  await admin.query("CREATE DATABASE xkld")
  await admin.end()
  const stop = (mode: "fast" | "immediate") =>
    run(join(PG_BIN, "pg_ctl"), ["-D", data, "-m", mode, "-w", "-t", "60", "stop"], { asPostgres: true })
  return {
    port,
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/xkld`,
    start,
    stop,
    destroy: async () => {
      await stopByPidFile(data)
      removeDir(dir)
    },
  }
}

/** Immediate shutdown (SIGQUIT) of the postmaster named in the data folder's postmaster.pid, waited for. */
export async function stopByPidFile(data: string): Promise<void> {
  const pidFile = join(data, "postmaster.pid")
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0])
  const alive = () => {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }
  if (!alive()) return
  process.kill(pid, "SIGQUIT")
  await waitFor(`postmaster ${pid} exits`, async () => !alive(), 20_000, 100).catch(() => process.kill(pid, "SIGKILL"))
}

/** Whether a server answers `SELECT 1` on the port. */
export async function ping(port: number): Promise<boolean> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "postgres",
    database: "postgres",
    connectionTimeoutMillis: 1000,
  })
  client.on("error", () => undefined)
  try {
    await client.connect()
    await client.query("SELECT 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}
