import { Result, Schema } from "effect"
import type { Decider } from "../shared/decider.ts"
import { isCalendarDate } from "../shared/dates.ts"
import { knownEventGuard, unknownEvent } from "../shared/unknown-stream-event.ts"
import { eventTypes, issuedReportStreamType, ReportIssued, type IssuedReportEvent } from "./events.ts"

const fields = { reportId: Schema.String, message: Schema.String, messageEn: Schema.String }
export class ReportAlreadyIssued extends Schema.TaggedError<ReportAlreadyIssued>()("ReportAlreadyIssued", fields) {}
export class InvalidReportIssue extends Schema.TaggedError<InvalidReportIssue>()("InvalidReportIssue", fields) {}
export type IssuedReportRejection = ReportAlreadyIssued | InvalidReportIssue

export type IssueReport = { readonly _tag: "IssueReport" } & Omit<ReportIssued, "_tag">

export type IssuedReportState =
  { readonly status: "none" } | { readonly status: "issued"; readonly report: Omit<ReportIssued, "_tag"> }

const decide = (command: IssueReport, state: IssuedReportState) => {
  const invalid = (message: string, messageEn: string) =>
    Result.fail(new InvalidReportIssue({ reportId: command.reportId, message, messageEn }))
  if (state.status === "issued")
    return Result.fail(
      new ReportAlreadyIssued({
        reportId: command.reportId,
        message: `Báo cáo ${command.reportId} đã được ban hành (số ${state.report.documentNumber}); ban hành lại là một báo cáo mới.`,
        messageEn: "report already issued",
      }),
    )
  if (command.documentNumber.trim() === "")
    return invalid("Phải ghi số văn bản của báo cáo", "a document number is required")
  if (command.signer.name.trim() === "") return invalid("Phải ghi họ tên người ký", "the signer's name is required")
  if (!isCalendarDate(command.documentDate)) return invalid("Ngày văn bản không hợp lệ", "invalid document date")
  const asOf = Date.parse(command.asOf)
  if (Number.isNaN(asOf)) return invalid("Thời điểm số liệu không hợp lệ", "invalid as-of instant")
  // The figures cannot be as of a moment after the document's day ends in Vietnam (UTC+7).
  if (asOf > Date.parse(`${command.documentDate}T23:59:59.999+07:00`))
    return invalid(
      "Số liệu của báo cáo không thể tính đến sau ngày ký văn bản",
      "the figures cannot be as of after the document's date",
    )
  const { _tag, ...rest } = command
  return Result.succeed([new ReportIssued(rest)])
}

const known = knownEventGuard(issuedReportStreamType, eventTypes)

const evolve = (state: IssuedReportState, event: IssuedReportEvent): IssuedReportState => {
  known(event)
  if (event._tag === "ReportIssued") {
    const { _tag, ...report } = event
    return { status: "issued", report }
  }
  return unknownEvent(issuedReportStreamType, event)
}

export const issuedReportDecider: Decider<IssueReport, IssuedReportState, IssuedReportEvent, IssuedReportRejection> = {
  initialState: { status: "none" },
  decide,
  evolve,
}
