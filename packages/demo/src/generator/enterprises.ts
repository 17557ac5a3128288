import { Result } from "effect"
import { dayOf, isoOf, type Rng } from "./random.ts"
import { Enterprise, type LegalBasis } from "@xkld/domain"
const {
  LicenseEnterprise,
  RecordEnterpriseViolation,
  ReinstateEnterprise,
  RemoveEnterpriseFromVettedList,
  SuspendEnterprise,
  VetEnterprise,
  enterpriseDecider,
} = Enterprise
type EnterpriseCommand = Enterprise.EnterpriseCommand
type EnterpriseEvent = Enterprise.EnterpriseEvent

/**
 * The recruitment enterprises of generated history: a few dozen licensed enterprises with Vietnamese names,
 * put on the provinces' vetted lists (most at the start, some later), one taken off a list, one suspended for a
 * while, a few violations; plus the ministry's centre that runs the state programmes (EPS, IM Japan, nurses…).
 * Names are made up from common parts; any likeness to a real company is a coincidence.
 */

/** Programmes recruited by private enterprises; the others go through the state centre. */
export const PRIVATE_PROGRAMMES = ["JP-TITP", "TW-CONTRACT"] as const

export interface EnterpriseProfile {
  readonly enterpriseId: string
  readonly name: string
  readonly stateRun: boolean
  /** Programme codes it recruits for. */
  readonly programmes: ReadonlyArray<string>
  /** Relative size (share of the recruiting it does). */
  readonly weight: number
  /** Per province: first day on the vetted list and first day off it. */
  readonly vetted: Readonly<Record<string, { readonly from: number; readonly until: number | null }>>
  readonly suspended: ReadonlyArray<{ readonly from: number; readonly until: number }>
}

export interface EnterpriseHistoryItem {
  readonly enterpriseId: string
  readonly day: number
  readonly event: EnterpriseEvent
  readonly provinceCode: string
}

const legalForms = ["Công ty Cổ phần", "Công ty TNHH", "Công ty TNHH MTV", "Công ty Cổ phần"]
const trades = [
  "Cung ứng Nhân lực Quốc tế",
  "Hợp tác Lao động Quốc tế",
  "Phát triển Nhân lực",
  "Đầu tư và Phát triển Nguồn nhân lực",
  "Xuất khẩu Lao động và Thương mại",
  "Dịch vụ Việc làm Quốc tế",
  "Đào tạo và Cung ứng Nhân lực",
]
const brands = [
  "Tây Bắc",
  "Hoàng Long",
  "Sao Việt",
  "Đại Dương",
  "Thành Công",
  "Minh Phát",
  "Việt Nhật",
  "Hưng Thịnh",
  "Phú Gia",
  "An Bình",
  "Thái Sơn",
  "Kim Long",
  "Việt Hàn",
  "Trường Sơn",
  "Bình Minh",
  "Hà Thành",
  "Sông Đà",
  "Đông Á",
  "Thăng Long",
  "Mộc Châu",
  "Nhật Tân",
  "Vạn Xuân",
  "Hồng Hà",
  "Quốc Tế Phương Đông",
  "Tâm Việt",
  "Nam Thái",
  "Đức Minh",
  "Phúc An",
  "Hải Đăng",
  "Việt Đài",
  "Lạc Việt",
  "Đất Việt",
  "Sen Vàng",
  "Kỳ Anh",
  "Trí Đức",
  "Thiên Phúc",
]

const departmentName = (provinceName: string, day: number) =>
  day < dayOf("2025-03-01")
    ? `Sở Lao động - Thương binh và Xã hội tỉnh ${provinceName}`
    : `Sở Nội vụ tỉnh ${provinceName}`

const listBasis = (rng: Rng, provinceName: string, day: number): LegalBasis => ({
  number: `${rng.int(100, 2400)}/${day < dayOf("2025-03-01") ? "SLĐTBXH" : "SNV"}-VL`,
  date: isoOf(day),
  issuer: departmentName(provinceName, day),
  title:
    "Thông báo danh sách doanh nghiệp hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài theo hợp đồng được tuyển chọn lao động tại địa phương",
})

export interface EnterpriseSetup {
  readonly profiles: ReadonlyArray<EnterpriseProfile>
  /** The enterprises' events, decided by the enterprise decider, in order of `day`. */
  readonly history: ReadonlyArray<EnterpriseHistoryItem>
}

/** Builds the enterprises of the provinces (`provinceNames`: code → name) for days [start, end]. */
export const setUpEnterprises = (
  rng: Rng,
  provinceNames: Readonly<Record<string, string>>,
  start: number,
  end: number,
): EnterpriseSetup => {
  const provinces = Object.keys(provinceNames).toSorted()
  const count = Math.min(brands.length, 24 + 6 * provinces.length)
  const profiles: Array<EnterpriseProfile> = []
  const commands: Array<{ enterpriseId: string; day: number; provinceCode: string; command: EnterpriseCommand }> = []
  const usedNames = new Set<string>()
  const span = Math.max(1, end - start)

  const centreId = rng.uuid()
  profiles.push({
    enterpriseId: centreId,
    name: "Trung tâm Lao động ngoài nước",
    stateRun: true,
    programmes: ["KR-EPS", "KR-SEASONAL", "JP-IM", "JP-NURSES", "DE-NURSES", "AU-AGRI"],
    weight: 1,
    vetted: Object.fromEntries(provinces.map((p) => [p, { from: start, until: null }])),
    suspended: [],
  })
  commands.push({
    enterpriseId: centreId,
    day: start,
    provinceCode: provinces[0]!,
    command: new LicenseEnterprise({
      enterpriseId: centreId,
      occurredOn: isoOf(start),
      name: "Trung tâm Lao động ngoài nước",
      licenceNumber:
        "Đơn vị sự nghiệp công lập thực hiện các chương trình theo thỏa thuận giữa Chính phủ (không cấp giấy phép)",
      licenceDate: isoOf(start),
    }),
  })
  for (const p of provinces) {
    commands.push({
      enterpriseId: centreId,
      day: start,
      provinceCode: p,
      command: new VetEnterprise({
        enterpriseId: centreId,
        occurredOn: isoOf(start),
        provinceCode: p,
        legalBasis: listBasis(rng, provinceNames[p]!, start),
      }),
    })
  }

  const shuffledBrands = [...brands]
  for (let i = shuffledBrands.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[shuffledBrands[i], shuffledBrands[j]] = [shuffledBrands[j]!, shuffledBrands[i]!]
  }
  for (let i = 0; i < count; i++) {
    let name = `${rng.pick(legalForms)} ${rng.pick(trades)} ${shuffledBrands[i]!}`
    while (usedNames.has(name)) name = `${name} Quốc tế`
    usedNames.add(name)
    const enterpriseId = rng.uuid()
    const programmes = rng.weighted<ReadonlyArray<string>>([
      [["JP-TITP"], 45],
      [["TW-CONTRACT"], 25],
      [["JP-TITP", "TW-CONTRACT"], 30],
    ])
    const licenceDay = dayOf("2010-01-01") + rng.int(0, start - dayOf("2010-01-01") - 30)
    const licenceNumber = `${String(rng.int(1, 560)).padStart(3, "0")}/LĐTBXH-GP`
    commands.push({
      enterpriseId,
      day: start,
      provinceCode: provinces[0]!,
      command: new LicenseEnterprise({
        enterpriseId,
        occurredOn: isoOf(start),
        name,
        licenceNumber,
        licenceDate: isoOf(licenceDay),
      }),
    })
    const vetted: Record<string, { from: number; until: number | null }> = {}
    for (const p of provinces) {
      if (provinces.length > 1 && !rng.chance(0.6) && Object.keys(vetted).length > 0) continue
      const late = i !== 5 && rng.chance(0.2)
      const from = late ? start + rng.int(30, Math.floor(span * 0.7)) : start
      let until: number | null = null
      if (i === 3 && from + 200 < end) until = from + rng.int(200, Math.max(201, end - from - 1))
      vetted[p] = { from, until }
      commands.push({
        enterpriseId,
        day: from,
        provinceCode: p,
        command: new VetEnterprise({
          enterpriseId,
          occurredOn: isoOf(from),
          provinceCode: p,
          legalBasis: listBasis(rng, provinceNames[p]!, from),
        }),
      })
      if (until !== null) {
        commands.push({
          enterpriseId,
          day: until,
          provinceCode: p,
          command: new RemoveEnterpriseFromVettedList({
            enterpriseId,
            occurredOn: isoOf(until),
            provinceCode: p,
            legalBasis: listBasis(rng, provinceNames[p]!, until),
            reason: "Doanh nghiệp không còn tuyển chọn lao động tại địa phương",
          }),
        })
      }
    }
    const suspended: Array<{ from: number; until: number }> = []
    const firstProvince = Object.keys(vetted)[0]!
    if (i === 5 && span > 400) {
      const from = start + rng.int(120, Math.floor(span / 2))
      const until = from + rng.int(60, 180)
      suspended.push({ from, until })
      const basis: LegalBasis = {
        number: `${rng.int(100, 999)}/QĐ-XPHC`,
        date: isoOf(from),
        issuer: "Chánh Thanh tra Bộ Lao động - Thương binh và Xã hội",
        title:
          "Quyết định xử phạt vi phạm hành chính và đình chỉ hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài",
      }
      commands.push({
        enterpriseId,
        day: from,
        provinceCode: firstProvince,
        command: new SuspendEnterprise({
          enterpriseId,
          occurredOn: isoOf(from),
          reason: "Thu tiền dịch vụ của người lao động vượt mức quy định",
          legalBasis: basis,
          until: isoOf(until),
        }),
      })
      commands.push({
        enterpriseId,
        day: until,
        provinceCode: firstProvince,
        command: new ReinstateEnterprise({
          enterpriseId,
          occurredOn: isoOf(until),
          legalBasis: { ...basis, date: isoOf(from) },
        }),
      })
    }
    if (rng.chance(0.12) && span > 60) {
      const day = start + rng.int(30, span - 1)
      commands.push({
        enterpriseId,
        day,
        provinceCode: firstProvince,
        command: new RecordEnterpriseViolation({
          enterpriseId,
          occurredOn: isoOf(day),
          description: rng.pick([
            "Không báo cáo tình hình người lao động làm việc ở nước ngoài đúng hạn",
            "Tuyển chọn lao động khi chưa thông báo với Sở tại địa phương",
            "Quảng cáo sai sự thật về mức lương của đơn hàng",
          ]),
          penaltyAmount: rng.pick([20_000_000, 40_000_000, 60_000_000]),
        }),
      })
    }
    profiles.push({
      enterpriseId,
      name,
      stateRun: false,
      programmes,
      weight: rng.weighted([
        [0.5, 3],
        [1, 4],
        [2, 2],
        [4, 1],
      ]),
      vetted,
      suspended,
    })
  }

  // Decide each enterprise's commands in date order (stable), so the generated events obey the enterprise rules.
  const ordered = commands.map((c, index) => ({ ...c, index })).toSorted((a, b) => a.day - b.day || a.index - b.index)
  const states = new Map<string, typeof enterpriseDecider.initialState>()
  const history: Array<EnterpriseHistoryItem> = []
  for (const { enterpriseId, day, provinceCode, command } of ordered) {
    const state = states.get(enterpriseId) ?? enterpriseDecider.initialState
    const decided = enterpriseDecider.decide(command, state)
    if (Result.isFailure(decided))
      throw new Error(`generated enterprise command rejected: ${decided.failure.messageEn}`)
    let next = state
    for (const event of decided.success) {
      next = enterpriseDecider.evolve(next, event)
      history.push({ enterpriseId, day, event, provinceCode })
    }
    states.set(enterpriseId, next)
  }
  return { profiles, history }
}

/** Whether the enterprise may recruit in the province on the day (vetted, not suspended). */
export const canRecruit = (profile: EnterpriseProfile, provinceCode: string, day: number): boolean => {
  const vetted = profile.vetted[provinceCode]
  if (vetted === undefined || day < vetted.from || (vetted.until !== null && day >= vetted.until)) return false
  return !profile.suspended.some((s) => day >= s.from && day < s.until)
}

/** An enterprise recruiting for `programme` in the province on `day` (the first day one is available, at worst). */
export const pickEnterprise = (
  rng: Rng,
  profiles: ReadonlyArray<EnterpriseProfile>,
  programme: string,
  provinceCode: string,
  day: number,
): EnterpriseProfile | undefined => {
  const candidates = profiles.filter((p) => p.programmes.includes(programme) && canRecruit(p, provinceCode, day))
  if (candidates.length === 0) return undefined
  return rng.weighted(candidates.map((p) => [p, p.weight] as const))
}
