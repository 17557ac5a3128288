import { resolve } from "node:path"
import { REPORT_FORMATS, writeProvinceReports, type ReportFormat } from "@xkld/reports"
import { parseCommand, required } from "../args.ts"
import { CliError } from "../errors.ts"
import { cliConfig, withServices } from "../open.ts"
import { progress } from "../progress.ts"

/**
 * `xkld report --province <code> --period <yyyy-H1|yyyy> <folder> [--as-of <instant>] [--formats docx,xlsx,pdf,json]`: the province's report and
 * every commune's and ward's and every department's (sở, ban, ngành with tasks or reporting obligations of the
 * year), in every format, written to a folder (`@xkld/reports`). The same as-of instant gives
 * the same files on any later day.
 */
export async function report(args: ReadonlyArray<string>): Promise<void> {
  const { values, positionals } = parseCommand(
    args,
    {
      province: { type: "string" },
      period: { type: "string" },
      "as-of": { type: "string" },
      formats: { type: "string" },
    },
    1,
  )
  const provinceCode = required(values.province, "province")
  const period = required(values.period, "period")
  if (!positionals[0]) throw new CliError("Thiếu thư mục đích", "Missing the target folder")
  const folder = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0])
  const asOf = values["as-of"] ? new Date(values["as-of"]) : new Date()
  if (Number.isNaN(asOf.getTime()))
    throw new CliError(`Thời điểm --as-of không hợp lệ: ${values["as-of"]}`, "Invalid --as-of instant")
  const formats = (values.formats ?? REPORT_FORMATS.join(",")).split(",").map((f) => f.trim())
  const unknown = formats.filter((f) => !(REPORT_FORMATS as ReadonlyArray<string>).includes(f))
  if (unknown.length > 0)
    throw new CliError(
      `Định dạng không hỗ trợ: ${unknown.join(", ")} (có: ${REPORT_FORMATS.join(", ")})`,
      `Unsupported formats: ${unknown.join(", ")}`,
    )
  const bar = progress("Báo cáo / reports")
  const { files } = await withServices(cliConfig(), (services) =>
    writeProvinceReports(services.models, {
      provinceCode,
      period,
      asOf,
      folder,
      formats: formats as ReadonlyArray<ReportFormat>,
      onProgress: (p) => bar.update(p.done, p.total),
    }).catch((error: unknown) => {
      if (error instanceof Error && !(error instanceof TypeError)) throw new CliError(error.message, error.message)
      throw error
    }),
  )
  bar.finish()
  console.log(`Đã ghi ${files.length.toLocaleString("vi-VN")} tệp vào ${folder} / files written`)
}
