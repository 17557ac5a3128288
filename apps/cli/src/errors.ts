/** A failure the operator can act on: Vietnamese first, then English; the process exits with `exitCode`. */
export class CliError extends Error {
  readonly vi: string
  readonly en: string
  readonly exitCode: number
  constructor(vi: string, en: string, exitCode = 1) {
    super(`${vi} / ${en}`)
    this.name = "CliError"
    this.vi = vi
    this.en = en
    this.exitCode = exitCode
  }
}

/** Wrong command line (unknown command or option, missing value): exit status 2, with a pointer to `--help`. */
export const usage = (vi: string, en: string) =>
  new CliError(`${vi} (xem: pnpm xkld --help)`, `${en} (see: pnpm xkld --help)`, 2)

/** Ctrl-C: the work in flight was rolled back. */
export const INTERRUPTED_EXIT = 130
