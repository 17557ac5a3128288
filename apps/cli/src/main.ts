#!/usr/bin/env node
// `pnpm xkld <command>`: the operator's tool over the application's own database and code (docs/operations.md).
import { backup, restore } from "./commands/backup.ts"
import { importCommand } from "./commands/import.ts"
import { keys } from "./commands/keys.ts"
import { report } from "./commands/report.ts"
import { migrate, seal, verify } from "./commands/log.ts"
import { check, rebuild } from "./commands/read-models.ts"
import { users } from "./commands/users.ts"
import { CliError, INTERRUPTED_EXIT, usage } from "./errors.ts"
import { HELP } from "./help.ts"
import { wasInterrupted } from "./interrupt.ts"

const commands: Record<string, (args: ReadonlyArray<string>) => Promise<void>> = {
  migrate,
  verify,
  seal,
  backup,
  restore,
  rebuild,
  check,
  users,
  import: importCommand,
  keys,
  report,
}

export async function run(argv: ReadonlyArray<string>): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === "--help" || name === "-h" || name === "help" || args.includes("--help")) {
    process.stdout.write(HELP)
    return 0
  }
  try {
    const command = commands[name]
    if (!command) throw usage(`Không có lệnh "${name}"`, `Unknown command "${name}"`)
    await command(args)
    return 0
  } catch (error) {
    if (wasInterrupted()) {
      process.stderr.write("Đã dừng; không có gì thay đổi dở dang / interrupted; nothing was left half-done\n")
      return INTERRUPTED_EXIT
    }
    if (error instanceof CliError) {
      process.stderr.write(`Lỗi: ${error.vi}\nError: ${error.en}\n`)
      return error.exitCode
    }
    process.stderr.write(`Lỗi không lường trước / unexpected error: ${(error as Error)?.stack ?? String(error)}\n`)
    return 1
  }
}

process.exitCode = await run(process.argv.slice(2))
