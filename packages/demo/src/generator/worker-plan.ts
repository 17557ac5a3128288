import { canRecruit, pickEnterprise, type EnterpriseProfile } from "./enterprises.ts"
import { generateName, pickEthnicGroup, villageNames, type EthnicGroup } from "./names.ts"
import { pickPlace, type Place, type ProvincePlaces } from "./places.ts"
import { pickProgramme, type ProgrammeProfile } from "./programme-profiles.ts"
import { dayOf, isoOf, Rng, weekdayOf } from "./random.ts"
import { PersonalData, Worker } from "@xkld/domain"
type Sex = PersonalData.Sex
type PriorityGroup = Worker.PriorityGroup
type ReemploymentKind = Worker.ReemploymentKind
type TrainingKind = Worker.TrainingKind
type ViolationCategory = Worker.ViolationCategory

/**
 * The life of one generated worker as plain data: who they are and what happens to them, day by day, with the
 * day an officer records each fact. Pure and cheap (no encryption, no decider), so the generator can also plan
 * sample workers to estimate how many events a worker yields. `materialise.ts` turns a plan into commands and
 * runs them through the worker decider.
 */

export type ActorKind = "commune" | "employmentCentre" | "enterprise" | "bank" | "police" | "department"

export interface Person {
  readonly workerId: string
  readonly provinceCode: string
  readonly sex: Sex
  readonly dateOfBirth: string
  readonly ethnicGroup: EthnicGroup
  readonly fullName: string
  readonly citizenId: string
  readonly phone: string
  readonly address: string
  readonly passportNumber: string | undefined
  readonly priorityGroups: ReadonlyArray<PriorityGroup>
}

interface Contract {
  readonly eventId: string
  readonly enterpriseId: string
  readonly programme: string
  readonly country: string
  readonly occupation: string
  readonly durationMonths: number
  readonly monthlyWage: { readonly amount: number; readonly currency: string }
  readonly feesPaidByWorker: number
}

/** One command to give the worker decider, as data. */
export type StepData =
  | {
      readonly kind: "register"
      readonly place: Place
      readonly priorityGroups: ReadonlyArray<PriorityGroup>
    }
  | { readonly kind: "move"; readonly place: Place }
  | { readonly kind: "counsel"; readonly provider: string }
  | { readonly kind: "legalCounsel"; readonly provider: string }
  | { readonly kind: "train"; readonly training: TrainingKind; readonly provider: string }
  | { readonly kind: "health"; readonly provider: string; readonly fit: boolean }
  | { readonly kind: "record"; readonly issuer: string; readonly hasConvictions: boolean }
  | { readonly kind: "confirmDossier" }
  | {
      readonly kind: "assess"
      readonly assessment: Worker.AssessmentKind
      readonly outcome: Worker.AssessmentOutcome
      readonly organiser: string
    }
  | { readonly kind: "passport"; readonly passportNumber: string; readonly validUntil: number }
  | { readonly kind: "visa"; readonly country: string; readonly validUntil: number }
  | { readonly kind: "loanFile"; readonly loanId: string; readonly bank: string }
  | {
      readonly kind: "appraiseSubsidy"
      readonly subsidyId: string
      readonly policyCode: string
      readonly fundingSourceCode: string
      readonly amount: number
    }
  | {
      readonly kind: "decideSubsidy"
      readonly subsidyId: string
      readonly approved: boolean
      readonly amount: number
      readonly decisionNumber: string
      readonly reason: string | undefined
    }
  | { readonly kind: "paySubsidy"; readonly subsidyId: string; readonly amount: number }
  | {
      readonly kind: "openCase"
      readonly caseId: string
      readonly category: Worker.ProtectionCaseCategory
      readonly description: string
    }
  | { readonly kind: "resolveCase"; readonly caseId: string; readonly resolution: string }
  | {
      readonly kind: "deathOrMissing"
      readonly status: Worker.DeathOrMissingStatus
      readonly country: string
      readonly source: string
      readonly protectionCaseId: string | undefined
      readonly note: string
    }
  | { readonly kind: "returneeNotice"; readonly recipient: Worker.ReturneeNoticeRecipient }
  | { readonly kind: "reintegrate"; readonly outcome: Worker.ReintegrationOutcome }
  | { readonly kind: "select"; readonly enterpriseId: string }
  | { readonly kind: "contract"; readonly contract: Contract }
  | {
      readonly kind: "loan"
      readonly loanId: string
      readonly bank: string
      readonly amount: number
      readonly status: "applied" | "approved" | "disbursed" | "rejected" | "repaid"
    }
  | {
      readonly kind: "subsidy"
      readonly policy: string
      readonly amount: number
      readonly national: "1719" | "90" | undefined
    }
  | { readonly kind: "depart" }
  | { readonly kind: "endEarly"; readonly reason: string }
  | { readonly kind: "return"; readonly returnKind: "onTime" | "early" | "late"; readonly reason: string | undefined }
  | { readonly kind: "overstay"; readonly source: string }
  | { readonly kind: "violation"; readonly category: ViolationCategory; readonly description: string }
  | { readonly kind: "reemploy"; readonly reemployment: ReemploymentKind; readonly provider: string }
  | { readonly kind: "withdraw"; readonly reason: string }
  | {
      readonly kind: "correctRegistration"
      readonly target: string
      readonly reason: string
      readonly place: Place
      readonly priorityGroups: ReadonlyArray<PriorityGroup>
    }
  | { readonly kind: "correctContract"; readonly target: string; readonly reason: string; readonly contract: Contract }
  | { readonly kind: "correctDeparture"; readonly target: string; readonly reason: string; readonly day: number }
  | {
      readonly kind: "correctLoan"
      readonly target: string
      readonly reason: string
      readonly loanId: string
      readonly bank: string
      readonly amount: number
    }
  | { readonly kind: "void"; readonly target: string; readonly reason: string }

export interface Step {
  readonly eventId: string
  /** Business date of the fact (for a correction: the day it is made). */
  readonly day: number
  /** Where the step sits in the worker's order (a fact recorded with a wrong date keeps its true place). */
  readonly sortDay: number
  readonly actor: ActorKind
  readonly enterpriseId?: string | undefined
  /** Residence unit when the step happens (commune officers record for it). */
  readonly unitId: string
  readonly data: StepData
  /**
   * The draws of the stages added by issue 9 (passport, visa, loan file, tests…): a stream of the person's own, so
   * that adding them leaves every other draw of the person's history as it was.
   */
  readonly rng?: Rng | undefined
  /** Filled by `schedule`: when an officer enters it (ms since epoch). */
  recordedAtMs: number
}

export interface WorkerPlan {
  readonly person: Person
  readonly registrationEventId: string
  /** Steps within the horizon, in recording order. */
  readonly steps: ReadonlyArray<Step>
}

export interface PlanContext {
  readonly places: ProvincePlaces
  readonly enterprises: ReadonlyArray<EnterpriseProfile>
  /** Last day anything may happen or be recorded, and the instant nothing may be recorded after. */
  readonly lastDay: number
  readonly nowMs: number
  /** Citizen ID serials per (province of birth, century-sex digit, year): keeps generated IDs unique. */
  readonly citizenSerials: Map<string, number>
}

const MS_PER_DAY = 86_400_000
const MS_PER_MINUTE = 60_000

const birthProvinceCodes: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  "14": [
    ["014", 92],
    ["011", 2],
    ["017", 2],
    ["015", 1],
    ["001", 1],
    ["012", 1],
    ["025", 1],
  ],
  "12": [
    ["012", 88],
    ["011", 6],
    ["010", 3],
    ["014", 2],
    ["001", 1],
  ],
  "15": [
    ["015", 50],
    ["010", 45],
    ["025", 2],
    ["001", 1],
    ["014", 1],
    ["012", 1],
  ],
}

const ageBands: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[18, 20], 18],
  [[21, 24], 32],
  [[25, 29], 28],
  [[30, 34], 14],
  [[35, 45], 8],
]

const addMonths = (day: number, months: number): number => {
  const d = new Date(day * MS_PER_DAY)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), 28)) / MS_PER_DAY
}

const ageOn = (dateOfBirth: string, date: string): number => {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return date.slice(5) < dateOfBirth.slice(5) ? years - 1 : years
}

const citizenIdOf = (rng: Rng, context: PlanContext, provinceCode: string, sex: Sex, dateOfBirth: string): string => {
  const birthProvince = rng.weighted(birthProvinceCodes[provinceCode] ?? birthProvinceCodes["14"]!)
  const year = Number(dateOfBirth.slice(0, 4))
  const centurySex = 2 * Math.floor((year - 1900) / 100) + (sex === "female" ? 1 : 0)
  const bucket = `${birthProvince}${centurySex}${String(year % 100).padStart(2, "0")}`
  const serial = context.citizenSerials.get(bucket) ?? 0
  context.citizenSerials.set(bucket, serial + 1)
  // A bijection of [0, 10^6): distinct serials give distinct numbers (7919 is prime to 10^6).
  let offset = 0
  for (let i = 0; i < bucket.length; i++) offset = (offset * 31 + bucket.charCodeAt(i)) % 1_000_000
  const digits = (serial * 7919 + offset) % 1_000_000
  return `${bucket}${String(digits).padStart(6, "0")}`
}

const phoneOf = (rng: Rng): string =>
  `${rng.pick(["096", "097", "098", "086", "032", "033", "034", "035", "036", "037", "038", "039", "091", "094", "088", "081", "082", "083", "084", "085"])}${String(rng.int(0, 9_999_999)).padStart(7, "0")}`

const minorityPoorShare = 0.27

const priorityGroupsOf = (
  rng: Rng,
  sex: Sex,
  age: number,
  ethnicGroup: EthnicGroup,
  place: Place,
): Array<PriorityGroup> => {
  const groups: Array<PriorityGroup> = []
  const minority = ethnicGroup !== "Kinh"
  const poor = rng.chance(minority ? minorityPoorShare : 0.07)
  if (poor) groups.push("poorHousehold")
  else if (rng.chance(minority ? 0.15 : 0.06)) groups.push("nearPoorHousehold")
  if (sex === "male" && age >= 20 && rng.chance(0.12)) groups.push("demobilisedSoldier")
  else if (sex === "male" && age >= 20 && rng.chance(0.02)) groups.push("formerPoliceService")
  if (rng.chance(0.01)) groups.push("landRevoked")
  if (rng.chance(0.003)) groups.push("postDrugRehabilitation")
  if (age <= 30 && rng.chance(0.7)) groups.push("youth")
  if (place.name.startsWith("Xã") ? rng.chance(0.85) : rng.chance(0.2)) groups.push("ruralWorker")
  return groups
}

const languageProviders: Readonly<Record<string, ReadonlyArray<string>>> = {
  JP: ["Trung tâm đào tạo tiếng Nhật của doanh nghiệp", "Trường Cao đẳng Sơn La", "Trung tâm Ngoại ngữ - Tin học tỉnh"],
  KR: [
    "Trung tâm Ngoại ngữ - Tin học tỉnh",
    "Trường Cao đẳng Kỹ thuật - Công nghệ",
    "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
  ],
  TW: ["Trung tâm đào tạo của doanh nghiệp", "Trung tâm Ngoại ngữ - Tin học tỉnh"],
  DE: ["Viện Goethe Hà Nội", "Trung tâm đào tạo tiếng Đức của Trung tâm Lao động ngoài nước"],
  AU: ["Trung tâm Ngoại ngữ - Tin học tỉnh", "Trung tâm đào tạo của doanh nghiệp"],
}

const withdrawalReasons = {
  registered: [
    "Gia đình không đồng ý",
    "Đã có việc làm ổn định trong nước",
    "Thay đổi nguyện vọng",
    "Không liên hệ được với người lao động",
  ],
  counselled: [
    "Không đáp ứng yêu cầu về trình độ, độ tuổi của đơn hàng",
    "Hoàn cảnh gia đình khó khăn",
    "Thay đổi nguyện vọng, ở lại làm việc trong nước",
    "Lo ngại chi phí đi làm việc ở nước ngoài",
  ],
  training: [
    "Không đạt yêu cầu học ngoại ngữ",
    "Bỏ học giữa chừng",
    "Kết hôn, sinh con",
    "Hoàn cảnh gia đình khó khăn",
  ],
  trainingEps: ["Không đạt kỳ thi tiếng Hàn (EPS-TOPIK)"],
  unfit: ["Không đủ điều kiện sức khỏe theo yêu cầu của nước tiếp nhận"],
  record: ["Không đủ điều kiện về lý lịch tư pháp"],
  notSelected: ["Không trúng tuyển đơn hàng", "Quá thời gian chờ đơn hàng, không tiếp tục tham gia"],
  noContract: ["Không thống nhất được điều kiện hợp đồng", "Không đủ khả năng chi trả chi phí trước khi đi"],
  noDeparture: [
    "Không được cấp thị thực",
    "Đối tác nước ngoài hủy đơn hàng",
    "Gia đình có việc đột xuất, xin rút hồ sơ",
  ],
}

const earlyEndReasons = [
  "Doanh nghiệp tiếp nhận thiếu việc làm, cắt giảm lao động",
  "Sức khỏe không đảm bảo để tiếp tục làm việc",
  "Hoàn cảnh gia đình, xin về nước trước hạn",
  "Không thích nghi được với điều kiện làm việc",
  "Bị tai nạn lao động",
]

const violationTexts: Readonly<Record<ViolationCategory, string>> = {
  leftWorkplace: "Tự ý bỏ nơi làm việc theo hợp đồng",
  contractBreach: "Vi phạm nội quy lao động, bị chủ sử dụng cảnh cáo",
  lawOfHostCountry: "Vi phạm pháp luật nước sở tại, bị xử phạt hành chính",
  other: "Không chấp hành quy định quản lý người lao động của doanh nghiệp",
}

/** The day the catalogue of support policies applies from (ND 338/2025, the new provinces): appraisal → decision → payment. */
const catalogueFrom = dayOf("2025-07-01")

const countryNameVi: Readonly<Record<string, string>> = {
  JP: "Nhật Bản",
  KR: "Hàn Quốc",
  TW: "Đài Bắc (Đài Loan)",
  DE: "Cộng hòa Liên bang Đức",
  AU: "Australia",
}

/** [category, description (sealed), resolution] of a protection case. */
const protectionCases: ReadonlyArray<readonly [Worker.ProtectionCaseCategory, string, string]> = [
  ["wageDispute", "Chủ sử dụng chậm trả lương ba tháng", "Chủ sử dụng đã trả đủ lương"],
  ["workAccident", "Bị thương khi làm việc, phải nằm viện", "Được bảo hiểm chi trả, trở lại làm việc"],
  ["illness", "Ốm nặng, cần hỗ trợ liên hệ gia đình", "Đã điều trị xong"],
  ["abuse", "Bị quản lý xưởng quấy rối", "Được doanh nghiệp chuyển chủ sử dụng"],
  ["detention", "Bị tạm giữ vì giấy tờ cư trú", "Được thả sau khi xác minh giấy tờ"],
]

/** The reintegration a kind of re-employment support leads to. */
const reintegrationOf: Readonly<Record<ReemploymentKind, Worker.ReintegrationOutcome>> = {
  domesticJob: "employedDomestically",
  vocationalTraining: "inTraining",
  startBusiness: "selfEmployed",
  workAbroadAgain: "workingAbroadAgain",
}

/** Days to wait for something: [min, max]. */
const after = (rng: Rng, day: number, range: readonly [number, number]) => day + rng.int(range[0], range[1])

/** Plans one worker registered (in the world) on `registrationDay` and entered at `registeredAtMs`. */
export const planWorker = (
  rng: Rng,
  context: PlanContext,
  registeredAtMs: number,
  registrationDay: number,
): WorkerPlan => {
  const { places } = context
  const provinceCode = places.provinceCode
  const provinceName = places.provinceName
  const workerId = rng.uuid()
  const registrationDate = isoOf(registrationDay)

  // ---- who ----
  const sex: Sex = rng.chance(0.63) ? "male" : "female"
  const [minAge, maxAge] = rng.weighted(ageBands)
  const age = rng.int(minAge, maxAge)
  let dateOfBirth = isoOf(registrationDay - age * 365 - rng.int(0, 364))
  if (ageOn(dateOfBirth, registrationDate) < 18) dateOfBirth = isoOf(dayOf(dateOfBirth) - 366)
  const ethnicGroup = pickEthnicGroup(rng, provinceCode)
  const name = generateName(rng, ethnicGroup, sex)
  let place = pickPlace(rng, places, registrationDate)
  const priorityGroups = priorityGroupsOf(rng, sex, ageOn(dateOfBirth, registrationDate), ethnicGroup, place)
  const person: Person = {
    workerId,
    provinceCode,
    sex,
    dateOfBirth,
    ethnicGroup,
    fullName: name.fullName,
    citizenId: citizenIdOf(rng, context, provinceCode, sex, dateOfBirth),
    phone: phoneOf(rng),
    address: `${rng.pick(villageNames)}, ${place.name}, tỉnh ${provinceName}`,
    passportNumber: rng.chance(0.25)
      ? `${rng.pick(["C", "P"])}${String(rng.int(0, 9_999_999)).padStart(7, "0")}`
      : undefined,
    priorityGroups,
  }
  const programme: ProgrammeProfile = pickProgramme(rng, ageOn(dateOfBirth, registrationDate))
  // The stages of issue 9 draw from a stream of their own (see `Step.rng`), keyed by the worker id: citizen IDs
  // repeat across the demo's two generations (their serials restart), worker ids do not.
  const stages = Rng.derive(workerId, "stages-of-issue-9")

  // ---- what happens ----
  const steps: Array<Step> = []
  const add = (
    day: number,
    actor: ActorKind,
    data: StepData,
    extra?: { sortDay?: number; enterpriseId?: string; eventId?: string; rng?: Rng },
  ) => {
    const step: Step = {
      eventId: extra?.eventId ?? (extra?.rng ?? rng).uuid(),
      day,
      sortDay: extra?.sortDay ?? day,
      actor,
      enterpriseId: extra?.enterpriseId,
      unitId: place.unitId,
      data,
      rng: extra?.rng,
      recordedAtMs: 0,
    }
    steps.push(step)
    return step
  }

  // Registration, possibly with a mistake corrected a few weeks later.
  const registrationMistake = rng.chance(0.02)
  let registeredPlace = place
  let registeredGroups = priorityGroups
  if (registrationMistake) {
    if (rng.chance(0.5)) registeredPlace = pickPlace(rng, places, registrationDate)
    else registeredGroups = priorityGroups.filter((g) => g !== "poorHousehold" && g !== "nearPoorHousehold")
  }
  const registration = add(registrationDay, "commune", {
    kind: "register",
    place: registeredPlace,
    priorityGroups: registeredGroups,
  })
  if (registrationMistake && (registeredPlace !== place || registeredGroups.length !== priorityGroups.length)) {
    add(after(rng, registrationDay, [7, 60]), "commune", {
      kind: "correctRegistration",
      target: registration.eventId,
      reason:
        registeredPlace !== place
          ? "Nhập nhầm xã, phường nơi cư trú"
          : "Bổ sung thông tin hộ nghèo, hộ cận nghèo bị bỏ sót",
      place,
      priorityGroups,
    })
  }

  const withdraw = (day: number, reasons: ReadonlyArray<string>) => {
    if (rng.chance(0.75)) add(day, "commune", { kind: "withdraw", reason: rng.pick(reasons) })
  }
  const finish = (): WorkerPlan => schedule(rng, context, person, registration.eventId, steps, registeredAtMs)

  // Moves are rare: some time in the first months.
  let moveDay: number | undefined = rng.chance(0.02) ? after(rng, registrationDay, [20, 200]) : undefined
  const maybeMove = (before: number) => {
    if (moveDay !== undefined && moveDay < before) {
      const next = pickPlace(rng, places, isoOf(moveDay))
      if (next.unitId !== place.unitId) {
        place = next
        add(moveDay, "commune", { kind: "move", place: next })
      }
      moveDay = undefined
    }
  }

  let day = registrationDay
  if (!rng.chance(0.88)) {
    withdraw(after(rng, day, [10, 120]), withdrawalReasons.registered)
    return finish()
  }
  day = after(rng, day, [2, 21])
  maybeMove(day)
  add(day, "employmentCentre", { kind: "counsel", provider: `Trung tâm Dịch vụ việc làm tỉnh ${provinceName}` })

  if (!rng.chance(0.92)) {
    withdraw(after(rng, day, [10, 90]), withdrawalReasons.counselled)
    return finish()
  }
  day = after(rng, day, programme.languageDays)
  maybeMove(day)
  const languageProvider = rng.pick(languageProviders[programme.country] ?? languageProviders["JP"]!)
  if (!rng.chance(0.95)) {
    const failedEps = programme.code === "KR-EPS" && rng.chance(0.7)
    // A failed EPS Korean test is recorded (before the drop-out it explains).
    if (failedEps)
      add(
        day,
        "employmentCentre",
        {
          kind: "assess",
          assessment: "epsKoreanTest",
          outcome: "failed",
          organiser: "Trung tâm Lao động ngoài nước (Bộ Nội vụ)",
        },
        { rng: stages },
      )
    withdraw(day, failedEps ? withdrawalReasons.trainingEps : withdrawalReasons.training)
    return finish()
  }
  add(day, "employmentCentre", { kind: "train", training: "language", provider: languageProvider })
  if (rng.chance(0.03)) {
    const duplicate = add(day, "employmentCentre", { kind: "train", training: "language", provider: languageProvider })
    add(after(rng, day, [3, 30]), "department", {
      kind: "void",
      target: duplicate.eventId,
      reason: "Nhập trùng bản ghi hoàn thành đào tạo ngoại ngữ",
    })
  }
  if (rng.chance(0.18)) {
    day = after(rng, day, [15, 60])
    add(day, "employmentCentre", { kind: "train", training: "vocational", provider: `Trường Cao đẳng ${provinceName}` })
  }

  if (!rng.chance(0.985)) return finish() // stalled: no further news
  day = after(rng, day, [3, 15])
  maybeMove(day)
  const fit = rng.chance(0.97)
  add(day, "commune", {
    kind: "health",
    provider: rng.pick([
      `Bệnh viện Đa khoa tỉnh ${provinceName}`,
      "Trung tâm Y tế khu vực",
      "Bệnh viện Đa khoa khu vực",
    ]),
    fit,
  })
  if (!fit) {
    withdraw(after(rng, day, [3, 20]), withdrawalReasons.unfit)
    return finish()
  }
  day = after(rng, day, [3, 15])
  const hasConvictions = rng.chance(0.01)
  add(day, "commune", { kind: "record", issuer: `Sở Tư pháp tỉnh ${provinceName}`, hasConvictions })
  if (hasConvictions) {
    withdraw(after(rng, day, [3, 20]), withdrawalReasons.record)
    return finish()
  }
  // The commune confirms the dossier (xác nhận hồ sơ) two days later: enterprises may select only after that.
  day += 2
  add(day, "commune", { kind: "confirmDossier" })
  const dossierDay = day
  // The EPS Korean test (kỳ thi tiếng Hàn, seed 004) after the language course: sat, then passed; an EPS contract
  // needs it (ADR 0026). Selection comes at least 30 days after the dossier, so the result is in by then.
  if (programme.code === "KR-EPS") {
    const organiser = "Trung tâm Lao động ngoài nước (Bộ Nội vụ)"
    const sat = dossierDay + stages.int(1, 10)
    add(
      sat,
      "employmentCentre",
      { kind: "assess", assessment: "epsKoreanTest", outcome: "sat", organiser },
      { rng: stages },
    )
    add(
      sat + stages.int(7, 20),
      "employmentCentre",
      { kind: "assess", assessment: "epsKoreanTest", outcome: "passed", organiser },
      { rng: stages },
    )
  }

  // Selection, contract, departure: possibly more than one cycle (seasonal workers go again).
  const firstCycleOk = rng.chance(0.96)
  if (!firstCycleOk) {
    withdraw(after(rng, day, [30, 180]), withdrawalReasons.notSelected)
    return finish()
  }
  let cycles = 0
  let currentProgramme = programme
  for (;;) {
    cycles++
    day = after(rng, day, currentProgramme.waitForSelectionDays)
    maybeMove(day)
    if (day > context.lastDay) return finish()
    const enterprise =
      pickEnterprise(rng, context.enterprises, currentProgramme.code, provinceCode, day) ??
      context.enterprises.find((e) => e.programmes.includes(currentProgramme.code) && canRecruit(e, provinceCode, day))
    if (enterprise === undefined) return finish()
    const enterpriseId = enterprise.enterpriseId
    // The enterprise interviews (phỏng vấn, S2) before selecting, for most programmes other than EPS (whose
    // employers choose from the test's list): recorded for about 70% of selections.
    if (currentProgramme.code !== "KR-EPS" && stages.chance(0.7))
      add(
        Math.max(day - stages.int(1, 7), dossierDay),
        "enterprise",
        { kind: "assess", assessment: "interview", outcome: "passed", organiser: enterprise.name },
        { enterpriseId, rng: stages },
      )
    add(day, "enterprise", { kind: "select", enterpriseId }, { enterpriseId })
    if (!rng.chance(0.97)) {
      withdraw(after(rng, day, [15, 90]), withdrawalReasons.noContract)
      return finish()
    }
    day = after(rng, day, [7, 40])
    // An enterprise taken off the list or suspended since the selection may not sign: the worker drops out.
    if (!canRecruit(enterprise, provinceCode, day)) {
      withdraw(day, withdrawalReasons.noContract)
      return finish()
    }
    const year = Number(isoOf(day).slice(0, 4))
    const durationMonths = rng.weighted(currentProgramme.durationsMonths)
    const contract: Contract = {
      eventId: rng.uuid(),
      enterpriseId,
      programme: currentProgramme.code,
      country: currentProgramme.country,
      occupation: rng.pick(currentProgramme.occupations),
      durationMonths,
      monthlyWage: currentProgramme.wage(rng, year),
      feesPaidByWorker: rng.int(currentProgramme.feesMillion[0], currentProgramme.feesMillion[1]) * 1_000_000,
    }
    const contractDay = day
    const contractMistake = rng.chance(0.03)
    const recordedContract: Contract = contractMistake
      ? rng.chance(0.5)
        ? { ...contract, durationMonths: contract.durationMonths === 12 ? 36 : 12 }
        : {
            ...contract,
            monthlyWage: { ...contract.monthlyWage, amount: Math.floor(contract.monthlyWage.amount / 10) },
          }
      : contract
    add(
      contractDay,
      "enterprise",
      { kind: "contract", contract: recordedContract },
      { enterpriseId, eventId: contract.eventId },
    )
    if (contractMistake) {
      add(
        after(rng, contractDay, [5, 40]),
        "enterprise",
        {
          kind: "correctContract",
          target: contract.eventId,
          reason:
            recordedContract.durationMonths !== contract.durationMonths
              ? "Nhập sai thời hạn hợp đồng"
              : "Nhập sai mức lương theo hợp đồng",
          contract,
        },
        { enterpriseId },
      )
    }
    if (cycles === 1 || rng.chance(0.5)) {
      day = after(rng, day, [5, 25])
      add(
        day,
        "enterprise",
        {
          kind: "train",
          training: "orientation",
          provider: rng.pick(["Trung tâm đào tạo của doanh nghiệp", `Trung tâm Dịch vụ việc làm tỉnh ${provinceName}`]),
        },
        { enterpriseId },
      )
    }
    // Legal counselling before departure (tư vấn pháp luật, seed 001) for about 93% of each departure's workers. Its
    // draw comes from a stream of its own, so the rest of the person's history draws what it drew before.
    if (Rng.derive(`${person.citizenId}/${cycles}`, "legal-counselling").chance(0.93))
      add(day, "department", {
        kind: "legalCounsel",
        provider: `Trung tâm Trợ giúp pháp lý nhà nước tỉnh ${provinceName}`,
      })
    const departs = rng.chance(0.96)
    const departureDay = after(rng, day, currentProgramme.visaDays)
    if (!departs) {
      withdraw(departureDay, withdrawalReasons.noDeparture)
      return finish()
    }
    // Exit procedures (ADR 0026): a passport once (valid ten years), a visa for each contract, after it (and after the
    // orientation) and at least ten days before the departure, so before a mistaken departure date too.
    if (cycles === 1)
      add(
        Math.max(dossierDay, contractDay - stages.int(0, 20)),
        "commune",
        {
          kind: "passport",
          passportNumber:
            person.passportNumber ?? `${stages.pick(["C", "P"])}${String(stages.int(0, 9_999_999)).padStart(7, "0")}`,
          validUntil: contractDay + 3650,
        },
        { rng: stages },
      )
    add(
      Math.max(day, departureDay - 10 - stages.int(0, 20)),
      "enterprise",
      { kind: "visa", country: contract.country, validUntil: addMonths(departureDay, durationMonths + 2) },
      { enterpriseId, rng: stages },
    )
    // Money: a loan for about 40% of those who leave (more for costly programmes), a subsidy for about 30%.
    const bank = `Ngân hàng Chính sách xã hội - Chi nhánh tỉnh ${provinceName}`
    const fees = contract.feesPaidByWorker
    if (fees >= 10_000_000 && rng.chance(fees >= 50_000_000 ? 0.55 : 0.3)) {
      const loanId = rng.uuid()
      const amount = Math.min(
        100_000_000,
        Math.max(10_000_000, Math.round((fees * (0.5 + rng.next() * 0.5)) / 5_000_000) * 5_000_000),
      )
      const appliedDay = after(rng, contractDay, [3, 15])
      // The commune confirms the loan file first, under the id the bank then records the loan with (ADR 0026).
      add(
        Math.min(appliedDay, departureDay) - stages.int(1, 5),
        "commune",
        { kind: "loanFile", loanId, bank },
        {
          rng: stages,
        },
      )
      const loanMistake = rng.chance(0.03)
      const applied = add(Math.min(appliedDay, departureDay), "bank", {
        kind: "loan",
        loanId,
        bank,
        amount: loanMistake ? amount * 10 : amount,
        status: "applied",
      })
      if (loanMistake) {
        add(after(rng, applied.day, [3, 20]), "bank", {
          kind: "correctLoan",
          target: applied.eventId,
          reason: "Nhập thừa một chữ số ở số tiền vay",
          loanId,
          bank,
          amount,
        })
      }
      const rejected = rng.chance(0.05)
      add(Math.min(after(rng, applied.day, [7, 25]), departureDay), "bank", {
        kind: "loan",
        loanId,
        bank,
        amount,
        status: rejected ? "rejected" : "disbursed",
      })
    }
    const minority = ethnicGroup !== "Kinh"
    const poor = priorityGroups.includes("poorHousehold") || priorityGroups.includes("nearPoorHousehold")
    if (cycles === 1 && (minority || poor) && rng.chance(0.36)) {
      const national = minority ? "1719" : poor ? "90" : undefined
      const subsidyDay = after(rng, contractDay, [10, 60])
      const amount = rng.int(6, 25) * 1_000_000
      const subsidyId = rng.uuid()
      // From 1 July 2025 the commune appraises under the catalogue of policies, decides, then pays (ADR 0018);
      // before, the subsidy is recorded the old way. The registration as first recorded must show the group.
      const listed = minority || registeredGroups.some((g) => g === "poorHousehold" || g === "nearPoorHousehold")
      if (subsidyDay >= catalogueFrom && listed) {
        const policyCode = minority ? "ctmtqg-dtts-mn" : "ctmtqg-gnbv"
        add(
          subsidyDay,
          "commune",
          { kind: "appraiseSubsidy", subsidyId, policyCode, fundingSourceCode: policyCode, amount },
          { eventId: subsidyId },
        )
        const approved = stages.chance(0.94)
        const decidedDay = subsidyDay + stages.int(5, 25)
        add(
          decidedDay,
          "commune",
          {
            kind: "decideSubsidy",
            subsidyId,
            approved,
            amount: approved ? amount : 0,
            decisionNumber: `${stages.int(100, 2999)}/QĐ-UBND`,
            reason: approved ? undefined : "Hồ sơ không đủ điều kiện hỗ trợ theo quy định",
          },
          { rng: stages },
        )
        if (approved)
          add(decidedDay + stages.int(5, 30), "commune", { kind: "paySubsidy", subsidyId, amount }, { rng: stages })
      } else {
        add(
          subsidyDay,
          "commune",
          {
            kind: "subsidy",
            policy:
              national === "1719"
                ? "CTMTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi"
                : "CTMTQG giảm nghèo bền vững",
            amount,
            national,
          },
          { eventId: subsidyId },
        )
      }
    }

    // Departure, sometimes first recorded with the planned date and corrected weeks later.
    maybeMove(departureDay)
    const departureMistake = rng.chance(0.06)
    const recordedDepartureDay = departureMistake ? Math.max(day, departureDay - rng.int(1, 10)) : departureDay
    const departure = add(
      recordedDepartureDay,
      "enterprise",
      { kind: "depart" },
      { enterpriseId, sortDay: departureDay },
    )
    if (departureMistake && recordedDepartureDay !== departureDay) {
      add(
        after(rng, departureDay, [14, 45]),
        "enterprise",
        {
          kind: "correctDeparture",
          target: departure.eventId,
          reason: "Ngày xuất cảnh ghi theo kế hoạch; sửa theo ngày xuất cảnh thực tế trên hộ chiếu",
          day: departureDay,
        },
        { enterpriseId },
      )
    }

    // Abroad.
    const contractEnd = addMonths(departureDay, durationMonths)
    const length = contractEnd - departureDay
    let returnDay: number | undefined
    const fate = rng.next()
    if (fate < currentProgramme.overstay) {
      let overstayFrom = contractEnd
      if (rng.chance(0.6)) {
        const left = departureDay + rng.int(Math.min(60, length - 1), Math.max(60, length - 30))
        add(
          left,
          "enterprise",
          { kind: "violation", category: "leftWorkplace", description: violationTexts.leftWorkplace },
          { enterpriseId },
        )
        overstayFrom = Math.min(contractEnd, left + 60)
        // Some who leave the workplace cannot be reached: the enterprise reports them missing (mất tích).
        if (stages.chance(0.25))
          add(
            left + stages.int(10, 40),
            "enterprise",
            {
              kind: "deathOrMissing",
              status: "missing",
              country: contract.country,
              source: "Thông báo của doanh nghiệp",
              protectionCaseId: undefined,
              note: "Tự ý bỏ nơi làm việc, doanh nghiệp và gia đình không liên lạc được",
            },
            { enterpriseId, rng: stages },
          )
      }
      const reported = after(rng, overstayFrom, [30, 120])
      add(reported, "police", {
        kind: "overstay",
        source: rng.pick(["Thông báo của doanh nghiệp", "Danh sách của Công an tỉnh", "Thông báo của Đại sứ quán"]),
      })
      if (rng.chance(0.25)) {
        returnDay = after(rng, reported, [90, 500])
        add(returnDay, "police", {
          kind: "return",
          returnKind: "late",
          reason: "Bị cơ quan chức năng nước sở tại trục xuất",
        })
      }
    } else if (fate < currentProgramme.overstay + 0.09) {
      const ended = departureDay + rng.int(Math.min(30, length - 1), Math.max(30, length - 15))
      const reason = rng.pick(earlyEndReasons)
      if (rng.chance(0.2)) {
        const category = rng.pick<ViolationCategory>(["contractBreach", "lawOfHostCountry", "other"])
        add(
          Math.max(departureDay, ended - rng.int(5, 30)),
          "enterprise",
          { kind: "violation", category, description: violationTexts[category] },
          { enterpriseId },
        )
      }
      add(ended, "enterprise", { kind: "endEarly", reason }, { enterpriseId })
      returnDay = after(rng, ended, [3, 30])
      add(returnDay, "enterprise", { kind: "return", returnKind: "early", reason }, { enterpriseId })
    } else {
      // Rarely, a worker dies abroad: the embassy reports it, a protection case handles the repatriation; no return.
      // (At least 120 days after the departure: the subsidy's payment, at most ~100 days after it, comes first.)
      const dies = stages.chance(0.01) && length > 180
      const deathDay = departureDay + stages.int(120, Math.max(121, length - 30))
      if (rng.chance(0.015)) {
        const category = rng.pick<ViolationCategory>(["contractBreach", "lawOfHostCountry", "other"])
        const violationDay = departureDay + rng.int(Math.min(30, length - 1), Math.max(30, length - 10))
        if (!dies || violationDay < deathDay)
          add(
            violationDay,
            "enterprise",
            { kind: "violation", category, description: violationTexts[category] },
            {
              enterpriseId,
            },
          )
      }
      returnDay = contractEnd + rng.int(-10, 25)
      if (dies) {
        const caseId = stages.uuid()
        const openedDay = deathDay + stages.int(1, 5)
        add(
          openedDay,
          "department",
          { kind: "openCase", caseId, category: "death", description: "Người lao động tử vong ở nước ngoài" },
          { rng: stages, eventId: caseId },
        )
        // the report is dated the day of the death; it names the case, so it is recorded after the case is opened
        add(
          deathDay,
          "department",
          {
            kind: "deathOrMissing",
            status: "deceased",
            country: contract.country,
            source: `Đại sứ quán Việt Nam tại ${countryNameVi[contract.country] ?? contract.country}`,
            protectionCaseId: caseId,
            note: stages.pick(["Tai nạn lao động", "Đột quỵ", "Tai nạn giao thông"]),
          },
          { rng: stages, sortDay: openedDay },
        )
        add(
          openedDay + stages.int(20, 60),
          "department",
          { kind: "resolveCase", caseId, resolution: "Đã phối hợp đưa thi hài về nước, hỗ trợ gia đình" },
          { rng: stages },
        )
        return finish()
      }
      add(returnDay, "enterprise", { kind: "return", returnKind: "onTime", reason: undefined }, { enterpriseId })
    }
    // Citizen protection abroad (bảo hộ công dân, Sở Ngoại vụ) for about 3% of stays: opened while abroad, mostly
    // resolved within weeks.
    if (stages.chance(0.03)) {
      const until = Math.min(returnDay ?? context.lastDay, context.lastDay)
      if (until - departureDay > 40) {
        const caseId = stages.uuid()
        const openedDay = departureDay + stages.int(20, until - departureDay - 10)
        const [category, description, resolution] = stages.pick(protectionCases)
        add(
          openedDay,
          "department",
          { kind: "openCase", caseId, category, description },
          { rng: stages, eventId: caseId },
        )
        if (stages.chance(0.8))
          add(openedDay + stages.int(7, 90), "department", { kind: "resolveCase", caseId, resolution }, { rng: stages })
      }
    }
    if (returnDay === undefined || returnDay > context.lastDay) return finish()
    day = returnDay
    // The returnee is notified to the commune of residence (most) and to the police (all who were deported).
    const deported = fate < currentProgramme.overstay
    if (stages.chance(0.85))
      add(returnDay + stages.int(2, 20), "commune", { kind: "returneeNotice", recipient: "commune" }, { rng: stages })
    if (deported || stages.chance(0.4))
      add(returnDay + stages.int(2, 30), "police", { kind: "returneeNotice", recipient: "police" }, { rng: stages })

    // Back home: support into work for some; seasonal workers often go again next season.
    let reintegration: Worker.ReintegrationOutcome | undefined
    const again = cycles < 3 && (currentProgramme.code === "KR-SEASONAL" ? rng.chance(0.35) : rng.chance(0.05))
    if (rng.chance(0.3) || again) {
      const kind: ReemploymentKind = again
        ? "workAbroadAgain"
        : rng.weighted<ReemploymentKind>([
            ["domesticJob", 50],
            ["vocationalTraining", 20],
            ["startBusiness", 20],
            ["workAbroadAgain", 10],
          ])
      const provider =
        kind === "startBusiness"
          ? bank
          : kind === "vocationalTraining"
            ? `Trường Cao đẳng ${provinceName}`
            : `Trung tâm Dịch vụ việc làm tỉnh ${provinceName}`
      day = after(rng, day, [15, 120])
      add(day, "employmentCentre", { kind: "reemploy", reemployment: kind, provider })
      reintegration = reintegrationOf[kind]
    }
    // Social reintegration (tái hòa nhập xã hội) assessed by the commune for about half of those who stay home.
    if (!again && stages.chance(0.5))
      add(
        Math.max(day, returnDay) + stages.int(30, 150),
        "commune",
        {
          kind: "reintegrate",
          outcome:
            reintegration ??
            stages.weighted<Worker.ReintegrationOutcome>([
              ["employedDomestically", 45],
              ["selfEmployed", 25],
              ["inTraining", 10],
              ["notYetReintegrated", 20],
            ]),
        },
        { rng: stages },
      )
    if (!again) return finish()
    currentProgramme = programme
    day = after(rng, day, currentProgramme.code === "KR-SEASONAL" ? [60, 180] : [30, 120])
  }
}

/**
 * Puts the steps in order and gives each the moment an officer enters it: the same day to a few weeks after the
 * fact, on a working day, during office hours (08:00–17:00 in Vietnam, UTC+7), never before an earlier step of
 * the same worker. Steps that would be recorded after the horizon are cut off (with everything after them).
 */
const schedule = (
  rng: Rng,
  context: PlanContext,
  person: Person,
  registrationEventId: string,
  steps: Array<Step>,
  registeredAtMs: number,
): WorkerPlan => {
  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.sortDay - b.step.sortDay || a.index - b.index)
  const kept: Array<Step> = []
  let previousMs = registeredAtMs
  for (const { step } of ordered) {
    if (kept.length === 0) {
      step.recordedAtMs = registeredAtMs
      kept.push(step)
      continue
    }
    const r = step.rng ?? rng
    const lagRoll = r.next()
    const lag = lagRoll < 0.45 ? 0 : lagRoll < 0.75 ? r.int(1, 3) : lagRoll < 0.93 ? r.int(4, 14) : r.int(15, 35)
    let recordDay = Math.max(step.day + lag, Math.floor(previousMs / MS_PER_DAY))
    const weekday = weekdayOf(recordDay)
    if (weekday === 0) recordDay += 1
    else if (weekday === 6) recordDay += 2
    let ms: number
    if (recordDay * MS_PER_DAY <= previousMs) {
      ms = previousMs + r.int(2, 40) * MS_PER_MINUTE
    } else {
      ms = recordDay * MS_PER_DAY + (60 + r.int(0, 540)) * MS_PER_MINUTE // 01:00–10:00 UTC
    }
    if (step.day > context.lastDay || ms > context.nowMs || Math.floor(ms / MS_PER_DAY) > context.lastDay) break
    step.recordedAtMs = ms
    previousMs = ms
    kept.push(step)
  }
  return { person, registrationEventId, steps: kept }
}
