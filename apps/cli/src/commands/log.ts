import { describeProblem } from "@xkld/event-store"
import { parseCommand } from "../args.ts"
import { CliError } from "../errors.ts"
import { cliConfig, withDatabase, withLog } from "../open.ts"

const vi = (n: number) => n.toLocaleString("vi-VN")

/** `xkld migrate`: every table (the log's, the API's) to the latest version. */
export async function migrate(args: ReadonlyArray<string>): Promise<void> {
  parseCommand(args, {}, 0)
  await withDatabase(cliConfig(), async () => undefined)
  console.log("Cơ sở dữ liệu đã ở phiên bản mới nhất / database migrated")
}

/** `xkld verify`: recomputes every hash chain and seal; exit 1 naming the first problem. */
export async function verify(args: ReadonlyArray<string>): Promise<void> {
  const { values } = parseCommand(args, { json: { type: "boolean" } }, 0)
  const report = await withLog(cliConfig(), (log) => log.verify())
  if (values.json) console.log(JSON.stringify(report, null, 2))
  const { events, streams, seals } = report.checked
  const checked = `${vi(events)} sự kiện, ${vi(streams)} luồng, ${vi(seals)} niêm phong / events, streams, seals`
  if (report.ok) {
    console.log(`Toàn vẹn / intact: ${checked}`)
    return
  }
  for (const problem of report.problems) console.error(`- ${describeProblem(problem)}: ${JSON.stringify(problem)}`)
  throw new CliError(
    `Nhật ký KHÔNG toàn vẹn: ${vi(report.problems.length)} vấn đề (đã kiểm tra ${checked})`,
    `The log is NOT intact: ${report.problems.length} problem(s)`,
  )
}

/** `xkld seal`: seals the log up to now; the printed hash is to be kept outside the database (ADR 0004). */
export async function seal(args: ReadonlyArray<string>): Promise<void> {
  parseCommand(args, {}, 0)
  const sealed = await withLog(cliConfig(), (log) => log.seal())
  console.log(
    sealed
      ? `Niêm phong số ${sealed.sealNumber}: ${vi(sealed.eventCount)} sự kiện mới, mã ${sealed.sealHash} — hãy lưu mã này ngoài máy chủ / keep this hash outside the server`
      : "Không có sự kiện mới để niêm phong / nothing new to seal",
  )
}
