import { CliError } from "./errors.ts"

/**
 * The password from standard input, never from the command line (which `ps` and shell history show): everything
 * up to end of input, less one final line break. On a terminal the operator types it and ends with Ctrl-D.
 */
export async function readPassword(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (input.isTTY) process.stderr.write("Mật khẩu (kết thúc bằng Enter rồi Ctrl-D) / password, then Enter and Ctrl-D: ")
  const chunks: Buffer[] = []
  for await (const chunk of input) chunks.push(Buffer.from(chunk))
  const password = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "")
  if (password === "") throw new CliError("Không nhận được mật khẩu từ đầu vào chuẩn", "No password on standard input")
  return password
}
