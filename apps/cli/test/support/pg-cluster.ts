import { execFileSync } from "node:child_process"
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

/**
 * A new PostgreSQL cluster of its own (initdb, then a server on a free loopback port), for what only a second server
 * shows: a restore onto a server whose transaction counter is far below the backup's. About 3 s to start.
 * initdb refuses root, so as root it runs as the `postgres` user the Debian package creates.
 */
export interface TestCluster {
  readonly url: (database: string) => string
  readonly stop: () => void
}

const binDir = (): string => {
  const root = "/usr/lib/postgresql"
  const version = readdirSync(root).toSorted((a, b) => Number(b) - Number(a))[0]
  if (!version) throw new Error("no PostgreSQL binaries under /usr/lib/postgresql")
  return join(root, version, "bin")
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      )
    })
  })

export async function startCluster(): Promise<TestCluster> {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), "xkld-pg-"))
  chmodSync(dir, 0o777)
  const data = join(dir, "data")
  const asPostgres = (command: string, args: ReadonlyArray<string>) =>
    process.getuid?.() === 0
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, command), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, command), [...args], { stdio: "pipe" })
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"])
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`
  asPostgres("pg_ctl", ["-D", data, "-o", options, "-w", "-l", join(dir, "log"), "start"])
  asPostgres("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "xkld"])
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      if (existsSync(join(data, "postmaster.pid"))) asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
