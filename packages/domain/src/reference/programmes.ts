import type { SeedSource } from "./source.ts"

/** A programme (chương trình) through which workers go abroad; it belongs to one market. */
export interface Programme {
  readonly code: string
  readonly marketCode: string
  readonly nameVi: string
  readonly nameEn: string
  /** Run by the state (non-profit, e.g. EPS through the ministry's centre) rather than by licensed enterprises. */
  readonly stateRun: boolean
  /**
   * Whether the worker needs a visa (thị thực) of the destination before leaving: a departure under a contract of
   * this programme is refused without one (ADR 0026). Every programme of the catalogue today does.
   */
  readonly visaRequired: boolean
  readonly sources: ReadonlyArray<SeedSource>
}

export const programmes: ReadonlyArray<Programme> = [
  {
    code: "KR-EPS",
    marketCode: "KR",
    nameVi: "Chương trình EPS (cấp phép việc làm) đi làm việc tại Hàn Quốc",
    nameEn: "Korea Employment Permit System (EPS)",
    stateRun: true,
    visaRequired: true,
    sources: [
      { seed: "002", quote: "xuất cảnh đi làm việc tại Hàn Quốc theo chương trình EPS" },
      {
        seed: "004",
        quote: "kỳ thi ngoại ngữ để đi làm việc theo Chương trình EPS do Bộ Lao động - Thương binh và Xã hội tổ chức",
      },
    ],
  },
  {
    code: "KR-SEASONAL",
    marketCode: "KR",
    nameVi: "Lao động thời vụ tại Hàn Quốc theo hình thức hợp tác giữa các địa phương",
    nameEn: "Korea seasonal work under local-to-local agreements",
    stateRun: true,
    visaRequired: true,
    sources: [
      {
        seed: "001",
        quote:
          "Nghị quyết 59/NQ-CP ngày 27/04/2022 … đưa người lao động đi làm việc thời vụ tại Hàn Quốc theo hình thức hợp tác giữa các địa phương của hai nước",
      },
      {
        seed: "000",
        quote: "ký kết Thỏa thuận hợp tác với các địa phương của Hàn Quốc để đưa người lao động đi làm việc thời vụ",
      },
    ],
  },
  {
    code: "JP-TITP",
    marketCode: "JP",
    nameVi: "Thực tập sinh kỹ năng tại Nhật Bản",
    nameEn: "Japan Technical Intern Training Program",
    stateRun: false,
    visaRequired: true,
    sources: [{ seed: "domain", quote: "Japan (technical interns, IM Japan, nurses/care workers)" }],
  },
  {
    code: "JP-IM",
    marketCode: "JP",
    nameVi: "Chương trình IM Japan",
    nameEn: "IM Japan",
    stateRun: true,
    visaRequired: true,
    sources: [{ seed: "002", quote: "Nhật Bản theo chương trình điều dưỡng viên và chương trình IM Japan" }],
  },
  {
    code: "JP-NURSES",
    marketCode: "JP",
    nameVi: "Chương trình điều dưỡng viên, hộ lý đi làm việc tại Nhật Bản",
    nameEn: "Japan nurses and care workers",
    stateRun: true,
    visaRequired: true,
    sources: [{ seed: "002", quote: "Nhật Bản theo chương trình điều dưỡng viên" }],
  },
  {
    code: "DE-NURSES",
    marketCode: "DE",
    nameVi: "Chương trình đưa điều dưỡng viên đi học tập và làm việc tại CHLB Đức",
    nameEn: "Germany nurses (training and work)",
    stateRun: true,
    visaRequired: true,
    sources: [{ seed: "002", quote: "chương trình đưa điều dưỡng viên đi học tập và làm việc tại CHLB Đức" }],
  },
  {
    code: "AU-AGRI",
    marketCode: "AU",
    nameVi: "Chương trình lao động nông nghiệp Úc",
    nameEn: "Australian Agriculture Visa programme",
    stateRun: true,
    visaRequired: true,
    sources: [
      {
        seed: "002",
        quote:
          "Chương trình lao động nông nghiệp Úc trong nội dung Biên bản ghi nhớ giữa Chính phủ Úc và Chính phủ Việt Nam",
      },
    ],
  },
  {
    code: "TW-CONTRACT",
    marketCode: "TW",
    nameVi: "Lao động hợp đồng tại Đài Loan (Trung Quốc)",
    nameEn: "Taiwan contract work",
    stateRun: false,
    visaRequired: true,
    sources: [{ seed: "004", quote: "đặc biệt là thị trường Nhật Bản, Hàn Quốc, Đài Loan có thu nhập khá, ổn định" }],
  },
]

/** The programme whose contracts need a passed EPS Korean test (kỳ thi tiếng Hàn) before they are signed. */
export const EPS_PROGRAMME_CODE = "KR-EPS"

export const programmeByCode = (code: string): Programme | undefined => programmes.find((p) => p.code === code)
