import { parseArgs, type ParseArgsConfig } from "node:util"
import { usage } from "./errors.ts"

type Options = NonNullable<ParseArgsConfig["options"]>

/** Parses one command's options strictly: an unknown option or a missing value is a usage error (exit 2). */
export function parseCommand<O extends Options>(args: ReadonlyArray<string>, options: O, positionals: number) {
  let parsed
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw usage(`Tham số không hợp lệ: ${(error as Error).message}`, `Invalid arguments: ${(error as Error).message}`)
  }
  if (parsed.positionals.length > positionals)
    throw usage(
      `Thừa tham số: ${parsed.positionals.slice(positionals).join(" ")}`,
      `Unexpected arguments: ${parsed.positionals.slice(positionals).join(" ")}`,
    )
  return parsed
}

/** A required option's value, or a usage error naming it. */
export const required = (value: string | boolean | undefined, name: string): string => {
  if (typeof value !== "string" || value.trim() === "")
    throw usage(`Thiếu tham số --${name}`, `Missing option --${name}`)
  return value.trim()
}
