import type { LegalBasis } from "../shared/values.ts"
import type { SeedSource } from "./source.ts"

/**
 * Where the money of a support subsidy comes from (nguồn kinh phí), as the plans list them (Sơn La 2026, section
 * IV "Nguồn kinh phí thực hiện"; Lào Cai 2025).
 */
export interface FundingSource {
  readonly code: string
  readonly nameVi: string
  readonly nameEn: string
  readonly sources: ReadonlyArray<SeedSource>
}

export const fundingSources: ReadonlyArray<FundingSource> = [
  {
    code: "ctmtqg-dtts-mn",
    nameVi: "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    nameEn: "National target programme for ethnic-minority and mountainous areas",
    sources: [
      {
        seed: "002",
        quote:
          "từ nguồn kinh phí Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
      },
      { seed: "001", quote: "phí Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc" },
    ],
  },
  {
    code: "ctmtqg-gnbv",
    nameVi: "Chương trình mục tiêu quốc gia giảm nghèo bền vững",
    nameEn: "National target programme for sustainable poverty reduction",
    sources: [{ seed: "001", quote: "phí Chương trình mục tiêu quốc gia giảm nghèo bền vững" }],
  },
  {
    code: "nsnn-phan-cap",
    nameVi: "Ngân sách nhà nước theo phân cấp ngân sách hiện hành",
    nameEn: "State budget, by the level that holds it",
    sources: [
      {
        seed: "001",
        quote: "Nguồn ngân sách nhà nước theo phân cấp ngân sách hiện hành để hỗ trợ kinh phí cho người lao động",
      },
    ],
  },
  {
    code: "nsdp",
    nameVi: "Ngân sách địa phương",
    nameEn: "Local (provincial) budget",
    sources: [{ seed: "001", quote: "Nguồn ngân sách địa phương hỗ trợ theo khả năng cân đối" }],
  },
  {
    code: "doanh-nghiep",
    nameVi: "Nguồn hỗ trợ của doanh nghiệp và nguồn huy động hợp pháp khác",
    nameEn: "Enterprises' support and other lawful sources",
    sources: [{ seed: "001", quote: "Các nguồn hỗ trợ của doanh nghiệp và nguồn huy động hợp pháp khác" }],
  },
]

/**
 * A support policy for workers going abroad (chính sách hỗ trợ), as a cited document: what it is, the legal
 * document that sets it, the funding sources it may be paid from, and the priority groups it is for (codes of
 * `priorityGroups`). A subsidy's appraisal names one policy and one of its funding sources; the worker must belong
 * to one of its eligible groups.
 */
export interface SupportPolicy {
  readonly code: string
  readonly nameVi: string
  readonly nameEn: string
  readonly legalBasis: LegalBasis
  readonly fundingSources: ReadonlyArray<string>
  readonly eligibleGroups: ReadonlyArray<string>
  readonly sources: ReadonlyArray<SeedSource>
}

export const supportPolicies: ReadonlyArray<SupportPolicy> = [
  {
    code: "nd-338-2025",
    nameVi: "Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng (chính sách hỗ trợ tạo việc làm)",
    nameEn: "Support for workers going abroad under contract (job-creation support policy)",
    legalBasis: {
      number: "338/2025/NĐ-CP",
      date: "2025-12-25",
      issuer: "Chính phủ",
      title: "Quy định chi tiết một số điều của Luật Việc làm về chính sách hỗ trợ tạo việc làm",
    },
    fundingSources: ["nsnn-phan-cap", "nsdp"],
    // The groups the seeds name for state support of workers going abroad; to be checked against the decree.
    eligibleGroups: [
      "ethnic-minority",
      "poor-household",
      "near-poor-household",
      "policy-beneficiary",
      "land-revoked-household",
      "job-loss",
    ],
    sources: [
      {
        seed: "001",
        quote:
          "hỗ trợ kinh phí cho người lao động đi làm việc ở nước ngoài theo hợp đồng theo quy định tại Nghị định số 338/2025/NĐ-CP ngày 25/12/2025 của Chính phủ",
      },
    ],
  },
  {
    code: "ctmtqg-dtts-mn",
    nameVi:
      "Hỗ trợ người lao động thuộc vùng đồng bào dân tộc thiểu số và miền núi đi làm việc ở nước ngoài theo hợp đồng",
    nameEn: "Support for workers of ethnic-minority and mountainous areas going abroad under contract",
    legalBasis: {
      number: "1719/QĐ-TTg",
      date: "2021-10-14",
      issuer: "Thủ tướng Chính phủ",
      title:
        "Phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030",
    },
    fundingSources: ["ctmtqg-dtts-mn"],
    eligibleGroups: ["ethnic-minority", "especially-difficult-area"],
    sources: [
      {
        seed: "002",
        quote:
          "thực hiện chính sách hỗ trợ người lao động thuộc vùng đồng bào dân tộc thiểu số và miền núi đi làm việc ở nước ngoài theo hợp đồng",
      },
    ],
  },
  {
    code: "ctmtqg-gnbv",
    nameVi: "Hỗ trợ người lao động thuộc hộ nghèo, hộ cận nghèo đi làm việc ở nước ngoài theo hợp đồng",
    nameEn: "Support for workers of poor and near-poor households going abroad under contract",
    legalBasis: {
      number: "90/QĐ-TTg",
      date: "2022-01-18",
      issuer: "Thủ tướng Chính phủ",
      title: "Phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025",
    },
    fundingSources: ["ctmtqg-gnbv"],
    eligibleGroups: ["poor-household", "near-poor-household", "especially-difficult-area"],
    sources: [
      {
        seed: "002",
        quote:
          "các chính sách hỗ trợ đối với người lao động đi làm việc ở nước ngoài theo hợp đồng thuộc Chương trình mục tiêu quốc gia giảm nghèo bền vững",
      },
    ],
  },
]

export const supportPolicyByCode = (code: string): SupportPolicy | undefined =>
  supportPolicies.find((p) => p.code === code)

export const fundingSourceByCode = (code: string): FundingSource | undefined =>
  fundingSources.find((f) => f.code === code)
