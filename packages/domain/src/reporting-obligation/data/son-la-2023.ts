import type { PrintedLegalBasis } from "../../quota-plan/printed-legal-basis.ts"
import type { SetReportingObligation } from "../commands.ts"
import type { Party } from "../party.ts"

/**
 * Sơn La 2023 — seed 003, Kế hoạch 113/KH-UBND of 28/04/2023 (Directive 20), part V: departments and
 * district People's Committees report 6-month and 1-year results to UBND tỉnh through Sở Lao động -
 * Thương binh và Xã hội "trước ngày 10/6 và 10/12". Recorded for 2023, the year of the plan.
 */
export const sonLa2023Basis: PrintedLegalBasis = {
  number: "113/KH-UBND",
  date: "2023-04-28",
  issuer: "Ủy ban nhân dân tỉnh Sơn La",
  title:
    "Kế hoạch thực hiện Chỉ thị số 20-CT/TW của Ban Bí thư Trung ương Đảng về tăng cường sự lãnh đạo của Đảng đối với công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài trong tình hình mới",
}

const reporters: ReadonlyArray<readonly [string, Party]> = [
  ["SO-NGANH", { kind: "group", code: "SO-NGANH", name: "Các Sở, ban, ngành tỉnh" }],
  ["UBND-HUYEN", { kind: "group", code: "UBND-HUYEN", name: "UBND các huyện, thành phố" }],
]

export const sonLa2023Obligations: ReadonlyArray<SetReportingObligation> = reporters.flatMap(([who, reporter]) => [
  {
    _tag: "SetReportingObligation",
    obligationId: `reporting-obligation:14:2023:six-month:${who}`,
    provinceCode: "14",
    reporter,
    recipient: { kind: "agency", code: "UBND-TINH", name: "UBND tỉnh" },
    via: { kind: "agency", code: "SLDTBXH", name: "Sở Lao động - Thương binh và Xã hội" },
    reportKind: "six-month",
    period: { year: 2023, label: "06 tháng đầu năm 2023" },
    deadline: "2023-06-10",
    deadlineRule: "before",
    deadlinePrinted: "trước ngày 10/6",
    legalBasis: sonLa2023Basis,
  },
  {
    _tag: "SetReportingObligation",
    obligationId: `reporting-obligation:14:2023:annual:${who}`,
    provinceCode: "14",
    reporter,
    recipient: { kind: "agency", code: "UBND-TINH", name: "UBND tỉnh" },
    via: { kind: "agency", code: "SLDTBXH", name: "Sở Lao động - Thương binh và Xã hội" },
    reportKind: "annual",
    period: { year: 2023, label: "Năm 2023" },
    deadline: "2023-12-10",
    deadlineRule: "before",
    deadlinePrinted: "10/12",
    legalBasis: sonLa2023Basis,
  },
])
