import type { SeedSource } from "./source.ts"

/** A destination market: a country or territory (ISO 3166-1 alpha-2) or a region the documents name as one. */
export interface Market {
  readonly code: string
  readonly kind: "country" | "territory" | "region"
  readonly nameVi: string
  readonly nameEn: string
  /** Other spellings in the documents ("Rumani", "CHLB Đức"). */
  readonly aliasesVi: ReadonlyArray<string>
  readonly sources: ReadonlyArray<SeedSource>
}

const traditionalLaoCai: SeedSource = {
  seed: "002",
  quote:
    "thị trường tiếp nhận lao động truyền thống gồm: Hàn Quốc, Nhật Bản, Đài Loan, Malaysia, Trung Đông, Úc, Đức...",
}
const laiChauHighIncome: SeedSource = {
  seed: "004",
  quote: "thị trường có thu nhập cao và ổn định như: Nhật Bản, Hàn Quốc, Đài Loan, Singapore, Úc, Đức, Rumani...",
}

export const markets: ReadonlyArray<Market> = [
  {
    code: "KR",
    kind: "country",
    nameVi: "Hàn Quốc",
    nameEn: "Korea",
    aliasesVi: [],
    sources: [traditionalLaoCai, laiChauHighIncome],
  },
  {
    code: "JP",
    kind: "country",
    nameVi: "Nhật Bản",
    nameEn: "Japan",
    aliasesVi: [],
    sources: [traditionalLaoCai, laiChauHighIncome],
  },
  {
    code: "TW",
    kind: "territory",
    nameVi: "Đài Loan (Trung Quốc)",
    nameEn: "Taiwan",
    aliasesVi: ["Đài Loan"],
    sources: [traditionalLaoCai, laiChauHighIncome],
  },
  {
    code: "DE",
    kind: "country",
    nameVi: "Đức",
    nameEn: "Germany",
    aliasesVi: ["CHLB Đức"],
    sources: [traditionalLaoCai, laiChauHighIncome],
  },
  {
    code: "AU",
    kind: "country",
    nameVi: "Úc",
    nameEn: "Australia",
    aliasesVi: ["Australia"],
    sources: [traditionalLaoCai, laiChauHighIncome],
  },
  { code: "MY", kind: "country", nameVi: "Malaysia", nameEn: "Malaysia", aliasesVi: [], sources: [traditionalLaoCai] },
  {
    code: "XME",
    kind: "region",
    nameVi: "Trung Đông",
    nameEn: "Middle East",
    aliasesVi: [],
    sources: [traditionalLaoCai],
  },
  {
    code: "SG",
    kind: "country",
    nameVi: "Singapore",
    nameEn: "Singapore",
    aliasesVi: [],
    sources: [laiChauHighIncome],
  },
  {
    code: "RO",
    kind: "country",
    nameVi: "Romania",
    nameEn: "Romania",
    aliasesVi: ["Rumani"],
    sources: [laiChauHighIncome],
  },
]

const collator = new Intl.Collator("vi")

export const marketByCode = (code: string): Market | undefined => markets.find((m) => m.code === code)

/** Finds a market by its Vietnamese name or an alias as printed (case-insensitive, diacritics significant). */
export const marketByVietnameseName = (name: string): Market | undefined => {
  const wanted = name.trim().toLocaleLowerCase("vi")
  return markets.find((m) => [m.nameVi, ...m.aliasesVi].some((n) => n.toLocaleLowerCase("vi") === wanted))
}

export const marketsInVietnameseOrder = (): ReadonlyArray<Market> =>
  markets.toSorted((a, b) => collator.compare(a.nameVi, b.nameVi))
