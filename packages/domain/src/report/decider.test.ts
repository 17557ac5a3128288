import { Result } from "effect"
import { describe, expect, test } from "vitest"
import { issuedReportDecider, type IssueReport } from "./decider.ts"

const issue: IssueReport = {
  _tag: "IssueReport",
  reportId: "issued-report:14:2026-H1:03646:1a2b3c4d",
  provinceCode: "14",
  reporter: { kind: "unit", code: "03646", name: "Phường Tô Hiệu" },
  period: "2026-H1",
  asOf: "2026-06-10T03:00:00.000Z",
  documentNumber: "12",
  documentDate: "2026-06-10",
  signer: { authority: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "Lò Văn Thưởng" },
  contentHashes: { docx: "a".repeat(64), xlsx: "b".repeat(64), pdf: "c".repeat(64), json: "d".repeat(64) },
  obligationId: null,
}
const { decide, evolve, initialState } = issuedReportDecider

describe("issuing a periodic report", () => {
  test("records ReportIssued with the as-of instant, number, signer and hashes; a second issue is refused", () => {
    const decided = decide(issue, initialState)
    expect(Result.isSuccess(decided)).toBe(true)
    const events = Result.getOrThrow(decided)
    expect(events.map((e) => e._tag)).toEqual(["ReportIssued"])
    expect(events[0]).toMatchObject({ asOf: issue.asOf, documentNumber: "12", contentHashes: issue.contentHashes })
    const state = events.reduce(evolve, initialState)
    expect(state).toMatchObject({ status: "issued", report: { reportId: issue.reportId } })
    const again = decide(issue, state)
    expect(Result.isFailure(again) && again.failure._tag).toBe("ReportAlreadyIssued")
  })

  test("refuses figures as of after the document's day (UTC+7), an empty number or signer", () => {
    const late = decide({ ...issue, asOf: "2026-06-10T17:00:00.000Z" }, initialState)
    expect(Result.isFailure(late) && late.failure.message).toBe(
      "Số liệu của báo cáo không thể tính đến sau ngày ký văn bản",
    )
    expect(Result.isSuccess(decide({ ...issue, asOf: "2026-06-10T16:59:59.999Z" }, initialState))).toBe(true)
    const unnumbered = decide({ ...issue, documentNumber: " " }, initialState)
    expect(Result.isFailure(unnumbered) && unnumbered.failure._tag).toBe("InvalidReportIssue")
    const unsigned = decide({ ...issue, signer: { ...issue.signer, name: "" } }, initialState)
    expect(Result.isFailure(unsigned) && unsigned.failure.message).toBe("Phải ghi họ tên người ký")
  })
})
