#!/usr/bin/env node
// `pnpm xkld <command>`: the operator's tool over the application's own database and code (docs/operations.md).
import { CliError, INTERRUPTED_EXIT, usage } from "./errors.ts"
import { HELP } from "./help.ts"
import { wasInterrupted } from "./interrupt.ts"

type Command = (args: ReadonlyArray<string>) => Promise<void>

// Loaded on demand: `--help` and a usage error start in a fraction of a second, each command loads only its code.
const commands: Record<string, () => Promise<Command>> = {
  migrate: async () => (await import("./commands/log.ts")).migrate,
  verify: async () => (await import("./commands/log.ts")).verify,
  seal: async () => (await import("./commands/log.ts")).seal,
  backup: async () => (await import("./commands/backup.ts")).backup,
  restore: async () => (await import("./commands/backup.ts")).restore,
  rebuild: async () => (await import("./commands/read-models.ts")).rebuild,
  check: async () => (await import("./commands/read-models.ts")).check,
  users: async () => (await import("./commands/users.ts")).users,
  import: async () => (await import("./commands/import.ts")).importCommand,
  keys: async () => (await import("./commands/keys.ts")).keys,
  report: async () => (await import("./commands/report.ts")).report,
}

export async function run(argv: ReadonlyArray<string>): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === "--help" || name === "-h" || name === "help" || args.includes("--help")) {
    process.stdout.write(HELP)
    return 0
  }
  try {
    const load = Object.hasOwn(commands, name) ? commands[name] : undefined
    if (!load) throw usage(`Không có lệnh "${name}"`, `Unknown command "${name}"`)
    await (
      await load()
    )(args)
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
