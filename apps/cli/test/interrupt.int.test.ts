import { spawn } from "node:child_process"
import { createHash, randomUUID } from "node:crypto"
import { writeFileSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { afterAll, beforeAll, expect, test } from "vitest"
import { freshTarget, productionEnv, runCli, type TestTarget } from "./support/cli.ts"

// Ctrl-C in the middle of a restore's one transaction leaves the database empty (about 30 s).
let target: TestTarget
let env: NodeJS.ProcessEnv
let dir: string
beforeAll(async () => {
  target = await freshTarget()
  env = { ...target.env, ...productionEnv() }
  dir = await mkdtemp(join(tmpdir(), "xkld-interrupt-"))
})
afterAll(async () => {
  await target.drop()
  await rm(dir, { recursive: true, force: true })
})

/** A well-formed backup of many events (rows as the database would render them; their hashes are not real). */
function largeBackup(file: string, events: number) {
  const lines: string[] = []
  const tables = [
    { table: "es_streams", rows: 1 },
    { table: "es_events", rows: events },
    { table: "es_seals", rows: 0 },
  ]
  lines.push(
    JSON.stringify({
      format: "xkld-backup",
      version: 1,
      createdAt: new Date().toISOString(),
      backend: "pglite",
      migrations: [],
      maxTransactionId: "3",
      tables,
    }),
  )
  const at = "2026-01-15T00:00:00+00:00"
  lines.push(JSON.stringify(tables[0]))
  lines.push(
    JSON.stringify({
      stream_id: "s",
      stream_type: "OperatorNote",
      version: events,
      last_hash: "\\x00",
      created_at: at,
      updated_at: at,
    }),
  )
  lines.push(JSON.stringify(tables[1]))
  for (let i = 1; i <= events; i++)
    lines.push(
      JSON.stringify({
        global_position: i,
        transaction_id: "3",
        stream_id: "s",
        stream_type: "OperatorNote",
        stream_position: i,
        event_id: randomUUID(),
        event_type: "NoteTaken",
        schema_version: 1,
        data: { i, text: "x".repeat(200) },
        metadata: {
          actor: { userId: "test", role: "system" },
          commandId: "c",
          correlationId: "c",
          source: { kind: "system", process: "test" },
        },
        occurred_at: at,
        recorded_at: at,
        hash: "\\x00",
      }),
    )
  lines.push(JSON.stringify(tables[2]))
  const body = lines.map((l) => `${l}\n`).join("")
  const sha256 = createHash("sha256").update(body).digest("hex")
  writeFileSync(file, gzipSync(`${body}${JSON.stringify({ end: true, sha256, rows: events + 1 })}\n`))
}

test("Ctrl-C during restore: exit 130, the transaction rolled back, the database still empty", async () => {
  const file = join(dir, "large.xkld.gz")
  largeBackup(file, 60_000)
  const child = spawn(process.execPath, [new URL("../src/main.ts", import.meta.url).pathname, "restore", file], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let stderr = ""
  let sent = false
  child.stderr.on("data", (d: Buffer) => {
    stderr += d
    // a tenth of the rows are in: the insert transaction is open
    if (!sent && /Khôi phục \/ restore: [\d.]+\/[\d.]+ \([1-9]\d?%\)/.test(stderr)) {
      sent = true
      child.kill("SIGINT")
    }
  })
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve))
  expect(sent).toBe(true)
  expect(status).toBe(130)
  expect(stderr).toContain("Đã dừng; không có gì thay đổi dở dang")
  const after = await runCli(["verify"], env)
  expect([after.status, after.stdout]).toEqual([0, expect.stringContaining("Toàn vẹn / intact: 0 sự kiện, 0 luồng")])
})
