import type { PrintedLegalBasis } from "../quota-plan/printed-legal-basis.ts"
import type { Target, TargetComparator, TargetKind } from "../quota-plan/target.ts"
import type { SeedSource } from "../reference/source.ts"

/**
 * What each kind of target counts (issue 9 §2). A measured value is always a count of facts recorded in the log,
 * as known at a recorded time, over a period and the territory of the authority that issued the document
 * (`territory.ts`). The definitions are the domain's; the projections only count by them.
 */
export interface TargetDefinition {
  readonly kind: TargetKind
  /** Vietnamese label of the figure, for the scoreboard. */
  readonly labelVi: string
  readonly labelEn: string
  /** The unit of the target's value, Vietnamese ("người", "%", "trung tâm"). */
  readonly unit: string
  /** What the numerator counts (and the denominator, for a share). */
  readonly countsVi: string
  readonly countsEn: string
  /** Where the definition comes from: the seed sentences and the law they apply. */
  readonly basis: ReadonlyArray<SeedSource | { readonly law: string; readonly note: string }>
}

/** Law 69/2020/QH14 on Vietnamese workers going abroad under contract: the framework every seed applies. */
export const LAW_69_2020 = "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 69/2020/QH14"

export const targetDefinitions: Readonly<Record<TargetKind, TargetDefinition>> = {
  departures: {
    kind: "departures",
    labelVi: "Số người lao động xuất cảnh đi làm việc ở nước ngoài",
    labelEn: "Workers who departed to work abroad",
    unit: "người",
    countsVi:
      "Người xuất cảnh trong kỳ (mỗi người tính một lần trong một năm), nơi cư trú ngày xuất cảnh thuộc địa bàn của cơ quan ban hành văn bản.",
    countsEn:
      "Departures in the period that count (a person once per year), residence on the departure date within the issuing authority's territory.",
    basis: [
      { seed: "001", quote: "Năm 2026, toàn tỉnh phấn đấu đưa 700 người lao động đi làm việc ở nước ngoài" },
      { seed: "004", quote: "Phân đấu trung bình mỗi năm đưa từ 450 người lao động trở lên" },
    ],
  },
  "trained-before-departure-share": {
    kind: "trained-before-departure-share",
    labelVi:
      "Tỷ lệ người xuất cảnh được đào tạo ngoại ngữ, giáo dục định hướng và tư vấn pháp luật trước khi xuất cảnh",
    labelEn: "Share of departures trained in language, orientation and given legal counselling before departure",
    unit: "%",
    countsVi:
      "Tử số: người xuất cảnh trong kỳ đã có đào tạo ngoại ngữ, giáo dục định hướng và tư vấn pháp luật ghi nhận vào hoặc trước ngày xuất cảnh. Mẫu số: mọi người xuất cảnh trong kỳ trên địa bàn.",
    countsEn:
      "Numerator: departures in the period whose worker had language training, orientation and legal counselling recorded on or before the departure date. Denominator: every departure in the period within the territory.",
    basis: [
      {
        seed: "001",
        quote:
          "100% người lao động tham gia chương trình được đào tạo ngoại ngữ, giáo dục định hướng và tư vấn pháp luật đầy đủ trước khi xuất cảnh",
      },
      {
        seed: "002",
        quote: "100% lao động đi làm việc ở nước ngoài được bồi dưỡng kiến thức cần thiết trước khi xuất cảnh",
      },
      { law: LAW_69_2020, note: "giáo dục định hướng bắt buộc trước khi đi làm việc ở nước ngoài" },
    ],
  },
  "communes-with-departures-share": {
    kind: "communes-with-departures-share",
    labelVi: "Tỷ lệ xã, phường có người lao động xuất cảnh đi làm việc ở nước ngoài",
    labelEn: "Share of communes and wards with at least one departure",
    unit: "%",
    countsVi:
      "Tử số: xã, phường có ít nhất một người xuất cảnh trong kỳ (người của xã cũ bị chia tách không tính cho xã nào). Mẫu số: các xã, phường của kế hoạch (Phụ lục 01), hoặc của địa bàn vào ngày cuối kỳ.",
    countsEn:
      "Numerator: communes and wards with at least one departure in the period (residents of a split old commune credit none). Denominator: the plan's communes (its allocation table), or the territory's communes on the last day of the period.",
    basis: [{ seed: "001", quote: "Phấn đấu 100% các xã, phường của tỉnh đều có lao động đi làm việc ở nước ngoài." }],
  },
  "high-income-market-share": {
    kind: "high-income-market-share",
    labelVi: "Tỷ lệ người lao động đi làm việc tại thị trường có thu nhập cao và ổn định",
    labelEn: "Share of departures to high-income, stable markets",
    unit: "%",
    countsVi:
      "Tử số: người xuất cảnh trong kỳ đến thị trường mà chính tỉnh xếp là có thu nhập cao và ổn định (thị trường của chương trình, nếu không thì nước đến). Mẫu số: mọi người xuất cảnh trong kỳ; thị trường tỉnh chưa xếp loại tính là không thuộc nhóm này.",
    countsEn:
      "Numerator: departures in the period to a market the province itself classifies as high-income and stable (the programme's market, else the destination country). Denominator: every departure in the period; markets the province has not classified count as not high-income.",
    basis: [
      {
        seed: "004",
        quote: "thị trường có thu nhập cao và ổn định như: Nhật Bản, Hàn Quốc, Đài Loan, Singapore, Úc, Đức, Rumani...",
      },
    ],
  },
  "language-trainees": {
    kind: "language-trainees",
    labelVi: "Số người lao động được đào tạo ngoại ngữ",
    labelEn: "Workers given language training",
    unit: "người",
    countsVi:
      "Người lao động (mỗi người một lần) có khóa đào tạo ngoại ngữ hoàn thành trong kỳ, nơi cư trú hiện tại thuộc địa bàn.",
    countsEn:
      "Workers (each once) with a language training completed in the period, current residence within the territory.",
    basis: [
      {
        seed: "004",
        quote: "tổ chức đào tạo ngoại ngữ cho 200 người lao động đủ điều kiện đăng ký tham dự kỳ thi ngoại ngữ",
      },
    ],
  },
  "language-training-centres": {
    kind: "language-training-centres",
    labelVi: "Số trung tâm đào tạo ngoại ngữ phục vụ xuất khẩu lao động",
    labelEn: "Language training centres serving labour export",
    unit: "trung tâm",
    countsVi:
      "Số đơn vị đào tạo khác nhau (tên ghi ở khóa đào tạo ngoại ngữ) đã đào tạo ngoại ngữ cho ít nhất một người lao động của địa bàn trong kỳ. Hệ thống chưa có danh mục trung tâm riêng.",
    countsEn:
      "Distinct providers (as recorded on language trainings) that trained at least one worker of the territory in the period. There is no separate register of centres yet.",
    basis: [
      {
        seed: "004",
        quote: "Có ít nhất 01 trung tâm đào tạo ngoại ngữ phục vụ xuất khẩu lao động trên địa bàn tỉnh",
      },
    ],
  },
}

/** Whether a measured value meets a target: "phấn đấu đưa 700" is met at 700, "từ … trở lên" at the value, "trên" above it. */
export const meets = (comparator: TargetComparator, measured: number | null, value: number): boolean | null => {
  if (measured === null) return null
  return comparator === "more-than" ? measured > value : measured >= value
}

/** A stable id for a target of a plan: the plan, then what makes the target unique in it (`sameTarget`). */
export const targetId = (planId: string, target: Pick<Target, "kind" | "aggregation" | "byYear">): string =>
  `${planId}/${target.kind}/${target.aggregation}/${target.byYear}`

/** The plan id and target key of a target id, or undefined when the text is no target id. */
export const parseTargetId = (
  id: string,
):
  | { readonly planId: string; readonly kind: string; readonly aggregation: string; readonly byYear: number }
  | undefined => {
  const match = /^(quota-plan:[^/]+)\/([a-z-]+)\/([a-z-]+)\/(\d{4})$/.exec(id)
  return match ? { planId: match[1]!, kind: match[2]!, aggregation: match[3]!, byYear: Number(match[4]) } : undefined
}

/**
 * The first year of a document whose start is not printed. Seed 004 (Lai Châu) prints neither number nor date; it
 * implements Directive 20-CT/TW of 12/12/2022 and sets its first task for April 2023, so its period starts in 2023.
 */
export const unprintedStartYears: Readonly<Record<string, { readonly year: number; readonly why: string }>> = {
  "quota-plan:12:scheme:ct20-2030": {
    year: 2023,
    why: "Chương trình thực hiện Chỉ thị 20-CT/TW ngày 12/12/2022; nhiệm vụ đầu tiên hạn trong tháng 4/2023",
  },
}

export interface PlanPeriodSource {
  readonly planId: string
  readonly fromYear: number | null
  readonly toYear: number
  readonly targets: ReadonlyArray<Target>
  readonly legalBasis: PrintedLegalBasis
}

/** The first year of a plan or scheme: printed, else the rule above, else the year of its date, else its last year. */
export const firstYearOf = (plan: PlanPeriodSource): number =>
  plan.fromYear ??
  unprintedStartYears[plan.planId]?.year ??
  (plan.legalBasis.date ? Number(plan.legalBasis.date.slice(0, 4)) : plan.toYear)

export interface TargetPeriod {
  readonly from: string
  readonly to: string
}

const yyyy = (year: number) => String(year).padStart(4, "0")

/**
 * The period a target is measured over: its year ("year"); from the document's first year to the milestone
 * ("cumulative"); for a yearly average, from the year after the previous milestone of the same kind in the same
 * document ("đến năm 2025 … đến năm 2030": 2023–2025, then 2026–2030), the first one from the document's first year.
 */
export const targetPeriod = (plan: PlanPeriodSource, target: Target): TargetPeriod => {
  const to = `${yyyy(target.byYear)}-12-31`
  if (target.aggregation === "year") return { from: `${yyyy(target.byYear)}-01-01`, to }
  const first = firstYearOf(plan)
  if (target.aggregation === "cumulative") return { from: `${yyyy(Math.min(first, target.byYear))}-01-01`, to }
  const previous = plan.targets
    .filter((t) => t.kind === target.kind && t.aggregation === target.aggregation && t.byYear < target.byYear)
    .reduce((latest, t) => Math.max(latest, t.byYear), first - 1)
  return { from: `${yyyy(Math.min(previous + 1, target.byYear))}-01-01`, to }
}

/** Calendar years from the period's first year to the year of `through` (the divisor of a yearly average). */
export const yearsElapsed = (period: TargetPeriod, through: string): number =>
  through < period.from ? 0 : Number(through.slice(0, 4)) - Number(period.from.slice(0, 4)) + 1

/** What a worker had recorded before a departure, for "trained before departure". */
export interface PreparationDates {
  readonly language: ReadonlyArray<string>
  readonly orientation: ReadonlyArray<string>
  readonly legalCounselling: ReadonlyArray<string>
}

/**
 * "Được đào tạo ngoại ngữ, giáo dục định hướng và tư vấn pháp luật trước khi xuất cảnh": language training,
 * orientation and legal counselling (`WorkerLegalCounselled`, its own kind since issue 9 §3; general counselling
 * does not count) each recorded on or before the departure date.
 */
export const preparedBefore = (dates: PreparationDates, departedOn: string): boolean =>
  dates.language.some((d) => d <= departedOn) &&
  dates.orientation.some((d) => d <= departedOn) &&
  dates.legalCounselling.some((d) => d <= departedOn)

/** Rounds a share to one decimal, as the reports print it (87,5%). */
export const percent = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10
