import type { SealedPersonal } from "../../personal-data/envelope.ts"
import {
  ConfirmDossier,
  RecordContract,
  RecordCounselling,
  RecordDeparture,
  RecordReturn,
  RegisterWorker,
} from "../commands.ts"
import {
  WorkerContractSigned,
  WorkerCounselled,
  WorkerDeparted,
  WorkerDossierConfirmed,
  WorkerRegistered,
  WorkerReturned,
} from "../events.ts"
import type { EnterpriseStanding } from "../values.ts"

/** Deterministic stand-ins for sealed envelopes: the decider never opens them. */
export const sealed = (label: string): SealedPersonal => ({
  keyId: "key-1",
  iv: "AAAAAAAAAAAAAAAA",
  ciphertext: Buffer.from(label).toString("base64"),
  tag: "AAAAAAAAAAAAAAAAAAAAAA==",
})

export const WORKER = "w-1"
export const DOB = "2000-05-20"
export const REG_DATE = "2025-01-10"

export const registrationData = {
  eventId: "e-reg",
  workerId: WORKER,
  occurredOn: REG_DATE,
  provinceCode: "14",
  residenceUnitCode: "04000",
  residenceUnitId: "u-04000",
  sex: "male" as const,
  birthYear: 2000,
  ethnicMinority: true,
  priorityGroups: ["poorHousehold" as const],
  blindIndex: "b".repeat(64),
  identity: sealed("identity"),
}

export const registered = new WorkerRegistered(registrationData)
export const registerCommand = new RegisterWorker(registrationData)

export const counselled = new WorkerCounselled({
  eventId: "e-counsel",
  workerId: WORKER,
  occurredOn: "2025-01-15",
  provider: "Trung tâm Dịch vụ việc làm Sơn La",
})
export const counsellingCommand = (occurredOn = "2025-01-15", eventId = "e-counsel") =>
  new RecordCounselling({ eventId, workerId: WORKER, occurredOn, provider: "Trung tâm Dịch vụ việc làm Sơn La" })

export const DOSSIER_DATE = "2025-02-01"
export const dossierConfirmed = new WorkerDossierConfirmed({
  eventId: "e-dossier",
  workerId: WORKER,
  occurredOn: DOSSIER_DATE,
})
export const confirmDossierCommand = (occurredOn = DOSSIER_DATE, eventId = "e-dossier") =>
  new ConfirmDossier({ eventId, workerId: WORKER, occurredOn })

/** An enterprise in good standing on the date (licensed, vetted in Sơn La, not suspended), unless overridden. */
export const standing = (
  on: string,
  overrides: Partial<EnterpriseStanding> = {},
  enterpriseId = "ent-1",
): EnterpriseStanding => ({
  enterpriseId,
  provinceCode: "14",
  on,
  licensed: true,
  vetted: true,
  suspended: false,
  ...overrides,
})

export const contractData = (eventId = "e-contract", occurredOn = "2025-03-01") => ({
  eventId,
  workerId: WORKER,
  occurredOn,
  enterpriseId: "ent-1",
  country: "KR",
  programme: "EPS",
  occupation: "Công nhân sản xuất",
  durationMonths: 36,
  monthlyWage: { amount: 2_060_740, currency: "KRW" },
  feesPaidByWorker: 28_000_000,
})
export const contracted = (eventId?: string, occurredOn?: string) =>
  new WorkerContractSigned(contractData(eventId, occurredOn))
export const contractCommand = (eventId?: string, occurredOn?: string) => {
  const data = contractData(eventId, occurredOn)
  return new RecordContract({ ...data, standing: standing(data.occurredOn) })
}

export const departureCommand = (occurredOn = "2025-04-01", eventId = "e-depart", dateOfBirth = DOB) =>
  new RecordDeparture({ eventId, workerId: WORKER, occurredOn, dateOfBirth })
export const departed = (occurredOn = "2025-04-01", eventId = "e-depart", contractEventId = "e-contract") =>
  new WorkerDeparted({ eventId, workerId: WORKER, occurredOn, contractEventId })

export const returnCommand = (
  occurredOn = "2026-04-01",
  eventId = "e-return",
  kind: "onTime" | "early" | "late" = "early",
) => new RecordReturn({ eventId, workerId: WORKER, occurredOn, kind, reason: "Hết hạn visa" })
export const returned = (
  occurredOn = "2026-04-01",
  eventId = "e-return",
  kind: "onTime" | "early" | "late" = "early",
) => new WorkerReturned({ eventId, workerId: WORKER, occurredOn, kind, reason: "Hết hạn visa" })

/** Registered, dossier confirmed, contracted, departed on 2025-04-01. */
export const abroadHistory = [registered, dossierConfirmed, contracted(), departed()]
