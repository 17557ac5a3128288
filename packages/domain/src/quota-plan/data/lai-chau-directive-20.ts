import type { IssueScheme } from "../commands.ts"
import type { PrintedLegalBasis } from "../printed-legal-basis.ts"

/**
 * Lai Châu — seed 004: Chương trình hành động of the provincial Party Standing Committee implementing
 * Directive 20-CT/TW (12/12/2022). Targets to 2025 and to 2030. The seed copy prints neither number nor date
 * (its first task is due "trong tháng 4/2023"); the start year of the period is not printed either (null).
 */
export const laiChauProgrammeId = "quota-plan:12:scheme:ct20-2030"

export const laiChauProgrammeBasis: PrintedLegalBasis = {
  number: "",
  date: null,
  issuer: "Ban Thường vụ Tỉnh ủy Lai Châu",
  title:
    "Chương trình hành động thực hiện Chỉ thị số 20-CT/TW, ngày 12/12/2022 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đối với công tác đưa người lao động Việt Nam đi làm việc ở nước ngoài trong tình hình mới",
  printed: "Số và ngày ban hành không có trong bản sao",
}

export const laiChauProgramme: IssueScheme = {
  _tag: "IssueScheme",
  planId: laiChauProgrammeId,
  provinceCode: "12",
  title: "Chương trình hành động thực hiện Chỉ thị số 20-CT/TW (tỉnh Lai Châu)",
  fromYear: null,
  toYear: 2030,
  targets: [
    {
      kind: "departures",
      value: 450,
      comparator: "at-least",
      aggregation: "yearly-average",
      byYear: 2025,
      printed:
        "Phân đấu trung bình mỗi năm đưa từ 450 người lao động trở lên đi làm việc có thời hạn ở nước ngoài theo hợp đồng.",
    },
    {
      kind: "language-training-centres",
      value: 1,
      comparator: "at-least",
      aggregation: "cumulative",
      byYear: 2025,
      printed: "Có ít nhất 01 trung tâm đào tạo ngoại ngữ phục vụ xuất khẩu lao động trên địa bàn tỉnh",
    },
    {
      kind: "language-trainees",
      value: 200,
      comparator: "target",
      aggregation: "cumulative",
      byYear: 2025,
      printed:
        "tổ chức đào tạo ngoại ngữ cho 200 người lao động đủ điều kiện đăng ký tham dự kỳ thi ngoại ngữ để đi làm việc theo Chương trình EPS do Bộ Lao động - Thương binh và Xã hội tổ chức và các chương trình khác.",
    },
    {
      kind: "departures",
      value: 750,
      comparator: "at-least",
      aggregation: "yearly-average",
      byYear: 2030,
      printed:
        "Phân đấu trung bình mỗi năm đưa từ 750 người lao động trở lên đi làm việc có thời hạn ở nước ngoài theo hợp đồng.",
    },
    {
      kind: "language-trainees",
      value: 1000,
      comparator: "more-than",
      aggregation: "cumulative",
      byYear: 2030,
      printed:
        "Tổ chức đào tạo ngoại ngữ phục vụ xuất khẩu lao động cho trên 1.000 người lao động đủ điều kiện đăng ký tham dự kỳ thi theo Chương trình EPS do Bộ Lao động - Thương binh và Xã hội tổ chức và các chương trình khác.",
    },
    {
      kind: "high-income-market-share",
      value: 80,
      comparator: "more-than",
      aggregation: "cumulative",
      byYear: 2030,
      printed:
        "Trên 80% số người lao động đi làm việc có thời hạn ở nước ngoài theo hợp đồng làm việc tại những thị trường có thu nhập cao và ổn định.",
    },
  ],
  legalBasis: laiChauProgrammeBasis,
}

/** Facts the programme reports about the past (section I), kept for context; they are not targets. */
export const laiChauHistory = {
  sentSince2013: 1042,
  overstayedSince2013: 11,
  printed:
    "từ năm 2013 đến nay đã tổ chức đưa 1.042 người đi làm việc ở nước ngoài … (từ năm 2013 đến nay, trên địa bàn tỉnh có 11 lao động vi phạm)",
} as const
