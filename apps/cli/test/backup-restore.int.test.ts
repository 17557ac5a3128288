import { execFileSync } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync, gzipSync } from "node:zlib"
import { openDatabase, openEventLog, type EventLog, type RecordedEvent } from "@xkld/event-store"
import { advanceTransactionIdsPast, currentTransactionId } from "@xkld/event-store/backup"
import { testEvent } from "@xkld/event-store/testing"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { signIn, startApi } from "./support/api-process.ts"
import { freshTarget, productionEnv, runCli, type TestTarget } from "./support/cli.ts"
import { startCluster, type TestCluster } from "./support/pg-cluster.ts"

/**
 * Backup → restore → append → read, on the backend the run uses (PGlite; PostgreSQL under pnpm test:pg, restoring
 * onto a second cluster the test starts, whose transaction counter is far below the backup's). About 60 s.
 */
const secrets = productionEnv()
let source: TestTarget
let sourceEnv: NodeJS.ProcessEnv
let cluster: TestCluster | undefined
let dir: string
const targets: TestTarget[] = []
let sourceEvents: ReadonlyArray<RecordedEvent>

const configOf = (e: NodeJS.ProcessEnv) => ({
  databaseUrl: e.DATABASE_URL || undefined,
  dataDir: e.DATA_DIR || undefined,
})

const readWhole = async (log: EventLog) => {
  const events: RecordedEvent[] = []
  for await (const batch of log.readAll()) events.push(...batch)
  return events
}

/** An empty database to restore into: a new PGlite directory, or a database on the second cluster. */
let restores = 0
async function emptyTarget(): Promise<NodeJS.ProcessEnv> {
  if (cluster) {
    const name = `restore_${++restores}`
    execFileSync("psql", [cluster.url("xkld"), "-qc", `CREATE DATABASE ${name}`])
    return { ...secrets, DATABASE_URL: cluster.url(name), DATA_DIR: "" }
  }
  const target = await freshTarget()
  targets.push(target)
  return { ...secrets, ...target.env }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "xkld-backup-"))
  source = await freshTarget()
  sourceEnv = { ...source.env, ...secrets }
  if (source.backend === "postgres") cluster = await startCluster()
  // the old server has lived longer than the new one: its transaction ids are well past a fresh server's
  const database = await openDatabase(configOf(sourceEnv))
  await advanceTransactionIdsPast(database.owner, (await currentTransactionId(database.owner)) + 30_000n)
  await database.close()
  const admin = await runCli(
    ["users", "create", "--username", "quan-tri", "--role", "administrator", "--province", "14", "--password-stdin"],
    sourceEnv,
    "Quan-tri-vien-2026\n",
  )
  expect([admin.status, admin.stderr]).toEqual([0, expect.any(String)])
  expect((await runCli(["seal"], sourceEnv)).status).toBe(0)
  // events after the last seal, some in one transaction, some alone
  const log = await openEventLog(await openDatabase(configOf(sourceEnv)))
  await log.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 3; i++)
      await log.append(
        {
          streamId: `note-${i}`,
          streamType: "OperatorNote",
          expectedVersion: "no_stream",
          events: [testEvent({ i, exact: 1.5 })],
        },
        trx,
      )
  })
  await log.append({
    streamId: "note-0",
    streamType: "OperatorNote",
    expectedVersion: 1,
    events: [testEvent({ after: true })],
  })
  sourceEvents = await readWhole(log)
  await log.close()
})

afterAll(async () => {
  cluster?.stop()
  for (const t of targets) await t.drop()
  await source.drop()
  await rm(dir, { recursive: true, force: true })
})

describe("xkld backup", () => {
  test("writes a checksummed file, refuses to overwrite one", async () => {
    const file = join(dir, "xkld.backup.gz")
    const made = await runCli(["backup", file], sourceEnv)
    expect([made.status, made.stderr]).toEqual([0, expect.any(String)])
    expect(made.stdout).toMatch(/sha256 [0-9a-f]{64}/)
    expect(made.stdout).toContain(`es_events ${sourceEvents.length.toLocaleString("vi-VN")}`)
    expect(existsSync(`${file}.partial`)).toBe(false)
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n")
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: "xkld-backup", version: 1, backend: source.backend })
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      end: true,
      sha256: made.stdout.match(/sha256 ([0-9a-f]{64})/)![1],
    })
    const again = await runCli(["backup", file], sourceEnv)
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining("đã có; thêm --force")])
  })
})

describe("xkld restore", () => {
  const file = () => join(dir, "xkld.backup.gz")

  test("a corrupt or truncated file is refused before anything is written", async () => {
    const lines = gunzipSync(readFileSync(file())).toString("utf8").split("\n")
    const eventLine = lines.findIndex((l) => l.includes('"event_type":"OperatorNote"') || l.includes("TestHappened"))
    expect(eventLine).toBeGreaterThan(0)
    const tampered = [...lines]
    tampered[eventLine] = tampered[eventLine]!.replace('"exact": 1.5', '"exact": 2.5')
    expect(tampered[eventLine]).not.toBe(lines[eventLine])
    writeFileSync(join(dir, "tampered.gz"), gzipSync(tampered.join("\n")))
    writeFileSync(join(dir, "truncated.gz"), gzipSync(lines.slice(0, -3).join("\n")))
    const env = await emptyTarget()
    for (const [name, why] of [
      ["tampered.gz", "sha256 không khớp"],
      ["truncated.gz", "thiếu dòng kết thúc"],
    ] as const) {
      const result = await runCli(["restore", join(dir, name)], env)
      expect([result.status, result.stderr]).toEqual([1, expect.stringContaining(why)])
      expect(result.stderr).toContain("Chưa ghi gì")
    }
    const empty = await runCli(["verify"], env)
    expect(empty.stdout).toContain("Toàn vẹn / intact: 0 sự kiện")
  })

  test("a counter too far below the backup's is refused, naming pg_resetwal --epoch; nothing written", async () => {
    const env = await emptyTarget()
    const result = await runCli(["restore", file(), "--max-transaction-advance", "10"], env)
    expect([result.status, result.stderr]).toEqual([1, expect.stringContaining("pg_resetwal --epoch")])
    expect((await runCli(["verify"], env)).stdout).toContain("Toàn vẹn / intact: 0 sự kiện")
  })

  test("restore → verify → append → a catch-up reader sees it; accounts sign in; read models equal a rebuild", async () => {
    const env = await emptyTarget()
    const restored = await runCli(["restore", file()], env)
    expect([restored.status, restored.stderr]).toEqual([0, expect.any(String)])
    expect(restored.stdout).toContain("bộ đếm giao dịch đã tăng")
    expect(restored.stdout).toMatch(/Toàn vẹn \/ intact: [\d.]+ sự kiện, 1 niêm phong/)
    expect((await runCli(["verify"], env)).status).toBe(0)
    const again = await runCli(["restore", file()], env)
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining("Chỉ khôi phục vào cơ sở dữ liệu trống")])

    const log = await openEventLog(await openDatabase(configOf(env)))
    try {
      // the same events, in the same commit order, with the same positions, transaction ids and hashes
      const back = await readWhole(log)
      const key = (e: RecordedEvent) => [e.eventId, e.globalPosition, String(e.transactionId), e.hash]
      expect(back.map(key)).toEqual(sourceEvents.map(key))
      const seen: RecordedEvent[] = []
      const reader = log.subscribe({
        subscriber: "after-restore",
        handle: async (_trx, events) => void seen.push(...events),
        pollIntervalMs: 50,
      })
      await reader.caughtUp()
      expect(seen.length).toBe(sourceEvents.length)
      const outcome = await log.append({
        streamId: "note-after-restore",
        streamType: "OperatorNote",
        expectedVersion: "no_stream",
        events: [testEvent({ restored: false })],
      })
      expect(outcome.ok).toBe(true)
      await reader.caughtUp()
      await reader.stop()
      expect(seen.length).toBe(sourceEvents.length + 1)
      const last = seen.at(-1)!
      expect(last.streamId).toBe("note-after-restore")
      expect(last.transactionId > sourceEvents.at(-1)!.transactionId).toBe(true)
      expect((await log.verify()).ok).toBe(true)
    } finally {
      await log.close()
    }

    const api = await startApi(env)
    try {
      const session = await signIn(api.url, "quan-tri", "Quan-tri-vien-2026")
      expect([session.status, session.body.role]).toEqual([200, "administrator"])
    } finally {
      await api.stop()
    }
    const checked = await runCli(["check"], env)
    expect([checked.status, checked.stdout]).toEqual([0, expect.stringContaining("Mọi bảng đọc khớp bản dựng lại")])
  })
})

// The same file format on both: an embedded installation moves to PostgreSQL by backup and restore (PostgreSQL runs
// only: the PGlite run has no server to restore into).
if (process.env.DATABASE_URL)
  describe("across backends", () => {
    test("a PGlite backup restores into PostgreSQL, verify passes", async () => {
      const embedded = join(dir, "embedded")
      const pgliteEnv = { ...secrets, DATABASE_URL: "", DATA_DIR: embedded }
      const created = await runCli(
        [
          "users",
          "create",
          "--username",
          "quan-tri",
          "--role",
          "administrator",
          "--province",
          "14",
          "--password-stdin",
        ],
        pgliteEnv,
        "Quan-tri-vien-2026\n",
      )
      expect([created.status, created.stderr]).toEqual([0, expect.any(String)])
      const file = join(dir, "embedded.xkld.gz")
      expect((await runCli(["backup", file], pgliteEnv)).status).toBe(0)
      const restored = await runCli(["restore", file], await emptyTarget())
      expect([restored.status, restored.stderr]).toEqual([0, expect.any(String)])
      expect(restored.stdout).toMatch(/Toàn vẹn \/ intact: [\d.]+ sự kiện/)
    })
  })
