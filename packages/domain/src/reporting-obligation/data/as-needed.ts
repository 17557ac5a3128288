import { laiChauProgrammeBasis } from "../../quota-plan/data/lai-chau-directive-20.ts"
import { laoCai2025Basis } from "../../quota-plan/data/lao-cai-2025.ts"
import { sonLa2026Basis } from "../../quota-plan/data/son-la-2026.ts"
import type { SetReportingObligation } from "../commands.ts"
import type { Party } from "../party.ts"
import { sonLa2023Basis } from "./son-la-2023.ts"

/**
 * The reports the five documents require without printing a day (deadline rule "as-needed"; the deadline is the
 * last day of the period covered): the Sở's periodic report upward "theo quy định", the department → ministry
 * report, the ad-hoc reports of difficulties ("nếu có khó khăn, vướng mắc, kịp thời báo cáo") and reports "khi có
 * yêu cầu đột xuất". They are never overdue; a submission records that (and what) was reported.
 */
const agency = (code: string, name: string): Party => ({ kind: "agency", code, name })
const snv = agency("SNV", "Sở Nội vụ")
const sldtbxh = agency("SLDTBXH", "Sở Lao động - Thương binh và Xã hội")
const ubndTinh = agency("UBND-TINH", "Ủy ban nhân dân tỉnh")
/** The ministry is outside the province's agency list: an agency without a code. */
const ministryOfLabour: Party = { kind: "agency", code: null, name: "Bộ Lao động - Thương binh và Xã hội" }

const asNeeded = { _tag: "SetReportingObligation", deadlineRule: "as-needed" } as const

/** Sơn La 2026 — seed 001 part V.1.c, V.1.d and V.2, repeated by the notice (seed 000, II.1.b and II.2.a). */
const sonLa2026: ReadonlyArray<SetReportingObligation> = [
  {
    ...asNeeded,
    obligationId: "reporting-obligation:14:2026:six-month:SNV",
    provinceCode: "14",
    reporter: snv,
    recipient: ubndTinh,
    via: null,
    reportKind: "six-month",
    period: { year: 2026, label: "06 tháng đầu năm 2026" },
    deadline: "2026-06-30",
    deadlinePrinted: "tổng hợp kết quả, báo cáo UBND tỉnh …; định kỳ báo cáo theo quy định",
    legalBasis: sonLa2026Basis,
    note: "Sở Nội vụ tổng hợp báo cáo của các sở, ngành, xã, phường (hạn của họ: trước ngày 15/6).",
  },
  {
    ...asNeeded,
    obligationId: "reporting-obligation:14:2026:annual:SNV",
    provinceCode: "14",
    reporter: snv,
    recipient: ubndTinh,
    via: null,
    reportKind: "annual",
    period: { year: 2026, label: "Năm 2026" },
    deadline: "2026-12-31",
    deadlinePrinted: "tổng hợp kết quả, báo cáo UBND tỉnh …; định kỳ báo cáo theo quy định",
    legalBasis: sonLa2026Basis,
    note: "Sở Nội vụ tổng hợp báo cáo của các sở, ngành, xã, phường (hạn của họ: trước ngày 15/12).",
  },
  {
    ...asNeeded,
    obligationId: "reporting-obligation:14:2026:ad-hoc:SO-NGANH",
    provinceCode: "14",
    reporter: { kind: "group", code: "SO-NGANH", name: "Các Sở, ngành, cơ quan, đơn vị" },
    recipient: ubndTinh,
    via: snv,
    reportKind: "ad-hoc",
    period: { year: 2026, label: "Khó khăn, vướng mắc trong năm 2026" },
    deadline: "2026-12-31",
    deadlinePrinted: "nếu có khó khăn, vướng mắc, kịp thời báo cáo UBND tỉnh (qua Sở Nội vụ tổng hợp)",
    legalBasis: sonLa2026Basis,
  },
]

/** Sơn La 2023 — seed 003 part V.2 and its closing sentence. */
const sonLa2023: ReadonlyArray<SetReportingObligation> = [
  ...[
    ["SLDTBXH-BO", ministryOfLabour],
    ["SLDTBXH", ubndTinh],
  ].map(([who, recipient]): SetReportingObligation => ({
    ...asNeeded,
    obligationId: `reporting-obligation:14:2023:annual:${who as string}`,
    provinceCode: "14",
    reporter: sldtbxh,
    recipient: recipient as Party,
    via: null,
    reportKind: "annual",
    period: { year: 2023, label: "Năm 2023" },
    deadline: "2023-12-31",
    deadlinePrinted: "Chủ trì tổng hợp, báo cáo Bộ Lao động - Thương binh và Xã hội, UBND tỉnh … theo quy định",
    legalBasis: sonLa2023Basis,
  })),
  ...(
    [
      ["SO-NGANH", { kind: "group", code: "SO-NGANH", name: "Các Sở, ban, ngành tỉnh" }],
      ["UBND-HUYEN", { kind: "group", code: "UBND-HUYEN", name: "UBND các huyện, thành phố" }],
    ] as const
  ).map(([who, reporter]): SetReportingObligation => ({
    ...asNeeded,
    obligationId: `reporting-obligation:14:2023:ad-hoc:${who}`,
    provinceCode: "14",
    reporter,
    recipient: ubndTinh,
    via: sldtbxh,
    reportKind: "ad-hoc",
    period: { year: 2023, label: "Khó khăn, vướng mắc trong năm 2023" },
    deadline: "2023-12-31",
    deadlinePrinted: "có khó khăn vướng mắc, kịp thời báo cáo UBND tỉnh (qua Sở Lao động - Thương binh và Xã hội)",
    legalBasis: sonLa2023Basis,
  })),
]

/** Lào Cai 2025 — seed 002 part IV.1 ("hoặc khi có yêu cầu đột xuất") and V.2. */
const laoCai2025: ReadonlyArray<SetReportingObligation> = [
  {
    ...asNeeded,
    obligationId: "reporting-obligation:10:2025:ad-hoc:SLDTBXH",
    provinceCode: "10",
    reporter: sldtbxh,
    recipient: { kind: "group", code: null, name: "Ủy ban nhân dân tỉnh và Bộ Lao động - Thương binh và Xã hội" },
    via: null,
    reportKind: "ad-hoc",
    period: { year: 2025, label: "Báo cáo đột xuất năm 2025" },
    deadline: "2025-12-31",
    deadlinePrinted: "hoặc khi có yêu cầu đột xuất",
    legalBasis: laoCai2025Basis,
  },
  {
    ...asNeeded,
    obligationId: "reporting-obligation:10:2025:ad-hoc:local",
    provinceCode: "10",
    reporter: { kind: "group", code: null, name: "Các đơn vị, địa phương" },
    recipient: ubndTinh,
    via: sldtbxh,
    reportKind: "ad-hoc",
    period: { year: 2025, label: "Khó khăn, vướng mắc trong năm 2025" },
    deadline: "2025-12-31",
    deadlinePrinted:
      "nếu có khó khăn, vướng mắc, các đơn vị, địa phương kịp thời báo cáo về Ủy ban nhân dân tỉnh (qua Sở Lao động - Thương binh và Xã hội)",
    legalBasis: laoCai2025Basis,
  },
]

/**
 * Lai Châu — seed 004 part IV.2: the provincial People's Committee reports to the Party Standing Committee
 * ("định kỳ sơ kết, tổng kết"; no period printed). Recorded for the current year, 2026: a period of 2030 would be
 * an obligation entered years ahead (the demo records a seed at the start of its period's year).
 */
const laiChau: ReadonlyArray<SetReportingObligation> = [
  {
    ...asNeeded,
    obligationId: "reporting-obligation:12:2026:ad-hoc:UBND-TINH",
    provinceCode: "12",
    reporter: agency("UBND-TINH", "Ủy ban nhân dân tỉnh (Ban cán sự đảng UBND tỉnh)"),
    recipient: agency("BTV-TU", "Ban Thường vụ Tỉnh ủy"),
    via: null,
    reportKind: "ad-hoc",
    period: { year: 2026, label: "Sơ kết, tổng kết định kỳ năm 2026 (Chương trình hành động đến năm 2030)" },
    deadline: "2026-12-31",
    deadlinePrinted: "định kỳ sơ kết, tổng kết, báo cáo Ban Thường vụ Tỉnh ủy",
    legalBasis: laiChauProgrammeBasis,
  },
]

export const asNeededObligations: ReadonlyArray<SetReportingObligation> = [
  ...sonLa2023,
  ...laoCai2025,
  ...sonLa2026,
  ...laiChau,
]
