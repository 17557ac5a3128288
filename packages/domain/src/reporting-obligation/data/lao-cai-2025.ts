import { laoCai2025Basis } from "../../quota-plan/data/lao-cai-2025.ts"
import type { SetReportingObligation } from "../commands.ts"
import type { Party } from "../party.ts"

/**
 * Lào Cai 2025 — seed 002 (old province code 10). The plan prints two pairs of deadlines:
 *  - IV.1: Sở Lao động - Thương binh và Xã hội reports to UBND tỉnh and the Ministry:
 *    "báo cáo 6 tháng trước ngày 15/7; báo cáo năm trước ngày 15/12";
 *  - V.1: departments, provincial socio-political organisations and localities report to the Sở:
 *    "báo cáo 6 tháng gửi trước ngày 10/7; báo cáo năm gửi trước ngày 30/11".
 * V.1 also prints "báo cáo 06 tháng trước ngày 25/6/2024", a date before the plan was issued (24/01/2025),
 * evidently left over from the previous year's plan: it is kept as a note, not as an obligation.
 */
const sldtbxh: Party = { kind: "agency", code: "SLDTBXH", name: "Sở Lao động - Thương binh và Xã hội" }
const localReporters: Party = {
  kind: "group",
  code: null,
  name: "Các sở, ban, ngành, tổ chức chính trị - xã hội cấp tỉnh, các địa phương",
}
const upward: Party = { kind: "group", code: null, name: "Ủy ban nhân dân tỉnh và Bộ Lao động - Thương binh và Xã hội" }

const id = (kind: string, who: string) => `reporting-obligation:10:2025:${kind}:${who}`

const base = {
  _tag: "SetReportingObligation",
  provinceCode: "10",
  via: null,
  deadlineRule: "before",
  legalBasis: laoCai2025Basis,
} as const

export const laoCai2025Obligations: ReadonlyArray<SetReportingObligation> = [
  {
    ...base,
    obligationId: id("six-month", "local"),
    reporter: localReporters,
    recipient: sldtbxh,
    reportKind: "six-month",
    period: { year: 2025, label: "06 tháng đầu năm 2025" },
    deadline: "2025-07-10",
    deadlinePrinted: "báo cáo 6 tháng gửi trước ngày 10/7",
    note: 'Cùng câu còn in "báo cáo 06 tháng trước ngày 25/6/2024" — ngày trước khi Kế hoạch ban hành, không ghi nhận là hạn.',
  },
  {
    ...base,
    obligationId: id("annual", "local"),
    reporter: localReporters,
    recipient: sldtbxh,
    reportKind: "annual",
    period: { year: 2025, label: "Năm 2025" },
    deadline: "2025-11-30",
    deadlinePrinted: "báo cáo năm gửi trước ngày 30/11",
  },
  {
    ...base,
    obligationId: id("six-month", "SLDTBXH"),
    reporter: sldtbxh,
    recipient: upward,
    reportKind: "six-month",
    period: { year: 2025, label: "06 tháng đầu năm 2025" },
    deadline: "2025-07-15",
    deadlinePrinted: "báo cáo 6 tháng trước ngày 15/7",
  },
  {
    ...base,
    obligationId: id("annual", "SLDTBXH"),
    reporter: sldtbxh,
    recipient: upward,
    reportKind: "annual",
    period: { year: 2025, label: "Năm 2025" },
    deadline: "2025-12-15",
    deadlinePrinted: "báo cáo năm trước ngày 15/12",
  },
]
