import { describe, expect, it } from "vitest"
import { fold } from "../shared/decider.ts"
import { given } from "../shared/testing/given-when-then.ts"
import type { SetReportingObligation } from "./commands.ts"
import { reportingObligationDecider } from "./decider.ts"
import {
  ReportingObligationRecordCorrected,
  ReportingObligationSet,
  ReportingObligationVoided,
  ReportSubmitted,
} from "./events.ts"

const obligationId = "reporting-obligation:14:2026:six-month:04057"
const setCommand: SetReportingObligation = {
  _tag: "SetReportingObligation",
  obligationId,
  provinceCode: "14",
  reporter: { kind: "unit", code: "04057", name: "UBND Xã Xuân Nha" },
  recipient: { kind: "agency", code: "UBND-TINH", name: "Ủy ban nhân dân tỉnh" },
  via: { kind: "agency", code: "SNV", name: "Sở Nội vụ" },
  reportKind: "six-month",
  period: { year: 2026, label: "06 tháng đầu năm 2026" },
  deadline: "2026-06-15",
  deadlineRule: "before",
  deadlinePrinted: "06 tháng (trước ngày 15/6)",
  legalBasis: { number: "/QĐ-UBND", date: null, issuer: "Chủ tịch UBND tỉnh Sơn La" },
}
const { _tag: _s, ...setFields } = setCommand
const obligationSet = new ReportingObligationSet(setFields)
const submitCommand = {
  _tag: "SubmitReport",
  obligationId,
  submittedOn: "2026-06-12",
  documentRef: { number: "45/BC-UBND", date: "2026-06-11" },
} as const
const { _tag: _u, ...submitFields } = submitCommand
const submitted = new ReportSubmitted(submitFields)

describe("SetReportingObligation", () => {
  it("records who reports what by when", () => {
    given(reportingObligationDecider).when(setCommand).then([obligationSet])
  })
  it("rejects setting it twice", () => {
    given(reportingObligationDecider, [obligationSet]).when(setCommand).rejectedWith("ReportingObligationAlreadySet")
  })
  it("rejects a missing reporter or recipient", () => {
    given(reportingObligationDecider)
      .when({ ...setCommand, reporter: { kind: "unit", code: null, name: " " } })
      .rejectedWith("InvalidReportingObligation")
    given(reportingObligationDecider)
      .when({ ...setCommand, recipient: { kind: "agency", code: null, name: "" } })
      .rejectedWith("InvalidReportingObligation")
  })
  it("rejects a periodic report due before its year starts (Lào Cai's leftover 25/6/2024)", () => {
    const r = given(reportingObligationDecider)
      .when({ ...setCommand, deadline: "2024-06-25", period: { year: 2025, label: "06 tháng đầu năm 2025" } })
      .rejectedWith("InvalidReportingObligation")
    expect(r.message).toContain("2024-06-25")
  })
  it("accepts a plan due in the year before its period", () => {
    given(reportingObligationDecider)
      .when({ ...setCommand, reportKind: "commune-plan", deadline: "2025-12-31" })
      .then([new ReportingObligationSet({ ...setFields, reportKind: "commune-plan", deadline: "2025-12-31" })])
  })
})

describe("SubmitReport", () => {
  it("records the submission", () => {
    given(reportingObligationDecider, [obligationSet]).when(submitCommand).then([submitted])
  })
  it("rejects a submission without obligation", () => {
    given(reportingObligationDecider).when(submitCommand).rejectedWith("ReportingObligationNotSet")
  })
  it("rejects a second submission", () => {
    given(reportingObligationDecider, [obligationSet, submitted])
      .when(submitCommand)
      .rejectedWith("ReportAlreadySubmitted")
  })
  it("rejects a document dated after its submission", () => {
    given(reportingObligationDecider, [obligationSet])
      .when({ ...submitCommand, documentRef: { number: "45/BC-UBND", date: "2026-06-20" } })
      .rejectedWith("InvalidSubmission")
  })
})

describe("CorrectReportingObligationRecord", () => {
  const base = {
    _tag: "CorrectReportingObligationRecord",
    obligationId,
    correctsEventId: "evt-1",
    reason: "Nhập sai",
    correctedOn: "2026-07-01",
  } as const
  it("corrects a deadline", () => {
    const { _tag, ...fields } = { ...base, deadline: "2026-06-10" }
    given(reportingObligationDecider, [obligationSet])
      .when({ ...base, deadline: "2026-06-10" })
      .then([new ReportingObligationRecordCorrected(fields)])
    const state = fold(reportingObligationDecider, [obligationSet, new ReportingObligationRecordCorrected(fields)])
    expect(state.status === "set" && state.obligation.deadline).toBe("2026-06-10")
  })
  it("voids a mistaken submission", () => {
    const { _tag, ...fields } = { ...base, voidsSubmission: true }
    given(reportingObligationDecider, [obligationSet, submitted])
      .when({ ...base, voidsSubmission: true })
      .then([new ReportingObligationRecordCorrected(fields)])
    const state = fold(reportingObligationDecider, [
      obligationSet,
      submitted,
      new ReportingObligationRecordCorrected(fields),
    ])
    expect(state.status === "set" && state.obligation.submission).toBeNull()
  })
  it("re-dates a submission", () => {
    const { _tag, ...fields } = { ...base, submittedOn: "2026-06-16" }
    const state = fold(reportingObligationDecider, [
      obligationSet,
      submitted,
      new ReportingObligationRecordCorrected(fields),
    ])
    expect(state.status === "set" && state.obligation.submission?.submittedOn).toBe("2026-06-16")
  })
  it("rejects before the obligation exists", () => {
    given(reportingObligationDecider)
      .when({ ...base, deadline: "2026-06-10" })
      .rejectedWith("ReportingObligationNotSet")
  })
  it("rejects without reason, without change, or on a missing submission", () => {
    given(reportingObligationDecider, [obligationSet])
      .when({ ...base, reason: "", deadline: "2026-06-10" })
      .rejectedWith("ReportingObligationCorrectionInvalid")
    given(reportingObligationDecider, [obligationSet]).when(base).rejectedWith("ReportingObligationCorrectionInvalid")
    given(reportingObligationDecider, [obligationSet])
      .when({ ...base, voidsSubmission: true })
      .rejectedWith("ReportingObligationCorrectionInvalid")
    given(reportingObligationDecider, [obligationSet, submitted])
      .when({ ...base, voidsSubmission: true, submittedOn: "2026-06-16" })
      .rejectedWith("ReportingObligationCorrectionInvalid")
  })
})

describe("VoidReportingObligation", () => {
  const voidCommand = {
    _tag: "VoidReportingObligation",
    obligationId,
    correctsEventId: "e-set",
    reason: "Văn bản không yêu cầu xã báo cáo 6 tháng",
    voidedOn: "2026-02-01",
  } as const
  const { _tag: _v, ...voidFields } = voidCommand
  const voided = new ReportingObligationVoided(voidFields)
  it("declares an obligation set by mistake void; it stays in the log", () => {
    given(reportingObligationDecider, [obligationSet]).when(voidCommand).then([voided])
    expect(fold(reportingObligationDecider, [obligationSet, voided]).status).toBe("void")
  })
  it("then refuses a submission, a correction and a second void", () => {
    given(reportingObligationDecider, [obligationSet, voided])
      .when(submitCommand)
      .rejectedWith("ReportingObligationIsVoid")
    given(reportingObligationDecider, [obligationSet, voided])
      .when({
        _tag: "CorrectReportingObligationRecord",
        obligationId,
        correctsEventId: "e-set",
        reason: "x",
        correctedOn: "2026-02-02",
        note: "y",
      })
      .rejectedWith("ReportingObligationIsVoid")
    given(reportingObligationDecider, [obligationSet, voided])
      .when(voidCommand)
      .rejectedWith("ReportingObligationIsVoid")
  })
  it("refuses an obligation never set and a void without a reason", () => {
    given(reportingObligationDecider).when(voidCommand).rejectedWith("ReportingObligationNotSet")
    given(reportingObligationDecider, [obligationSet])
      .when({ ...voidCommand, reason: "" })
      .rejectedWith("ReportingObligationCorrectionInvalid")
  })
})

describe("SubmitReport records what was submitted", () => {
  const what = {
    figures: [
      { ref: "target:14:2026:departures", label: "Số người đi làm việc ở nước ngoài", value: 412, unit: "người" },
      { ref: "target:14:2026:trained-share", label: "Tỷ lệ được đào tạo trước khi đi", value: 97.5, unit: "%" },
    ],
    contentSha256: "a".repeat(64),
    difficulties: "Thiếu nguồn vốn vay ưu đãi cho người lao động hộ nghèo",
  }
  it("keeps the figures, the file's hash and the difficulties reported upward in the event and the state", () => {
    const command = { ...submitCommand, ...what }
    const { _tag, ...fields } = command
    given(reportingObligationDecider, [obligationSet])
      .when(command)
      .then([new ReportSubmitted(fields)])
    const state = fold(reportingObligationDecider, [obligationSet, new ReportSubmitted(fields)])
    if (state.status !== "set") throw new Error("not set")
    expect(state.obligation.submission).toMatchObject(what)
  })
  it("rejects empty difficulties, a figure without a label and a figure stated twice", () => {
    given(reportingObligationDecider, [obligationSet])
      .when({ ...submitCommand, difficulties: " " })
      .rejectedWith("InvalidSubmission")
    given(reportingObligationDecider, [obligationSet])
      .when({ ...submitCommand, figures: [{ ref: "x", label: "", value: 1 }] })
      .rejectedWith("InvalidSubmission")
    const twice = given(reportingObligationDecider, [obligationSet])
      .when({ ...submitCommand, figures: [what.figures[0]!, what.figures[0]!] })
      .rejectedWith("InvalidSubmission")
    expect(twice.message).toContain("một lần")
  })
})
