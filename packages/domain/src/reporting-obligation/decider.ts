import { Result } from "effect"
import type { Decider } from "../shared/decider.ts"
import { knownEventGuard, unknownEvent } from "../shared/unknown-stream-event.ts"
import type {
  CorrectReportingObligationRecord,
  ReportingObligationCommand,
  SetReportingObligation,
  SubmitReport,
  VoidReportingObligation,
} from "./commands.ts"
import {
  ReportingObligationRecordCorrected,
  ReportingObligationSet,
  ReportingObligationVoided,
  ReportSubmitted,
  eventTypes as reportingObligationEventTypes,
  reportingObligationStreamType,
  type ReportingObligationEvent,
} from "./events.ts"
import {
  InvalidReportingObligation,
  InvalidSubmission,
  ReportAlreadySubmitted,
  ReportingObligationAlreadySet,
  ReportingObligationCorrectionInvalid,
  ReportingObligationIsVoid,
  ReportingObligationNotSet,
  type ReportingObligationRejection,
} from "./rejections.ts"
import type { ReportingObligationState } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<ReportingObligationEvent>, ReportingObligationRejection>

const notSet = (obligationId: string) =>
  new ReportingObligationNotSet({
    obligationId,
    message: `Chưa có nghĩa vụ báo cáo ${obligationId}`,
    messageEn: `obligation ${obligationId} not set`,
  })

/**
 * A periodic report of year Y cannot be due before Y starts; plans may be due up to a year earlier.
 * (Lào Cai 2025 prints "báo cáo 06 tháng trước ngày 25/6/2024" — rejected here, kept as a note in the seed.)
 */
const deadlineFitsPeriod = (c: SetReportingObligation): boolean => {
  const year = Number(c.deadline.slice(0, 4))
  const earliest = c.reportKind === "six-month" || c.reportKind === "annual" ? c.period.year : c.period.year - 1
  return year >= earliest && year <= c.period.year + 1
}

const set = (c: SetReportingObligation, state: ReportingObligationState): Decision => {
  if (state.status !== "not-set")
    return Result.fail(
      new ReportingObligationAlreadySet({
        obligationId: c.obligationId,
        message: `Nghĩa vụ báo cáo ${c.obligationId} đã được ghi nhận`,
        messageEn: "obligation already set",
      }),
    )
  const invalid = (message: string, messageEn: string) =>
    Result.fail(new InvalidReportingObligation({ obligationId: c.obligationId, message, messageEn }))
  if (c.reporter.name.trim() === "") return invalid("Phải ghi rõ đơn vị có trách nhiệm báo cáo", "reporter is required")
  if (c.recipient.name.trim() === "") return invalid("Phải ghi rõ nơi nhận báo cáo", "recipient is required")
  if (!deadlineFitsPeriod(c))
    return invalid(
      `Hạn ${c.deadline} không phù hợp với kỳ báo cáo ${c.period.label} (${c.period.year})`,
      "deadline does not fit the reporting period",
    )
  const { _tag, ...fields } = c
  return Result.succeed([new ReportingObligationSet(fields)])
}

const isVoid = (obligationId: string) =>
  new ReportingObligationIsVoid({
    obligationId,
    message: `Nghĩa vụ báo cáo ${obligationId} đã bị hủy (ghi nhầm); không ghi nhận thêm gì cho nghĩa vụ này`,
    messageEn: `obligation ${obligationId} is void`,
  })

const submit = (c: SubmitReport, state: ReportingObligationState): Decision => {
  if (state.status === "not-set") return Result.fail(notSet(c.obligationId))
  if (state.status === "void") return Result.fail(isVoid(c.obligationId))
  if (state.obligation.submission !== null)
    return Result.fail(
      new ReportAlreadySubmitted({
        obligationId: c.obligationId,
        message: `Báo cáo đã được nộp ngày ${state.obligation.submission.submittedOn}`,
        messageEn: "report already submitted",
      }),
    )
  if (c.documentRef.date !== null && c.documentRef.date > c.submittedOn)
    return Result.fail(
      new InvalidSubmission({
        obligationId: c.obligationId,
        message: `Văn bản ngày ${c.documentRef.date} không thể được nộp trước đó (ngày ${c.submittedOn})`,
        messageEn: "document dated after its submission",
      }),
    )
  const invalid = (message: string, messageEn: string) =>
    Result.fail(new InvalidSubmission({ obligationId: c.obligationId, message, messageEn }))
  if (c.difficulties !== undefined && c.difficulties.trim() === "")
    return invalid("Nội dung khó khăn, vướng mắc không được để trống", "difficulties are empty")
  const figure = c.figures?.find((f) => f.label.trim() === "" || f.ref.trim() === "" || !Number.isFinite(f.value))
  if (figure !== undefined)
    return invalid(
      `Số liệu "${figure.label || figure.ref}" của báo cáo cần có mã, tên và giá trị là số`,
      "each figure needs a ref, a label and a finite value",
    )
  const refs = c.figures?.map((f) => f.ref) ?? []
  if (new Set(refs).size !== refs.length)
    return invalid("Mỗi số liệu chỉ được ghi một lần trong báo cáo", "a figure is stated twice")
  const { _tag, ...fields } = c
  return Result.succeed([new ReportSubmitted(fields)])
}

const correct = (c: CorrectReportingObligationRecord, state: ReportingObligationState): Decision => {
  if (state.status === "not-set") return Result.fail(notSet(c.obligationId))
  if (state.status === "void") return Result.fail(isVoid(c.obligationId))
  const invalid = (message: string, messageEn: string) =>
    Result.fail(new ReportingObligationCorrectionInvalid({ obligationId: c.obligationId, message, messageEn }))
  if (c.reason.trim() === "") return invalid("Phải nêu lý do đính chính", "a correction needs a reason")
  const { _tag, obligationId, correctsEventId, reason, correctedOn, ...replacement } = c
  if (Object.values(replacement).every((v) => v === undefined || v === false))
    return invalid("Đính chính không thay đổi nội dung nào", "nothing to correct")
  const submitted = state.obligation.submission !== null
  if ((c.voidsSubmission === true || c.submittedOn !== undefined) && !submitted)
    return invalid("Chưa có báo cáo nào được nộp để đính chính", "no submission to correct")
  if (c.voidsSubmission === true && c.submittedOn !== undefined)
    return invalid("Không thể vừa hủy vừa sửa ngày nộp", "cannot void and re-date a submission at once")
  return Result.succeed([
    new ReportingObligationRecordCorrected({ obligationId, correctsEventId, reason, correctedOn, ...replacement }),
  ])
}

const voidObligation = (c: VoidReportingObligation, state: ReportingObligationState): Decision => {
  if (state.status === "not-set") return Result.fail(notSet(c.obligationId))
  if (state.status === "void") return Result.fail(isVoid(c.obligationId))
  if (c.reason.trim() === "")
    return Result.fail(
      new ReportingObligationCorrectionInvalid({
        obligationId: c.obligationId,
        message: "Phải nêu lý do hủy nghĩa vụ báo cáo",
        messageEn: "voiding needs a reason",
      }),
    )
  const { _tag, ...fields } = c
  return Result.succeed([new ReportingObligationVoided(fields)])
}

const known = knownEventGuard(reportingObligationStreamType, reportingObligationEventTypes)

const evolve = (state: ReportingObligationState, event: ReportingObligationEvent): ReportingObligationState => {
  known(event)
  if (event._tag === "ReportingObligationSet") {
    const { _tag, note, ...rest } = event
    return { status: "set", obligation: { ...rest, note, submission: null } }
  }
  if (state.status === "not-set") return state
  const o = state.obligation
  switch (event._tag) {
    case "ReportingObligationVoided":
      return { status: "void", obligation: o }
    case "ReportSubmitted":
      return {
        ...state,
        obligation: {
          ...o,
          submission: {
            submittedOn: event.submittedOn,
            documentRef: event.documentRef,
            ...(event.figures !== undefined ? { figures: event.figures } : {}),
            ...(event.contentSha256 !== undefined ? { contentSha256: event.contentSha256 } : {}),
            ...(event.issuedReportId !== undefined ? { issuedReportId: event.issuedReportId } : {}),
            ...(event.difficulties !== undefined ? { difficulties: event.difficulties } : {}),
          },
        },
      }
    case "ReportingObligationRecordCorrected": {
      const submission =
        event.voidsSubmission === true
          ? null
          : event.submittedOn !== undefined && o.submission !== null
            ? { ...o.submission, submittedOn: event.submittedOn }
            : o.submission
      return {
        ...state,
        obligation: {
          ...o,
          deadline: event.deadline ?? o.deadline,
          deadlineRule: event.deadlineRule ?? o.deadlineRule,
          deadlinePrinted: event.deadlinePrinted ?? o.deadlinePrinted,
          note: event.note ?? o.note,
          submission,
        },
      }
    }
    default:
      return unknownEvent(reportingObligationStreamType, event)
  }
}

const decide = (command: ReportingObligationCommand, state: ReportingObligationState): Decision => {
  switch (command._tag) {
    case "SetReportingObligation":
      return set(command, state)
    case "SubmitReport":
      return submit(command, state)
    case "CorrectReportingObligationRecord":
      return correct(command, state)
    case "VoidReportingObligation":
      return voidObligation(command, state)
  }
}

export const reportingObligationDecider: Decider<
  ReportingObligationCommand,
  ReportingObligationState,
  ReportingObligationEvent,
  ReportingObligationRejection
> = { initialState: { status: "not-set" }, decide, evolve }
