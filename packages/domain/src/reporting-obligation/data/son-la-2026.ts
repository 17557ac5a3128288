import { sonLa2026Basis, sonLa2026Rows } from "../../quota-plan/data/son-la-2026.ts"
import type { PrintedLegalBasis } from "../../quota-plan/printed-legal-basis.ts"
import type { SetReportingObligation } from "../commands.ts"
import type { Party } from "../party.ts"

/**
 * Sơn La 2026 — seed 001, part V (Tổ chức thực hiện):
 *  - 1.d: "Định kỳ báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện Kế hoạch 06 tháng (trước ngày 15/6) và năm 2026
 *    (trước ngày 15/12) qua Sở Nội vụ" — addressed to the departments and to UBND các xã, phường;
 *  - 4.a: each commune/ward sends its plan for 2025–2030 and 2026 to Sở Nội vụ "trước ngày 15/01/2026".
 * Seed 000 (Thông báo, /TB-VPUB, 2025) adds: departments send their implementation plans for the scheme
 * to UBND tỉnh through Sở Nội vụ "trước ngày 15/01/2026".
 * One obligation per commune/ward (so each can be tracked) and one for the departments as a group.
 */
const snv: Party = { kind: "agency", code: "SNV", name: "Sở Nội vụ" }
const ubndTinh: Party = { kind: "agency", code: "UBND-TINH", name: "Ủy ban nhân dân tỉnh" }
const departments: Party = { kind: "group", code: "SO-NGANH", name: "Các Sở, ban, ngành" }

export const sonLaNotice2025Basis: PrintedLegalBasis = {
  number: "/TB-VPUB",
  date: null,
  issuer: "Văn phòng UBND tỉnh Sơn La",
  title:
    "Thông báo Kết luận của đồng chí Nguyễn Minh Tiến - Phó Chủ tịch UBND tỉnh tại Hội nghị quán triệt, triển khai Đề án đưa người lao động của tỉnh Sơn La đi làm việc ở nước ngoài giai đoạn 2025-2030",
  printed: "Số: /TB-VPUB — Sơn La, ngày tháng năm 2025",
}

const id = (kind: string, who: string) => `reporting-obligation:14:2026:${kind}:${who}`

const periodic = (reporter: Party, who: string): ReadonlyArray<SetReportingObligation> => [
  {
    _tag: "SetReportingObligation",
    obligationId: id("six-month", who),
    provinceCode: "14",
    reporter,
    recipient: ubndTinh,
    via: snv,
    reportKind: "six-month",
    period: { year: 2026, label: "06 tháng đầu năm 2026" },
    deadline: "2026-06-15",
    deadlineRule: "before",
    deadlinePrinted: "06 tháng (trước ngày 15/6)",
    legalBasis: sonLa2026Basis,
  },
  {
    _tag: "SetReportingObligation",
    obligationId: id("annual", who),
    provinceCode: "14",
    reporter,
    recipient: ubndTinh,
    via: snv,
    reportKind: "annual",
    period: { year: 2026, label: "Năm 2026" },
    deadline: "2026-12-15",
    deadlineRule: "before",
    deadlinePrinted: "năm 2026 (trước ngày 15/12)",
    legalBasis: sonLa2026Basis,
  },
]

export const sonLa2026Obligations: ReadonlyArray<SetReportingObligation> = [
  {
    _tag: "SetReportingObligation",
    obligationId: id("implementation-plan", "SO-NGANH"),
    provinceCode: "14",
    reporter: {
      kind: "group",
      code: "SO-NGANH",
      name: "Các Sở, ngành, cơ quan, đơn vị theo nhiệm vụ được giao tại Đề án",
    },
    recipient: ubndTinh,
    via: snv,
    reportKind: "implementation-plan",
    period: { year: 2026, label: "Kế hoạch triển khai thực hiện Đề án" },
    deadline: "2026-01-15",
    deadlineRule: "before",
    deadlinePrinted: "trước ngày 15/01/2026",
    legalBasis: sonLaNotice2025Basis,
  },
  ...sonLa2026Rows.map(([code, name]): SetReportingObligation => ({
    _tag: "SetReportingObligation",
    obligationId: id("commune-plan", code),
    provinceCode: "14",
    reporter: { kind: "unit", code, name: `UBND ${name}` },
    recipient: ubndTinh,
    via: snv,
    reportKind: "commune-plan",
    period: { year: 2026, label: "Kế hoạch thực hiện giai đoạn 2025 - 2030 và năm 2026" },
    deadline: "2026-01-15",
    deadlineRule: "before",
    deadlinePrinted: "trước ngày 15/01/2026",
    legalBasis: sonLa2026Basis,
  })),
  ...periodic(departments, "SO-NGANH"),
  ...sonLa2026Rows.flatMap(([code, name]) => periodic({ kind: "unit", code, name: `UBND ${name}` }, code)),
]
