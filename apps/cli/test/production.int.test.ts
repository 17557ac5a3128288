import { openDatabase, openEventLog, type RecordedEvent } from "@xkld/event-store"
import { afterAll, beforeAll, expect, test } from "vitest"
import { startApi, signIn, type ApiProcess } from "./support/api-process.ts"
import { freshTarget, productionEnv, runCli, type TestTarget } from "./support/cli.ts"

// Production mode end to end (issue 13 item 5), about 40 s on PGlite: the API's own process starts on an empty
// database, the first administrator comes from the CLI, and signs in through the API.
let target: TestTarget
let env: NodeJS.ProcessEnv
let api: ApiProcess | undefined
beforeAll(async () => {
  target = await freshTarget()
  env = { ...target.env, ...productionEnv() }
})
afterAll(async () => {
  await api?.stop()
  await target.drop()
})

const configOf = (e: NodeJS.ProcessEnv) => ({
  databaseUrl: e.DATABASE_URL || undefined,
  dataDir: e.DATA_DIR || undefined,
})

test("production starts with the reference data and no accounts; the first administrator comes from the CLI", async () => {
  api = await startApi(env)
  expect(api.output()).toContain("Chế độ / mode: production")
  expect(api.output()).toContain("Chưa có tài khoản nào / no accounts yet: pnpm xkld users create")
  // no demo accounts in production
  expect((await signIn(api.url, "quan-tri", "demo")).status).toBe(401)
  expect((await signIn(api.url, "so-noi-vu", "demo")).status).toBe(401)
  await api.stop() // PGlite has one user at a time; PostgreSQL would not need this

  const created = await runCli(
    ["users", "create", "--username", "quan-tri", "--role", "administrator", "--province", "14", "--password-stdin"],
    env,
    "Quan-tri-vien-2026\n",
  )
  expect([created.status, created.stderr]).toEqual([0, expect.not.stringContaining("Lỗi")])

  api = await startApi(env)
  expect(api.output()).not.toContain("Chưa có tài khoản nào")
  expect(api.output()).not.toContain("Đã nạp dữ liệu tham chiếu") // a restart writes nothing new
  const session = await signIn(api.url, "quan-tri", "Quan-tri-vien-2026")
  expect(session.status).toBe(200)
  expect(session.body).toMatchObject({ username: "quan-tri", role: "administrator", provinceCode: "14" })
  const users = await fetch(`${api.url}/api/users`, { headers: { cookie: session.cookie } })
  expect(users.status).toBe(200)
  expect(((await users.json()) as { items: Array<{ username: string }> }).items.map((u) => u.username)).toEqual([
    "quan-tri",
  ])
  // the bundled units are there: Sơn La's wards after the 2025 reorganisation
  const units = await fetch(`${api.url}/api/units?province=14&on=2026-01-15`, { headers: { cookie: session.cookie } })
  const items = ((await units.json()) as { items: Array<{ code: string; name: string }> }).items
  expect(items).toContainEqual(expect.objectContaining({ code: "03646", name: "Phường Tô Hiệu" }))
  expect(items.length).toBeGreaterThan(50)
  await api.stop()
  api = undefined

  // what the log holds: units and seed documents, no demo history (no worker, no enterprise)
  const log = await openEventLog(await openDatabase(configOf(env)))
  const types = new Map<string, number>()
  for await (const batch of log.readAll())
    for (const e of batch as ReadonlyArray<RecordedEvent>) types.set(e.streamType, (types.get(e.streamType) ?? 0) + 1)
  await log.close()
  expect([...types.keys()].toSorted()).toEqual(expect.arrayContaining(["AdminUnit", "QuotaPlan"]))
  expect(types.get("Worker")).toBeUndefined()
  expect(types.get("Enterprise")).toBeUndefined()
  expect(types.get("AdminUnit")).toBeGreaterThan(50)
})
