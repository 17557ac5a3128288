import { randomBytes } from "node:crypto"
import { readdirSync, writeFileSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import ExcelJS from "exceljs"
import { people, quotaFile, workersFile } from "@xkld/api/test/support/imports-app.ts"
import { QuotaPlan } from "@xkld/domain"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { freshTarget, productionEnv, runCli, type TestTarget } from "./support/cli.ts"

// The CLI's imports, master-key rotation and reports on one production database (about 60 s on PGlite).
let target: TestTarget
let env: NodeJS.ProcessEnv
let dir: string
beforeAll(async () => {
  target = await freshTarget()
  env = { ...target.env, ...productionEnv() }
  dir = await mkdtemp(join(tmpdir(), "xkld-cli-files-"))
  const officer = await runCli(
    [
      "users",
      "create",
      "--username",
      "so-noi-vu",
      "--role",
      "province-officer",
      "--province",
      "14",
      "--password-stdin",
    ],
    env,
    "So-noi-vu-2026\n",
  )
  expect([officer.status, officer.stderr]).toEqual([0, expect.any(String)])
})
afterAll(async () => {
  await target.drop()
  await rm(dir, { recursive: true, force: true })
})

const eventCount = async (e: NodeJS.ProcessEnv) => {
  const verified = await runCli(["verify"], e)
  expect(verified.status).toBe(0)
  return Number(/intact: ([\d.]+) sự kiện/.exec(verified.stdout)![1]!.replaceAll(".", ""))
}

describe("xkld import workers", () => {
  test("the API's import: all rows or none, the same file twice writes nothing new", async () => {
    const good = join(dir, "Tô Hiệu.xlsx")
    writeFileSync(good, await workersFile(people(3, 11)))
    const before = await eventCount(env)
    const imported = await runCli(["import", "workers", good, "--as", "so-noi-vu"], env)
    expect([imported.status, imported.stderr]).toEqual([0, expect.any(String)])
    expect(imported.stdout).toContain("Đã nhập 3 người lao động từ Tô Hiệu.xlsx (3 dòng, 0 đã có từ trước)")
    const afterFirst = await eventCount(env)
    expect(afterFirst).toBeGreaterThan(before)
    const again = await runCli(["import", "workers", good, "--as", "so-noi-vu"], env)
    expect(again.stdout).toContain("Đã nhập 0 người lao động từ Tô Hiệu.xlsx (3 dòng, 3 đã có từ trước)")

    const list = people(3, 12)
    list[1] = { ...list[1]!, cccd: "123" }
    const bad = join(dir, "co-loi.xlsx")
    writeFileSync(bad, await workersFile(list))
    const refused = await runCli(["import", "workers", bad, "--as", "so-noi-vu"], env)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain("chưa dữ liệu nào được ghi")
    expect(refused.stderr).toMatch(/dòng \d+, cột “Số CCCD”/)
    expect(await eventCount(env)).toBe(afterFirst)

    const nobody = await runCli(["import", "workers", good, "--as", "khong-co"], env)
    expect([nobody.status, nobody.stderr]).toEqual([
      1,
      expect.stringContaining('Không có tài khoản đang hoạt động "khong-co"'),
    ])
  })
})

describe("xkld import stages", () => {
  test("records stages of the workers imported above, found by citizen ID; a bad row writes nothing; once", async () => {
    const [first, second] = people(3, 11)
    const file = async (rows: ReadonlyArray<ReadonlyArray<string>>) => {
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet("Quá trình")
      sheet.addRow(["STT", "Số CCCD", "Loại thông tin", "Ngày (dd/mm/yyyy)", "Đơn vị thực hiện", "Hình thức"])
      rows.forEach((r, i) => sheet.addRow([i + 1, ...r]))
      return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
    }
    const good = join(dir, "qua-trinh.xlsx")
    writeFileSync(
      good,
      await file([
        [first!.cccd, "Tư vấn pháp luật", "03/02/2026", "Sở Tư pháp", ""],
        [second!.cccd, "Hoàn thành đào tạo", "10/03/2026", "Trường Cao đẳng Sơn La", "Ngoại ngữ"],
      ]),
    )
    const before = await eventCount(env)
    const imported = await runCli(["import", "stages", good, "--as", "so-noi-vu"], env)
    expect([imported.status, imported.stderr]).toEqual([0, expect.any(String)])
    expect(imported.stdout).toContain(
      "Đã ghi nhận 2 thông tin quá trình của người lao động từ qua-trinh.xlsx (2 dòng, 0 đã có từ trước)",
    )
    const afterFirst = await eventCount(env)
    expect(afterFirst).toBe(before + 2)
    const again = await runCli(["import", "stages", good, "--as", "so-noi-vu"], env)
    expect(again.stdout).toContain("(2 dòng, 2 đã có từ trước)")

    const bad = join(dir, "qua-trinh-loi.xlsx")
    writeFileSync(
      bad,
      await file([
        [first!.cccd, "Tư vấn", "04/02/2026", "UBND phường", ""],
        [second!.cccd, "Tư vấn", "31/04/2026", "UBND phường", ""],
      ]),
    )
    const refused = await runCli(["import", "stages", bad, "--as", "so-noi-vu"], env)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain("chưa dữ liệu nào được ghi")
    expect(refused.stderr).toContain("dòng 3, cột “Ngày (dd/mm/yyyy)”")
    expect(await eventCount(env)).toBe(afterFirst)
  })
})

describe("xkld import quota", () => {
  test("amends the seed Sơn La 2026 plan (the bundled document) from a table, once", async () => {
    const printed = QuotaPlan.sonLa2026Plan.allocations.slice(0, 2)
    const file = join(dir, "dieu-chinh.xlsx")
    writeFileSync(
      file,
      await quotaFile(printed.map((a) => [a.unitCode, a.unitName, a.sharePercentPrinted, a.headCount + 3] as const)),
    )
    const args = ["import", "quota", file, "--as", "so-noi-vu", "--plan", QuotaPlan.sonLa2026PlanId]
    const basis = ["--legal-number", "123/QĐ-UBND", "--legal-date", "2026-03-02", "--issuer", "UBND tỉnh Sơn La"]
    const amended = await runCli([...args, ...basis], env)
    expect([amended.status, amended.stderr]).toEqual([0, expect.any(String)])
    expect(amended.stdout).toContain(`Kế hoạch ${QuotaPlan.sonLa2026PlanId} đã điều chỉnh`)
    const events = await eventCount(env)
    const again = await runCli([...args, ...basis], env)
    expect(again.status).toBe(0)
    expect(await eventCount(env)).toBe(events)
    const unknownPlan = await runCli(
      ["import", "quota", file, "--as", "so-noi-vu", "--plan", "khong-co", ...basis],
      env,
    )
    expect(unknownPlan.status).toBe(1)
    expect(await eventCount(env)).toBe(events)
  })
})

describe("xkld keys rotate", () => {
  test("re-wraps every person key under the new master key, the log untouched; a wrong current key changes nothing", async () => {
    const events = await eventCount(env)
    const next = randomBytes(32).toString("base64")
    const rotated = await runCli(["keys", "rotate", "--new-key-stdin"], env, `${next}\n`)
    expect([rotated.status, rotated.stderr]).toEqual([0, expect.any(String)])
    expect(rotated.stdout).toContain("Đã bọc lại 3 khóa cá nhân bằng khóa chủ mới")
    // the old key no longer opens them: a second rotation under it is refused whole
    const stale = await runCli(["keys", "rotate", "--new-key-stdin"], env, `${randomBytes(32).toString("base64")}\n`)
    expect([stale.status, stale.stderr]).toEqual([1, expect.stringContaining("không khóa nào bị thay đổi")])
    // under the new key they open (and go back)
    const back = await runCli(
      ["keys", "rotate", "--new-key-stdin"],
      { ...env, XKLD_MASTER_KEY: next },
      `${env.XKLD_MASTER_KEY}\n`,
    )
    expect([back.status, back.stdout]).toEqual([0, expect.stringContaining("Đã bọc lại 3 khóa cá nhân")])
    expect(await eventCount(env)).toBe(events)
    const short = await runCli(["keys", "rotate", "--new-key-stdin"], env, "abc\n")
    expect([short.status, short.stderr]).toEqual([1, expect.stringContaining("32 byte")])
  })
})

describe("xkld report", () => {
  test("the province's and every commune's report of a period, to a folder", async () => {
    const folder = join(dir, "bao-cao")
    const written = await runCli(
      ["report", "--province", "14", "--period", "2026", "--formats", "xlsx,json", folder],
      env,
    )
    expect([written.status, written.stderr]).toEqual([0, expect.any(String)])
    const files = readdirSync(folder)
    expect(files.filter((f) => f.endsWith(".xlsx")).length).toBeGreaterThan(1)
    expect(files.filter((f) => f.endsWith(".json")).length).toBe(files.filter((f) => f.endsWith(".xlsx")).length)
    expect(written.stdout).toContain(`Đã ghi ${files.length.toLocaleString("vi-VN")} tệp`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(
      join(
        folder,
        files.find((f) => f.endsWith(".xlsx"))!,
      ),
    )
    expect(workbook.worksheets.length).toBeGreaterThan(0)
    const bad = await runCli(["report", "--province", "14", "--period", "2026", "--formats", "odt", folder], env)
    expect([bad.status, bad.stderr]).toEqual([1, expect.stringContaining("Định dạng không hỗ trợ: odt")])
  })
})
