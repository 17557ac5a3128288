import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { apiBackupTables } from "@xkld/api/src/storage/backup-tables.ts"
import { BackupError, restoreBackup, writeBackup, type BackupProgress } from "@xkld/event-store/backup"
import { parseCommand } from "../args.ts"
import { CliError, usage } from "../errors.ts"
import { cliConfig, withDatabase, withLog } from "../open.ts"
import { progress, type Progress } from "../progress.ts"
import { interruption } from "../interrupt.ts"

const vi = (n: number) => n.toLocaleString("vi-VN")

/** The file as the operator named it, relative to where the command was typed (pnpm runs scripts elsewhere). */
const fileArgument = (positionals: ReadonlyArray<string>, name: string): string => {
  const file = positionals[0]
  if (!file) throw usage(`Thiếu tên tệp: pnpm xkld ${name} <tệp>`, `Missing file: pnpm xkld ${name} <file>`)
  return resolve(process.env.INIT_CWD ?? process.cwd(), file)
}

const labels: Record<string, string> = {
  backup: "Sao lưu / backup",
  check: "Kiểm tra tệp sao lưu / checking the backup",
  restore: "Khôi phục / restore",
  "transaction-ids": "Đưa bộ đếm giao dịch vượt bản sao lưu / advancing transaction ids",
}

/** One progress display per step of the work. */
const progressByStep = (): { onProgress: BackupProgress; finish: () => void } => {
  let current: { step: string; bar: Progress } | undefined
  return {
    onProgress: (step, done, total) => {
      if (current?.step !== step) {
        current?.bar.finish()
        current = { step, bar: progress(labels[step] ?? step) }
      }
      current.bar.update(done, total)
    },
    finish: () => current?.bar.finish(),
  }
}

const asCli = (error: unknown): never => {
  if (error instanceof BackupError) throw new CliError(error.message.split(" / ")[0]!, error.messageEn)
  throw error
}

/** `xkld backup <file>`: the log, its seals, accounts and person keys, from one consistent snapshot (ADR 0016). */
export async function backup(args: ReadonlyArray<string>): Promise<void> {
  const { values, positionals } = parseCommand(args, { force: { type: "boolean" } }, 1)
  const file = fileArgument(positionals, "backup")
  if (existsSync(file) && !values.force)
    throw new CliError(`Tệp ${file} đã có; thêm --force để ghi đè`, `${file} exists; add --force to overwrite it`)
  const shown = progressByStep()
  const summary = await withDatabase(cliConfig(), (database) =>
    writeBackup(database, file, { tables: apiBackupTables, onProgress: shown.onProgress, signal: interruption() }),
  ).catch(asCli)
  shown.finish()
  const counts = summary.header.tables.map((t) => `${t.table} ${vi(t.rows)}`).join(", ")
  console.log(`Đã sao lưu vào ${file} / backup written\n  ${counts}\n  sha256 ${summary.sha256}`)
}

/**
 * `xkld restore <file>`: into an empty database only; the whole file is checked first, the rows go in one
 * transaction (Ctrl-C or any error leaves the database as it was), then the log is verified.
 */
export async function restore(args: ReadonlyArray<string>): Promise<void> {
  const { values, positionals } = parseCommand(args, { "max-transaction-advance": { type: "string" } }, 1)
  const file = fileArgument(positionals, "restore")
  if (!existsSync(file)) throw new CliError(`Không có tệp ${file}`, `No file ${file}`)
  const limit = values["max-transaction-advance"]
  if (limit !== undefined && !/^\d+$/.test(limit))
    throw usage("--max-transaction-advance phải là số nguyên dương", "--max-transaction-advance must be a number")
  const shown = progressByStep()
  const { summary, report } = await withLog(cliConfig(), async (log) => {
    const restored = await restoreBackup(log.database, file, {
      tables: apiBackupTables,
      onProgress: shown.onProgress,
      signal: interruption(),
      ...(limit !== undefined ? { advanceLimit: BigInt(limit) } : {}),
    })
    shown.finish()
    return { summary: restored, report: await log.verify() }
  }).catch(asCli)
  console.log(
    `Đã khôi phục ${vi(summary.rows)} dòng từ ${file} (sao lưu lúc ${summary.header.createdAt}) / restored` +
      (summary.advancedBy > 0n
        ? `\n  bộ đếm giao dịch đã tăng ${vi(Number(summary.advancedBy))} / transaction ids advanced`
        : ""),
  )
  if (!report.ok)
    throw new CliError(
      `Đã khôi phục nhưng kiểm tra toàn vẹn THẤT BẠI: ${JSON.stringify(report.firstProblem)}`,
      "Restored, but verify FAILED",
    )
  console.log(
    `Toàn vẹn / intact: ${vi(report.checked.events)} sự kiện, ${vi(report.checked.seals)} niêm phong. Bảng đọc sẽ được dựng lại khi ứng dụng khởi động / read models rebuild when the app starts.`,
  )
}
