import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { freshTarget, productionEnv, runCli, type TestTarget } from "./support/cli.ts"

// One empty database for the file, driven only through the CLI's own processes (about 40 s on PGlite).
let target: TestTarget
let env: NodeJS.ProcessEnv
beforeAll(async () => {
  target = await freshTarget()
  env = { ...target.env, ...productionEnv() }
})
afterAll(() => target.drop())

const PASSWORD = "Quan-tri-2026\n"

describe("xkld: help and exit status", () => {
  test("--help is Vietnamese then English, exit 0", async () => {
    const result = await runCli(["--help"], env)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain("công cụ dòng lệnh cho đơn vị vận hành")
    expect(result.stdout).toContain("the operator's command-line tool")
    expect(result.stdout).toContain("users create --username <u> --role <role> --province <code> [--unit <code>]")
  })

  test("an unknown command or option is a usage error, exit 2", async () => {
    const unknown = await runCli(["frobnicate"], env)
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('Không có lệnh "frobnicate"')
    const option = await runCli(["verify", "--no-such-option"], env)
    expect(option.status).toBe(2)
    expect(option.stderr).toContain("Tham số không hợp lệ")
  })
})

describe("xkld users", () => {
  test("the first administrator, on an empty production database; the catalogue is loaded for the check", async () => {
    const result = await runCli(
      ["users", "create", "--username", "quan-tri", "--role", "administrator", "--province", "14", "--password-stdin"],
      env,
      PASSWORD,
    )
    expect(result.stderr).not.toContain("Lỗi")
    expect(result.status).toBe(0)
    expect(result.stdout).toContain("Đã tạo tài khoản quan-tri (Quản trị hệ thống, tỉnh 14)")
  })

  test("wrong input is refused with a clear Vietnamese error and exit 1, nothing created", async () => {
    const create = (extra: ReadonlyArray<string>, input = PASSWORD) =>
      runCli(["users", "create", "--password-stdin", ...extra], env, input)
    const taken = await create(["--username", "quan-tri", "--role", "administrator", "--province", "14"])
    expect([taken.status, taken.stderr]).toEqual([1, expect.stringContaining('Tên đăng nhập "quan-tri" đã tồn tại')])
    const role = await create(["--username", "ai-do", "--role", "king", "--province", "14"])
    expect([role.status, role.stderr]).toEqual([1, expect.stringContaining('Vai trò không hợp lệ "king"')])
    expect(role.stderr).toContain("commune-officer (Cán bộ UBND xã, phường)")
    const province = await create(["--username", "ai-do", "--role", "leader", "--province", "99"])
    expect([province.status, province.stderr]).toEqual([1, expect.stringContaining('Không có tỉnh mã "99"')])
    const noUnit = await create(["--username", "ai-do", "--role", "commune-officer", "--province", "14"])
    expect([noUnit.status, noUnit.stderr]).toEqual([
      1,
      expect.stringContaining("Cán bộ xã, phường phải được gắn với ít nhất một xã, phường."),
    ])
    const badUnit = await create([
      "--username",
      "ai-do",
      "--role",
      "commune-officer",
      "--province",
      "14",
      "--unit",
      "99999",
    ])
    expect([badUnit.status, badUnit.stderr]).toEqual([1, expect.stringContaining('Không có xã, phường mã "99999"')])
    const weak = await create(["--username", "ai-do", "--role", "leader", "--province", "14"], "ngan\n")
    expect([weak.status, weak.stderr]).toEqual([1, expect.stringContaining("Mật khẩu phải có ít nhất 10 ký tự")])
    const noStdin = await runCli(
      ["users", "create", "--username", "ai-do", "--role", "leader", "--province", "14"],
      env,
    )
    expect([noStdin.status, noStdin.stderr]).toEqual([2, expect.stringContaining("--password-stdin")])
    const unitForLeader = await create([
      "--username",
      "ai-do",
      "--role",
      "leader",
      "--province",
      "14",
      "--unit",
      "03646",
    ])
    expect([unitForLeader.status, unitForLeader.stderr]).toEqual([
      1,
      expect.stringContaining("Chỉ cán bộ xã, phường được gắn với xã, phường."),
    ])
  })

  test("a commune officer by its ward's code; disable and reset-password", async () => {
    const created = await runCli(
      ["users", "create", "--username", "to-hieu", "--role", "commune-officer", "--province", "14"].concat([
        "--unit",
        "03646",
        "--display-name",
        "Cán bộ Phường Tô Hiệu",
        "--password-stdin",
      ]),
      env,
      "Phuong-To-Hieu-1\n",
    )
    expect([created.status, created.stderr]).toEqual([0, expect.any(String)])
    const disabled = await runCli(["users", "disable", "--username", "to-hieu"], env)
    expect([disabled.status, disabled.stdout]).toEqual([0, expect.stringContaining("Đã khóa tài khoản to-hieu")])
    const reset = await runCli(
      ["users", "reset-password", "--username", "to-hieu", "--password-stdin"],
      env,
      "Mat-khau-moi-2\n",
    )
    expect([reset.status, reset.stdout]).toEqual([0, expect.stringContaining("Đã đặt lại mật khẩu của to-hieu")])
    const nobody = await runCli(["users", "disable", "--username", "khong-co"], env)
    expect([nobody.status, nobody.stderr]).toEqual([1, expect.stringContaining('Không có tài khoản "khong-co"')])
  })
})

describe("xkld verify, seal, rebuild, check", () => {
  test("verify passes on the reference data, seal prints its hash, verify checks the seal", async () => {
    const first = await runCli(["verify"], env)
    expect([first.status, first.stdout]).toEqual([0, expect.stringMatching(/^Toàn vẹn \/ intact: [\d.]+ sự kiện/)])
    const sealed = await runCli(["seal"], env)
    expect([sealed.status, sealed.stdout]).toEqual([
      0,
      expect.stringMatching(/Niêm phong số 1: [\d.]+ sự kiện mới, mã [0-9a-f]{64}/),
    ])
    const again = await runCli(["verify"], env)
    expect([again.status, again.stdout]).toEqual([0, expect.stringContaining("1 niêm phong")])
  })

  test("rebuild one read model; check says every live read model equals a rebuild", async () => {
    const rebuilt = await runCli(["rebuild", "plans"], env)
    expect([rebuilt.status, rebuilt.stdout]).toEqual([0, expect.stringContaining("[1/1] plans: đã dựng lại")])
    const unknown = await runCli(["rebuild", "nothing"], env)
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringContaining('Không có bảng đọc "nothing"')])
    const checked = await runCli(["check"], env)
    expect(checked.status).toBe(0)
    expect(checked.stdout).toContain("Mọi bảng đọc khớp bản dựng lại từ nhật ký")
    expect(checked.stdout.match(/khớp \/ equal/g)?.length).toBe(5)
  })
})
