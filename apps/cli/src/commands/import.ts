import { createHash, randomUUID } from "node:crypto"
import { readFile } from "node:fs/promises"
import { basename, resolve } from "node:path"
import { Result } from "effect"
import type { RunningServices } from "@xkld/api/src/bootstrap.ts"
import type { Role } from "@xkld/api/src/access/roles.ts"
import { actorOf, findUser } from "@xkld/api/src/auth/users.ts"
import type { RequestContext } from "@xkld/api/src/commands/request.ts"
import { toProblem } from "@xkld/api/src/http/to-problem.ts"
import { importQuota } from "@xkld/api/src/imports/quota-import.ts"
import { importRoutes } from "@xkld/api/src/imports/routes.ts"
import type { Upload } from "@xkld/api/src/imports/upload.ts"
import { importStages } from "@xkld/api/src/imports/stage-import.ts"
import { importWorkers } from "@xkld/api/src/imports/worker-import.ts"
import { parseCommand, required } from "../args.ts"
import { CliError, usage } from "../errors.ts"
import { cliConfig, withServices } from "../open.ts"

const vi = (n: number) => n.toLocaleString("vi-VN")

/** Who may import: the roles of the API route itself (its declaration is the one list). */
const rolesOf = (path: string): ReadonlyArray<Role> => {
  const access = importRoutes.find((r) => r.path === path)?.access
  return Array.isArray(access) ? access : []
}

/**
 * The import runs as an officer's account (`--as`): its role and province decide, as for the API, and the records
 * name that officer. The request is the one the API's route would build, without HTTP.
 */
async function requestAs(services: RunningServices, username: string, path: string): Promise<RequestContext> {
  const user = await findUser(services.log.database.db, username)
  if (!user || user.disabled)
    throw new CliError(`Không có tài khoản đang hoạt động "${username}"`, `No active account "${username}"`)
  const allowed = rolesOf(path)
  if (!allowed.includes(user.role))
    throw new CliError(
      `Tài khoản ${username} (${user.role}) không được nhập tệp này; cần: ${allowed.join(", ")}`,
      `Account ${username} may not run this import; it needs: ${allowed.join(", ")}`,
    )
  const commandId = randomUUID()
  return {
    actor: actorOf(user),
    commandId,
    correlationId: commandId,
    correlationHeader: undefined,
    requestId: undefined,
    idempotencyKey: undefined,
    expectedVersion: Result.succeed(undefined),
    method: "CLI",
    path: `xkld import ${path.split("/").at(-1)}`,
  }
}

async function uploadOf(file: string): Promise<Upload> {
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file)
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(path))
  } catch {
    throw new CliError(`Không đọc được tệp ${path}`, `Cannot read ${path}`)
  }
  return { fileName: basename(path), bytes, sha256: createHash("sha256").update(bytes).digest("hex") }
}

/** A refused import: the problem's detail and every row error, as the API would answer (nothing was written). */
const refused = (error: unknown): never => {
  const problem = toProblem(error)
  if (problem.status >= 500) throw error
  const rows = (problem.rows ?? []) as ReadonlyArray<{ row: number; field: string; message: string }>
  for (const row of rows) process.stderr.write(`  dòng ${row.row}, cột “${row.field}”: ${row.message}\n`)
  throw new CliError(problem.detail, problem.detailEn)
}

/**
 * `xkld import workers|stages|quota <file.xlsx> --as <username>`: the API's imports, all or nothing (one transaction;
 * Ctrl-C or any invalid row writes nothing); the same file twice writes nothing new.
 */
export async function importCommand(args: ReadonlyArray<string>): Promise<void> {
  const [kind, ...rest] = args
  if (kind !== "workers" && kind !== "stages" && kind !== "quota")
    throw usage("Lệnh import cần workers, stages hoặc quota", "import needs workers, stages or quota")
  const text = { type: "string" } as const
  const { values, positionals } = parseCommand(
    rest,
    {
      as: text,
      plan: text,
      year: text,
      province: text,
      target: text,
      title: text,
      "legal-number": text,
      "legal-date": text,
      issuer: text,
      "effective-on": text,
      reason: text,
    },
    1,
  )
  const file = positionals[0]
  if (!file) throw usage(`Thiếu tệp: pnpm xkld import ${kind} <tệp.xlsx> --as <tài khoản>`, "Missing file")
  const username = required(values.as, "as")
  const upload = await uploadOf(file)
  await withServices(cliConfig(), async (services) => {
    if (kind === "workers") {
      const request = await requestAs(services, username, "/api/imports/workers")
      const result = await importWorkers(services, request, upload).catch(refused)
      console.log(
        `Đã nhập ${vi(result.imported)} người lao động từ ${result.fileName} (${vi(result.rows)} dòng, ${vi(result.alreadyImported)} đã có từ trước) / workers imported`,
      )
      return
    }
    if (kind === "stages") {
      const request = await requestAs(services, username, "/api/imports/stages")
      const result = await importStages(services, request, upload).catch(refused)
      console.log(
        `Đã ghi nhận ${vi(result.imported)} thông tin quá trình của người lao động từ ${result.fileName} (${vi(result.rows)} dòng, ${vi(result.alreadyImported)} đã có từ trước) / stages imported`,
      )
      return
    }
    const request = await requestAs(services, username, "/api/imports/quota")
    const outcome = await importQuota(services, request, upload, {
      plan: values.plan,
      year: values.year,
      province: values.province,
      target: values.target,
      title: values.title,
      legalNumber: values["legal-number"],
      legalDate: values["legal-date"],
      issuer: values.issuer,
      effectiveOn: values["effective-on"],
      reason: values.reason,
    }).catch(refused)
    if (Result.isFailure(outcome)) refused(outcome.failure)
    else {
      const result = outcome.success
      for (const warning of result.warnings)
        process.stderr.write(`  cảnh báo dòng ${warning.row}: ${warning.message}\n`)
      console.log(
        `Kế hoạch ${result.planId} ${result.action === "issued" ? "đã ban hành" : "đã điều chỉnh"}: ${vi(result.allocations)} đơn vị, ${vi(result.rows)} dòng / quota imported`,
      )
    }
  })
}
