import { Result } from "effect"
import type { Decider } from "../shared/decider.ts"
import type { IsoDate } from "../shared/values.ts"
import type { EnterpriseCommand } from "./commands.ts"
import {
  EnterpriseLicensed,
  EnterpriseReinstated,
  EnterpriseRemovedFromVettedList,
  EnterpriseSuspended,
  EnterpriseVetted,
  EnterpriseViolationRecorded,
  type EnterpriseEvent,
} from "./events.ts"
import {
  EnterpriseAlreadyLicensed,
  EnterpriseAlreadyVetted,
  EnterpriseDatesOutOfOrder,
  EnterpriseIsSuspended,
  EnterpriseNotLicensed,
  EnterpriseNotSuspended,
  EnterpriseNotVetted,
  type EnterpriseRejection,
} from "./rejections.ts"
import { evolveEnterprise, initialEnterpriseState, type EnterpriseState } from "./state.ts"

const vi = (date: IsoDate) => date.split("-").reverse().join("/")
const fieldsOf = <C extends { readonly _tag: string }>(command: C): Omit<C, "_tag"> => {
  const { _tag, ...fields } = command
  return fields
}
const ok = (event: EnterpriseEvent) => Result.succeed([event])
const outOfOrder = (what: string, date: IsoDate, earlier: string, earlierDate: IsoDate) =>
  Result.fail(
    new EnterpriseDatesOutOfOrder({
      message: `Ngày ${what} (${vi(date)}) không thể trước ngày ${earlier} (${vi(earlierDate)}).`,
      messageEn: `${what} on ${date} cannot precede ${earlier} on ${earlierDate}`,
    }),
  )

const decide = (
  command: EnterpriseCommand,
  state: EnterpriseState,
): Result.Result<ReadonlyArray<EnterpriseEvent>, EnterpriseRejection> => {
  if (command._tag === "LicenseEnterprise") {
    if (state.licence !== undefined) {
      return Result.fail(
        new EnterpriseAlreadyLicensed({
          message: `Doanh nghiệp đã có giấy phép số ${state.licence.number} cấp ngày ${vi(state.licence.date)}.`,
          messageEn: `Enterprise already licensed (${state.licence.number})`,
        }),
      )
    }
    if (command.occurredOn < command.licenceDate) {
      return outOfOrder("ghi nhận giấy phép", command.occurredOn, "cấp giấy phép", command.licenceDate)
    }
    return ok(new EnterpriseLicensed(fieldsOf(command)))
  }
  const licence = state.licence
  if (licence === undefined) {
    return Result.fail(
      new EnterpriseNotLicensed({
        message:
          "Doanh nghiệp chưa được ghi nhận giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài.",
        messageEn: "Enterprise has no recorded licence",
      }),
    )
  }
  if (command.occurredOn < licence.date)
    return outOfOrder("ghi nhận", command.occurredOn, "cấp giấy phép", licence.date)

  switch (command._tag) {
    case "VetEnterprise":
      if (state.vettedIn[command.provinceCode] !== undefined) {
        return Result.fail(
          new EnterpriseAlreadyVetted({
            message: `Doanh nghiệp đã có trong danh sách doanh nghiệp được tỉnh (mã ${command.provinceCode}) lựa chọn từ ngày ${vi(
              state.vettedIn[command.provinceCode]!.since,
            )}.`,
            messageEn: `Enterprise already on the vetted list of province ${command.provinceCode}`,
          }),
        )
      }
      if (state.suspension !== undefined) {
        return Result.fail(
          new EnterpriseIsSuspended({
            message: `Doanh nghiệp đang bị đình chỉ hoạt động từ ngày ${vi(state.suspension.since)}; không thể đưa vào danh sách.`,
            messageEn: "A suspended enterprise cannot be vetted",
          }),
        )
      }
      return ok(new EnterpriseVetted(fieldsOf(command)))
    case "RemoveEnterpriseFromVettedList": {
      const vetted = state.vettedIn[command.provinceCode]
      if (vetted === undefined) {
        return Result.fail(
          new EnterpriseNotVetted({
            message: `Doanh nghiệp không có trong danh sách của tỉnh (mã ${command.provinceCode}).`,
            messageEn: `Enterprise is not on the vetted list of province ${command.provinceCode}`,
          }),
        )
      }
      if (command.occurredOn < vetted.since)
        return outOfOrder("đưa ra khỏi danh sách", command.occurredOn, "đưa vào danh sách", vetted.since)
      return ok(new EnterpriseRemovedFromVettedList(fieldsOf(command)))
    }
    case "SuspendEnterprise":
      if (state.suspension !== undefined) {
        return Result.fail(
          new EnterpriseIsSuspended({
            message: `Doanh nghiệp đã bị đình chỉ từ ngày ${vi(state.suspension.since)}.`,
            messageEn: "Enterprise is already suspended",
          }),
        )
      }
      if (command.until !== undefined && command.until < command.occurredOn) {
        return outOfOrder("hết hạn đình chỉ", command.until, "đình chỉ", command.occurredOn)
      }
      return ok(new EnterpriseSuspended(fieldsOf(command)))
    case "ReinstateEnterprise":
      if (state.suspension === undefined) {
        return Result.fail(
          new EnterpriseNotSuspended({
            message: "Doanh nghiệp không bị đình chỉ; không có gì để khôi phục.",
            messageEn: "Enterprise is not suspended",
          }),
        )
      }
      if (command.occurredOn < state.suspension.since) {
        return outOfOrder("khôi phục hoạt động", command.occurredOn, "đình chỉ", state.suspension.since)
      }
      return ok(new EnterpriseReinstated(fieldsOf(command)))
    case "RecordEnterpriseViolation":
      return ok(new EnterpriseViolationRecorded(fieldsOf(command)))
  }
}

export const enterpriseDecider: Decider<EnterpriseCommand, EnterpriseState, EnterpriseEvent, EnterpriseRejection> = {
  initialState: initialEnterpriseState,
  decide,
  evolve: evolveEnterprise,
}
