import { Worker } from "@xkld/domain"
import { describe, expect, it } from "vitest"
import { deriveDepartureRows, deriveWorkerRow } from "./derive.ts"

const W = "w-1"
const at = (eventId: string, occurredOn: string) => ({ eventId, workerId: W, occurredOn })
const sealed = { keyId: "k", iv: "AAAAAAAAAAAAAAAA", ciphertext: "eA==", tag: "AAAAAAAAAAAAAAAAAAAAAA==" }

const registered = new Worker.WorkerRegistered({
  ...at("e-reg", "2026-01-05"),
  provinceCode: "14",
  residenceUnitCode: "03646",
  residenceUnitId: "u-03646",
  sex: "female",
  birthYear: 2000,
  ethnicMinority: true,
  priorityGroups: ["especiallyDifficultArea"],
  blindIndex: "b".repeat(64),
  identity: sealed,
  wish: { marketCode: "KR", occupation: "Nông nghiệp" },
})
const contract = new Worker.WorkerContractSigned({
  ...at("e-contract", "2026-03-05"),
  enterpriseId: "ent-1",
  country: "KR",
  programme: "EPS",
  occupation: "Nông nghiệp",
  durationMonths: 36,
  monthlyWage: { amount: 2_000_000, currency: "KRW" },
  feesPaidByWorker: 0,
})

/** A whole life in the programme with every stage of issue 9, as the decider's state folds it. */
const history: ReadonlyArray<Worker.WorkerEvent> = [
  registered,
  new Worker.WorkerLegalCounselled({ ...at("e-legal", "2026-01-20"), provider: "Trợ giúp pháp lý" }),
  new Worker.WorkerAssessed({
    ...at("e-eps1", "2026-01-25"),
    assessment: "epsKoreanTest",
    outcome: "sat",
    organiser: "Bộ",
  }),
  new Worker.WorkerAssessed({
    ...at("e-eps2", "2026-02-10"),
    assessment: "epsKoreanTest",
    outcome: "passed",
    organiser: "Bộ",
  }),
  new Worker.WorkerAssessed({
    ...at("e-int", "2026-02-12"),
    assessment: "interview",
    outcome: "failed",
    organiser: "DN",
  }),
  new Worker.WorkerLoanFileConfirmed({ ...at("e-file", "2026-02-15"), loanId: "l-1", bank: "NHCSXH" }),
  new Worker.WorkerSubsidyAppraised({
    ...at("e-ap1", "2026-02-16"),
    subsidyId: "s-1",
    policyCode: "ctmtqg-dtts-mn",
    fundingSourceCode: "ctmtqg-dtts-mn",
    amount: 5_000_000,
  }),
  new Worker.WorkerSubsidyDecided({
    ...at("e-de1", "2026-02-18"),
    subsidyId: "s-1",
    approved: true,
    amount: 4_000_000,
    decisionNumber: "1/QĐ",
  }),
  new Worker.WorkerSubsidyPaid({ ...at("e-pa1", "2026-02-20"), subsidyId: "s-1", amount: 2_500_000 }),
  new Worker.WorkerSubsidyAppraised({
    ...at("e-ap2", "2026-02-16"),
    subsidyId: "s-2",
    policyCode: "ctmtqg-dtts-mn",
    fundingSourceCode: "ctmtqg-dtts-mn",
    amount: 1_000_000,
  }),
  new Worker.WorkerSubsidyDecided({
    ...at("e-de2", "2026-02-18"),
    subsidyId: "s-2",
    approved: false,
    amount: 0,
    decisionNumber: "2/QĐ",
    reason: "Trùng chính sách",
  }),
  new Worker.WorkerDossierConfirmed(at("e-dossier", "2026-02-25")),
  contract,
  new Worker.WorkerPassportIssued({ ...at("e-pass", "2026-03-06"), validUntil: "2036-03-06", sensitive: sealed }),
  new Worker.WorkerVisaIssued({ ...at("e-visa", "2026-03-20"), country: "KR", validUntil: "2029-03-20" }),
  new Worker.WorkerDeparted({ ...at("e-dep", "2026-04-01"), contractEventId: "e-contract" }),
  new Worker.WorkerProtectionCaseOpened({ ...at("e-c1", "2026-05-01"), caseId: "c-1", category: "wageDispute" }),
  new Worker.WorkerProtectionCaseResolved({ ...at("e-c1r", "2026-05-20"), caseId: "c-1", resolution: "Đã trả lương" }),
  new Worker.WorkerProtectionCaseOpened({ ...at("e-c2", "2026-06-01"), caseId: "c-2", category: "illness" }),
  new Worker.WorkerReturned({ ...at("e-ret", "2026-09-01"), kind: "early" }),
  new Worker.WorkerReturneeNotified({ ...at("e-n1", "2026-09-03"), recipient: "police" }),
  new Worker.WorkerReturneeNotified({ ...at("e-n2", "2026-09-04"), recipient: "commune" }),
  new Worker.WorkerReintegrationAssessed({ ...at("e-re", "2026-10-01"), outcome: "selfEmployed" }),
]

const stateOf = (events: ReadonlyArray<Worker.WorkerEvent>) =>
  events.reduce(Worker.workerDecider.evolve, Worker.workerDecider.initialState)

describe("the registry row: stages of issue 9", () => {
  it("shows each stage as the worker's history says", () => {
    const row = deriveWorkerRow(stateOf(history))!
    expect(row).toMatchObject({
      wishMarket: "KR",
      wishOccupation: "Nông nghiệp",
      legalCounselledOn: "2026-01-20",
      counselledOn: null,
      loanFileConfirmedOn: "2026-02-15",
      epsTestOutcome: "passed",
      epsTestOn: "2026-02-10",
      interviewOutcome: "failed",
      examOutcome: null,
      passportIssuedOn: "2026-03-06",
      passportValidUntil: "2036-03-06",
      visaIssuedOn: "2026-03-20",
      visaCountry: "KR",
      visaValidUntil: "2029-03-20",
      subsidiesAppraised: 2,
      subsidiesApproved: 1,
      subsidiesRefused: 1,
      subsidyApprovedAmount: 4_000_000,
      subsidyPaidAmount: 2_500_000,
      // by funding source: what was paid under each case's source (the refused case paid nothing)
      subsidyPaidBySource: { "ctmtqg-dtts-mn": 2_500_000 },
      // what was paid counts with the subsidies granted
      subsidyCount: 1,
      subsidyAmount: 2_500_000,
      protectionCases: 2,
      protectionCasesOpen: 1,
      returneeNotifiedCommuneOn: "2026-09-04",
      returneeNotifiedPoliceOn: "2026-09-03",
      reintegrationOutcome: "selfEmployed",
      reintegrationOn: "2026-10-01",
    })
  })

  it("keeps loans by bank and paid support by funding source; a grant without a case has no source", () => {
    const appraise = (id: string, source: string) =>
      new Worker.WorkerSubsidyAppraised({
        ...at(`e-ap-${id}`, "2026-02-16"),
        subsidyId: id,
        policyCode: "ctmtqg-gnbv",
        fundingSourceCode: source,
        amount: 3_000_000,
      })
    const decide = (id: string) =>
      new Worker.WorkerSubsidyDecided({
        ...at(`e-de-${id}`, "2026-02-18"),
        subsidyId: id,
        approved: true,
        amount: 3_000_000,
        decisionNumber: `${id}/QĐ`,
      })
    const pay = (id: string, n: number, amount: number) =>
      new Worker.WorkerSubsidyPaid({ ...at(`e-pa-${id}-${n}`, "2026-02-20"), subsidyId: id, amount })
    const loan = (id: string, eventId: string, bank: string, amount: number, status: Worker.LoanStatus) =>
      new Worker.WorkerLoanRecorded({ ...at(eventId, "2026-02-21"), loanId: id, bank, amount, status })
    const row = deriveWorkerRow(
      stateOf([
        registered,
        new Worker.WorkerSupportSubsidyGranted({
          ...at("e-grant", "2026-02-01"),
          policy: "Nghị quyết HĐND",
          amount: 700_000,
        }),
        appraise("a", "nsdp"),
        decide("a"),
        pay("a", 1, 1_000_000),
        pay("a", 2, 2_000_000),
        appraise("b", "ctmtqg-gnbv"),
        decide("b"),
        pay("b", 1, 500_000),
        loan("l-1", "e-l1", "NHCSXH", 50_000_000, "approved"),
        loan("l-1", "e-l1b", "NHCSXH", 60_000_000, "disbursed"),
        loan("l-2", "e-l2", "NHCSXH", 20_000_000, "rejected"),
        loan("l-3", "e-l3", "Agribank", 10_000_000, "disbursed"),
      ]),
    )!
    expect(row.subsidyPaidBySource).toEqual({ "ctmtqg-gnbv": 500_000, nsdp: 3_000_000 })
    expect(Object.keys(row.subsidyPaidBySource)).toEqual(["ctmtqg-gnbv", "nsdp"])
    // the grant and the payments count with the subsidies; the grant is what no source covers
    expect(row.subsidyAmount).toBe(700_000 + 3_500_000)
    expect(row.loanAmountByBank).toEqual({ Agribank: 10_000_000, NHCSXH: 60_000_000 })
    expect(row.loanAmount).toBe(70_000_000)
  })

  it("leaves every new field empty for a worker registered only (events written before these stages)", () => {
    const { wish: _wish, ...plain } = registered
    const row = deriveWorkerRow(stateOf([new Worker.WorkerRegistered(plain)]))!
    expect(row).toMatchObject({
      wishMarket: null,
      legalCounselledOn: null,
      epsTestOutcome: null,
      subsidiesAppraised: 0,
      subsidyPaidAmount: 0,
      subsidyPaidBySource: {},
      loanAmountByBank: {},
      protectionCases: 0,
      reintegrationOutcome: null,
      deathOrMissing: null,
      deathOrMissingOn: null,
    })
  })

  it("shows a worker reported missing abroad, and dead once reported dead", () => {
    const abroad = history.slice(
      0,
      history.findIndex((e) => e._tag === "WorkerReturned"),
    )
    const report = (eventId: string, occurredOn: string, status: "missing" | "deceased") =>
      new Worker.WorkerDeathOrMissingReported({
        ...at(eventId, occurredOn),
        status,
        country: "KR",
        source: "Doanh nghiệp",
      })
    const missing = [...abroad, report("e-m", "2026-07-01", "missing")]
    expect(deriveWorkerRow(stateOf(missing))).toMatchObject({
      deathOrMissing: "missing",
      deathOrMissingOn: "2026-07-01",
    })
    expect(deriveWorkerRow(stateOf([...missing, report("e-d", "2026-08-01", "deceased")]))).toMatchObject({
      deathOrMissing: "deceased",
      deathOrMissingOn: "2026-08-01",
    })
  })
})

describe("the departure row: legal counselling before departure", () => {
  it("is true only when legal counselling was recorded on or before the departure date", () => {
    expect(deriveDepartureRows(stateOf(history))[0]!.legalCounselledBeforeDeparture).toBe(true)
    const late = history.map((e) =>
      e._tag === "WorkerLegalCounselled" ? new Worker.WorkerLegalCounselled({ ...e, occurredOn: "2026-04-02" }) : e,
    )
    expect(deriveDepartureRows(stateOf(late))[0]!.legalCounselledBeforeDeparture).toBe(false)
  })
})
