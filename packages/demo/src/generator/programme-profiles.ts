import type { Rng } from "./random.ts"
import { Reference } from "@xkld/domain"
const { programmeByCode } = Reference

/**
 * What a contract under each programme looks like, and how long the steps before departure take. The market
 * mix is roughly Japan 45%, Taiwan 25%, Korea 20%, Germany/Australia 10%. Wages are monthly, in the currency of
 * the country (Korean and Taiwanese statutory minimum wages of the year); fees are what the worker pays, in VND.
 */
export interface ProgrammeProfile {
  readonly code: string
  readonly country: string
  readonly share: number
  readonly durationsMonths: ReadonlyArray<readonly [number, number]>
  readonly wage: (rng: Rng, year: number) => { readonly amount: number; readonly currency: string }
  /** Fees paid by the worker, millions of VND [min, max]. */
  readonly feesMillion: readonly [number, number]
  readonly occupations: ReadonlyArray<string>
  readonly languageDays: readonly [number, number]
  readonly waitForSelectionDays: readonly [number, number]
  readonly visaDays: readonly [number, number]
  /** Chance a worker stays on illegally after (or during) the contract. */
  readonly overstay: number
  readonly minAge: number
  readonly maxAge: number
}

const byYear = (table: Readonly<Record<number, number>>, year: number) => table[year] ?? table[2026]!

const krMinimumMonthly = { 2024: 2_060_740, 2025: 2_096_270, 2026: 2_156_880 }
const twMinimumMonthly = { 2024: 27_470, 2025: 28_590, 2026: 29_500 }
const round = (n: number, step: number) => Math.round(n / step) * step

export const programmeProfiles: ReadonlyArray<ProgrammeProfile> = [
  {
    code: "JP-TITP",
    country: "JP",
    share: 38,
    durationsMonths: [
      [36, 80],
      [12, 12],
      [60, 8],
    ],
    wage: (rng) => ({ amount: round(rng.int(162_000, 210_000), 1000), currency: "JPY" }),
    feesMillion: [55, 110],
    occupations: [
      "Chế biến thực phẩm",
      "Xây dựng",
      "Nông nghiệp",
      "Cơ khí, hàn",
      "May mặc",
      "Đóng gói công nghiệp",
      "Lắp ráp linh kiện điện tử",
    ],
    languageDays: [60, 150],
    waitForSelectionDays: [5, 30],
    visaDays: [30, 90],
    overstay: 0.012,
    minAge: 18,
    maxAge: 35,
  },
  {
    code: "JP-IM",
    country: "JP",
    share: 4.5,
    durationsMonths: [[36, 1]],
    wage: (rng) => ({ amount: round(rng.int(165_000, 195_000), 1000), currency: "JPY" }),
    feesMillion: [3, 8],
    occupations: ["Cơ khí, hàn", "Xây dựng", "Chế biến thực phẩm"],
    languageDays: [60, 120],
    waitForSelectionDays: [20, 90],
    visaDays: [40, 100],
    overstay: 0.005,
    minAge: 20,
    maxAge: 30,
  },
  {
    code: "JP-NURSES",
    country: "JP",
    share: 2.5,
    durationsMonths: [[36, 1]],
    wage: (rng) => ({ amount: round(rng.int(190_000, 230_000), 1000), currency: "JPY" }),
    feesMillion: [0, 5],
    occupations: ["Điều dưỡng viên", "Hộ lý chăm sóc người cao tuổi"],
    languageDays: [120, 210],
    waitForSelectionDays: [30, 120],
    visaDays: [40, 100],
    overstay: 0.002,
    minAge: 20,
    maxAge: 35,
  },
  {
    code: "KR-EPS",
    country: "KR",
    share: 11,
    durationsMonths: [[58, 1]],
    wage: (_rng, year) => ({ amount: byYear(krMinimumMonthly, year), currency: "KRW" }),
    feesMillion: [14, 25],
    occupations: ["Sản xuất chế tạo", "Nông nghiệp", "Ngư nghiệp", "Xây dựng"],
    languageDays: [60, 150],
    waitForSelectionDays: [30, 180],
    visaDays: [15, 45],
    overstay: 0.015,
    minAge: 18,
    maxAge: 39,
  },
  {
    code: "KR-SEASONAL",
    country: "KR",
    share: 9,
    durationsMonths: [
      [5, 30],
      [6, 20],
      [8, 50],
    ],
    wage: (_rng, year) => ({ amount: byYear(krMinimumMonthly, year), currency: "KRW" }),
    feesMillion: [5, 15],
    occupations: ["Lao động thời vụ nông nghiệp", "Thu hoạch nông sản", "Nuôi trồng thủy sản"],
    languageDays: [10, 30],
    waitForSelectionDays: [5, 40],
    visaDays: [10, 40],
    overstay: 0.04,
    minAge: 25,
    maxAge: 55,
  },
  {
    code: "TW-CONTRACT",
    country: "TW",
    share: 25,
    durationsMonths: [[36, 1]],
    wage: (_rng, year) => ({ amount: byYear(twMinimumMonthly, year), currency: "TWD" }),
    feesMillion: [60, 110],
    occupations: [
      "Công nhân nhà máy",
      "Lắp ráp linh kiện điện tử",
      "Hộ lý, chăm sóc người bệnh",
      "Xây dựng",
      "Dệt may",
    ],
    languageDays: [20, 60],
    waitForSelectionDays: [5, 40],
    visaDays: [15, 45],
    overstay: 0.012,
    minAge: 18,
    maxAge: 40,
  },
  {
    code: "DE-NURSES",
    country: "DE",
    share: 6.5,
    durationsMonths: [[36, 1]],
    wage: (rng) => ({ amount: round(rng.int(2_300, 2_900), 50), currency: "EUR" }),
    feesMillion: [0, 10],
    occupations: ["Điều dưỡng viên", "Học nghề điều dưỡng"],
    languageDays: [150, 270],
    waitForSelectionDays: [30, 90],
    visaDays: [60, 150],
    overstay: 0.002,
    minAge: 18,
    maxAge: 35,
  },
  {
    code: "AU-AGRI",
    country: "AU",
    share: 3.5,
    durationsMonths: [
      [9, 40],
      [36, 60],
    ],
    wage: (rng) => ({ amount: round(rng.int(4_000, 4_800), 50), currency: "AUD" }),
    feesMillion: [30, 60],
    occupations: ["Lao động nông nghiệp", "Chế biến thịt", "Trồng trọt, thu hoạch"],
    languageDays: [30, 75],
    waitForSelectionDays: [20, 90],
    visaDays: [30, 90],
    overstay: 0.01,
    minAge: 21,
    maxAge: 45,
  },
]

for (const p of programmeProfiles) {
  if (programmeByCode(p.code) === undefined) throw new Error(`programme ${p.code} is not in the reference data`)
}

export const pickProgramme = (rng: Rng, age: number): ProgrammeProfile => {
  const eligible = programmeProfiles.filter((p) => age >= p.minAge && age <= p.maxAge)
  return rng.weighted((eligible.length > 0 ? eligible : programmeProfiles).map((p) => [p, p.share] as const))
}
