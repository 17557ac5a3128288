import type { RunningServices } from "@xkld/api/src/bootstrap.ts"
import { roleLabelVi, ROLES, type Role } from "@xkld/api/src/access/roles.ts"
import { checkAccountJurisdiction, USERNAME_PATTERN, USERNAME_RULE } from "@xkld/api/src/auth/account-rules.ts"
import { passwordProblem } from "@xkld/api/src/auth/passwords.ts"
import { ensureUser, findUser, resetPassword, setDisabled } from "@xkld/api/src/auth/users.ts"
import { today } from "@xkld/api/src/clock.ts"
import { ProblemError } from "@xkld/api/src/http/problem.ts"
import { loadReferenceData } from "@xkld/api/src/reference-data/load.ts"
import { AdminUnit } from "@xkld/domain"
import { parseCommand, required } from "../args.ts"
import { CliError, usage } from "../errors.ts"
import { cliConfig, withServices } from "../open.ts"
import { readPassword } from "../stdin.ts"

const roleList = ROLES.map((r) => `${r} (${roleLabelVi[r]})`).join(", ")

const problemToCli = (error: unknown): never => {
  if (error instanceof ProblemError) throw new CliError(error.problem.detail, error.problem.detailEn)
  throw error
}

const checkedPassword = (password: string): string => {
  const problem = passwordProblem(password)
  if (problem) throw new CliError(problem, "The password is too weak (10+ characters, letters and digits)")
  return password
}

/** A province of the catalogue (by its code) and, for a commune officer, its communes in force today by code. */
async function jurisdiction(services: RunningServices, provinceCode: string, unitCodes: ReadonlyArray<string>) {
  const catalogue = await services.models.catalogues.at()
  const date = today()
  const communes = AdminUnit.unitsOf(catalogue, provinceCode, date)
  if (communes.length === 0) {
    const provinces = [...new Set([...catalogue.units.keys()].map((id) => AdminUnit.attributesOn(catalogue, id, date)))]
      .filter((u) => u !== undefined && u.parentId === null)
      .map((u) => `${u!.code} ${u!.name}`)
    throw new CliError(
      `Không có tỉnh mã "${provinceCode}" trong danh mục đơn vị hành chính${provinces.length ? ` (có: ${provinces.join("; ")})` : " (danh mục trống: hãy khởi động ứng dụng một lần để nạp dữ liệu tham chiếu)"}`,
      `No province with code "${provinceCode}" in the catalogue of administrative units`,
    )
  }
  return unitCodes.map((code) => {
    const unit = communes.find((u) => u.code === code)
    if (!unit)
      throw new CliError(
        `Không có xã, phường mã "${code}" đang có hiệu lực ngày ${date.split("-").toReversed().join("/")} trong tỉnh ${provinceCode}`,
        `No commune with code "${code}" in force in province ${provinceCode} today`,
      )
    return unit.unitId
  })
}

/** `xkld users create …`: the operator's account creation (the first administrator, or any account). */
async function create(args: ReadonlyArray<string>) {
  const { values } = parseCommand(
    args,
    {
      username: { type: "string" },
      role: { type: "string" },
      province: { type: "string" },
      unit: { type: "string", multiple: true },
      "display-name": { type: "string" },
      enterprise: { type: "string" },
      agency: { type: "string" },
      "password-stdin": { type: "boolean" },
    },
    0,
  )
  const username = required(values.username, "username").normalize("NFC").toLowerCase()
  if (!USERNAME_PATTERN.test(username)) throw new CliError(USERNAME_RULE, "Username: 3–50 characters a-z, 0-9, . _ -")
  const role = required(values.role, "role")
  if (!(ROLES as ReadonlyArray<string>).includes(role))
    throw new CliError(`Vai trò không hợp lệ "${role}"; các vai trò: ${roleList}`, `Unknown role "${role}"`)
  const provinceCode = required(values.province, "province")
  if (!values["password-stdin"])
    throw usage(
      "Mật khẩu chỉ được đọc từ đầu vào chuẩn: thêm --password-stdin",
      "The password is read from standard input only: add --password-stdin",
    )
  const password = checkedPassword(await readPassword())
  const config = cliConfig()
  await withServices(config, async (services) => {
    // before the app has ever started, the catalogue the account is checked against is loaded as the app would
    if (config.mode !== "demo") await loadReferenceData(services)
    const db = services.log.database.db
    if (await findUser(db, username))
      throw new CliError(`Tên đăng nhập "${username}" đã tồn tại`, `Username "${username}" is taken`)
    const unitIds = await jurisdiction(services, provinceCode, values.unit ?? [])
    const request = {
      role: role as Role,
      provinceCode,
      unitIds,
      enterpriseId: values.enterprise,
      agency: values.agency,
    }
    await checkAccountJurisdiction(services, request).catch(problemToCli)
    await ensureUser(db, {
      ...request,
      username,
      displayName: values["display-name"]?.trim() || username,
      password,
    })
  })
  console.log(`Đã tạo tài khoản ${username} (${roleLabelVi[role as Role]}, tỉnh ${provinceCode}) / account created`)
}

async function existing(services: RunningServices, username: string) {
  const user = await findUser(services.log.database.db, username)
  if (!user) throw new CliError(`Không có tài khoản "${username}"`, `No account "${username}"`)
  return user
}

/** `xkld users disable --username u`: the account signs nothing in; its sessions end. */
async function disable(args: ReadonlyArray<string>) {
  const { values } = parseCommand(args, { username: { type: "string" } }, 0)
  const username = required(values.username, "username")
  await withServices(cliConfig(), async (services) => {
    const user = await existing(services, username)
    await setDisabled(services.log.database.db, user.user_id, true)
  })
  console.log(`Đã khóa tài khoản ${username}; các phiên đăng nhập đã kết thúc / account disabled`)
}

/** `xkld users reset-password --username u --password-stdin`: new password, lock lifted, sessions ended. */
async function resetPasswordCommand(args: ReadonlyArray<string>) {
  const { values } = parseCommand(args, { username: { type: "string" }, "password-stdin": { type: "boolean" } }, 0)
  const username = required(values.username, "username")
  if (!values["password-stdin"])
    throw usage("Thêm --password-stdin và đưa mật khẩu mới vào đầu vào chuẩn", "Add --password-stdin")
  const password = checkedPassword(await readPassword())
  await withServices(cliConfig(), async (services) => {
    const user = await existing(services, username)
    await resetPassword(services.log.database.db, user.user_id, password)
  })
  console.log(`Đã đặt lại mật khẩu của ${username}; các phiên đăng nhập đã kết thúc / password reset`)
}

export async function users(args: ReadonlyArray<string>): Promise<void> {
  const [sub, ...rest] = args
  if (sub === "create") return create(rest)
  if (sub === "disable") return disable(rest)
  if (sub === "reset-password") return resetPasswordCommand(rest)
  throw usage(
    `Lệnh users cần create, disable hoặc reset-password${sub ? ` (không phải "${sub}")` : ""}`,
    "users needs create, disable or reset-password",
  )
}
